"""The validated catalogue as JSON, CSV and BibTeX (used by `export` and by the site's downloads)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from .catalogue import Catalogue
from .resolve import resolve_catalogue, resolve_results

CSV_COLUMNS = (
    "id", "kind", "name", "title", "date", "venue", "groups", "family", "arxiv", "bibkey", "authors",
    "paper", "code", "demo", "project", "data", "summary", "series", "inputs", "outputs", "size", "sample", "task", "metrics", "results",
)


def to_json(catalogue: Catalogue) -> str:
    entries = [_public(entry) for entry in resolve_catalogue(catalogue)]
    results = [{key: value for key, value in result.items() if key not in {"setting_text", "size"}} for result in resolve_results(catalogue)]
    return json.dumps({"entries": entries, "results": results}, indent=2, ensure_ascii=False) + "\n"


def to_csv(catalogue: Catalogue) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    results_of: dict[str, list[str]] = {}
    for result in resolve_results(catalogue):
        reading = f"{result['benchmark']}/{result['metric']}={result['value']:g}"
        results_of.setdefault(result["model"], []).append(reading + (f" [{result['setting_text']}]" if result["setting_text"] else ""))
    for entry in resolve_catalogue(catalogue):
        entry = {**entry, "results": results_of.get(entry["id"], [])}
        writer.writerow({column: _cell(_csv_value(entry, column)) for column in CSV_COLUMNS})
    return buffer.getvalue()


def to_bibtex(catalogue: Catalogue) -> str:
    used = {entry.model.bibkey for entry in catalogue.entries}
    records = [catalogue.bibliography.records[key] for key in sorted(used) if key in catalogue.bibliography.records]
    return "\n\n".join(record.raw.strip() for record in records) + "\n"


EXPORTERS = {"json": to_json, "csv": to_csv, "bibtex": to_bibtex}


def _public(entry: dict[str, Any]) -> dict[str, Any]:
    hidden = {"source", "plain_name", "year_published", "venue_name", "code_status"}
    public = {key: value for key, value in entry.items() if key not in hidden}
    public.update(public.pop("links"))
    for metric in public.get("metrics", []):
        metric.pop("range", None)
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
