"""`catalogue/triage.yaml`: papers looked at and not added, each with its decision and reason.

Decisions are data, like entries: the validator refuses an arXiv id that is both catalogued and
triaged, and `new` and `import` skip triaged ids and say so. A missing file is an empty triage.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import Field

from umm_survey.load.vocab import load_checked_file
from umm_survey.problems import Problem
from umm_survey.schema import ArxivId, StrictModel, Text

TRIAGE_FILE = "triage.yaml"


class TriagedPaper(StrictModel):
    """One paper that was considered and not catalogued."""

    arxiv: ArxivId = Field(description="Bare arXiv id, e.g. `2601.01234`.")
    title: Text = Field(description="The paper's title, to recognise it by.")
    decision: Literal["out-of-scope", "duplicate", "held"] = Field(
        description="`out-of-scope`: not a unified model or work about one; `duplicate`: another record of a catalogued paper; `held`: in scope but a fact could not yet be confirmed."
    )
    reason: Text = Field(description="Why, in a sentence a later curator can check.")


class TriageFile(StrictModel):
    papers: list[TriagedPaper] = Field(default_factory=list, description="Every triaged paper, one per arXiv id.")


@dataclass
class Triage:
    path: str = TRIAGE_FILE
    papers: dict[str, TriagedPaper] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)

    def reason(self, arxiv_id: str) -> str | None:
        paper = self.papers.get(arxiv_id)
        return f"{paper.decision}: {paper.reason}" if paper else None


def load_triage(catalogue: Path, display: str | None = None) -> tuple[Triage, list[Problem]]:
    path = catalogue / TRIAGE_FILE
    display = display or str(path)
    triage = Triage(path=display)
    problems: list[Problem] = []
    parsed, loaded = load_checked_file(path, TriageFile, problems, "UMM502", optional=True, display=display, max_bytes=4 * 1024 * 1024)
    if parsed is None:
        return triage, problems
    for index, paper in enumerate(parsed.papers):
        line, column = loaded.position(("papers", index))
        if paper.arxiv in triage.papers:
            problems.append(Problem(display, line, column, "UMM502", f"arXiv {paper.arxiv} is triaged twice (first on line {triage.lines[paper.arxiv]})", f"papers.{index}.arxiv"))
            continue
        triage.papers[paper.arxiv] = paper
        triage.lines[paper.arxiv] = line
    return triage, problems


def triaged_and_catalogued(triage: Triage, entries) -> list[Problem]:
    """UMM307: an id cannot be both an entry and a decision not to add it."""
    problems = []
    for entry in entries:
        arxiv_id = entry.model.arxiv
        if arxiv_id and arxiv_id in triage.papers:
            line = triage.lines[arxiv_id]
            problems.append(entry.problem("UMM307", f"arXiv {arxiv_id} is also in {triage.path} (line {line}) as {triage.papers[arxiv_id].decision}; remove one of the two", "arxiv"))
    return problems
