"""One-off: add the held papers whose facts were confirmed later, from research/2026/held-resolved.json,
held-resolved-round14.json, held-resolved-round15.json, held-resolved-round16.json, held-resolved-round17.json, held-resolved-round18.json, held-resolved-round18b.json, held-resolved-round19.json, held-resolved-round19b.json, held-resolved-round19c.json, held-resolved-round19d.json, held-resolved-round19e.json, held-resolved-round20.json, held-resolved-round20b.json, held-resolved-round20c.json and held-resolved-round20d.json.

    python research/add_held_2026.py       # adds entries and records; removes their `held` rows from catalogue/triage.yaml

`held-resolved.json` is frozen provenance: the papers of `catalogue/triage.yaml` marked `held` whose title,
full author list and first-version date a second round of look-ups found on public pages (each row names
them in `evidence` and `fact_pages`). For each such paper that is still triaged `held` and not catalogued,
the script writes its entry file and BibTeX record the way research/add_2026.py does (same functions) and
then deletes that paper's row from triage.yaml, leaving every other line, comment and the order as they
are. It never overwrites: an existing entry file or bibkey is never replaced, and a paper that is no longer
triaged `held` is left alone, so a second run changes nothing. The new BibTeX records are appended and,
when references.bib was in canonical form before, put in their sorted places the way `umm-survey fmt`
does (no existing record changes). A model with released code gets `unchecked: [weights, licence]`, as
those facts were not looked up.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from add_2026 import GROUPS, entry_of, entry_target, missing_facts, record_of  # noqa: E402
from apply_facts import make_bibkey  # noqa: E402
from fence import append_bib_records, refuse_uncommitted, write_catalogue_file  # noqa: E402

from umm_survey.authoring.entryfile import dump_entry  # noqa: E402
from umm_survey.checks.catalogue import load_catalogue  # noqa: E402
from umm_survey.load.triage import TRIAGE_FILE  # noqa: E402
from umm_survey.schema import Kind  # noqa: E402

NOTES = [ROOT / "research" / "2026" / name for name in ("held-resolved.json", "held-resolved-round14.json", "held-resolved-round15.json", "held-resolved-round16.json", "held-resolved-round17.json", "held-resolved-round18.json", "held-resolved-round18b.json", "held-resolved-round19.json", "held-resolved-round19b.json", "held-resolved-round19c.json", "held-resolved-round19d.json", "held-resolved-round19e.json", "held-resolved-round20.json", "held-resolved-round20b.json", "held-resolved-round20c.json", "held-resolved-round20d.json")]


def drop_triage_rows(text: str, arxiv_ids: set[str]) -> tuple[str, set[str]]:
    """Remove the list items of `arxiv_ids` from triage.yaml's text; every other line stays byte-for-byte.

    An item is its `  - arxiv: ...` line and the more deeply indented lines after it.
    """
    start = re.compile(r"^  - arxiv: ['\"]?(?P<id>[^'\"\s]+)['\"]?\s*$")
    kept, removed, skipping = [], set(), False
    for line in text.splitlines(keepends=True):
        match = start.match(line.rstrip("\r\n"))
        if match:
            skipping = match["id"] in arxiv_ids
            if skipping:
                removed.add(match["id"])
        elif skipping and not line.startswith("    "):
            skipping = False
        if not skipping:
            kept.append(line)
    return "".join(kept), removed


def main() -> int:
    refuse_uncommitted(ROOT / "catalogue" / "references.bib", ROOT / "catalogue" / TRIAGE_FILE)  # before any entry is written
    catalogue = load_catalogue(ROOT / "catalogue")
    vocabulary = catalogue.vocabulary
    catalogued = {entry.model.arxiv for entry in catalogue.entries if entry.model.arxiv}
    held = {arxiv for arxiv, paper in catalogue.triage.papers.items() if paper.decision == "held"}
    taken_ids = {entry.id for entry in catalogue.entries}
    taken_keys = set(catalogue.bibliography.records)
    records, added, untriage = [], [], set()
    for row in [row for path in NOTES for row in json.loads(path.read_text(encoding="utf-8"))]:
        arxiv = row["arxiv"]
        if arxiv not in held:
            continue  # added already, or decided otherwise by hand
        if arxiv in catalogued:
            untriage.add(arxiv)  # catalogued papers must not stay triaged
            continue
        group = GROUPS.get(row["group"], row["group"])
        if missing_facts(row) or group not in vocabulary.groups:
            print(f"skipped {arxiv}: facts missing or group `{group}` unknown", file=sys.stderr)
            continue
        kind = vocabulary.groups[group].kind
        entry_id, target = entry_target(row["name"], kind, taken_ids)
        if target.exists():
            print(f"skipped {arxiv}: {target.relative_to(ROOT)} exists", file=sys.stderr)
            continue
        taken_ids.add(entry_id)
        bibkey = make_bibkey(row["authors"], row["date"][:4], row["title"], taken_keys)
        data = entry_of(row, group, kind, bibkey, vocabulary)
        if kind is Kind.MODEL and data.get("code"):
            data["unchecked"] = ["weights", "licence"]
        write_catalogue_file(target, dump_entry(kind, data))
        records.append(record_of(row, data, vocabulary))
        added.append(target)
        catalogued.add(arxiv)
        untriage.add(arxiv)
    if records:
        append_bib_records(ROOT / "catalogue" / "references.bib", records)
    removed: set[str] = set()
    if untriage:
        path = ROOT / "catalogue" / TRIAGE_FILE
        text, removed = drop_triage_rows(path.read_text(encoding="utf-8"), untriage)
        if removed != untriage:
            raise SystemExit(f"triage rows not found for {sorted(untriage - removed)}")
        write_catalogue_file(path, text, held_now_added=frozenset(removed))
    print(f"added {len(added)} entries, removed {len(removed)} held rows from {TRIAGE_FILE}")
    for target in added:
        print(f"  {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
