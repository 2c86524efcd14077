"""The write stage of the site: render into a temporary docs folder, run mkdocs, swap `site/` in whole."""

from __future__ import annotations

import fcntl
import logging
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
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


SITE_MARKER = ".umm-site"  # in every built site: the next build may replace the folder
WORK_MARKER = ".umm-build-work"  # in every temporary build folder: a later build may remove it
WORK_PREFIX = ".umm-build-"
LOCK_NAME = ".umm-build.lock"


class BuildError(Exception):
    """The build failed for a reason worth showing the user; `site/` is untouched."""


@dataclass
class BuildPaths:
    site_dir: Path
    templates: Path
    config_file: Path
    catalogue: Path | None = None


def check_site_dir(paths: BuildPaths) -> None:
    """Refuse a target whose replacement would lose something the build did not make."""
    target = paths.site_dir.resolve()
    project = paths.config_file.resolve().parent
    protected = [("the repository", project), ("the templates", paths.templates.resolve())]
    if paths.catalogue is not None:
        protected.append(("the catalogue", paths.catalogue.resolve()))
    for label, folder in protected:
        if target == folder or target in folder.parents:
            raise BuildError(f"--site-dir {paths.site_dir} would replace {label} ({folder}); choose a folder of its own such as ./site")
        if folder in target.parents and label != "the repository":
            raise BuildError(f"--site-dir {paths.site_dir} is inside {label} ({folder}); choose a folder of its own such as ./site")
    if target.exists() and not target.is_dir():
        raise BuildError(f"--site-dir {paths.site_dir} is a file, not a folder; nothing was replaced")
    if target.is_dir() and any(target.iterdir()) and not (target / SITE_MARKER).is_file():
        raise BuildError(f"--site-dir {paths.site_dir} is not empty and is not a previous build (it has no {SITE_MARKER}); empty it or choose another folder")


@contextmanager
def build_lock(parent: Path) -> Iterator[None]:
    """One build at a time per target folder; a second build waits for the first."""
    with open(parent / LOCK_NAME, "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def remove_stale_work(parent: Path) -> None:
    """Temporary folders left by killed builds; only those that carry the build's own marker."""
    for folder in parent.glob(f"{WORK_PREFIX}*"):
        if folder.is_dir() and not folder.is_symlink() and (folder / WORK_MARKER).is_file():
            shutil.rmtree(folder, ignore_errors=True)


def render_pages(catalogue: Catalogue, templates: Path) -> dict[str, str]:
    entries, results = resolve_catalogue(catalogue), resolve_results(catalogue)
    downloads = {"catalogue.json": json_text(entries, results), "catalogue.csv": csv_text(entries, results), "references.bib": to_bibtex(catalogue)}
    return render_site(SiteInput(entries, catalogue.vocabulary, downloads, results), templates)


SCOPE_DOC = Path("docs") / "scope.md"  # beside mkdocs.yml; published as the site's scope page


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
    check_site_dir(paths)
    parent = paths.site_dir.resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    with build_lock(parent):
        remove_stale_work(parent)
        check_site_dir(paths)  # again: another build may have finished while this one waited
        with tempfile.TemporaryDirectory(prefix=WORK_PREFIX, dir=parent) as work:
            (Path(work) / WORK_MARKER).write_text("a temporary umm-survey build folder; safe to delete\n")
            docs, output = Path(work) / "docs", Path(work) / "site"
            write_pages(pages, docs, paths.templates)
            scope = paths.config_file.parent / SCOPE_DOC
            (docs / "scope.md").write_text(scope.read_text(encoding="utf-8") if scope.is_file() else "# What the catalogue holds\n\nSee the repository's docs/scope.md.\n", encoding="utf-8")
            boards = sorted(relative.removeprefix("leaderboards/").removesuffix(".md") for relative in pages if relative.startswith("leaderboards/") and not relative.endswith("index.md"))
            _run_mkdocs(paths.config_file, docs, output, navigation(catalogue.vocabulary, boards))
            (output / SITE_MARKER).write_text("built by umm-survey; the next build replaces this folder whole\n")
            replace_directory(output, paths.site_dir.resolve())
    return sum(relative.endswith(".md") for relative in pages)


def _run_mkdocs(config_file: Path, docs: Path, output: Path, nav: list) -> None:
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    try:
        config = load_config(str(config_file), docs_dir=str(docs), site_dir=str(output), nav=nav, strict=True)
        mkdocs_build(config)
    except MkDocsException as error:
        raise BuildError(f"mkdocs failed: {error}") from error
