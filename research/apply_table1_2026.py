"""One-off: architecture facts from the survey's Table 1, and notes where our facts differ from it.

    python research/apply_table1_2026.py

`research/2026/architecture/survey-table1.json` is Table 1 of arXiv 2505.02567v6 as printed (read in a
full-text copy, file id 60924482404); `survey-table1-compare.json` compares it with the catalogue, model
by model; `survey-table1-curated.json` keeps what may be applied: parts Table 1 gives that the entry
lacks, named by components.yaml ids (generic terms such as "DiT" or "Diffusion" left out), and the
attention mask (Table 1's `Causal` as `causal`; `Bidirect.` as `bidirectional` for diffusion models and as
`causal-text-full-image` for AR + diffusion models, whose text the survey describes as autoregressive;
the two AR rows marked `Bidirect.` without a word on their text mask are left out).

Each fact added is sourced `survey Table 1 (arXiv 2505.02567v6)`. Where the entry's fact differs from
Table 1, a `fact_note` says what Table 1 gives and which source the entry follows. Only ever adds: a
fact the entry has, lists as not stated or as unchecked is left alone, and so is an existing note.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "research"))

from model_facts import add_facts  # noqa: E402
from ruamel.yaml import YAML  # noqa: E402

from umm_survey.link.modelfacts import PART_ROLES  # noqa: E402

CURATED = ROOT / "research" / "2026" / "architecture" / "survey-table1-curated.json"
SOURCE = "survey Table 1 (arXiv 2505.02567v6)"
LABELS = {role: label.lower() for role, label in PART_ROLES} | {"attention": "attention mask"}


def disagreement_note(disagree: dict, sources: dict) -> str:
    """`The survey's Table 1 gives MAGVIT-v2 as the generation encoder; this entry follows the README.`"""
    sentences = []
    for fact, table1 in disagree.items():
        follows = sources.get(fact)
        sentences.append(f"The survey's Table 1 gives {table1} as the {LABELS[fact]}; this entry follows " + (f"its source ({follows})." if follows else "the model's own paper."))
    return " ".join(sentences)


def apply(entry_id: str, curated: dict) -> bool:
    sources = {}
    path = ROOT / "catalogue" / "models" / f"{entry_id}.yaml"
    if path.exists():
        sources = YAML(typ="safe").load(path.read_text(encoding="utf-8")).get("fact_sources") or {}
    note = disagreement_note(curated["disagree"], sources) if curated["disagree"] else None
    return add_facts(entry_id, curated["facts"], {}, SOURCE, note=note)


def main() -> int:
    models = json.loads(CURATED.read_text(encoding="utf-8"))["models"]
    changed = sum(apply(entry_id, curated) for entry_id, curated in sorted(models.items()))
    print(f"{changed} model entries given facts or notes from the survey's Table 1")
    return 0


if __name__ == "__main__":
    sys.exit(main())
