"""`umm-survey import FILE`: add one entry per new paper of an awesome-list README (with a BibTeX record).

Existing entries are never overwritten; what differs is reported. Entries it
writes are drafts: fields it cannot know (authors, what a sample is, a
benchmark's metrics) hold TODO, which `validate` refuses until filled in.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from umm_survey.authoring.importer.parse import parse_list
from umm_survey.authoring.importer.plan import ImportPlan, plan_import
from umm_survey.authoring.importer.write import write_plan
from umm_survey.checks.catalogue import load_catalogue
from umm_survey.commands.common import OK, PROBLEMS, USAGE, add_catalogue_option, catalogue_folder_exists


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("import", help="add entries from an awesome-list README", description=__doc__)
    parser.add_argument("file", type=Path, metavar="FILE", help="the README (Markdown) to read")
    add_catalogue_option(parser)
    parser.add_argument("--dry-run", action="store_true", help="write nothing; print what would be added, what exists and what differs")
    parser.set_defaults(run=run)


def report(plan: ImportPlan, skipped: list[tuple[int, str]], source: str, dry_run: bool) -> str:
    verb = "would add" if dry_run else "added"
    lines = []
    for planned in plan.new:
        notes = []
        if planned.needs_group:
            notes.append("needs a group: no section heading maps to one")
        if planned.month_only_date:
            notes.append("the list gives only a month: check the date")
        notes.extend(planned.warnings)
        suffix = f" [{'; '.join(notes)}]" if notes else ""
        lines.append(f"{verb} {planned.kind.folder}/{planned.id}.yaml ({source}:{','.join(map(str, planned.lines))}){suffix}")
    for path, list_lines in plan.existing:
        lines.append(f"exists {path} ({source}:{','.join(map(str, list_lines))})")
    for path, field_name, current, listed in plan.differences:
        lines.append(f"differs {path}: {field_name}: catalogue has {current!r}, list has {listed!r}")
    for line, reason in skipped:
        lines.append(f"skipped {source}:{line}: {reason}")
    for arxiv_id, line, decision in plan.triaged:
        lines.append(f"triaged arXiv {arxiv_id} ({source}:{line}): {decision}")
    lines.append(f"{len(plan.new)} new, {len(plan.existing)} existing, {len(plan.triaged)} triaged, {len(plan.differences)} differences, {len(skipped)} lines skipped")
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    if not catalogue_folder_exists(args.catalogue):
        return USAGE
    try:
        text = args.file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        print(f"umm-survey: cannot read {args.file}: {error}", file=sys.stderr)
        return USAGE
    catalogue = load_catalogue(args.catalogue)
    if not catalogue.ok and not args.dry_run:
        print("umm-survey: the catalogue has errors; fix them (umm-survey validate) before importing into it", file=sys.stderr)
        return PROBLEMS
    parsed = parse_list(text)
    plan = plan_import(parsed.papers, catalogue)
    if not args.dry_run:
        write_plan(plan, catalogue)
    sys.stdout.write(report(plan, parsed.skipped, str(args.file), args.dry_run))
    return OK
