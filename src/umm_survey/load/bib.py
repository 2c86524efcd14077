"""Read references.bib with bibtexparser 2, keeping each record's line."""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import bibtexparser
from bibtexparser.model import DuplicateBlockKeyBlock, ParsingFailedBlock
from pylatexenc.latex2text import LatexNodes2Text

from umm_survey.load.files import read_regular_text
from umm_survey.problems import Problem

# bibtexparser logs every failed block itself; we report them as problems instead
logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)

REQUIRED_FIELDS: dict[str, tuple[str, ...]] = {
    "article": ("author", "title", "journal", "year"),
    "inproceedings": ("author", "title", "booktitle", "year"),
    "misc": ("author", "title", "year"),
    "techreport": ("author", "title", "institution", "year"),
    "book": ("title", "publisher", "year"),
    "online": ("author", "title", "year"),
}

_LATEX = LatexNodes2Text(math_mode="text", strict_latex_spaces=True)


@dataclass
class Record:
    key: str
    entry_type: str
    fields: dict[str, str]
    line: int
    raw: str

    def field_line(self, name: str) -> int:
        """Line of ``name = ...`` inside the record, or the record's first line."""
        pattern = re.compile(rf"^\s*{re.escape(name)}\s*=", re.IGNORECASE | re.MULTILINE)
        match = pattern.search(self.raw)
        return self.line + self.raw.count("\n", 0, match.start()) if match else self.line

    @property
    def authors(self) -> list[str]:
        return split_authors(self.fields.get("author", ""))


@dataclass
class Bibliography:
    path: str
    records: dict[str, Record] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    text: str = ""


def load_bibliography(path: Path, display: str) -> Bibliography:
    bibliography = Bibliography(display)
    try:
        text = read_regular_text(path)
    except FileNotFoundError:
        bibliography.problems.append(Problem(display, 1, 1, "UMM409", "references.bib is missing; every entry's bibkey must point into it"))
        return bibliography
    except (OSError, UnicodeDecodeError) as error:
        bibliography.problems.append(Problem(display, 1, 1, "UMM409", f"cannot read references.bib as UTF-8: {getattr(error, 'strerror', None) or error}"))
        return bibliography
    bibliography.text = text
    return parse_bibliography(text, display, bibliography)


def parse_bibliography(text: str, display: str, into: Bibliography | None = None) -> Bibliography:
    bibliography = into or Bibliography(display, text=text)
    library = bibtexparser.parse_string(text)
    for block in library.failed_blocks:
        line = (block.start_line or 0) + 1
        if isinstance(block, DuplicateBlockKeyBlock):
            first = bibliography.records.get(block.key)
            where = f" (first on line {first.line})" if first else ""
            bibliography.problems.append(Problem(display, line, 1, "UMM402", f"key `{block.key}` is used by two records{where}"))
        elif isinstance(block, ParsingFailedBlock):
            bibliography.problems.append(Problem(display, line, 1, "UMM401", f"this record does not parse: {_first_line(block.error)}"))
    for entry in library.entries:
        fields = {item.key.lower(): str(item.value) for item in entry.fields}
        record = Record(entry.key, entry.entry_type.lower(), fields, entry.start_line + 1, entry.raw)
        bibliography.records.setdefault(entry.key, record)
    return bibliography


def _first_line(error: Exception | None) -> str:
    text = str(error or "syntax error").strip()
    return text.splitlines()[0] if text else "syntax error"


LATEX_CHARACTERS = re.compile(r"[\\{}$%&~^_]|--|``|''|[?!]`")


def latex_to_text(value: str) -> str:
    if not LATEX_CHARACTERS.search(value):
        return value  # the common case: nothing for pylatexenc to convert
    try:
        return _LATEX.latex_to_text(value)
    except Exception:  # pylatexenc is lenient, but never let odd input stop validation
        return value.replace("{", "").replace("}", "")


NOT_ALPHANUMERIC = re.compile(r"[^0-9a-z]+")


def normalise_title(value: str) -> str:
    """Compare titles ignoring case, braces, LaTeX markup, accents and punctuation."""
    text = latex_to_text(value)
    if not text.isascii():  # ASCII has no accents to take off: the common case skips the per-character pass
        text = "".join(character for character in unicodedata.normalize("NFKD", text) if not unicodedata.combining(character))
    return NOT_ALPHANUMERIC.sub(" ", text.casefold()).strip()


def split_authors(value: str) -> list[str]:
    """BibTeX ``author`` into display names: ``Doe, John and others`` -> ``John Doe``, ``others``."""
    names = []
    for part in _split_on_and(value):
        text = latex_to_text(part).strip()
        if "," in text:
            last, first = (piece.strip() for piece in text.split(",", 1))
            text = f"{first} {last}".strip()
        if text:
            names.append(" ".join(text.split()))
    return names


def _split_on_and(value: str) -> list[str]:
    value = " ".join(value.split())
    parts, depth, start = [], 0, 0
    lowered = value.lower()
    index = 0
    while index < len(value):
        character = value[index]
        depth += character == "{"
        depth -= character == "}"
        if depth == 0 and lowered.startswith(" and ", index):
            parts.append(value[start:index])
            index += 5
            start = index
            continue
        index += 1
    parts.append(value[start:])
    return [part for part in (piece.strip() for piece in parts) if part]
