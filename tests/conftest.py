"""Shared fixtures: a small valid catalogue copied into a temporary folder."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from umm_survey.checks.catalogue import load_catalogue
from umm_survey.problems import Problem

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TODAY = date(2026, 1, 1)


@pytest.fixture
def catalogue_dir(tmp_path: Path) -> Path:
    """A valid four-entry catalogue with its own small taxonomy, venues, components and licences (never the real ones)."""
    target = tmp_path / "catalogue"
    shutil.copytree(FIXTURES / "minimal", target)
    return target


def problems_of(root: Path, today: date = TODAY) -> list[Problem]:
    return load_catalogue(root, today=today).problems


def found(root: Path, today: date = TODAY) -> set[tuple[str, str, int]]:
    """(rule, file name, line) of every problem."""
    return {(problem.rule, Path(problem.path).name, problem.line) for problem in problems_of(root, today)}
