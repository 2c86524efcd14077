"""`umm-survey readme`: write the awesome-list README generated from the catalogue."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from jinja2 import TemplateError

from umm_survey.commands.common import OK, PROBLEMS, add_catalogue_option, load_valid, write_output
from umm_survey.link.resolve import resolve_catalogue
from umm_survey.render.readme import render_readme


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("readme", help="write an awesome-list README from the catalogue", description=__doc__)
    add_catalogue_option(parser)
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help="file to write (atomically); standard output when left out or `-`")
    parser.add_argument("--templates", type=Path, default=Path("templates"), metavar="DIR", help="Jinja templates (default: ./templates)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if not args.templates.is_dir():
        print(f"umm-survey: templates folder {args.templates} does not exist; run from the repository root or pass --templates DIR", file=sys.stderr)
        return PROBLEMS
    catalogue, code = load_valid(args.catalogue)
    if catalogue is None:
        return code
    try:
        text = render_readme(resolve_catalogue(catalogue), catalogue.vocabulary, args.templates)
    except (TemplateError, OSError) as error:
        print(f"umm-survey: cannot render the README: {error}", file=sys.stderr)
        return PROBLEMS
    write_output(text, args.output)
    return OK
