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
    for entry_id in sorted(set(architecture["models"]) | set(release["models"])):  # one write per file
        parts = [notes[entry_id] for notes in (architecture["models"], release["models"]) if entry_id in notes]
        merged = {field: {key: value for part in parts for key, value in part[field].items()} for field in ("facts", "sources")}
        marks = {field: [fact for part in parts for fact in part.get(field, [])] for field in ("not_stated", "unchecked", "not_applicable")}
        note = next((part["note"] for part in parts if part.get("note")), None)
        changed += add_facts(entry_id, merged["facts"], merged["sources"], "paper", marks["not_stated"], note, unchecked=marks["unchecked"], not_applicable=marks["not_applicable"])
        if note and " ".join(note.split()) not in " ".join((ROOT / "catalogue" / "models" / f"{entry_id}.yaml").read_text(encoding="utf-8").split()):
            notes_left.append(entry_id)
    print(f"components: {components} additions; model files changed: {changed}")
    if notes_left:
        print("notes not added (the entry has a note of its own):", ", ".join(notes_left))
    return 0


if __name__ == "__main__":
    sys.exit(main())
