"""`umm-survey corrections [-o FILE]`: write CORRECTIONS.md from corrections.yaml.

Exit 0 when written; 1 when corrections.yaml has problems (they are listed); 2 on a usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from umm_survey.commands.common import OK, PROBLEMS, USAGE, add_catalogue_option, catalogue_folder_exists, write_output
from umm_survey.load.corrections import CorrectionsFile, load_corrections
from umm_survey.render.corrections import corrections_markdown
from umm_survey.report import format_problems


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("corrections", help="write CORRECTIONS.md from corrections.yaml", description=__doc__)
    add_catalogue_option(parser)
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help="file to write (atomically); standard output when left out or `-`")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if not catalogue_folder_exists(args.catalogue):
        return USAGE
    corrections, _, problems = load_corrections(args.catalogue)
    if problems:
        sys.stderr.write(format_problems(problems, "text"))
        return PROBLEMS
    write_output(corrections_markdown(corrections or CorrectionsFile()), args.output)
    return OK
