"""One-off: the venue changes of research/2026/venue-changes-round16.json marked `applied` (December 2026,
sixteenth round), each read on the conference's own page (CVF open access or the CVPR 2026 poster site).

    python research/apply_venues_round16.py

Applied the way research/apply_venues_round15.py applies its round (same function, through
`authoring.venues.apply_venue`); an entry no longer marked `arXiv` is left alone, so running it again
changes nothing. The row not applied says why (the accepted paper is another version of the one cited).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "research"))

from apply_venues_round15 import apply_notes  # noqa: E402

NOTES = [ROOT / "research" / "2026" / "venue-changes-round16.json"]

if __name__ == "__main__":
    sys.exit(apply_notes(NOTES))
