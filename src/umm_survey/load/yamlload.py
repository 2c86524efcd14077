"""Read one YAML file into plain Python data, keeping the position of every key.

PyYAML's loaders drop positions and silently keep the last of two duplicate
keys, so this module composes the node graph itself (with libyaml when it is
there) and converts it, reporting every problem instead of raising.
Plain scalars are resolved by the YAML 1.2 core schema, the dialect `fmt`
writes (ruamel): `yes`, `on` and `1:30` are text, only `true`/`false` are
booleans. Timestamps stay strings: the schema decides what a valid date is.
An explicit tag whose value does not fit it (`!!int abc`) is an error, and
so is a control character in any text.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from umm_survey.load.files import FileTooLarge, read_regular_bytes
from umm_survey.problems import Problem

MAX_FILE_BYTES = 256 * 1024

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
MAX_DEPTH = 32

# The YAML 1.2 core schema's plain scalars (https://yaml.org/spec/1.2.2/#1032-tag-resolution)
CORE_NULL = re.compile(r"~|null|Null|NULL|")
CORE_BOOL = re.compile(r"true|True|TRUE|false|False|FALSE")
CORE_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
CORE_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)")


class Loader(_BaseLoader):
    """libyaml's parser with YAML 1.2 core resolution of plain scalars.

    Entries use no path resolvers, so the per-node bookkeeping PyYAML keeps for them is skipped, and a
    plain scalar is resolved by the core patterns of its first character (a tenth of `validate` before)."""

    def descend_resolver(self, current_node: object, current_index: object) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None

    def resolve(self, kind: type, value: str, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, pattern in self.yaml_implicit_resolvers.get(value[:1], ()):
                    if pattern.match(value):
                        return tag
            return self.DEFAULT_SCALAR_TAG
        return self.DEFAULT_SEQUENCE_TAG if kind is yaml.SequenceNode else self.DEFAULT_MAPPING_TAG


Loader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in (
    ("null", CORE_NULL, list("~nN") + [""]),
    ("bool", CORE_BOOL, list("tTfF")),
    ("int", CORE_INT, list("-+0123456789")),
    ("float", CORE_FLOAT, list("-+.0123456789")),
):
    Loader.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(rf"\A(?:{_pattern.pattern})\Z"), _first)
FieldPath = tuple[str | int, ...]
CORE_PREFIX = "tag:yaml.org,2002:"
STR_TAG = CORE_PREFIX + "str"
TIMESTAMP_TAG = CORE_PREFIX + "timestamp"


@dataclass
class LoadedYaml:
    """A document's data, and where each value and key starts (1-based line, column)."""

    data: Any = None
    value_positions: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    number_texts: dict[FieldPath, str] = field(default_factory=dict)

    def number_text(self, path: FieldPath) -> str | None:
        """A number as it was written (`0.80`), so that a page can show the precision its source printed."""
        return self.number_texts.get(path)

    def position(self, path: FieldPath, *, key: bool = False) -> tuple[int, int]:
        """The position of ``path``, or of its nearest known ancestor."""
        table = self.key_positions if key else self.value_positions
        for length in range(len(path), -1, -1):
            prefix = path[:length]
            if prefix in table:
                return table[prefix]
            if prefix in self.value_positions:
                return self.value_positions[prefix]
        return (1, 1)


def load_yaml_file(path: Path, display: str, max_bytes: int = MAX_FILE_BYTES) -> LoadedYaml:
    try:
        raw = read_regular_bytes(path, max_bytes)
    except FileTooLarge as error:
        return _failed(display, 1, 1, "UMM108", error.strerror)
    except OSError as error:
        return _failed(display, 1, 1, "UMM101", f"cannot read the file: {error.strerror or error}")
    return load_yaml_bytes(raw, display)


def load_yaml_bytes(raw: bytes, display: str) -> LoadedYaml:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _line_col(raw[: error.start])
        return _failed(display, line, column, "UMM104", f"byte 0x{raw[error.start]:02x} is not valid UTF-8; save the file as UTF-8")
    return load_yaml_text(text.removeprefix("\ufeff"), display)


def load_yaml_text(text: str, display: str) -> LoadedYaml:
    if not text.strip() or all(_is_comment_or_blank(line) for line in text.splitlines()):
        return _failed(display, 1, 1, "UMM105", "the file is empty; an entry needs at least name, title, date, venue, groups and bibkey")
    result = LoadedYaml(problems=_tab_problems(text, display))
    if result.problems:
        return result
    try:
        node = yaml.compose(text, Loader=Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return _failed(display, line, column, "UMM101", _yaml_message(error))
    except yaml.YAMLError as error:
        return _failed(display, 1, 1, "UMM101", f"not valid YAML: {error}")
    except RecursionError:
        return _failed(display, 1, 1, "UMM101", "not valid YAML: nested too deeply to read")
    if node is None:
        return _failed(display, 1, 1, "UMM105", "the file holds no YAML document")
    if "&" in text or "*" in text:
        result.problems.extend(_anchor_problems(text, display))
        if result.problems:
            return result
    if not isinstance(node, yaml.MappingNode):
        line, column = _start(node)
        return _failed(display, line, column, "UMM106", "the file must be a mapping of field names to values, such as `name: Janus`")
    converter = _Converter(display, result)
    result.data = converter.convert(node, ())
    return result


_UNFIT = object()


def _core_value(tag: str, value: str) -> Any:
    """A plain or explicitly tagged scalar as the YAML 1.2 core schema reads it, or _UNFIT."""
    if tag == "null":
        return None if CORE_NULL.fullmatch(value) else _UNFIT
    if tag == "bool":
        return value.lower() == "true" if CORE_BOOL.fullmatch(value) else _UNFIT
    if tag == "int" and CORE_INT.fullmatch(value):
        base = {"0o": 8, "0x": 16}.get(value[:2], 10)
        digits = value[2:] if base != 10 else value
        return int(digits, base) if len(digits) <= 64 else _UNFIT
    if tag == "float" and CORE_FLOAT.fullmatch(value):
        lowered = value.lower().lstrip("+")
        if lowered.lstrip("-") == ".inf":
            return -math.inf if lowered.startswith("-") else math.inf
        return math.nan if lowered == ".nan" else float(value)
    return _UNFIT


class _Converter:
    def __init__(self, display: str, result: LoadedYaml) -> None:
        self.display = display
        self.result = result
        self.value_positions = result.value_positions
        self.key_positions = result.key_positions

    def convert(self, node: yaml.Node, path: FieldPath) -> Any:
        mark = node.start_mark
        self.value_positions[path] = (mark.line + 1, mark.column + 1)
        if len(path) > MAX_DEPTH:
            self._problem(*_start(node), "UMM203", f"nested more than {MAX_DEPTH} levels deep", path)
            return None
        kind = type(node)
        if kind is yaml.ScalarNode:
            return self._scalar(node, path)
        if kind is yaml.MappingNode:
            return self._mapping(node, path)
        return [self.convert(item, (*path, index)) for index, item in enumerate(node.value)]

    def _mapping(self, node: yaml.MappingNode, path: FieldPath) -> dict[str, Any]:
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = self._scalar(key_node, path) if isinstance(key_node, yaml.ScalarNode) else None
            line, column = _start(key_node)
            if not isinstance(key, str):
                self._problem(line, column, "UMM203", f"keys must be plain names; {key_node.value!r} is not", path)
                continue
            key_path = (*path, key)
            if key in mapping:
                first_line = self.key_positions[key_path][0]
                self._problem(line, column, "UMM102", f"`{key}` is given twice (first on line {first_line}); YAML would silently keep only the last", key_path)
                continue
            self.key_positions[key_path] = (line, column)
            mapping[key] = self.convert(value_node, key_path)
        return mapping

    def _scalar(self, node: yaml.ScalarNode, path: FieldPath = ()) -> Any:
        tag = node.tag
        if tag == STR_TAG or tag == TIMESTAMP_TAG:
            return self._text(node, path)
        if not tag.startswith(CORE_PREFIX):
            self._problem(*_start(node), "UMM203", f"the tag `{node.tag}` is not allowed; write the value without a tag", path)
            return node.value
        tag = tag.removeprefix(CORE_PREFIX)
        converted = _core_value(tag, node.value)
        if tag in {"int", "float"} and converted is not _UNFIT:
            self.result.number_texts[path] = node.value
        if converted is _UNFIT:
            self._problem(*_start(node), "UMM203", f"{node.value!r} is not a valid {tag} (or has over 64 digits); fix the value, or quote it if it is text", path)
            return node.value
        return converted

    def _text(self, node: yaml.ScalarNode, path: FieldPath) -> str:
        value = node.value
        if not value.isprintable():  # the common case has no control character (nor any other unprintable one)
            match = CONTROL_CHARACTERS.search(value)
            if match:
                code = f"U+{ord(match.group()):04X}"
                self._problem(*_start(node), "UMM110", f"the text holds the control character {code}; remove it", path)
        return value

    def _problem(self, line: int, column: int, rule: str, message: str, path: FieldPath) -> None:
        field_name = ".".join(str(part) for part in path)
        self.result.problems.append(Problem(self.display, line, column, rule, message, field_name))


def _failed(display: str, line: int, column: int, rule: str, message: str) -> LoadedYaml:
    return LoadedYaml(problems=[Problem(display, line, column, rule, message)])


def _start(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _line_col(prefix: bytes) -> tuple[int, int]:
    line = prefix.count(b"\n") + 1
    column = len(prefix) - (prefix.rfind(b"\n") + 1) + 1
    return line, column


def _is_comment_or_blank(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#") or stripped in {"---", "..."}


def _tab_problems(text: str, display: str) -> list[Problem]:
    return [
        Problem(display, number, line.index("\t") + 1, "UMM103", "a tab character; indent and separate with spaces")
        for number, line in enumerate(text.splitlines(), 1)
        if "\t" in line
    ]


def _anchor_problems(text: str, display: str) -> list[Problem]:
    problems = []
    try:
        for event in yaml.parse(text, Loader=Loader):
            line, column = event.start_mark.line + 1, event.start_mark.column + 1
            if isinstance(event, yaml.AliasEvent):
                problems.append(Problem(display, line, column, "UMM107", f"alias `*{event.anchor}`: write the value out instead of referring to an anchor"))
            elif getattr(event, "anchor", None):
                problems.append(Problem(display, line, column, "UMM107", f"anchor `&{event.anchor}`: anchors and aliases are not allowed in entries"))
    except yaml.YAMLError:
        return []
    return problems


def _yaml_message(error: yaml.MarkedYAMLError) -> str:
    parts = [part for part in (error.context, error.problem) if part]
    detail = ", ".join(parts) if parts else "syntax error"
    return f"not valid YAML: {detail}"
