"""The `umm-survey` command line: `main(argv) -> int`, one module per command.

Exit codes (all commands): 0 success; 1 problems found or the command failed
with a reported reason; 2 usage error; 130 interrupted.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence

from umm_survey import __version__
from umm_survey.commands import build, check_links, corrections, discover, enrich, export, fmt, import_, new, readme, rules, schema, serve, validate
from umm_survey.commands.common import INTERRUPTED, PROBLEMS, USAGE, os_problem

COMMANDS = (validate, build, serve, new, import_, discover, fmt, check_links, enrich, export, readme, corrections, schema, rules)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="umm-survey", description="Curate, validate and publish the unified multimodal models catalogue.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    for command in COMMANDS:
        command.add_parser(subparsers)
    return parser


GC_FIRST_THRESHOLD = 50_000  # Python's default is 700


def collect_less() -> None:
    """Run the cycle collector less often. Loading and building make hundreds of thousands of small
    objects that live until the command ends; with the default threshold the collector scans them over
    and over (a fifth of a cached rebuild at 2,500 entries, benchmarks/README.md). Cycles are still
    collected, only in larger batches."""
    gc.set_threshold(GC_FIRST_THRESHOLD, *gc.get_threshold()[1:])


def main(argv: Sequence[str] | None = None) -> int:
    collect_less()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return USAGE if exit_.code not in (0, None) else 0
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print("umm-survey: interrupted; files being written were left as they were", file=sys.stderr)
        return INTERRUPTED
    except BrokenPipeError:
        return 0
    except OSError as error:  # disk full, a folder where a file was expected, permissions: said plainly
        print(f"umm-survey: {os_problem(error)}; nothing was half-written (writes are atomic)", file=sys.stderr)
        return PROBLEMS
    except RecursionError:
        print("umm-survey: the input is nested too deeply to process", file=sys.stderr)
        return PROBLEMS


if __name__ == "__main__":
    sys.exit(main())
