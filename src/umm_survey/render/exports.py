"""The validated catalogue as JSON, CSV and BibTeX (used by `export` and by the site's downloads)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from umm_survey.checks.catalogue import Catalogue
from umm_survey.link.resolve import resolve_catalogue, resolve_results
from umm_survey.render.memo import Memo
from umm_survey.schema import MODEL_FACT_FIELDS, SCHEMAS, Metric

PART_COLUMNS = ("backbone", "understanding_encoder", "generation_encoder", "generation_decoder")
FACT_CSV_COLUMNS = (*PART_COLUMNS, "attention", "parameters", "weights", "licence", "organisation")
CSV_COLUMNS = (
    "id", "kind", "name", "title", "date", "venue", "groups", "family", "arxiv", "bibkey", "authors",
    "paper", "code", "demo", "project", "data", "summary", "series", "inputs", "outputs",
    *FACT_CSV_COLUMNS, "size", "sample", "task", "metrics", "results",
)


Resolved = list[dict[str, Any]]

# What the JSON export publishes, declared rather than left over: every field an entry's schema defines
# (links flattened in; a model's facts as the resolved `facts`), what the link stage adds from the
# bibliography and the taxonomy, and, for results, the resolved reading of each number. A key the site
# adds for itself never reaches the export.
ENTRY_EXPORT = (
    "id", "kind", "family", "authors", "bibtex",
    *dict.fromkeys(name for schema in SCHEMAS.values() for name in schema.model_fields if name not in MODEL_FACT_FIELDS),
    "facts",
)
METRIC_EXPORT = tuple(Metric.model_fields)
RESULT_EXPORT = ("model", "model_name", "family", "benchmark", "benchmark_name", "metric", "metric_name", "higher_is_better", "value", "printed", "as_printed", "setting", "source")


def to_json(catalogue: Catalogue) -> str:
    return json_text(resolve_catalogue(catalogue), resolve_results(catalogue))


def to_csv(catalogue: Catalogue) -> str:
    return csv_text(resolve_catalogue(catalogue), resolve_results(catalogue))


def json_text(entries: Resolved, results: Resolved, memo: Memo | None = None) -> str:
    """From already resolved data, so the site build resolves the catalogue once for every output. The text
    is `json.dumps({"entries": ..., "results": ...}, indent=2)`'s, put together from each entry's part
    (which `memo` may hold from an earlier build)."""
    memo = memo or Memo(enabled=False)
    public_results = [{key: result[key] for key in RESULT_EXPORT} for result in results]
    pieces = ['{\n  "entries": ', "[\n" if entries else "[]"]
    for index, entry in enumerate(entries):
        pieces += [",\n"] if index else []
        pieces.append(memo.text("json", entry, "", lambda entry=entry: _indented(json.dumps(_public(entry), indent=2, ensure_ascii=False), "    ")))
    pieces += ["\n  ]"] if entries else []
    pieces += [',\n  "results": ', _indented(json.dumps(public_results, indent=2, ensure_ascii=False), "  ").lstrip(), "\n}\n"]
    return "".join(pieces)  # one join: at 10,000 entries the text is 17 MB, and each extra concatenation copies it


def _indented(text: str, prefix: str) -> str:
    """Every line of a JSON text moved right (its strings hold no raw line breaks)."""
    return prefix + text.replace("\n", "\n" + prefix)


def csv_text(entries: Resolved, results: Resolved, memo: Memo | None = None) -> str:
    """One row per entry (which `memo` may hold from an earlier build), after the header."""
    memo = memo or Memo(enabled=False)
    results_of: dict[str, list[str]] = {}
    for result in results:
        reading = f"{result['benchmark']}/{result['metric']}={result['value']:g}"
        results_of.setdefault(result["model"], []).append(reading + (f" [{result['setting_text']}]" if result["setting_text"] else ""))
    rows = [_csv_rows([dict(zip(CSV_COLUMNS, CSV_COLUMNS))])]  # the header
    for entry in entries:
        readings = results_of.get(entry["id"], [])
        rows.append(memo.text("csv", entry, json.dumps(readings), lambda entry=entry, readings=readings: _csv_rows([_csv_row({**entry, "results": readings})])))
    return "".join(rows)


def _csv_row(entry: dict[str, Any]) -> dict[str, str]:
    return {column: _cell(_csv_value(entry, column)) for column in CSV_COLUMNS}


def _csv_rows(rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def to_bibtex(catalogue: Catalogue) -> str:
    used = {entry.model.bibkey for entry in catalogue.entries}
    records = [catalogue.bibliography.records[key] for key in sorted(used) if key in catalogue.bibliography.records]
    return "\n\n".join(record.raw.strip() for record in records) + "\n"


EXPORTERS = {"json": to_json, "csv": to_csv, "bibtex": to_bibtex}


def _public(entry: dict[str, Any]) -> dict[str, Any]:
    exported = set(ENTRY_EXPORT)
    public = {key: value for key, value in entry.items() if key in exported}  # in the link stage's order
    public.update(entry["links"])
    if "metrics" in public:  # copies: the site's metrics also carry a display `range`
        public["metrics"] = [{key: metric[key] for key in METRIC_EXPORT if key in metric} for metric in public["metrics"]]
    return public


def _csv_value(entry: dict[str, Any], column: str) -> Any:
    """A cell's value; lists become `a; b` (see docs/exports.md)."""
    if column in entry.get("links", {}):
        return entry["links"][column]
    facts = entry.get("facts")
    if facts is not None and column in FACT_CSV_COLUMNS:
        return _fact_value(facts, column)
    if column == "metrics":
        return [f"{metric['name']} ({'higher' if metric['higher_is_better'] else 'lower'} is better)" for metric in entry.get("metrics", [])]
    return entry.get(column)


def _fact_value(facts: dict[str, Any], column: str) -> Any:
    if column in PART_COLUMNS:
        return [part["written"] for part in facts["parts"][column]]
    if column == "parameters":  # plain numbers; a mixture of experts as total/active
        return [f"{size['total']:g}" + (f"/{size['active']:g}" if size["active"] else "") for size in facts["sizes"]]
    if column == "licence":
        return facts["licence"]["id"] if facts["licence"] else None
    return facts[column]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    return str(value)
