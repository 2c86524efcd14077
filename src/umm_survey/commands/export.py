"""`umm-survey export`: the validated, resolved catalogue as JSON, CSV or BibTeX."""

from __future__ import annotations

import argparse
from pathlib import Path

from umm_survey.commands.common import OK, add_catalogue_option, load_valid, write_output
from umm_survey.render.exports import EXPORTERS


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("export", help="write the validated catalogue as json, csv or bibtex", description=__doc__)
    add_catalogue_option(parser)
    parser.add_argument("--format", choices=tuple(EXPORTERS), default="json")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help="file to write (atomically); standard output when left out or `-`")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    catalogue, code = load_valid(args.catalogue)
    if catalogue is None:
        return code
    write_output(EXPORTERS[args.format](catalogue), args.output)
    return OK
