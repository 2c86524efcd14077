"""catalogue/corrections.yaml: every way an entry differs from the companion list row it came from."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import Field

from umm_survey.load.vocab import load_checked_file
from umm_survey.problems import Problem
from umm_survey.schema import StrictModel


class Correction(StrictModel):
    entry: str = Field(pattern=r"^(models|datasets|benchmarks|applications)/[a-z0-9]+(-[a-z0-9]+)*\.yaml$", description="The entry file, relative to the catalogue.")
    list_line: int = Field(ge=1, description="Line of the row in the companion list's README.")
    field: str = Field(description="The entry field corrected (or what the list got wrong, such as `star_badge`).")
    list_says: str = Field(description="What the list says, as written there.")
    value: Any = Field(None, description="What the entry must hold (null: the field must be absent). Left out when the finding is not one exact value.")
    note: str | None = Field(None, description="What the value alone does not say.")
    source: str = Field(pattern=r"^https?://\S+$", description="The public record that settles it.")


    @property
    def has_value(self) -> bool:
        """Whether the row gives an exact value (an explicit null included), rather than only a note."""
        return "value" in self.model_fields_set


class CorrectionsFile(StrictModel):
    corrections: list[Correction] = Field(default_factory=list)


def load_corrections(catalogue: Path, display: str | None = None) -> tuple[CorrectionsFile | None, Any, list[Problem]]:
    """The corrections with their positions, or None and located problems (UMM308); a missing file is no corrections."""
    problems: list[Problem] = []
    corrections, positions = load_checked_file(catalogue / "corrections.yaml", CorrectionsFile, problems, "UMM308", optional=True, display=display)
    return corrections, positions, problems
