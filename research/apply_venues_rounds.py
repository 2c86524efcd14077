"""One-off: the venue changes marked `applied` in the notes of December 2026 from the sixteenth round on:
research/2026/venue-changes-round16.json (read on the conference's own pages: CVF open access, the CVPR 2026
poster site) and venue-changes-round17.json (ACL Anthology, the ICML 2026 poster site, a paper's arXiv
comment) and venue-changes-round18.json (an official README and an official project page, where the
proceedings page was not stored) and venue-changes-round19.json (arXiv comments; retitled versions and
third-party copies of accepted lists not applied) and venue-changes-round20.json (official READMEs and
project pages, and the publication lists of a paper's last author or project lead where the title and author
list match); a later round adds its file here.

    python research/apply_venues_rounds.py

Applied the way research/apply_venues_round15.py applies its round (same function, through
`authoring.venues.apply_venue`); an entry no longer marked `arXiv` is left alone, so running it again
changes nothing. Rows not applied say why (another version of the paper cited, third-party records only,
a workshop or demo track).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "research"))

from apply_venues_round15 import apply_notes  # noqa: E402

NOTES = [ROOT / "research" / "2026" / f"venue-changes-round{round_}.json" for round_ in ("16", "17", "18", "19", "20")]

if __name__ == "__main__":
    sys.exit(apply_notes(NOTES))
