"""`umm-survey export`: the validated, resolved catalogue as JSON, CSV or BibTeX."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..atomic import write_text_atomic
from ..exports import EXPORTERS
from .common import OK, PROBLEMS, USAGE, add_catalogue_option, catalogue_folder_exists, load_or_report


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("export", help="write the validated catalogue as json, csv or bibtex", description=__doc__)
    add_catalogue_option(parser)
    parser.add_argument("--format", choices=tuple(EXPORTERS), default="json")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help="write here (atomically) instead of to standard output")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if not catalogue_folder_exists(args.catalogue):
        return USAGE
    catalogue = load_or_report(args.catalogue)
    if catalogue is None:
        return PROBLEMS
    text = EXPORTERS[args.format](catalogue)
    if args.output:
        write_text_atomic(args.output, text)
    else:
        sys.stdout.write(text)
    return OK
