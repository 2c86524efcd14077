"""Part of the link stage: a model's facts (architecture, sizes, weights, licence) resolved against the
component and licence vocabularies, in the plain-data shape the exports and the site read."""

from __future__ import annotations

from typing import Any

from umm_survey.load.vocab import Vocabulary
from umm_survey.schema import FACT_MARKS, FACT_NAMES, MixtureSize, Model, parameter_count

PART_ROLES = (
    ("understanding_encoder", "Understanding encoder"),
    ("generation_encoder", "Generation encoder"),
    ("backbone", "Backbone"),
    ("generation_decoder", "Generation decoder"),
)
FACT_LABELS = {**dict(PART_ROLES), "attention": "Attention when generating", "sizes": "Sizes", "weights": "Weights", "licence": "Licence", "organisation": "Organisation"}
ATTENTION_LABELS = {"causal": "causal", "bidirectional": "bidirectional", "causal-text-full-image": "causal across the sequence, full within each image", "block-causal": "full within each block, causal across blocks"}


def size_text(parameters: float) -> str:
    """7e9 -> `7B`, 1.5e9 -> `1.5B`, 400e6 -> `400M`."""
    for unit, scale in (("T", 1e12), ("B", 1e9), ("M", 1e6), ("K", 1e3)):
        if parameters >= scale:
            return f"{parameters / scale:.3g}{unit}"
    return f"{parameters:g}"


def size_reading(item: float | int | str | MixtureSize) -> dict[str, Any]:
    """A size in the facts' vocabulary as {total, active, text}: `7B` -> 7e9, no active count, text `7B`."""
    if isinstance(item, MixtureSize):
        total, active = parameter_count(item.total), parameter_count(item.active)
        return {"total": total, "active": active, "text": f"{size_text(total)} ({size_text(active)} active)"}
    total = parameter_count(item)
    return {"total": total, "active": None, "text": size_text(total)}


def _part(written: str, vocabulary: Vocabulary) -> dict[str, Any]:
    """A part as the entry writes it, its component, and how pages show it: as written, but by its name where the entry gives the bare id."""
    component = vocabulary.component(written)
    shown = component.name if component and written == component.id else written
    return {"written": written, "shown": shown, "component": component.id if component else None, "component_name": component.name if component else written,
            "component_kind": component.kind.value if component else None}


def resolve_facts(model: Model, vocabulary: Vocabulary) -> dict[str, Any]:
    """Everything a reader compares models by, with every architecture part resolved to its component."""
    architecture = model.architecture
    parts: dict[str, list[dict[str, Any]]] = {}
    for role, _label in PART_ROLES:
        value = getattr(architecture, role) if architecture else None
        written = value if isinstance(value, list) else [value] if value else []
        parts[role] = [_part(name, vocabulary) for name in written]
    sizes = [size_reading(item) for item in model.sizes]
    licence = vocabulary.licences.get(model.licence) if model.licence else None
    sources = model.fact_sources.model_dump(exclude_none=True) if model.fact_sources else {}
    stated = [name for name in FACT_NAMES if _has(model, parts, name)]
    missing = {name: _mark(model, name) for name in FACT_NAMES if name not in stated}
    return {
        "parts": parts,
        "attention": architecture.attention.value if architecture and architecture.attention else None,
        "sizes": sizes,
        "size_text": ", ".join(size["text"] for size in sizes),
        "largest": max((size["total"] for size in sizes), default=None),
        "smallest": min((size["total"] for size in sizes), default=None),
        "weights": list(model.weights),
        "open_weights": bool(model.weights),
        "licence": {"id": licence.id, "name": licence.name, "permissive": licence.permissive, "url": model.licence_url} if licence else None,
        "organisation": list(model.organisation),
        "sources": sources,
        "not_stated": list(model.not_stated),
        "not_applicable": list(model.not_applicable),
        "stated": stated,
        "missing": missing,
        "missing_text": {name: MISSING_TEXT[mark] for name, mark in missing.items()},
        "components": sorted({part["component"] for role in parts.values() for part in role if part["component"]}),
        "note": model.fact_note,
    }


MISSING_TEXT = {  # why a fact is absent, as a page says it
    "not_stated": "not stated in the paper or the release",
    "unchecked": "not checked yet against the paper or the release",
    "not_applicable": "none: the model has no such part",
    "unrecorded": "not yet recorded",
}


def _mark(model: Model, name: str) -> str:
    for mark in FACT_MARKS:
        if name in getattr(model, mark):
            return mark
    return "unrecorded"


def _has(model: Model, parts: dict[str, list[dict[str, Any]]], name: str) -> bool:
    if name in parts:
        return bool(parts[name])
    if name == "attention":
        return bool(model.architecture and model.architecture.attention)
    return bool(getattr(model, name))
