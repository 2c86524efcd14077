"""Entries against their corrections: CORRECTIONS.md can never disagree with the catalogue (UMM308)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from umm_survey.links import normalise_url
from umm_survey.load.corrections import CorrectionsFile
from umm_survey.load.entries import LoadedEntry
from umm_survey.problems import Problem
from umm_survey.schema import LINK_FIELDS


def check_corrections(corrections: CorrectionsFile | None, positions, entries: list[LoadedEntry], display: str) -> Iterable[Problem]:
    if corrections is None:
        return
    by_file = {f"{entry.kind.folder}/{entry.id}.yaml": entry for entry in entries}
    for index, correction in enumerate(corrections.corrections):
        where = positions.position(("corrections", index, "entry"))
        entry = by_file.get(correction.entry)
        if entry is None:
            yield Problem(display, *where, "UMM308", f"no entry {correction.entry}; a correction must name a catalogued entry", f"corrections.{index}.entry")
            continue
        if not correction.has_value or correction.field not in type(entry.model).model_fields:
            continue
        held = _plain(getattr(entry.model, correction.field), correction.field)
        wanted = _plain(correction.value, correction.field)
        if held != wanted:
            line, column = positions.position(("corrections", index, "value"))
            yield Problem(display, line, column, "UMM308", f"{correction.entry} has {correction.field} {held!r}, but its correction says {wanted!r} ({correction.source}); fix one of them", f"corrections.{index}.value")


def _plain(value: object, field: str) -> object:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str) and field in LINK_FIELDS:
        return normalise_url(value)
    return value if value is None or isinstance(value, (int, float, bool, list)) else str(value)
