"""One-off: add the papers of the three other lists that the catalogue lacked and that belong in it.

    python research/add_beyond.py

Reads research/beyond-*.json (one decision per candidate, with the reason and, for those included,
the verified facts), writes an entry and a BibTeX record for each included paper, and writes
research/other-lists.md: every candidate, added or not, with the reason.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from apply_facts import ROOT, bib_record, canonical_venue, make_bibkey  # noqa: E402
from fence import retired  # noqa: E402

from umm_survey.authoring.entryfile import append_records, dump_entry  # noqa: E402
from umm_survey.authoring.importer.plan import slug  # noqa: E402
from umm_survey.checks.catalogue import load_catalogue  # noqa: E402
from umm_survey.links import normalise_url  # noqa: E402
from umm_survey.publish.atomic import write_text_atomic  # noqa: E402
from umm_survey.schema import Kind  # noqa: E402

# included by the look-ups, but held back until a record confirms what the notes say is from memory
HELD = {
    "jetformer": "held back: authors and first-version date not yet seen in a public record",
    "mint": "held back: first-version date and image representation not confirmed",
    "minigpt-5": "held back: first-version date not yet seen in a public record",
    "unidiffuser": "held back: first-version date and venue not yet seen in a public record",
    "unicms": "held back: date not confirmed; its first version may have been titled Show-o Turbo",
    "ofa": "held back: first-version date not yet seen in a public record",
    "unified-io": "held back: first-version date and venue not yet seen in a public record",
    "healthgpt": "held back: first-version date and encoder design not confirmed",
    "ulm-r1": "held back: its abstract does not name the base model, so the group cannot be read from it",
    "moma": "not added: an efficiency study judged by pre-training loss, not a unified model evaluated on understanding and generation",
    "mixture-of-transformers": "not added: an architecture study without understanding results",
    "c3net": "not added: a multi-condition generator whose only understanding is conditional text generation",
    "modaverse": "not added: generation is delegated to frozen external generators through text prompts (tool use)",
}


def entry_data(row: dict, kind: Kind, catalogue) -> dict:
    data = {
        "name": row["name"], "title": row["title"], "date": row["date"], "venue": canonical_venue(row.get("venue"), catalogue.vocabulary, row),
        "groups": [row["group"]], "arxiv": row.get("arxiv"),
        "code": normalise_url(row["code"]) if row.get("code") else None, "demo": normalise_url(row["demo"]) if row.get("demo") else None,
        "project": normalise_url(row["project"]) if row.get("project") else None, "summary": row.get("summary"),
    }
    if kind is Kind.MODEL:
        data.update(inputs=row.get("inputs") or ["text", "image"], outputs=row.get("outputs") or ["text", "image"])
    elif kind is Kind.DATASET:
        data.update(size=int(row.get("size") or 1), sample=row.get("sample") or "TODO: what one sample is")
    elif kind is Kind.BENCHMARK:
        data.update(task=row.get("task") or "TODO", metrics=[
            {"id": re.sub(r"[^a-z0-9]+", "-", metric["name"].lower()).strip("-") or "score", "name": metric["name"], "higher_is_better": bool(metric["higher_is_better"])}
            for metric in row.get("metrics") or [{"name": "TODO", "higher_is_better": True}]
        ])
    return data


def main() -> int:
    retired(__file__, "the commits that added its notes (git log -- research/add_beyond.py)")
    catalogue = load_catalogue(ROOT / "catalogue")
    have = {entry.model.arxiv for entry in catalogue.entries if entry.model.arxiv}
    taken_ids = {entry.id for entry in catalogue.entries}
    taken_keys = set(catalogue.bibliography.records)
    rows = [row for path in sorted((ROOT / "research").glob("beyond-*.json")) for row in json.loads(path.read_text())]
    records, added, report = [], [], []
    for row in rows:
        if row.get("include") and row.get("arxiv") in have:
            row = {**row, "include": False, "reason": f"already in the catalogue (arXiv {row['arxiv']})"}
        if row.get("include") and row.get("id") in HELD:
            row = {**row, "include": False, "reason": f"{HELD[row['id']]} ({row.get('group')})"}
        if not row.get("include"):
            report.append((row["title"], row.get("arxiv") or "–", "not added", row.get("reason", "")))
            continue
        kind = Kind(row["kind"])
        entry_id = row.get("id") or slug(row["name"])
        while entry_id in taken_ids:
            entry_id += "-2"
        taken_ids.add(entry_id)
        data = entry_data(row, kind, catalogue)
        year = data["venue"].split()[-1] if data["venue"] != "arXiv" else data["date"][:4]
        data["bibkey"] = make_bibkey(row.get("authors") or [], year, data["title"], taken_keys)
        write_text_atomic(ROOT / "catalogue" / kind.folder / f"{entry_id}.yaml", dump_entry(kind, data))
        records.append(bib_record(data["bibkey"], data, row, catalogue))
        have.add(row.get("arxiv"))
        added.append(entry_id)
        report.append((row["title"], row.get("arxiv") or "–", f"added as `{kind.folder}/{entry_id}.yaml` ({row['group']})", row.get("reason", "")))
    if records:
        append_records(ROOT / "catalogue" / "references.bib", records)
    cell = lambda text: " ".join(str(text).split()).replace("|", "\\|")  # noqa: E731
    lines = [
        "# Papers in the other lists that the catalogue lacked",
        "",
        "`umm-survey import --dry-run` over the three other lists in `shared/data` (showlab, yongliu20, BradyFU's",
        "Unified branch) found these papers missing from the catalogue. Each was judged from its own abstract:",
        "added when it is a unified understanding-and-generation model, or a benchmark or dataset for such",
        "models, and placed in a group; otherwise listed with the reason.",
        "",
        f"{len(added)} added, {len(report) - len(added)} not added.",
        "",
        "| paper | arXiv | decision | reason |",
        "| --- | --- | --- | --- |",
        *(f"| {cell(title)} | {arxiv} | {cell(decision)} | {cell(reason)} |" for title, arxiv, decision, reason in sorted(report, key=lambda item: item[2] == "not added")),
    ]
    write_text_atomic(ROOT / "research" / "other-lists.md", "\n".join(lines) + "\n")
    print(f"added {len(added)} entries, {len(records)} records; report in research/other-lists.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
