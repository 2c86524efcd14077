"""One-off: the venue changes of research/2026/venue-changes-round15.json and venue-changes-round15b.json marked
`applied` (December 2026, fifteenth round), each from the paper's arXiv comment, its official README or its proceedings page.

    python research/apply_venues_round15.py

Writes through `authoring.venues.apply_venue`, the writer `enrich --venues --write` uses (the entry's
`venue` and its BibTeX record's type and fields). An entry whose venue is no longer `arXiv` is left alone,
so running it again changes nothing. Rows not applied say why (a demo track, a year not stated, a
third-party record or a copy of an accepted-paper list only).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from umm_survey.authoring.venues import apply_venue  # noqa: E402
from umm_survey.checks.catalogue import load_catalogue  # noqa: E402

NOTES = [ROOT / "research" / "2026" / name for name in ("venue-changes-round15.json", "venue-changes-round15b.json")]


def apply_notes(paths: list[Path]) -> int:
    """Apply the rows of `paths` marked `applied` to entries still marked `arXiv`; prints how many changed."""
    changed = 0
    for row in (row for path in paths for row in json.loads(path.read_text(encoding="utf-8"))):
        if not row["applied"]:
            continue
        catalogue = load_catalogue(ROOT / "catalogue")  # again for each change: the bibliography it rewrites
        entry = catalogue.by_id().get(Path(row["file"]).stem)
        if entry is None or entry.model.venue != "arXiv":
            continue
        apply_venue(catalogue, entry, row["proposed"])
        changed += 1
    print(f"venues changed: {changed}")
    return 0


if __name__ == "__main__":
    sys.exit(apply_notes(NOTES))
