"""`umm-survey schema -o DIR`: JSON Schema files for editors (yaml-language-server)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from umm_survey.commands.common import OK
from umm_survey.publish.atomic import write_text_atomic
from umm_survey.schema import SCHEMAS, Kind, ResultsFile


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("schema", help="write JSON Schema files for editor completion", description=__doc__)
    parser.add_argument("-o", "--output", type=Path, default=Path("catalogue/schema"), metavar="DIR", help="folder to write <kind>.schema.json into")
    parser.set_defaults(run=run)


def json_schemas() -> dict[str, str]:
    """File name -> JSON text, one per kind of entry."""
    files = {}
    for name, model in [*((kind.value, SCHEMAS[kind]) for kind in Kind), ("results", ResultsFile)]:
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = f"{name}.schema.json"
        files[f"{name}.schema.json"] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    return files


def run(args: argparse.Namespace) -> int:
    for name, text in json_schemas().items():
        write_text_atomic(args.output / name, text)
        print(args.output / name)
    return OK
