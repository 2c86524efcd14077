"""Loaded entry files: what was read, and where each field is (line and column) for located problems."""

from __future__ import annotations

from dataclasses import dataclass

from umm_survey.load.yamlload import LoadedYaml
from umm_survey.problems import Problem
from umm_survey.schema import Entry, Kind


class Located:
    """A loaded file that knows where its fields are (needs `path` and `source`)."""

    path: str
    source: LoadedYaml

    def where(self, *field_path: str | int) -> tuple[int, int]:
        return self.source.position(tuple(field_path))

    def problem(self, rule: str, message: str, *field_path: str | int) -> Problem:
        line, column = self.where(*field_path)
        return Problem(self.path, line, column, rule, message, ".".join(str(part) for part in field_path))


@dataclass
class RawEntry(Located):
    """An entry file as loaded, before (or despite) the schema: the checks that need no valid model run on it."""

    path: str
    source: LoadedYaml
    kind: Kind


@dataclass
class LoadedEntry(Located):
    """An entry that passed the schema, with where its fields are."""

    id: str
    kind: Kind
    path: str
    model: Entry
    source: LoadedYaml
