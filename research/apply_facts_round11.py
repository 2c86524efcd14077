"""One-off: model facts of December 2026's eleventh round (research/2026/architecture/facts-round11.json,
release-round11.json).

    python research/apply_facts_round11.py

Architecture parts, marks (`not_stated`, `unchecked`, `not_applicable`) and notes for the 56 models whose
architecture was neither given nor marked, and release facts for the models that lacked them. The notes
files say how each fact was read. Only adds, through the fence: running it again changes nothing. It prints
the models whose note was not added because the entry already has one (those are edited by hand).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "research"))

from model_facts import add_components, add_facts  # noqa: E402

NOTES = ROOT / "research" / "2026" / "architecture"


def main() -> int:
    architecture = json.loads((NOTES / "facts-round11.json").read_text(encoding="utf-8"))
    release = json.loads((NOTES / "release-round11.json").read_text(encoding="utf-8"))
    components = add_components(architecture["components"])
    changed, notes_left = 0, []
    for notes in (architecture["models"], release["models"]):
        for entry_id, model in sorted(notes.items()):
            changed += add_facts(entry_id, model["facts"], model["sources"], "paper", model["not_stated"], model.get("note"),
                                 unchecked=model["unchecked"], not_applicable=model.get("not_applicable", []))
            if model.get("note") and model["note"] not in (ROOT / "catalogue" / "models" / f"{entry_id}.yaml").read_text(encoding="utf-8"):
                notes_left.append(entry_id)
    print(f"components: {components} additions; model files changed: {changed}")
    if notes_left:
        print("notes not added (the entry has a note of its own):", ", ".join(notes_left))
    return 0


if __name__ == "__main__":
    sys.exit(main())
