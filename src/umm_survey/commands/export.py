"""`umm-survey export`: the validated, resolved catalogue as JSON, CSV or BibTeX."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path
from typing import Any

from ..atomic import write_text_atomic
from ..catalogue import Catalogue
from ..resolve import resolve_catalogue
from .common import OK, PROBLEMS, USAGE, add_catalogue_option, catalogue_folder_exists, load_or_report

CSV_COLUMNS = (
    "id", "kind", "name", "title", "date", "venue", "groups", "family", "arxiv", "bibkey", "authors",
    "paper", "code", "demo", "project", "data", "summary", "series", "inputs", "outputs", "size", "sample", "task", "metrics",
)


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("export", help="write the validated catalogue as json, csv or bibtex", description=__doc__)
    add_catalogue_option(parser)
    parser.add_argument("--format", choices=("json", "csv", "bibtex"), default="json")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help="write here (atomically) instead of to standard output")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if not catalogue_folder_exists(args.catalogue):
        return USAGE
    catalogue = load_or_report(args.catalogue)
    if catalogue is None:
        return PROBLEMS
    text = EXPORTERS[args.format](catalogue)
    if args.output:
        write_text_atomic(args.output, text)
    else:
        sys.stdout.write(text)
    return OK


def to_json(catalogue: Catalogue) -> str:
    entries = [_public(entry) for entry in resolve_catalogue(catalogue)]
    return json.dumps({"entries": entries}, indent=2, ensure_ascii=False) + "\n"


def to_csv(catalogue: Catalogue) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for entry in resolve_catalogue(catalogue):
        writer.writerow({column: _cell(_csv_value(entry, column)) for column in CSV_COLUMNS})
    return buffer.getvalue()


def to_bibtex(catalogue: Catalogue) -> str:
    used = {entry.model.bibkey for entry in catalogue.entries}
    records = [catalogue.bibliography.records[key] for key in sorted(used) if key in catalogue.bibliography.records]
    return "\n\n".join(record.raw.strip() for record in records) + "\n"


EXPORTERS = {"json": to_json, "csv": to_csv, "bibtex": to_bibtex}


def _public(entry: dict[str, Any]) -> dict[str, Any]:
    hidden = {"source", "plain_name", "year_published"}
    public = {key: value for key, value in entry.items() if key not in hidden}
    public.update(public.pop("links"))
    return public


def _csv_value(entry: dict[str, Any], column: str) -> Any:
    if column in entry.get("links", {}):
        return entry["links"][column]
    if column == "metrics":
        return [f"{metric['name']} ({'higher' if metric['higher_is_better'] else 'lower'} is better)" for metric in entry.get("metrics", [])]
    return entry.get(column)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    return str(value)
