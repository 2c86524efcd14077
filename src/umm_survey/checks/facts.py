"""Checks on a model's facts: its architecture parts name known components, its licence is known,
released code comes with weights or a licence, and a model whose facts are started accounts for all nine.
They read the raw data, so they run even when the schema fails elsewhere in the file."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from umm_survey.load.vocab import Vocabulary
from umm_survey.problems import Problem
from umm_survey.schema import FACT_MARKS, FACT_NAMES, PART_NAMES

if TYPE_CHECKING:
    from umm_survey.load.entries import RawEntry

LIST_PARTS = ("understanding_encoder", "generation_encoder")
SINGLE_PARTS = ("backbone", "generation_decoder")


def fact_problems(entry: RawEntry, data: dict[str, Any], vocabulary: Vocabulary) -> list[Problem]:
    return [*_component_problems(entry, data, vocabulary), *_licence_problems(entry, data, vocabulary), *_release_problems(entry, data), *_mark_problems(entry, data),
            *_unaccounted_problems(entry, data)]


def _mark_problems(entry: RawEntry, data: dict[str, Any]) -> list[Problem]:
    """A fact is given, or marked once: a mark on a given fact, or two marks on one, would tell readers two things."""
    seen: dict[str, str] = {}
    problems = []
    for mark in FACT_MARKS:
        names = data.get(mark)
        for index, name in enumerate(names if isinstance(names, list) else []):
            if not isinstance(name, str):
                continue
            if _given(data, name):
                problems.append(entry.problem("UMM220", f"`{name}` is given, so it cannot also be in `{mark}`; remove one", mark, index))
            elif name in seen:
                problems.append(entry.problem("UMM220", f"`{name}` is in both `{seen[name]}` and `{mark}`; keep the one that is true", mark, index))
            seen.setdefault(name, mark)
    return problems


def _given(data: dict[str, Any], name: str) -> bool:
    """Whether the fact `name` has a value: an architecture part inside `architecture`, the others at the top."""
    architecture = data.get("architecture") if isinstance(data.get("architecture"), dict) else {}
    return (architecture if name in PART_NAMES else data).get(name) not in (None, [], "")


def _marked(data: dict[str, Any], marks: tuple[str, ...]) -> set[str]:
    """The fact names listed in the mark lists `marks` (`not_stated`, `unchecked`, `not_applicable`)."""
    return {name for mark in marks if isinstance(data.get(mark), list) for name in data[mark] if isinstance(name, str)}


def _unaccounted_problems(entry: RawEntry, data: dict[str, Any]) -> list[Problem]:
    """Once a model records any fact, each of the others is given or marked, so a reader never meets a silent gap.

    A draft with no facts at all (what `new` and `import` write) is left alone: its facts are not started yet;
    so is an architecture with a misspelt part, which UMM202 reports (the part is there, under another name).
    """
    architecture = data.get("architecture")
    if isinstance(architecture, dict) and set(architecture) - set(PART_NAMES):
        return []
    marked = _marked(data, FACT_MARKS)
    given = {name for name in FACT_NAMES if _given(data, name)}
    missing = [name for name in FACT_NAMES if name not in given | marked]
    if not missing or not (given or marked):
        return []
    field = next((key for key in ("unchecked", "not_stated", "architecture") if key in data), "name")
    names = ", ".join(f"`{name}`" for name in missing)
    verb = "is" if len(missing) == 1 else "are"
    return [entry.problem("UMM221", f"{names} {verb} neither given nor marked; give each, or list it in `not_stated` (read, not given), `unchecked` (not read yet) or `not_applicable`", field)]


def named_parts(architecture: object) -> list[tuple[tuple[str | int, ...], str]]:
    """(field path inside `architecture`, the name written) for every part that names a component."""
    if not isinstance(architecture, dict):
        return []
    parts: list[tuple[tuple[str | int, ...], str]] = []
    for name in SINGLE_PARTS:
        if isinstance(architecture.get(name), str):
            parts.append(((name,), architecture[name]))
    for name in LIST_PARTS:
        values = architecture.get(name)
        if isinstance(values, list):
            parts.extend(((name, index), value) for index, value in enumerate(values) if isinstance(value, str))
    return parts


def _component_problems(entry: RawEntry, data: dict[str, Any], vocabulary: Vocabulary) -> list[Problem]:
    if "components" in vocabulary.unreadable:
        return []  # components.yaml's own problems are reported; every part would be unknown
    problems = []
    for path, written in named_parts(data.get("architecture")):
        if written.strip() and vocabulary.component(written) is None:
            message = f"`{written}` is not a component in components.yaml{vocabulary.component_hint(written)}"
            problems.append(entry.problem("UMM215", message, "architecture", *path))
    return problems


def _licence_problems(entry: RawEntry, data: dict[str, Any], vocabulary: Vocabulary) -> list[Problem]:
    licence = data.get("licence")
    if not isinstance(licence, str) or "licences" in vocabulary.unreadable:
        return []
    if licence not in vocabulary.licences:
        known = {known.lower(): known for known in vocabulary.licences}
        hint = f"; did you mean `{known[licence.lower()]}`?" if licence.lower() in known else "; use an SPDX id from licences.yaml, or `custom` with `licence_url`"
        return [entry.problem("UMM218", f"licence `{licence}` is not in licences.yaml{hint}", "licence")]
    if licence == "custom" and not data.get("licence_url"):
        return [entry.problem("UMM218", "licence `custom` needs `licence_url`, a link to the licence text", "licence")]
    return []


def _release_problems(entry: RawEntry, data: dict[str, Any]) -> list[Problem]:
    accounted = _marked(data, ("not_stated", "unchecked"))
    if not data.get("code") or data.get("weights") or data.get("licence") or {"weights", "licence"} & accounted:
        return []
    return [entry.problem("UMM219", "the model has released code but no `weights` and no `licence`; add them, or list them in `not_stated` (or `unchecked`)", "code")]
