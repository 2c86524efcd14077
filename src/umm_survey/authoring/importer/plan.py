"""Plan an import: merge listed papers into entries and compare them with the catalogue. Writes nothing."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from umm_survey.authoring.entryfile import ascii_text, bibkey_for
from umm_survey.authoring.importer.groups import group_for
from umm_survey.authoring.importer.parse import ListedPaper
from umm_survey.checks.catalogue import Catalogue, entry_files
from umm_survey.links import repository_root
from umm_survey.load.bib import normalise_title
from umm_survey.schema import Kind

TODO = "TODO"


@dataclass
class PlannedEntry:
    id: str
    kind: Kind
    data: dict[str, Any]
    lines: list[int]
    needs_group: bool = False
    month_only_date: bool = False
    warnings: list[str] = field(default_factory=list)


@dataclass
class ImportPlan:
    new: list[PlannedEntry] = field(default_factory=list)
    existing: list[tuple[str, list[int]]] = field(default_factory=list)  # (entry path, list lines)
    differences: list[tuple[str, str, Any, Any]] = field(default_factory=list)  # (entry path, field, catalogue, list)
    triaged: list[tuple[str, int, str]] = field(default_factory=list)  # (arXiv id, list line, decision and reason)


def slug(text: str) -> str:
    text = ascii_text(text)
    text = re.sub(r"\$\^\{?(\w+)\}?\$", r"-\1", text)
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "entry"


def paper_key(paper: ListedPaper) -> str:
    return paper.arxiv or normalise_title(paper.title)


def name_key(paper: ListedPaper) -> str:
    """Rows merge only when they name the same thing: `ShareGPT-4o-Image (Editing)` is `ShareGPT-4o-Image`."""
    return " ".join(re.sub(r"\([^)]*\)", "", paper.name or paper.title).lower().split())


def plan_import(papers: list[ListedPaper], catalogue: Catalogue) -> ImportPlan:
    plan = ImportPlan()
    merged: dict[tuple[Kind, str], PlannedEntry] = {}
    taken_ids = {path.stem for _, path in entry_files(catalogue.root)}
    taken_keys = set(catalogue.bibliography.records)
    existing = {(entry.kind, entry.model.arxiv or normalise_title(entry.model.title)): entry for entry in catalogue.entries}
    known_bibkeys = {paper: entry.model.bibkey for (_, paper), entry in existing.items()}
    reported: set[str] = set()
    for paper in papers:
        group = group_for(paper.headings, catalogue.vocabulary)
        kind = catalogue.vocabulary.groups[group].kind if group in catalogue.vocabulary.groups else Kind.MODEL
        key = (kind, paper_key(paper))
        triaged = catalogue.triage.reason(paper.arxiv) if paper.arxiv else None
        if triaged:
            plan.triaged.append((paper.arxiv, paper.line, triaged))
            continue
        if key in existing:
            _compare(plan, existing[key], paper, group, reported)
            continue
        merge_key = (*key, name_key(paper))
        if merge_key in merged:
            planned = merged[merge_key]
            if group and group not in planned.data["groups"]:
                planned.data["groups"].append(group)
            planned.lines.append(paper.line)
            continue
        planned = _new_entry(paper, kind, group, taken_ids, taken_keys, merged)
        planned.data["bibkey"] = known_bibkeys.get(key[1], planned.data["bibkey"])  # same paper as an entry of another kind
        for (other_kind, other_paper, _), other in merged.items():
            if other_kind == kind and other_paper == key[1]:  # two things from one paper: say so on both
                other.data.setdefault("same_paper_as", []).append(planned.id)
                planned.data.setdefault("same_paper_as", []).append(other.id)
        merged[merge_key] = planned
        plan.new.append(planned)
    return plan


def _compare(plan: ImportPlan, entry, paper: ListedPaper, group: str | None, reported: set[str]) -> None:
    if entry.path not in reported:
        plan.existing.append((entry.path, [paper.line]))
        reported.add(entry.path)
    else:
        next(item for item in plan.existing if item[0] == entry.path)[1].append(paper.line)
    model = entry.model
    listed = {"title": paper.title, "date": paper.date, "code": paper.code, "demo": paper.demo}
    current = {"title": model.title, "date": model.date.isoformat(), "code": model.code, "demo": model.demo}
    for name, value in listed.items():
        if value and current[name] and (normalise_title(value) != normalise_title(current[name]) if name == "title" else value != current[name]):
            plan.differences.append((entry.path, name, current[name], value))
    if group and group not in model.groups:
        plan.differences.append((entry.path, "groups", list(model.groups), f"also listed under {group}"))


def _unique(base: str, taken: set[str]) -> str:
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    taken.add(candidate)
    return candidate


def _new_entry(paper: ListedPaper, kind: Kind, group: str | None, taken_ids: set[str], taken_keys: set[str], merged) -> PlannedEntry:
    name = paper.name or paper.title.split(":")[0]
    year = paper.date[:4]
    entry_id = _unique(slug(name), taken_ids)
    sibling = next((planned for (_, other_key, _), planned in merged.items() if other_key == paper_key(paper)), None)
    bibkey = sibling.data["bibkey"] if sibling else bibkey_for(re.split(r"[^A-Za-z]", ascii_text(name))[0] or name, year, paper.title, taken_keys)  # Big-5B -> big2022corpus
    venue = paper.venue.strip()
    if not venue or venue.lower() in {"arxiv", "-"}:
        venue = "arXiv"
    elif not re.search(r"\d{4}$", venue):
        venue = f"{venue} {year}"
    data: dict[str, Any] = {
        "name": name, "title": paper.title, "date": paper.date if len(paper.date) == 10 else f"{paper.date[:7]}-01",
        "venue": venue, "groups": [group] if group else [TODO], "bibkey": bibkey, "arxiv": paper.arxiv,
        "code": paper.code, "demo": paper.demo, "project": paper.project,
    }
    if not paper.arxiv and paper.url != paper.data:
        data["paper"] = paper.url
    if kind is Kind.MODEL:
        data.update(inputs=["text", "image"], outputs=["text", "image"])
    elif kind is Kind.DATASET:
        data.update(size=paper.size or 1, sample=f"{TODO}: what one sample is", data=paper.data)
    elif kind is Kind.BENCHMARK:
        data.update(task=f"{TODO}: what the benchmark tests", metrics=[{"id": "todo", "name": TODO, "higher_is_better": True}])
    warnings = []
    if paper.star_repo and paper.code and repository_root(paper.code) != f"https://github.com/{paper.star_repo}".lower():
        warnings.append(f"the star badge shows {paper.star_repo} but the code link is {paper.code}")
    return PlannedEntry(entry_id, kind, data, [paper.line], needs_group=group is None, month_only_date=len(paper.date) != 10, warnings=warnings)
