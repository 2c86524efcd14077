"""`umm-survey new --arxiv ID --kind KIND --group GROUP`: a new entry and its BibTeX record from arXiv.

Exit 0 when the entry and record were written and validate clean; 1 when
nothing was written (network failure, an existing entry) or when what was
written still needs completing (an --offline stub, a dataset's size); 2 on
a usage error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from umm_survey.authoring.entryfile import append_records, bib_authors, bibkey_for, dump_entry, format_record, protect_title, tex_text
from umm_survey.authoring.importer.plan import slug
from umm_survey.checks.catalogue import entry_files, load_catalogue
from umm_survey.commands.common import OK, PROBLEMS, USAGE, add_catalogue_option, catalogue_folder_exists, positive_seconds
from umm_survey.network.arxiv import ArxivRecord, fetch_records
from umm_survey.network.net import HttpSettings, NetworkError, session
from umm_survey.publish.atomic import write_text_atomic
from umm_survey.report import format_problems
from umm_survey.schema import ARXIV_NEW, ARXIV_OLD, Kind

TODO = "TODO"


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("new", help="add an entry from its arXiv id", description=__doc__)
    parser.add_argument("--arxiv", required=True, metavar="ID", help="bare arXiv id, e.g. 2501.17811")
    parser.add_argument("--kind", required=True, choices=[kind.value for kind in Kind])
    parser.add_argument("--group", required=True, help="taxonomy group id (see catalogue/taxonomy.yaml)")
    parser.add_argument("--name", help="short name (default: the title up to its colon)")
    parser.add_argument("--code", help="code repository URL")
    parser.add_argument("--offline", action="store_true", help="write a TODO stub without asking arXiv")
    parser.add_argument("--timeout", type=positive_seconds, default=15.0, help="seconds to wait for arXiv (default 15)")
    add_catalogue_option(parser)
    parser.set_defaults(run=run)


def _usage_problem(args: argparse.Namespace, catalogue) -> str | None:
    if not (ARXIV_NEW.fullmatch(args.arxiv) or ARXIV_OLD.fullmatch(args.arxiv)):
        return f"{args.arxiv!r} is not a bare arXiv id such as 2501.17811"
    group = catalogue.vocabulary.groups.get(args.group)
    if group is None:
        return f"group {args.group!r} is not in taxonomy.yaml"
    if group.kind.value != args.kind:
        return f"group {args.group!r} holds {group.kind.value}s, not {args.kind}s"
    if args.code and not args.code.startswith(("http://", "https://")):
        return f"--code must be an http(s) URL, not {args.code!r}"
    return None


def _existing_entry(catalogue, arxiv_id: str) -> str | None:
    for entry in catalogue.entries:
        if entry.model.arxiv == arxiv_id:
            return entry.path
    return None


def _bibkey(authors: list[str], year: str, title: str, taken: set[str]) -> str:
    return bibkey_for(authors[0].split()[-1] if authors else "todo", year, title, set(taken))


def entry_data(args: argparse.Namespace, record: ArxivRecord | None, bibkey: str) -> dict[str, Any]:
    title = record.title if record else f"{TODO}: title of arXiv {args.arxiv}"
    name = args.name or (title.split(":")[0] if record and ":" in title and len(title.split(":")[0]) <= 30 else (TODO if not record else title.split()[0]))
    data: dict[str, Any] = {
        "name": name, "title": title, "date": record.published if record else dt.date.today().isoformat(),
        "venue": "arXiv", "groups": [args.group], "bibkey": bibkey, "arxiv": args.arxiv, "code": args.code,
    }
    kind = Kind(args.kind)
    if kind is Kind.MODEL:
        data.update(inputs=["text", "image"], outputs=["text", "image"])
    elif kind is Kind.DATASET:
        data.update(size=1, sample=f"{TODO}: what one sample is (and set size)")
    elif kind is Kind.BENCHMARK:
        data.update(task=f"{TODO}: what the benchmark tests", metrics=[{"id": "todo", "name": TODO, "higher_is_better": True}])
    if not record:
        data["summary"] = f"{TODO}: one or two sentences in your own words"
    return data


def bib_text(args: argparse.Namespace, record: ArxivRecord | None, data: dict[str, Any]) -> str:
    fields = {
        "author": bib_authors([tex_text(name) for name in record.authors]) if record and record.authors else TODO,
        "title": protect_title(tex_text(record.title)) if record else TODO,
        "year": data["date"][:4],
        "eprint": args.arxiv,
        "archiveprefix": "arXiv",
        "primaryclass": record.primary_category if record else "cs.CV",
    }
    return format_record(data["bibkey"], "misc", fields)


def run(args: argparse.Namespace) -> int:
    if not catalogue_folder_exists(args.catalogue):
        return USAGE
    catalogue = load_catalogue(args.catalogue)
    problem = _usage_problem(args, catalogue)
    if problem:
        print(f"umm-survey: {problem}", file=sys.stderr)
        return USAGE
    existing = _existing_entry(catalogue, args.arxiv)
    if existing:
        print(f"umm-survey: arXiv {args.arxiv} is already in the catalogue as {existing}; edit that entry instead", file=sys.stderr)
        return PROBLEMS
    triaged = catalogue.triage.reason(args.arxiv)
    if triaged:
        print(f"umm-survey: arXiv {args.arxiv} is in {catalogue.triage.path} ({triaged}); remove it from there first to catalogue it", file=sys.stderr)
        return PROBLEMS
    record = None
    if not args.offline:
        try:
            record = fetch_records([args.arxiv], session(), HttpSettings(timeout=args.timeout)).get(args.arxiv)
        except NetworkError as error:
            print(f"umm-survey: could not fetch arXiv {args.arxiv}: {error}; nothing was written (use --offline for a stub)", file=sys.stderr)
            return PROBLEMS
        if record is None:
            print(f"umm-survey: arXiv has no paper {args.arxiv}; nothing was written", file=sys.stderr)
            return PROBLEMS
    taken = set(catalogue.bibliography.records)
    bibkey = _bibkey(record.authors if record else [], (record.published if record else dt.date.today().isoformat())[:4], record.title if record else "", taken)
    data = entry_data(args, record, bibkey)
    entry_id = slug(data["name"] if data["name"] != TODO else f"arxiv-{args.arxiv}")
    target = args.catalogue / Kind(args.kind).folder / f"{entry_id}.yaml"
    if target.exists() or any(path.stem == entry_id for _, path in entry_files(args.catalogue)):
        print(f"umm-survey: an entry with id {entry_id!r} already exists; choose another --name", file=sys.stderr)
        return PROBLEMS
    return _write(args.catalogue, target, Kind(args.kind), data, bib_text(args, record, data))


def _write(root: Path, target: Path, kind: Kind, data: dict[str, Any], record_text: str) -> int:
    write_text_atomic(target, dump_entry(kind, data))
    try:
        append_records(root / "references.bib", [record_text])
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    print(target)
    mine = [problem for problem in load_catalogue(root).problems if problem.is_error and (Path(problem.path).name == target.name or (Path(problem.path).name == "references.bib" and data["bibkey"] in problem.message))]
    if mine:
        sys.stderr.write(format_problems(mine, "text"))
        print("umm-survey: written, but the entry needs completing before it validates (see above)", file=sys.stderr)
        return PROBLEMS
    return OK
