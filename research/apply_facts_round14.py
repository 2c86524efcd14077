"""One-off: model facts for the models added in December 2026's fourteenth round (research/2026/new-2601-2611-round14.json and
new-2505-2607-round14b.json, and the held papers of held-resolved-round14.json).

    python research/apply_facts_round14.py

Every model of that round starts with all its facts marked `unchecked`; the facts that helpers read in the
official repositories and on the papers' first pages (research/2026/architecture/facts-round14.json, once
curated) are given with their sources, or marked `not_stated`, and leave `unchecked`. Only adds, through
the fence: running it again changes nothing.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "research"))
sys.path.insert(0, str(ROOT / "src"))

from model_facts import add_components, add_facts  # noqa: E402

from umm_survey.checks.catalogue import load_catalogue  # noqa: E402
from umm_survey.schema import FACT_NAMES, Kind  # noqa: E402

ROUNDS = [ROOT / "research" / "2026" / name for name in ("new-2601-2611-round14.json", "new-2505-2607-round14b.json", "held-resolved-round14.json")]
NOTES = ROOT / "research" / "2026" / "architecture" / "facts-round14.json"


def round_models() -> list[str]:
    """The ids of the model entries whose arXiv id is one of the round's models (matched by id, not by name)."""
    rows = [row for path in ROUNDS for row in json.loads(path.read_text(encoding="utf-8"))]
    wanted = {row["arxiv"] for row in rows if row["kind"] == "model"}
    return sorted(entry.id for entry in load_catalogue(ROOT / "catalogue").entries if entry.kind is Kind.MODEL and entry.model.arxiv in wanted)


def main() -> int:
    notes = json.loads(NOTES.read_text(encoding="utf-8")) if NOTES.exists() else {"components": [], "models": {}}
    components = add_components(notes["components"])
    changed = 0
    for entry_id in round_models():
        found = notes["models"].get(entry_id, {"facts": {}, "sources": {}, "not_stated": [], "not_applicable": []})
        settled = set(found["facts"]) | set(found["not_stated"]) | set(found.get("not_applicable", []))
        marks = [fact for fact in FACT_NAMES if fact not in settled]
        changed += add_facts(entry_id, found["facts"], found["sources"], "paper", found["not_stated"], found.get("note"),
                             unchecked=marks, not_applicable=found.get("not_applicable", []), settle_unchecked=True)
    print(f"components: {components} additions; model files changed: {changed}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
