"""The write stage of the site: render into a temporary docs folder, run mkdocs, swap `site/` in whole."""

from __future__ import annotations

import logging
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from jinja2 import TemplateError
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from ..atomic import replace_directory
from ..catalogue import Catalogue
from ..exports import csv_text, json_text, to_bibtex
from ..resolve import resolve_catalogue, resolve_results
from .render import SiteInput, navigation, render_site


class BuildError(Exception):
    """The build failed for a reason worth showing the user; `site/` is untouched."""


@dataclass
class BuildPaths:
    site_dir: Path
    templates: Path
    config_file: Path


def render_pages(catalogue: Catalogue, templates: Path) -> dict[str, str]:
    entries, results = resolve_catalogue(catalogue), resolve_results(catalogue)
    downloads = {"catalogue.json": json_text(entries, results), "catalogue.csv": csv_text(entries, results), "references.bib": to_bibtex(catalogue)}
    return render_site(SiteInput(entries, catalogue.vocabulary, downloads, results), templates)


def write_pages(pages: dict[str, str], docs: Path, templates: Path) -> None:
    for relative, text in pages.items():
        target = docs / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    assets = templates / "assets"
    if assets.is_dir():
        shutil.copytree(assets, docs / "assets", dirs_exist_ok=True)


def build_site(catalogue: Catalogue, paths: BuildPaths) -> int:
    """Build into a temporary folder beside `site_dir`, then replace it. Returns the number of pages."""
    for required in (paths.templates, paths.config_file):
        if not required.exists():
            raise BuildError(f"{required} does not exist; run from the repository root or pass its path")
    try:
        pages = render_pages(catalogue, paths.templates)
    except TemplateError as error:
        where = f" ({error.filename}:{error.lineno})" if getattr(error, "lineno", None) else ""
        raise BuildError(f"template error{where}: {error.message}") from error
    paths.site_dir.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".umm-build-", dir=paths.site_dir.parent) as work:
        docs, output = Path(work) / "docs", Path(work) / "site"
        write_pages(pages, docs, paths.templates)
        boards = sorted(relative.removeprefix("leaderboards/").removesuffix(".md") for relative in pages if relative.startswith("leaderboards/") and not relative.endswith("index.md"))
        _run_mkdocs(paths.config_file, docs, output, navigation(catalogue.vocabulary, boards))
        replace_directory(output, paths.site_dir)
    return sum(relative.endswith(".md") for relative in pages)


def _run_mkdocs(config_file: Path, docs: Path, output: Path, nav: list) -> None:
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    try:
        config = load_config(str(config_file), docs_dir=str(docs), site_dir=str(output), nav=nav, strict=True)
        mkdocs_build(config)
    except MkDocsException as error:
        raise BuildError(f"mkdocs failed: {error}") from error
