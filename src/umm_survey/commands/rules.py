"""`umm-survey rules`: list every validation rule with its id and severity."""

from __future__ import annotations

import argparse

from umm_survey.commands.common import OK
from umm_survey.problems import RULES


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("rules", help="list the validation rules", description=__doc__)
    parser.add_argument("--markdown", action="store_true", help="as a Markdown table (docs/rules.md)")
    parser.set_defaults(run=run)


def rules_markdown() -> str:
    lines = ["| rule | name | severity | what it means |", "| --- | --- | --- | --- |"]
    lines += [f"| {rule.id} | {rule.slug} | {rule.severity.value} | {rule.summary} |" for rule in RULES.values()]
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    if args.markdown:
        print(rules_markdown(), end="")
    else:
        for rule in RULES.values():
            print(f"{rule.id}  {rule.severity.value:<7}  {rule.slug:<24} {rule.summary}")
    return OK
