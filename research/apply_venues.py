"""One-off: apply the confirmed venue changes of research/2026/venue-changes.json.

    python research/apply_venues.py

Only rows marked `confirmed` (seen on the official repository, project page or proceedings) and whose
entry still says `arXiv` are applied: the entry's venue, and its record's type, booktitle or journal
and year, as `Vocabulary.record_fields` makes them (the eprint is kept). An entry that no longer says
`arXiv` was changed by hand since and is left alone; running it again changes nothing.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from fence import retired  # noqa: E402

from umm_survey.authoring.entryfile import format_record  # noqa: E402
from umm_survey.checks.catalogue import load_catalogue  # noqa: E402
from umm_survey.load.bib import load_bibliography  # noqa: E402
from umm_survey.publish.atomic import write_text_atomic  # noqa: E402


def main() -> int:
    retired(__file__, "the commits that added its notes (git log -- research/apply_venues.py)")
    catalogue = load_catalogue(ROOT / "catalogue")
    entries = {entry.path: entry for entry in catalogue.entries}
    bib_path = ROOT / "catalogue" / "references.bib"
    bib_text = bib_path.read_text(encoding="utf-8")
    applied = 0
    for row in json.loads((ROOT / "research" / "2026" / "venue-changes.json").read_text()):
        entry = next((entry for path, entry in entries.items() if path.endswith(row["file"].removeprefix("catalogue/"))), None)
        if row["confidence"] != "confirmed" or entry is None or entry.model.venue != "arXiv":
            continue
        entry_type, fields = catalogue.vocabulary.record_fields(row["proposed"], entry.model.date.isoformat())
        record = catalogue.bibliography.records[entry.model.bibkey]
        kept = {name: value for name, value in record.fields.items() if name.lower() not in {"year", "booktitle", "journal", "howpublished"}}
        bib_text = bib_text.replace(record.raw.rstrip(), format_record(record.key, entry_type, {**kept, **fields}).rstrip(), 1)
        path = ROOT / row["file"]
        text = path.read_text(encoding="utf-8")
        write_text_atomic(path, re.sub(r"(?m)^venue: arXiv$", f"venue: {row['proposed']}", text, count=1))
        applied += 1
    write_text_atomic(bib_path, bib_text)
    load_bibliography(bib_path, str(bib_path))
    print(f"applied {applied} venue changes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
