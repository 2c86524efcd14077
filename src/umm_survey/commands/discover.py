"""`umm-survey discover`: papers the catalogue lacks, ranked for a curator to add (`new`) or triage.

Sources (catalogue/sources.yaml; each can be left out with --source): the arXiv API
(UMM_ARXIV_API_URL) for papers first posted in a date window, Semantic Scholar (UMM_S2_API_URL,
optional S2_API_KEY) for the papers citing the landmark models, and same-topic lists read with the
importer. Catalogued and triaged arXiv ids are left out. Exit 0 with the ranked candidates; 1 when a
source fails (a clear message, nothing written); 2 on a usage error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path

from umm_survey.authoring.importer.parse import parse_list
from umm_survey.checks.catalogue import load_catalogue
from umm_survey.commands.common import OK, PROBLEMS, USAGE, add_catalogue_option, catalogue_folder_exists, positive_seconds, write_output
from umm_survey.load.sources import SourcesFile, load_sources
from umm_survey.network.discover import DEFAULT_S2_API_URL, Budget, Candidate, DiscoverError, arxiv_window, citing_papers, list_text, merge, ranked
from umm_survey.network.net import HttpSettings, NetworkError, session
from umm_survey.render.text import markdown_cell
from umm_survey.report import format_problems

SOURCES = ("arxiv", "s2", "lists")


def _date(text: str) -> str:
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("discover", help="papers the catalogue lacks, ranked with reasons", description=__doc__)
    add_catalogue_option(parser)
    parser.add_argument("--since", type=_date, metavar="DATE", help="first day of the window (default: 30 days ago)")
    parser.add_argument("--until", type=_date, metavar="DATE", help="last day of the window (default: today)")
    parser.add_argument("--source", action="append", choices=SOURCES, help="only these sources (repeatable; default: all three)")
    parser.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help="file to write (atomically); standard output when left out or `-`")
    parser.add_argument("--timeout", type=positive_seconds, default=30.0, metavar="SECONDS", help="per request (default 30)")
    parser.add_argument("--deadline", type=positive_seconds, default=900.0, metavar="SECONDS", help="for the whole run (default 900)")
    parser.add_argument("--page-delay", type=float, default=3.0, metavar="SECONDS", help="pause between arXiv pages (default 3, as arXiv asks)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if not catalogue_folder_exists(args.catalogue):
        return USAGE
    today = dt.date.today()
    since, until = args.since or (today - dt.timedelta(days=30)).isoformat(), args.until or today.isoformat()
    if since > until or not 0 <= args.page_delay <= 60:
        print("umm-survey: --since must not be after --until, and --page-delay must be 0 to 60 seconds", file=sys.stderr)
        return USAGE
    sources = _sources(args.catalogue)
    if sources is None:
        return PROBLEMS
    catalogue = load_catalogue(args.catalogue)
    known = {entry.model.arxiv for entry in catalogue.entries if entry.model.arxiv} | set(catalogue.triage.papers)
    try:
        candidates = gather(sources, args.source or list(SOURCES), since, until, HttpSettings(timeout=args.timeout), Budget(args.deadline, args.page_delay))
    except (DiscoverError, NetworkError) as error:
        print(f"umm-survey: discover: {error}; nothing was written", file=sys.stderr)
        return PROBLEMS
    fresh = {arxiv: candidate for arxiv, candidate in candidates.items() if arxiv not in known and (not candidate.date or since <= candidate.date <= until)}
    rows = ranked(fresh, len(sources.landmarks))
    print(f"discover: {len(rows)} candidates ({len(candidates) - len(fresh)} already catalogued, triaged or outside {since} to {until})", file=sys.stderr)
    write_output(render(rows, args.format, since), args.output)
    return OK


def _sources(root: Path) -> SourcesFile | None:
    sources, problems = load_sources(root, str(root / "sources.yaml"))
    if problems or sources is None:
        sys.stderr.write(format_problems(problems, "text") if problems else f"umm-survey: {root / 'sources.yaml'} is missing; discover needs it\n")
        return None
    return sources


def gather(sources: SourcesFile, chosen: list[str], since: str, until: str, settings: HttpSettings, budget: Budget) -> dict[str, Candidate]:
    http = session(settings)
    progress = lambda message: print(message, file=sys.stderr, flush=True)  # noqa: E731
    groups: list[list[Candidate]] = []
    if "arxiv" in chosen:
        groups.append(arxiv_window(http, settings, sources.arxiv_query, since, until, budget, progress))
    if "s2" in chosen and sources.landmarks:
        base = os.environ.get("UMM_S2_API_URL", DEFAULT_S2_API_URL)
        groups.append(citing_papers(http, settings, sources.landmarks, budget, os.environ.get("S2_API_KEY"), base, progress))
    if "lists" in chosen:
        for same_topic in sources.lists:
            papers = parse_list(list_text(http, settings, same_topic, budget)).papers
            groups.append([Candidate(paper.arxiv, paper.title, paper.date if len(paper.date) == 10 else "", "", {"lists"}, set(), {same_topic.name}) for paper in papers if paper.arxiv])
            progress(f"lists: {same_topic.name} read ({len(papers)} papers)")
    return merge(groups)


def render(rows: list[dict], style: str, since: str) -> str:
    if style == "json":
        return json.dumps({"since": since, "candidates": rows}, indent=2, ensure_ascii=False) + "\n"
    if style == "markdown":
        lines = [f"**{len(rows)} candidate papers** first posted since {since}, not yet catalogued or triaged.", "",
                 "| score | arXiv | date | title | why |", "| ---: | --- | --- | --- | --- |"]
        lines += [f"| {row['score']} | [{row['arxiv']}](https://arxiv.org/abs/{row['arxiv']}) | {row['date'] or '–'} | {markdown_cell(row['title'])} | {markdown_cell('; '.join(row['reasons']))} |" for row in rows]
        return "\n".join(lines) + "\n"
    lines = [f"{row['score']:>3}  {row['arxiv']:<11} {row['date'] or '-':<10}  {row['title']}\n       {'; '.join(row['reasons']) or 'no reason beyond the search'}" for row in rows]
    return "\n".join(lines) + ("\n" if lines else "")
