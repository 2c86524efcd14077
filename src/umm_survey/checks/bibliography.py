"""Checks on references.bib and on the links between entries and its records."""

from __future__ import annotations

import re
from collections.abc import Iterable

from umm_survey.load.bib import REQUIRED_FIELDS, Bibliography, normalise_title
from umm_survey.load.entries import LoadedEntry
from umm_survey.load.vocab import Vocabulary
from umm_survey.problems import Problem
from umm_survey.schema import TODO

# TeX that reads or writes files, runs programs or redefines the language: never needed in a reference
TEX_PRIMITIVES = re.compile(
    r"\\(input|include|includeonly|openin|openout|read|readline|write|immediate|closein|closeout|"
    r"special|catcode|def|edef|gdef|xdef|let|csname|usepackage|RequirePackage|documentclass|directlua|"
    r"pdfprimitive|ShellEscape|newwrite|newread)(?![A-Za-z])"
)


def check_bibliography(entries: list[LoadedEntry], bibliography: Bibliography, vocabulary: Vocabulary, named_bibkeys: set[str]) -> list[Problem]:
    """``named_bibkeys`` includes the keys of entries that failed the schema, so their records do not look unused."""
    if not bibliography.text and bibliography.problems:
        return []  # the file is missing or unreadable: already reported once
    problems = list(_record_problems(bibliography))
    used = set(named_bibkeys)
    for entry in entries:
        record = bibliography.records.get(entry.model.bibkey)
        if record is None:
            problems.append(entry.problem("UMM404", f"bibkey `{entry.model.bibkey}` has no record in {bibliography.path}", "bibkey"))
            continue
        used.add(record.key)
        problems.extend(_entry_record_problems(entry, record, vocabulary))
    for key, record in bibliography.records.items():
        if key not in used:
            problems.append(Problem(bibliography.path, record.line, 1, "UMM405", f"record `{key}` is not the bibkey of any entry; remove it or add its entry"))
    return problems


def _record_problems(bibliography: Bibliography) -> Iterable[Problem]:
    for record in bibliography.records.values():
        required = REQUIRED_FIELDS.get(record.entry_type)
        if required is None:
            allowed = ", ".join(f"@{name}" for name in REQUIRED_FIELDS)
            yield Problem(bibliography.path, record.line, 1, "UMM403", f"record `{record.key}` is a @{record.entry_type}; use one of {allowed}", "entry_type")
            continue
        for name in required:
            if not record.fields.get(name, "").strip():
                yield Problem(bibliography.path, record.line, 1, "UMM403", f"@{record.entry_type} `{record.key}` needs a `{name}` field", name)
        for name, value in record.fields.items():
            if "TODO" in value and TODO.search(value):  # the cheap test first: almost no value holds either
                yield Problem(bibliography.path, record.field_line(name), 1, "UMM410", f"`{name}` of `{record.key}` still says TODO: fill in the real value", name)
            primitive = TEX_PRIMITIVES.search(value) if "\\" in value else None
            if primitive:
                yield Problem(bibliography.path, record.field_line(name), 1, "UMM412", f"`{name}` of `{record.key}` uses {primitive.group()}, which makes LaTeX run or read or write files; remove it", name)


def _entry_record_problems(entry: LoadedEntry, record, vocabulary: Vocabulary) -> Iterable[Problem]:
    model = entry.model
    record_title = record.fields.get("title", "")
    if record_title and normalise_title(record_title) != normalise_title(model.title):
        yield entry.problem("UMM406", f"title differs from record `{record.key}` (line {record.line}): {record_title!r}", "title")
    eprint = record.fields.get("eprint", "").strip()
    if model.arxiv and eprint != model.arxiv:
        found = f"`{eprint}`" if eprint else "no eprint"
        yield entry.problem("UMM407", f"arxiv is {model.arxiv} but record `{record.key}` (line {record.field_line('eprint')}) has {found}", "arxiv")
    elif eprint and not model.arxiv:
        yield entry.problem("UMM407", f"record `{record.key}` has eprint {eprint} but the entry has no `arxiv`", "bibkey")
    mismatch = _venue_mismatch(model.venue, model.date.isoformat(), record, vocabulary)
    if mismatch:
        yield entry.problem("UMM411", f"venue is {model.venue} but record `{record.key}` (line {record.line}) {mismatch}", "venue")
    year = record.fields.get("year", "").strip()
    venue = vocabulary.split_venue(model.venue)
    if year and (venue or model.venue == "arXiv"):  # an unknown venue is UMM212's to report
        accepted = {str(model.date.year)} | ({str(venue[1])} if venue else set())
        if year not in accepted:
            yield entry.problem(
                "UMM408",
                f"record `{record.key}` (line {record.field_line('year')}) says year {year}, but the entry's date and venue say {' or '.join(sorted(accepted))}",
                "date",
            )


def _venue_mismatch(venue_text: str, date: str, record, vocabulary: Vocabulary) -> str | None:
    """How the record's type and venue field differ from what `Vocabulary.record_fields` makes, or None."""
    if venue_text != "arXiv" and vocabulary.split_venue(venue_text) is None:
        return None  # an unknown venue is UMM212's to report
    expected_type, expected = vocabulary.record_fields(venue_text, date)
    if expected_type == "misc":  # a preprint or a release; an @article in "arXiv preprint ..." is accepted too
        if record.entry_type == "inproceedings" or (record.entry_type == "article" and "arxiv" not in record.fields.get("journal", "").lower()):
            return f"is a @{record.entry_type} in {record.fields.get('booktitle') or record.fields.get('journal')!r}; a preprint or release is a @misc"
        return None
    field = "journal" if expected_type == "article" else "booktitle"
    if record.entry_type != expected_type:
        return f"is a @{record.entry_type}; this venue's paper is an @{expected_type} with {field} = {{{expected[field]}}}"
    if record.fields.get(field, "").strip() != expected[field]:
        return f"has {field} {record.fields.get(field, '')!r}, not {expected[field]!r}"
    return None
