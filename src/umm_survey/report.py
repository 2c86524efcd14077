"""Print problems for people (text), for GitHub Actions (github) and for tools (json)."""

from __future__ import annotations

import json
from collections.abc import Iterable

from umm_survey.problems import Problem

FORMATS = ("text", "github", "json")


def format_problems(problems: Iterable[Problem], style: str) -> str:
    problems = list(problems)
    if style == "json":
        return json.dumps([problem.as_dict() for problem in problems], indent=2, ensure_ascii=False) + "\n"
    render = _github if style == "github" else _text
    return "".join(render(problem) + "\n" for problem in problems)


def summary(problems: list[Problem], files: int) -> str:
    errors = sum(problem.is_error for problem in problems)
    warnings = len(problems) - errors
    if not problems:
        return f"{files} files checked: no problems"
    return f"{files} files checked: {_count(errors, 'error')}, {_count(warnings, 'warning')}"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _text(problem: Problem) -> str:
    return f"{problem.path}:{problem.line}:{problem.column}: {problem.rule} {problem.severity.value}: {problem.message}"


def _github(problem: Problem) -> str:
    command = "error" if problem.is_error else "warning"
    properties = ",".join(
        f"{name}={_escape_property(value)}"
        for name, value in (("file", problem.path), ("line", problem.line), ("col", problem.column), ("title", problem.rule))
    )
    return f"::{command} {properties}::{_escape_data(problem.message)}"


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: object) -> str:
    return _escape_data(str(value)).replace(":", "%3A").replace(",", "%2C")
