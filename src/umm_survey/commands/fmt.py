"""`umm-survey fmt [--check] [PATHS]`: put entries and references.bib in canonical form.

Key order, quoting, dates, URL forms, flow lists, the editor modeline; a sorted
bibliography with one field order. Comments are kept, the result is
idempotent, and every file is written atomically. With --check nothing is
written: exit 1 lists the files that would change.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from umm_survey.authoring.formatting import FormatError, format_bibliography, format_entry, format_results
from umm_survey.commands.common import OK, PROBLEMS, USAGE, add_catalogue_option
from umm_survey.load.files import read_regular_text
from umm_survey.publish.atomic import write_text_atomic
from umm_survey.schema import Kind

KIND_BY_FOLDER = {kind.folder: kind for kind in Kind}


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("fmt", help="format entries and references.bib canonically", description=__doc__)
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATHS", help="files or folders (default: the catalogue)")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 listing files that would change")
    add_catalogue_option(parser)
    parser.set_defaults(run=run)


def targets(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            for folder in (*KIND_BY_FOLDER, "results"):
                found.extend(sorted((path / folder).glob("*.yaml")))
            found.extend(sorted(path.glob("*.yaml")) if path.name in (*KIND_BY_FOLDER, "results") else [])
            if (path / "references.bib").is_file():
                found.append(path / "references.bib")
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def formatted(path: Path, text: str) -> str:
    if path.name.endswith(".bib"):
        return format_bibliography(text)
    if path.parent.name == "results":
        return format_results(text)
    kind = KIND_BY_FOLDER.get(path.parent.name)
    if kind is None:
        raise FormatError("not in a models/, datasets/, benchmarks/, applications/ or results/ folder")
    return format_entry(text, kind)


def run(args: argparse.Namespace) -> int:
    paths = args.paths or [args.catalogue]
    missing = [path for path in paths if not path.exists()]
    if missing:
        print(f"umm-survey: no such file or folder: {', '.join(map(str, missing))}", file=sys.stderr)
        return USAGE
    changed, failed = [], False
    for path in targets(paths):
        try:
            text = read_regular_text(path)
            result = formatted(path, text)
        except (FormatError, UnicodeDecodeError, OSError) as error:
            print(f"{path}: cannot format: {getattr(error, 'strerror', None) or error}", file=sys.stderr)
            failed = True
            continue
        if result != text:
            changed.append(path)
            if not args.check:
                write_text_atomic(path, result)
    for path in changed:
        print(f"{'would reformat' if args.check else 'reformatted'} {path}")
    if failed or (args.check and changed):
        return PROBLEMS
    return OK
