"""Checks that compare entries with each other."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from umm_survey.links import repository_root
from umm_survey.load.entries import LoadedEntry
from umm_survey.problems import Problem
from umm_survey.schema import ARXIV_NEW

MONTHS_BEFORE_DATE_ALLOWED = 6


def check_across_entries(entries: list[LoadedEntry]) -> list[Problem]:
    problems: list[Problem] = []
    for check in (_duplicate_ids, _unknown_references, _same_paper, _shared_code, _arxiv_dates):
        problems.extend(check(entries))
    return problems


def _duplicate_ids(entries: list[LoadedEntry]) -> Iterable[Problem]:
    for group in _grouped(entries, lambda entry: entry.id).values():
        for entry in group[1:]:
            yield Problem(entry.path, 1, 1, "UMM301", f"id `{entry.id}` is already used by {group[0].path}; rename one of the files")


def _unknown_references(entries: list[LoadedEntry]) -> Iterable[Problem]:
    ids = {entry.id for entry in entries}
    for entry in entries:
        for index, other in enumerate(entry.model.same_paper_as):
            if other not in ids:
                yield entry.problem("UMM306", f"`same_paper_as` names `{other}`, which is not an entry", "same_paper_as", index)


def _same_paper(entries: list[LoadedEntry]) -> Iterable[Problem]:
    for field in ("arxiv", "bibkey"):
        groups = _grouped(entries, lambda entry: (entry.kind, getattr(entry.model, field)) if getattr(entry.model, field) else None)
        for group in groups.values():
            first = group[0]
            for entry in group[1:]:
                if _declared(first, entry):
                    continue
                value = getattr(entry.model, field)
                yield entry.problem(
                    "UMM302",
                    f"{field} `{value}` is also on {first.path}; if both {entry.kind.value}s come from one paper, list each in the other's `same_paper_as`",
                    field,
                )


def _declared(first: LoadedEntry, second: LoadedEntry) -> bool:
    return second.id in first.model.same_paper_as or first.id in second.model.same_paper_as


def _shared_code(entries: list[LoadedEntry]) -> Iterable[Problem]:
    groups = _grouped(entries, lambda entry: repository_root(entry.model.code) if entry.model.code else None)
    for root, group in groups.items():
        first = group[0]
        for entry in group[1:]:
            same_paper = entry.model.bibkey == first.model.bibkey
            same_series = entry.model.series is not None and entry.model.series == first.model.series
            if not (same_paper or same_series):
                yield entry.problem(
                    "UMM303",
                    f"code {root} is also the code of {first.path}, a different paper; check the link, or give both the same `series`",
                    "code",
                )


def _arxiv_dates(entries: list[LoadedEntry]) -> Iterable[Problem]:
    for entry in entries:
        match = ARXIV_NEW.match(entry.model.arxiv or "")
        if not match:
            continue
        arxiv_month = (2000 + int(match["yy"])) * 12 + int(match["mm"]) - 1
        entry_month = entry.model.date.year * 12 + entry.model.date.month - 1
        stamp = f"{2000 + int(match['yy'])}-{match['mm']}"
        # an id carries the month of arXiv's daily cut-off, so a paper sent on the 31st may get next month's id
        if arxiv_month > entry_month + 1:
            yield entry.problem("UMM304", f"arXiv {entry.model.arxiv} was submitted in {stamp}, more than a month after the date {entry.model.date}; is the id or the date wrong?", "arxiv")
        elif entry_month - arxiv_month > MONTHS_BEFORE_DATE_ALLOWED:
            yield entry.problem("UMM305", f"arXiv {entry.model.arxiv} dates from {stamp}, long before {entry.model.date}; `date` is the first public release", "date")


def _grouped(entries: list[LoadedEntry], key: Callable[[LoadedEntry], object]) -> dict[object, list[LoadedEntry]]:
    groups: dict[object, list[LoadedEntry]] = defaultdict(list)
    for entry in entries:
        value = key(entry)
        if value is not None:
            groups[value].append(entry)
    return {value: group for value, group in groups.items() if len(group) > 1}
