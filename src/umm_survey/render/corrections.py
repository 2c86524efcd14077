"""CORRECTIONS.md from corrections.yaml: the readable table, never edited by hand."""

from __future__ import annotations

from umm_survey.load.corrections import Correction, CorrectionsFile

HEAD = """# Corrections to the survey's companion list

Every way an entry differs from the row it came from in the companion list
(AIDC-AI/Awesome-Unified-Multimodal-Models, commit c81ef5684241), with the public record that
settles it. Generated from `corrections.yaml` (`umm-survey corrections -o catalogue/CORRECTIONS.md`);
`umm-survey validate` checks that every entry still holds its corrected value (UMM308).

| entry | list line | field | the list says | correct | source |
| --- | --- | --- | --- | --- | --- |
"""


def corrections_markdown(corrections: CorrectionsFile) -> str:
    rows = [_row(correction) for correction in corrections.corrections]
    return HEAD + "".join(rows)


def _row(correction: Correction) -> str:
    value = "" if not correction.has_value else ("null" if correction.value is None else str(correction.value))
    correct = f"{value} ({correction.note})" if value and correction.note else value or correction.note or ""
    cells = [f"`{correction.entry}`", str(correction.list_line), correction.field, correction.list_says, correct, correction.source]
    return "| " + " | ".join(_cell(cell) for cell in cells) + " |\n"


def _cell(text: str) -> str:
    """A table cell that cannot end the cell or open markup: pipes escaped, `<` as an entity, one line."""
    return " ".join(text.replace("|", "\\|").replace("<", "&lt;").split())
