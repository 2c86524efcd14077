"""One-off: model facts that earlier rounds marked `unchecked`, read in December 2026's sixteenth round
(research/2026/architecture/facts-round16.json), the first facts of the models that round added
(facts-round16b.json), and organisations, masks and sizes read later in the round (facts-round16c.json,
facts-round16d.json); all curated by hand, and each file's note says what was left out and why.

    python research/apply_facts_round16.py

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

NOTES = [ROOT / "research" / "2026" / "architecture" / name for name in ("facts-round16.json", "facts-round16b.json", "facts-round16c.json", "facts-round16d.json")]

if __name__ == "__main__":
    sys.exit(max(apply_notes(path) for path in NOTES))
