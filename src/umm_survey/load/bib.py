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
    plain = plain_records(text)
    if plain is not None:  # the common case, as `fmt` writes it; anything else goes to bibtexparser
        bibliography.records = plain
        return bibliography
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


_RECORD_HEAD = re.compile(r"@([A-Za-z]+)[ \t]*\{[ \t]*([A-Za-z0-9_:.+/-]+)[ \t]*,")
_FIELD_HEAD = re.compile(r"\s*([A-Za-z][A-Za-z0-9_-]*)[ \t]*=[ \t]*")
_AFTER_VALUE = re.compile(r"\s*([,}])")
_BRACE_OR_QUOTE = re.compile(r'[{}"]')
_DIGITS = re.compile(r"[0-9]+")
_SPACE = re.compile(r"\s*")
_NOT_RECORDS = {"string", "comment", "preamble"}


def plain_records(text: str) -> dict[str, Record] | None:
    """The records of a file made only of plain records (`@type{key, name = {value} | "value" | 123, ...}`
    separated by white space), read in one pass; None when anything else is there (comments, `@string`,
    macros, `#` joins, an `@` inside a value, a duplicate key or field, a syntax error), so that bibtexparser reads the file and
    reports what it finds. Reading bibtexparser's way was a quarter of `validate` at 10,000 entries."""
    records: dict[str, Record] = {}
    position = _SPACE.match(text).end()
    line = 1 + text.count("\n", 0, position)
    while position < len(text):
        record = _plain_record(text, position)
        if record is None:
            return None
        entry_type, key, fields, end = record
        if entry_type.lower() in _NOT_RECORDS or key in records:
            return None
        records[key] = Record(key, entry_type.lower(), fields, line, text[position:end])
        following = _SPACE.match(text, end).end()
        line += text.count("\n", position, following)
        position = following
    return records


def _plain_record(text: str, position: int) -> tuple[str, str, dict[str, str], int] | None:
    head = _RECORD_HEAD.match(text, position)
    if head is None:
        return None
    fields: dict[str, str] = {}
    position = head.end()
    while True:
        name = _FIELD_HEAD.match(text, position)
        if name is None:
            close = _AFTER_VALUE.match(text, position)
            return (head.group(1), head.group(2), fields, close.end()) if close and close.group(1) == "}" else None
        value = _plain_value(text, name.end())
        if value is None or "@" in value[0] or name.group(1).lower() in fields:  # bibtexparser may start a record at an `@`
            return None
        fields[name.group(1).lower()], position = value
        after = _AFTER_VALUE.match(text, position)
        if after is None:
            return None
        if after.group(1) == "}":
            return head.group(1), head.group(2), fields, after.end()
        position = after.end()


def _plain_value(text: str, position: int) -> tuple[str, int] | None:
    """A braced, quoted or numeric value starting at `position`: its text without the delimiters, and where it ends."""
    opener = text[position:position + 1]
    if opener not in ("{", '"'):
        digits = _DIGITS.match(text, position)
        return (digits.group(), digits.end()) if digits else None
    depth = 0
    for mark in _BRACE_OR_QUOTE.finditer(text, position + 1):
        character = mark.group()
        if text[mark.start() - 1] == "\\":
            return None  # bibtexparser reads `\{` and `\}` as escapes, BibTeX does not: leave such files to bibtexparser
        if character == "{":
            depth += 1
        elif character == "}":
            if depth == 0:
                return (text[position + 1:mark.start()], mark.end()) if opener == "{" else None
            depth -= 1
        elif depth == 0 and opener == '"':
            return text[position + 1:mark.start()], mark.end()
    return None


def _first_line(error: Exception | None) -> str:
    text = str(error or "syntax error").strip()
    return text.splitlines()[0] if text else "syntax error"


LATEX_CHARACTERS = re.compile(r"[\\{}$%&~^_]|--|``|''|[?!]`")
LATEX_BEYOND_BRACES = re.compile(r"[\\$%&~^_]|--|``|''|[?!]`")


def latex_to_text(value: str) -> str:
    if not LATEX_CHARACTERS.search(value):
        return value  # the common case: nothing for pylatexenc to convert
    if not LATEX_BEYOND_BRACES.search(value):
        return value.replace("{", "").replace("}", "")  # protected capitals only ({HRS-Bench}): what pylatexenc returns, 50 times faster
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


AND = re.compile(" and ", re.IGNORECASE)


def _split_on_and(value: str) -> list[str]:
    value = " ".join(value.split())
    if "{" not in value and "}" not in value:  # no braces: every " and " separates, as `_split_braced` finds
        return [part for part in (piece.strip() for piece in AND.split(value)) if part]
    return _split_braced(value)


def _split_braced(value: str) -> list[str]:
    """Split on the " and "s outside braces, scanning the text once."""
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
