"""Canonical forms of entry files and of references.bib, keeping every comment. Pure: text in, text out."""

from __future__ import annotations

import datetime as dt
import io
import re

import bibtexparser
from bibtexparser.model import Entry as BibEntry
from bibtexparser.model import ExplicitComment, ImplicitComment, Preamble, String
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import ScalarString

from umm_survey.authoring.entryfile import ARCHITECTURE_ORDER, FACT_SOURCE_ORDER, KEY_ORDER, METRIC_ORDER, format_raw_record, modeline, yaml_writer
from umm_survey.links import normalise_url
from umm_survey.schema import LINK_FIELDS, Kind

FLOW_LISTS = ("groups", "inputs", "outputs", "same_paper_as", "sizes", "organisation", "not_stated", "unchecked", "not_applicable")
NESTED_ORDERS = {"architecture": ARCHITECTURE_ORDER, "fact_sources": FACT_SOURCE_ORDER}
MODELINE = re.compile(r"^# yaml-language-server:.*\n?", re.MULTILINE)


class FormatError(Exception):
    """The file cannot be formatted safely (it does not parse); it is left as it is."""


def _reordered(mapping: CommentedMap, order: tuple[str, ...]) -> CommentedMap:
    rank = {key: index for index, key in enumerate(order)}
    keys = sorted(mapping, key=lambda key: (rank.get(key, len(rank)), list(mapping).index(key)))
    result = CommentedMap()
    for key in keys:
        result[key] = mapping[key]
        if key in mapping.ca.items:
            result.ca.items[key] = mapping.ca.items[key]
    result.ca.comment = mapping.ca.comment
    if getattr(mapping.ca, "end", None):
        result.ca.end = mapping.ca.end
    return result


def _plain(value):
    """Quoting is the writer's choice, not the author's: drop remembered quote styles."""
    return str(value) if isinstance(value, ScalarString) else value


def _flow(items: list) -> CommentedSeq:
    sequence = CommentedSeq(_plain(item) for item in items)
    if not any(isinstance(item, CommentedMap) for item in items):
        sequence.fa.set_flow_style()
    return sequence


def format_entry(text: str, kind: Kind) -> str:
    writer = yaml_writer()
    try:
        document = writer.load(MODELINE.sub("", text, count=1))
    except (YAMLError, ValueError, TypeError, OverflowError, RecursionError) as error:
        raise FormatError(f"not valid YAML ({str(error).splitlines()[0]})") from None
    if not isinstance(document, CommentedMap):
        raise FormatError("not a mapping of fields")
    for key in list(document):
        document[key] = _plain(document[key])
    if isinstance(document.get("date"), str):
        try:
            document["date"] = dt.date.fromisoformat(document["date"].strip())
        except ValueError:
            pass
    for key in LINK_FIELDS:
        if isinstance(document.get(key), str):
            document[key] = normalise_url(document[key])
    for key in FLOW_LISTS:
        if isinstance(document.get(key), list):
            document[key] = _flow(document[key])
    for key, order in NESTED_ORDERS.items():
        if isinstance(document.get(key), CommentedMap):
            document[key] = _reordered(document[key], order)
            for inner in ("understanding_encoder", "generation_encoder"):
                if isinstance(document[key].get(inner), list):
                    document[key][inner] = _flow(document[key][inner])
    if isinstance(document.get("metrics"), list):
        for index, metric in enumerate(document["metrics"]):
            if isinstance(metric, CommentedMap):
                document["metrics"][index] = _reordered(metric, METRIC_ORDER)
    buffer = io.StringIO()
    writer.dump(_reordered(document, KEY_ORDER), buffer)
    return modeline(kind) + buffer.getvalue().lstrip("\n")


def format_bibliography(text: str) -> str:
    """references.bib in canonical form: records sorted by key with one field order and layout.

    Field values are taken as written (no @string expansion, `month = jan` and `#` concatenations kept);
    @string and @preamble blocks stay first, in their order; a comment travels with the record or block
    it precedes, and comments after the last record stay last.
    """
    library = bibtexparser.parse_string(text, parse_stack=[])
    if library.failed_blocks:
        lines = ", ".join(str((block.start_line or 0) + 1) for block in library.failed_blocks)
        raise FormatError(f"records that do not parse (lines {lines}); fix them first (umm-survey validate)")
    head, records, comments = [], [], []
    blocks = library.blocks
    for index, block in enumerate(blocks):
        if isinstance(block, (ExplicitComment, ImplicitComment)):
            if not block.raw.strip():
                continue
            if not records and not head and _stands_apart(block, blocks[index + 1] if index + 1 < len(blocks) else None):
                head.append(block.raw.strip() + "\n")  # the file's own header comment stays on top
            else:
                comments.append(block.raw.strip())
        elif isinstance(block, BibEntry):
            records.append((block.key.lower(), comments, format_raw_record(block.key, block.entry_type, {field.key: field.value for field in block.fields})))
            comments = []
        elif isinstance(block, (Preamble, String)):
            head.append("\n".join([*comments, block.raw.strip()]) + "\n")
            comments = []
    records.sort(key=lambda record: record[0])
    formatted = ["\n".join([*before, record.rstrip("\n")]) + "\n" for _, before, record in records]
    tail = ["\n".join(comments) + "\n"] if comments else []
    return "\n".join([*head, *formatted, *tail])


def _stands_apart(comment, following) -> bool:
    """A comment followed by a blank line (or by nothing) belongs to no record."""
    if following is None:
        return True
    ends = (comment.start_line or 0) + comment.raw.strip().count("\n")
    return (following.start_line or 0) > ends + 1


RESULT_ORDER = ("benchmark", "metric", "value", "as_printed", "setting", "source")
SETTING_ORDER = ("size", "variant", "resolution", "prompt_rewriting", "split", "judge", "note")
SOURCE_ORDER = ("bibkey", "table", "reported_by")


def format_results(text: str) -> str:
    """A results file in canonical form: `model`, then each result's keys in one order; comments kept."""
    writer = yaml_writer()
    try:
        document = writer.load(MODELINE.sub("", text, count=1))
    except (YAMLError, ValueError, TypeError, OverflowError, RecursionError) as error:
        raise FormatError(f"not valid YAML ({str(error).splitlines()[0]})") from None
    if not isinstance(document, CommentedMap) or not isinstance(document.get("results"), list):
        raise FormatError("not a results file (`model` and a list of `results`)")
    for index, result in enumerate(document["results"]):
        if isinstance(result, CommentedMap):
            for key, order in (("setting", SETTING_ORDER), ("source", SOURCE_ORDER)):
                if isinstance(result.get(key), CommentedMap):
                    result[key] = _reordered(result[key], order)
            document["results"][index] = _reordered(result, RESULT_ORDER)
    buffer = io.StringIO()
    writer.dump(_reordered(document, ("model", "results")), buffer)
    return modeline("results") + buffer.getvalue().lstrip("\n")
