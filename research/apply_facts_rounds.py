"""One-off: the curated model-facts notes of December 2026 from the sixteenth round on, in round order:
research/2026/architecture/facts-round16.json, facts-round16b.json, facts-round16c.json, facts-round16d.json,
facts-round17.json, facts-round17b.json, facts-round17c.json, facts-round18.json, facts-round18b.json, facts-round18c.json, facts-round18d.json, facts-round18e.json, facts-round18f.json, facts-round18g.json, facts-round19.json, facts-round19b.json, facts-round19c.json, facts-round19d.json, facts-round19e.json, facts-round19f.json, facts-round20.json, facts-round20b.json, facts-round20c.json, facts-round20d.json, facts-round20e.json, facts-round20f.json and facts-round20g.json (each file's note says what it holds, what was taken and what was
left out and why; a later round adds a file here).

    python research/apply_facts_rounds.py

Each file is applied the way research/apply_facts_round15.py applies its round (same function): facts given
with their source or marked `not_stated` leave the entry's `unchecked` list; only adds, through the fence,
so running it again changes nothing.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "research"))

from apply_facts_round15 import apply_notes  # noqa: E402

ROUNDS = ("16", "16b", "16c", "16d", "17", "17b", "17c", "18", "18b", "18c", "18d", "18e", "18f", "18g", "19", "19b", "19c", "19d", "19e", "19f", "20", "20b", "20c", "20d", "20e", "20f", "20g")
NOTES = [ROOT / "research" / "2026" / "architecture" / f"facts-round{round_}.json" for round_ in ROUNDS]

if __name__ == "__main__":
    sys.exit(max(apply_notes(path) for path in NOTES))
