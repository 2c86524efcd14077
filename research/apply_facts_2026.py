"""One-off: model facts (architecture, sizes, weights, licence, organisation) from research/2026/architecture/.

    python research/apply_facts_2026.py

`evidence.json` holds what four look-ups found for each model, with the page or file each fact was read
from and what could not be confirmed; `facts.json` is the curated subset (only facts read from the
paper, the official repository or its model card; nothing recalled, inferred or second-hand), and
`components.yaml` the components those facts name. This script merges them into the catalogue and only
ever adds: a component id already in catalogue/components.yaml keeps its fields (new aliases are added),
and a model field already set in its entry is left as it is. Running it again changes nothing.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "research"))

from fence import write_catalogue_file  # noqa: E402
from model_facts import add_components  # noqa: E402
from ruamel.yaml import YAML  # noqa: E402

from umm_survey.authoring.entryfile import yaml_writer  # noqa: E402
from umm_survey.authoring.formatting import format_entry  # noqa: E402
from umm_survey.schema import MODEL_FACT_FIELDS, Kind  # noqa: E402

NOTES = ROOT / "research" / "2026" / "architecture"


def _dump(document) -> str:
    buffer = io.StringIO()
    yaml_writer().dump(document, buffer)
    return buffer.getvalue()


def merge_components() -> int:
    return add_components(YAML(typ="safe").load((NOTES / "components.yaml").read_text(encoding="utf-8"))["components"])


def apply_facts() -> int:
    facts = json.loads((NOTES / "facts.json").read_text(encoding="utf-8"))
    writer = yaml_writer()
    changed = 0
    for entry_id, fields in sorted(facts.items()):
        path = ROOT / "catalogue" / "models" / f"{entry_id}.yaml"
        if not path.exists():
            continue
        document = writer.load(path.read_text(encoding="utf-8"))
        added = [name for name in MODEL_FACT_FIELDS if name in fields and name not in document and fields[name] not in (None, [], {}, "")]
        for name in added:
            document[name] = fields[name]
        if added:
            write_catalogue_file(path, format_entry(_dump(document), Kind.MODEL))
            changed += 1
    return changed


def main() -> int:
    print(f"components: {merge_components()} additions; models given facts: {apply_facts()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
