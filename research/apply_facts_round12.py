"""One-off: model facts of December 2026's twelfth round (research/2026/architecture/facts-round12.json).

    python research/apply_facts_round12.py

For models that had facts marked `unchecked`, the facts a second look settled: given (each with its source)
or `not_stated` (read, not given). Each settled fact leaves the model's `unchecked` list; the rest stay there.
Only adds, through the fence: running it again changes nothing.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "research"))

from model_facts import add_facts  # noqa: E402

NOTES = ROOT / "research" / "2026" / "architecture" / "facts-round12.json"


def main() -> int:
    models = json.loads(NOTES.read_text(encoding="utf-8"))["models"]
    changed = sum(add_facts(entry_id, notes["facts"], notes["sources"], "paper", notes["not_stated"], settle_unchecked=True) for entry_id, notes in sorted(models.items()))
    print(f"model files changed: {changed}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
