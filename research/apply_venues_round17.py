"""One-off: the venue changes of research/2026/venue-changes-round17.json marked `applied` (December 2026,
seventeenth round), read on the conference's own page (ACL Anthology, the ICML 2026 poster site) or in the paper's arXiv comment.

    python research/apply_venues_round17.py

Applied the way research/apply_venues_round15.py applies its round (same function, through
`authoring.venues.apply_venue`); an entry no longer marked `arXiv` is left alone, so running it again
changes nothing. The rows not applied say why (a retitled version, third-party records only, a workshop or demo track).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "research"))

from apply_venues_round15 import apply_notes  # noqa: E402

NOTES = [ROOT / "research" / "2026" / "venue-changes-round17.json"]

if __name__ == "__main__":
    sys.exit(apply_notes(NOTES))
