"""One-off: add the papers of June 2025 onwards from the look-up notes in research/2026/new-*.json.

    python research/add_2026.py            # adds entries and records; writes catalogue/triage.yaml

The notes are frozen provenance: each paper's facts with the public pages they were read from.
A paper becomes an entry only when its title, first-version date and full author list were found;
the others, and every candidate the look-ups turned down, go to catalogue/triage.yaml with the
reason. The script never overwrites: a paper whose arXiv id is already catalogued or triaged, or
whose file exists, is left alone, so running it again changes nothing that was checked by hand.
"""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from apply_facts import make_bibkey  # noqa: E402
from fence import append_bib_records, refuse_uncommitted, write_catalogue_file  # noqa: E402

from umm_survey.authoring.entryfile import bib_authors, dump_entry, format_record, protect_title, tex_text, yaml_writer  # noqa: E402
from umm_survey.authoring.importer.plan import slug  # noqa: E402
from umm_survey.checks.catalogue import load_catalogue  # noqa: E402
from umm_survey.links import normalise_url  # noqa: E402
from umm_survey.schema import Kind  # noqa: E402

NOTES = sorted((ROOT / "research" / "2026").glob("new-*.json"))
GROUPS = {"tokenizer": "unified-tokenizer"}  # the notes' names for the new groups
TEAM = re.compile(r"(\bAI|Team|Group|Lab)$")


def candidates() -> tuple[list[dict], list[dict]]:
    papers, rejected = [], []
    for path in NOTES:
        rows = json.loads(path.read_text(encoding="utf-8"))
        (rejected if path.name.endswith(".rejected.json") else papers).extend(rows)
    return papers, rejected


def missing_facts(row: dict) -> list[str]:
    missing = [name for name in ("title", "date", "authors") if not row.get(name)]
    if row.get("date") and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["date"]):
        missing.append("date")
    return missing


def venue_of(row: dict, vocabulary) -> str:
    venue = (row.get("venue") or "arXiv").strip()
    return venue if venue == "arXiv" or vocabulary.split_venue(venue) else "arXiv"


def entry_target(name: str, kind: Kind, taken_ids: set[str]) -> tuple[str, Path]:
    """The id a new entry named `name` gets (a `-2` suffix while the id is taken) and its file."""
    entry_id = slug(name)
    while entry_id in taken_ids:
        entry_id += "-2"
    return entry_id, ROOT / "catalogue" / kind.folder / f"{entry_id}.yaml"


def entry_of(row: dict, group: str, kind: Kind, bibkey: str, vocabulary) -> dict:
    data = {
        "name": row["name"], "title": row["title"], "date": row["date"], "venue": venue_of(row, vocabulary), "groups": [group],
        "bibkey": bibkey, "arxiv": row["arxiv"], "code": normalise_url(row["code"]) if row.get("code") else None,
        "project": normalise_url(row["project"]) if row.get("project") else None, "summary": row.get("summary"),
    }
    if kind is Kind.MODEL:
        data["inputs"] = row.get("inputs") or ["text", "image"]
        data["outputs"] = row.get("outputs") or ["text", "image"]
    return data


def record_of(row: dict, data: dict, vocabulary) -> str:
    entry_type, fields = vocabulary.record_fields(data["venue"], data["date"])
    authors = bib_authors([("{" + name + "}") if TEAM.search(name) else tex_text(name) for name in row["authors"]])
    fields.update(author=authors, title=protect_title(tex_text(row["title"])))
    fields.update(eprint=row["arxiv"], archiveprefix="arXiv")
    return format_record(data["bibkey"], entry_type, fields)


def main() -> int:
    refuse_uncommitted(ROOT / "catalogue" / "references.bib")  # before any entry is written
    catalogue = load_catalogue(ROOT / "catalogue")
    vocabulary = catalogue.vocabulary
    known = {entry.model.arxiv for entry in catalogue.entries if entry.model.arxiv} | set(catalogue.triage.papers)
    taken_ids = {entry.id for entry in catalogue.entries}
    taken_keys = set(catalogue.bibliography.records)
    papers, rejected = candidates()
    records, triage, added = [], [], []
    for row in papers:
        if row["arxiv"] in known:
            continue
        known.add(row["arxiv"])
        group = GROUPS.get(row.get("group"), row.get("group"))
        missing = missing_facts(row)
        if group not in vocabulary.groups or missing:
            reason = f"in scope, but its {', '.join(missing)} could not be confirmed in a public record yet" if missing else f"no group fits the notes' `{group}`"
            triage.append({"arxiv": row["arxiv"], "title": row.get("title") or row.get("name"), "decision": "held", "reason": reason})
            continue
        kind = vocabulary.groups[group].kind
        entry_id, target = entry_target(row["name"], kind, taken_ids)
        if target.exists():
            continue
        taken_ids.add(entry_id)
        bibkey = make_bibkey(row["authors"], row["date"][:4], row["title"], taken_keys)
        data = entry_of(row, group, kind, bibkey, vocabulary)
        write_catalogue_file(target, dump_entry(kind, data))
        records.append(record_of(row, data, vocabulary))
        added.append(target)
    for row in rejected:
        if row.get("arxiv") and re.fullmatch(r"\d{4}\.\d{4,5}", row["arxiv"]) and row["arxiv"] not in known and row.get("decision") in {"out-of-scope", "duplicate", "held"}:
            known.add(row["arxiv"])
            triage.append({"arxiv": row["arxiv"], "title": row.get("title") or "?", "decision": row["decision"], "reason": row.get("reason") or "see the look-up notes"})
    if records:
        append_bib_records(ROOT / "catalogue" / "references.bib", records)
    if triage:
        write_triage(ROOT / "catalogue" / "triage.yaml", triage)
    print(f"added {len(added)} entries, triaged {len(triage)} papers")
    return 0


def write_triage(path: Path, new: list[dict]) -> None:
    """Append to triage.yaml: what is there stays as it is."""
    existing = path.read_text(encoding="utf-8") if path.exists() else "# Papers considered and not catalogued: the decision and its reason (see catalogue/README and docs/scope.md).\npapers:\n"
    buffer = io.StringIO()
    yaml_writer().dump(sorted(new, key=lambda row: row["arxiv"]), buffer)
    write_catalogue_file(path, existing.rstrip("\n") + "\n" + buffer.getvalue())


if __name__ == "__main__":
    sys.exit(main())
