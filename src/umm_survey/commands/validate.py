"""`umm-survey validate`: report every problem in the catalogue in one run."""

from __future__ import annotations

import argparse
import sys

from umm_survey.checks.catalogue import entry_files, load_catalogue
from umm_survey.commands.common import OK, PROBLEMS, USAGE, add_catalogue_option, catalogue_folder_exists
from umm_survey.report import FORMATS, format_problems, summary


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("validate", help="check every entry, the taxonomy and the bibliography", description=__doc__)
    add_catalogue_option(parser)
    parser.add_argument("--format", choices=FORMATS, default="text", help="text for people, github for workflow annotations, json for tools")
    parser.add_argument("--strict", action="store_true", help="warnings fail the run too")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if not catalogue_folder_exists(args.catalogue):
        return USAGE
    catalogue = load_catalogue(args.catalogue)
    sys.stdout.write(format_problems(catalogue.problems, args.format))
    if args.format != "json":
        print(summary(catalogue.problems, len(entry_files(args.catalogue))), file=sys.stderr)
    failed = not catalogue.ok or (args.strict and catalogue.problems)
    return PROBLEMS if failed else OK
