"""One-off: model facts that earlier rounds marked `unchecked`, read in December 2026's fifteenth round
(research/2026/architecture/facts-round15.json, curated by hand; its note says what was left out and why).

    python research/apply_facts_round15.py

Each fact is given with its source, or marked `not_stated` where the official record was read and does not
give it, and leaves the entry's `unchecked` list; facts not given stay `unchecked` (a model added this round
gets its other facts marked so). Only adds, through the
fence: running it again changes nothing.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "research"))

from model_facts import add_components, add_facts  # noqa: E402

NOTES = ROOT / "research" / "2026" / "architecture" / "facts-round15.json"


def apply_notes(path: Path) -> int:
    """Apply one round's curated facts file (the shape of facts-round15.json); the command's exit status."""
    notes = json.loads(path.read_text(encoding="utf-8"))
    components = add_components(notes["components"])
    changed = sum(add_facts(entry_id, found["facts"], found["sources"], "official record", found["not_stated"], found.get("note"),
                            unchecked=found.get("unchecked", []), not_applicable=found.get("not_applicable", []), settle_unchecked=True)
                  for entry_id, found in notes["models"].items())
    print(f"components: {components} additions; model files changed: {changed}")
    return 0


def main() -> int:
    return apply_notes(NOTES)


if __name__ == "__main__":
    sys.exit(main())
