"""catalogue/sources.yaml: where `discover` looks for papers the catalogue lacks (validated offline, UMM505)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field

from umm_survey.load.vocab import load_checked_file
from umm_survey.problems import Problem
from umm_survey.schema import ARXIV_NEW, StrictModel


class Landmark(StrictModel):
    arxiv: str = Field(pattern=ARXIV_NEW.pattern, description="arXiv id of a landmark unified model or survey.")
    name: str = Field(description="Its name, for the reasons a candidate is shown with.")


class SameTopicList(StrictModel):
    name: str = Field(description="Short name of the list, e.g. `awesome-any2any`.")
    url: str = Field(pattern=r"^https?://\S+$", description="Raw Markdown of the list (its README).")


class SourcesFile(StrictModel):
    arxiv_query: str = Field(description="Words the arXiv search looks for in titles and abstracts (arXiv query syntax).")
    landmarks: list[Landmark] = Field(default_factory=list, description="Papers whose citers are candidates.")
    lists: list[SameTopicList] = Field(default_factory=list, description="Same-topic lists whose arXiv links are candidates.")


def load_sources(catalogue: Path, display: str) -> tuple[SourcesFile | None, list[Problem]]:
    """The sources file, or None with located problems (UMM505); a missing file is None without problems."""
    problems: list[Problem] = []
    sources, _ = load_checked_file(catalogue / "sources.yaml", SourcesFile, problems, "UMM505", optional=True, display=display)
    return sources, problems
