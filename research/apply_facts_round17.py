"""One-off: model facts that earlier rounds marked `unchecked`, read in December 2026's seventeenth round, and
the first facts of Dynin-Omni, the model that round added from the held list
(research/2026/architecture/facts-round17.json), and what the curator read in a paper kept in an official
repository (facts-round17b.json); curated by hand, and each file's note says what was left out and why.

    python research/apply_facts_round17.py

Applied the way research/apply_facts_round15.py applies its round (same function): facts given with their
source or marked `not_stated` leave the entry's `unchecked` list; only adds, through the fence, so running
it again changes nothing.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "research"))

from apply_facts_round15 import apply_notes  # noqa: E402

NOTES = [ROOT / "research" / "2026" / "architecture" / name for name in ("facts-round17.json", "facts-round17b.json")]

if __name__ == "__main__":
    sys.exit(max(apply_notes(path) for path in NOTES))
