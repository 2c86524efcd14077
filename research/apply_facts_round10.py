"""One-off: model facts of December 2026's tenth round (research/2026/architecture/facts-round10*.json).

    python research/apply_facts_round10.py

A helper read each paper's method section in a full-text copy (file ids in the notes) and reported the
parts it names and the attention mask it states; what the paper did not state is marked `not_stated`.
Parts are named by components.yaml ids, names or aliases; the three components the facts need that the
vocabulary lacked (DC-AE, InternVL3.5, AIMv2, InternLM2, Yi, Anole, the Make-A-Scene tokenizer) are added, without links, which were not read.
`unreadable-round10.json` lists the models whose paper text neither helper could reach: the architecture facts
they lack are marked `unchecked` (X-VILA's and M2-omni's backbone and mask were then taken from the survey's
Table 2, `survey-table2.json`, by hand removing those two from their marks). Only adds, through the fence: running it again changes nothing.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "research"))

from model_facts import add_components, add_facts  # noqa: E402

NOTES = [ROOT / "research" / "2026" / "architecture" / name for name in ("facts-round10.json", "facts-round10b.json", "survey-table2.json", "unreadable-round10.json")]  # marks last: a fact a source gives is never marked


def main() -> int:
    components = models = 0
    for path in NOTES:
        notes = json.loads(path.read_text(encoding="utf-8"))
        components += add_components(notes.get("components", []))
        models += sum(add_facts(entry_id, model.get("facts", {}), model.get("sources", {}), "paper", model.get("not_stated", []), unchecked=model.get("unchecked", []))
                      for entry_id, model in sorted(notes["models"].items()))
    print(f"components: {components} additions; model entries given facts or marks: {models}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
