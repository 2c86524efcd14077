"""`umm-survey check-links`: every URL in the catalogue and the bibliography, with a cache.

Reports broken links and moved ones (a permanent redirect suggests the new
URL). Exit 0 unless --strict and a link is broken (then 1); 2 on a usage error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from umm_survey.checks.catalogue import load_catalogue
from umm_survey.commands.common import OK, PROBLEMS, USAGE, add_catalogue_option, catalogue_folder_exists, count, non_negative_days, positive_seconds
from umm_survey.network.linkcheck import LinkResult, cached_result, catalogue_urls, check_all, load_cache, save_cache
from umm_survey.network.net import HttpSettings, session


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("check-links", help="check every URL (broken, moved)", description=__doc__)
    add_catalogue_option(parser)
    parser.add_argument("--cache", type=Path, default=Path(".umm-cache/links.json"), metavar="FILE", help="results cache (default: .umm-cache/links.json)")
    parser.add_argument("--max-age", type=non_negative_days, default=7.0, metavar="DAYS", help="recheck links older than this (default 7 days)")
    parser.add_argument("--concurrency", type=count, default=8, metavar="N", help="requests in flight at once (default 8)")
    parser.add_argument("--per-host", type=count, default=2, metavar="N", help="requests in flight per host (default 2)")
    parser.add_argument("--timeout", type=positive_seconds, default=15.0, metavar="SECONDS")
    parser.add_argument("--retries", type=int, default=3, metavar="N", help="retries for 429, 5xx and dropped connections (default 3)")
    parser.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a link is broken")
    parser.set_defaults(run=run)


def render(results: list[LinkResult], style: str) -> str:
    broken = sorted((result for result in results if result.broken), key=lambda result: result.url)
    moved = sorted((result for result in results if result.moved), key=lambda result: result.url)
    if style == "json":
        return json.dumps({"broken": [vars(result) for result in broken], "moved": [vars(result) for result in moved], "checked": len(results)}, indent=2) + "\n"
    reason = lambda result: result.error or f"HTTP {result.status}"  # noqa: E731
    if style == "markdown":
        lines = [f"**{len(broken)} broken, {len(moved)} moved** of {len(results)} links.", ""]
        if broken:
            lines += ["| broken link | reason | where |", "| --- | --- | --- |"] + [f"| <{result.url}> | {reason(result)} | {'<br>'.join(result.places)} |" for result in broken] + [""]
        if moved:
            lines += ["| moved link | now at | permanent | where |", "| --- | --- | --- | --- |"] + [f"| <{result.url}> | <{result.final_url}> | {'yes' if result.permanent else 'no'} | {'<br>'.join(result.places)} |" for result in moved]
        return "\n".join(lines).rstrip() + "\n"
    lines = [f"broken {result.url}: {reason(result)} ({', '.join(result.places)})" for result in broken]
    lines += [f"moved {result.url} -> {result.final_url}{' (permanent: update the link)' if result.permanent else ''} ({', '.join(result.places)})" for result in moved]
    lines.append(f"{len(results)} links: {len(broken)} broken, {len(moved)} moved")
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    if not catalogue_folder_exists(args.catalogue):
        return USAGE
    if args.concurrency < 1 or args.per_host < 1:
        print("umm-survey: --concurrency and --per-host must be at least 1", file=sys.stderr)
        return USAGE
    places = catalogue_urls(load_catalogue(args.catalogue))
    cache = load_cache(args.cache)
    now = dt.datetime.now(dt.timezone.utc)
    max_age = dt.timedelta(days=args.max_age)
    fresh = {url: result for url in places if url in cache and (result := cached_result(url, cache[url], now, max_age))}
    stale = [url for url in places if url not in fresh]
    settings = HttpSettings(timeout=args.timeout, retries=args.retries)
    console = Console(stderr=True)
    checked: dict[str, LinkResult] = {}
    try:
        with Progress(TextColumn("checking links"), BarColumn(), MofNCompleteColumn(), console=console, transient=True, disable=not console.is_terminal) as progress:
            task = progress.add_task("links", total=len(stale))
            check_all(stale, lambda: session(settings), settings, args.concurrency, args.per_host, lambda _: progress.advance(task), checked)
    except KeyboardInterrupt:
        print("umm-survey: interrupted; links checked so far are cached", file=sys.stderr)
        return 130
    finally:
        save_cache(args.cache, checked, cache)
    results = {**fresh, **checked}
    for url, result in results.items():
        result.places = places[url]
    print(f"checked {len(stale)} links, {len(fresh)} from the cache", file=sys.stderr)
    sys.stdout.write(render(list(results.values()), args.format))
    return PROBLEMS if args.strict and any(result.broken for result in results.values()) else OK
