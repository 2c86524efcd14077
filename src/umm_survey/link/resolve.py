"""The link stage: validated entries resolved against the taxonomy and bibliography.

The result is plain data (dicts of JSON types), the one shape that export,
the README and the site all read.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from umm_survey.checks.catalogue import Catalogue
from umm_survey.link.modelfacts import resolve_facts, size_reading
from umm_survey.load.bib import latex_to_text
from umm_survey.load.entries import LoadedEntry
from umm_survey.load.metadata import code_status, github_repo, load_metadata
from umm_survey.schema import LINK_FIELDS, MODEL_FACT_FIELDS, Kind

KIND_ORDER = {kind: index for index, kind in enumerate(Kind)}


def resolve_catalogue(catalogue: Catalogue, today: dt.date | None = None) -> list[dict[str, Any]]:
    entries = sorted(catalogue.entries, key=lambda entry: (KIND_ORDER[entry.kind], entry.id))
    github = load_metadata(catalogue.root)
    today = today or dt.date.today()
    return [resolve_entry(entry, catalogue, github, today) for entry in entries]


def resolve_entry(entry: LoadedEntry, catalogue: Catalogue, github: dict[str, dict[str, Any]], today: dt.date) -> dict[str, Any]:
    model = entry.model
    record = catalogue.bibliography.records.get(model.bibkey)
    data = model.model_dump(mode="json", exclude_none=True)
    data.pop("id", None)
    links = {name: data.pop(name) for name in LINK_FIELDS if name in data}
    if model.arxiv:
        links.setdefault("paper", f"https://arxiv.org/abs/{model.arxiv}")
    family = catalogue.vocabulary.family(model.groups[0]) if entry.kind is Kind.MODEL else None
    resolved: dict[str, Any] = {
        "id": entry.id,
        "kind": entry.kind.value,
        "name": model.name,
        "title": model.title,
        "date": model.date.isoformat(),
        "venue": model.venue,
        "groups": list(model.groups),
        "family": family,
        "arxiv": model.arxiv,
        "bibkey": model.bibkey,
        "authors": record.authors if record else [],
        "links": links,
        "bibtex": record.raw.strip() if record else "",
        "source": entry.path,
    }
    for key, value in data.items():
        resolved.setdefault(key, value)
    for metric in resolved.get("metrics", []):
        bounds = (metric.get("min"), metric.get("max"))
        metric["range"] = "" if bounds == (None, None) else "–".join("" if bound is None else f"{bound:g}" for bound in bounds)
    resolved["code_status"] = code_status(github.get(github_repo(model.code) or ""), today)
    split = catalogue.vocabulary.split_venue(model.venue)
    resolved["venue_name"] = split[0].name if split else model.venue
    resolved["year_published"] = split[1] if split else None
    if entry.kind is Kind.MODEL:
        for name in MODEL_FACT_FIELDS:  # replaced by `facts`, with components and licences resolved
            resolved.pop(name, None)
        resolved["facts"] = resolve_facts(model, catalogue.vocabulary)
    resolved["plain_name"] = plain_name(model.name)
    return resolved



def setting_text(setting: dict[str, Any]) -> str:
    """A short reading of a result's setting: `7B, 384px, rewritten prompts, split val`."""
    parts = []
    if setting.get("size"):
        parts.append(setting["size"])
    if setting.get("variant"):
        parts.append(setting["variant"])
    if setting.get("resolution"):
        parts.append(f"{setting['resolution']}px")
    if setting.get("prompt_rewriting") is True:
        parts.append("rewritten prompts")
    for key in ("split", "judge", "note"):
        if setting.get(key):
            parts.append(f"{key} {setting[key]}" if key != "note" else setting[key])
    return ", ".join(parts)


def plain_name(name: str) -> str:
    """A name as plain text (`UniCode²`, not `UniCode$^2$`); most names hold no LaTeX and pass as they are."""
    return latex_to_text(name) if "$" in name or "\\" in name else name


def resolve_results(catalogue: Catalogue) -> list[dict[str, Any]]:
    """Every reported number with the names, family, metric direction and source resolved; sorted."""
    entries = catalogue.by_id()
    entry_of_bibkey = {}
    for entry in sorted(catalogue.entries, key=lambda entry: entry.id):
        entry_of_bibkey.setdefault(entry.model.bibkey, entry.id)
    resolved = []
    for results in catalogue.results:
        model = entries.get(results.model.model)
        if model is None:
            continue
        family = catalogue.vocabulary.family(model.model.groups[0])
        for index, result in enumerate(results.model.results):
            benchmark = entries.get(result.benchmark)
            metric = next((item for item in benchmark.model.metrics if item.id == result.metric), None) if benchmark else None
            if metric is None:
                continue
            setting = result.setting.model_dump(exclude_none=True)
            size = size_reading(result.setting.size) if result.setting.size is not None else None
            if size:
                setting["size"] = size["text"]
            resolved.append({
                "model": model.id, "model_name": model.model.name, "family": family,
                "benchmark": benchmark.id, "benchmark_name": benchmark.model.name,
                "metric": metric.id, "metric_name": metric.name, "higher_is_better": metric.higher_is_better,
                "value": result.value, "printed": results.source.number_text(("results", index, "value")) or f"{result.value:g}", "as_printed": result.as_printed, "setting": setting, "setting_text": setting_text(setting), "size": setting.get("size", ""), "size_params": size["total"] if size else None,
                "source": {**result.source.model_dump(), "entry": entry_of_bibkey.get(result.source.bibkey), "entry_name": plain_name(entries[source].model.name) if (source := entry_of_bibkey.get(result.source.bibkey)) else None},
            })
    return sorted(resolved, key=lambda item: (item["benchmark"], item["metric"], item["model"], item["setting_text"]))
