"""Pieces the commands share: the --catalogue option, loading with a report, exit codes."""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

from umm_survey.checks.catalogue import DEFAULT_CATALOGUE, Catalogue, entry_files, load_catalogue
from umm_survey.publish.atomic import write_text_atomic
from umm_survey.report import format_problems, summary

# Exit codes, the same for every command (docs/cli.md)
OK = 0
PROBLEMS = 1
USAGE = 2
INTERRUPTED = 130


def _number_type(convert, accept, what: str, rule: str):
    """An argparse type: `convert` the text, then `accept` the value, else a usage error naming `what` and `rule`."""
    def parse(text: str):
        try:
            value = convert(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not {what}") from None
        if not accept(value):
            raise argparse.ArgumentTypeError(f"{text!r} must be {rule}")
        return value
    return parse


# `--timeout 0`, `--max-age nan` or `--port 99999` are usage errors (exit 2), never tracebacks
positive_seconds = _number_type(float, lambda value: math.isfinite(value) and value > 0, "a number of seconds", "a number above 0")
non_negative_days = _number_type(float, lambda value: math.isfinite(value) and value >= 0, "a number of days", "a number of days, 0 or more")
count = _number_type(int, lambda value: 1 <= value <= 256, "a whole number", "from 1 to 256")
port = _number_type(int, lambda value: 0 <= value <= 65535, "a port number", "from 0 to 65535")


def os_problem(error: OSError) -> str:
    """What went wrong, in words: a file standing where a folder is needed is named as such."""
    filename = getattr(error, "filename", None)
    if filename and isinstance(error, (FileExistsError, NotADirectoryError)):
        return f"{filename} is a file, where a folder is needed"
    return f"{error.strerror or error}{f' ({filename})' if filename else ''}"


def add_catalogue_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--catalogue", type=Path, default=DEFAULT_CATALOGUE, metavar="DIR", help="catalogue folder (default: ./catalogue)")


def catalogue_folder_exists(root: Path) -> bool:
    if root.is_dir():
        return True
    problem = "is not a folder" if root.exists() else "does not exist"
    print(f"umm-survey: catalogue folder {root} {problem} (use --catalogue DIR)", file=sys.stderr)
    return False


def load_or_report(root: Path, cache_folder: Path | None = None) -> Catalogue | None:
    """The catalogue if it has no errors; otherwise print its problems to stderr and return None.
    `cache_folder`: the build's check cache (see `load_catalogue`)."""
    catalogue = load_catalogue(root, cache_folder=cache_folder)
    if catalogue.ok:
        return catalogue
    errors = [problem for problem in catalogue.problems if problem.is_error]
    sys.stderr.write(format_problems(errors, "text"))
    print(f"umm-survey: {summary(errors, len(entry_files(root)))}; fix these first (umm-survey validate)", file=sys.stderr)
    return None


def load_valid(root: Path, cache_folder: Path | None = None) -> tuple[Catalogue | None, int]:
    """The catalogue when it exists and has no errors, else None and the exit code to return."""
    if not catalogue_folder_exists(root):
        return None, USAGE
    catalogue = load_or_report(root, cache_folder)
    return catalogue, (OK if catalogue is not None else PROBLEMS)


def write_output(text: str, output: Path | None) -> None:
    """To ``output`` atomically, or to standard output when no file is given or it is ``-``."""
    if output and output != Path("-"):
        write_text_atomic(output, text)
    else:
        sys.stdout.write(text)
