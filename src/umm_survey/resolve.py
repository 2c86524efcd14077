"""The link stage: validated entries resolved against the taxonomy and bibliography.

The result is plain data (dicts of JSON types), the one shape that export,
the README and the site all read.
"""

from __future__ import annotations

from typing import Any

import datetime as dt

from .bib import latex_to_text
from .catalogue import Catalogue
from .checks.entry import LoadedEntry
from .enrich import code_status, github_repo, load_metadata
from .schema import Kind

LINK_FIELDS = ("paper", "code", "demo", "project", "data")
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
        "family": family.value if family else None,
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
    resolved["plain_name"] = latex_to_text(model.name) if "$" in model.name or "\\" in model.name else model.name
    return resolved

