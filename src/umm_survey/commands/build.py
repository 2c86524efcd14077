"""`umm-survey build`: validate, render the catalogue and build the site with mkdocs (atomically)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from umm_survey.commands.common import OK, PROBLEMS, add_catalogue_option, load_valid
from umm_survey.publish.site import BuildError, BuildPaths, build_site, check_cache_folder


def add_site_options(parser: argparse.ArgumentParser) -> None:
    add_catalogue_option(parser)
    parser.add_argument("--site-dir", type=Path, default=Path("site"), metavar="DIR", help="where the built site goes (default: ./site)")
    parser.add_argument("--templates", type=Path, default=Path("templates"), metavar="DIR", help="Jinja templates (default: ./templates)")
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"), metavar="FILE", help="mkdocs configuration (default: ./mkdocs.yml)")
    parser.add_argument("--no-cache", dest="use_cache", action="store_false", help="read and rebuild everything; by default entry files and pages whose inputs are unchanged are taken from .umm-cache (entry-checks, site-pages) beside the site folder")


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("build", help="build the website into site/", description=__doc__)
    add_site_options(parser)
    parser.set_defaults(run=run)


def paths_of(args: argparse.Namespace) -> BuildPaths:
    return BuildPaths(site_dir=args.site_dir, templates=args.templates, config_file=args.config, catalogue=args.catalogue, use_cache=args.use_cache)


def run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    catalogue, code = load_valid(args.catalogue, check_cache_folder(paths_of(args)))
    if catalogue is None:
        print(f"umm-survey: not built; {args.site_dir} was left as it was", file=sys.stderr)
        return code
    try:
        pages = build_site(catalogue, paths_of(args))
    except BuildError as error:
        print(f"umm-survey: {error}; {args.site_dir} was left as it was", file=sys.stderr)
        return PROBLEMS
    print(f"built {pages} pages from {len(catalogue.entries)} entries into {args.site_dir} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return OK
