"""The write stage of the site: render the pages, hand them to mkdocs in memory (publish/engine.py), swap `site/` in whole."""

from __future__ import annotations

import fcntl
import json
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from jinja2 import TemplateError

from umm_survey.checks.catalogue import Catalogue
from umm_survey.link.resolve import resolve_catalogue, resolve_results
from umm_survey.publish.atomic import replace_directory
from umm_survey.publish.engine import EngineError, EngineInput, run_mkdocs
from umm_survey.publish.pagecache import PageCache, digest, folder_digest
from umm_survey.render.exports import csv_text, json_text, to_bibtex
from umm_survey.render.memo import Memo
from umm_survey.render.pages import SiteInput, leaderboard_ids, navigation, render_site
from umm_survey.render.search import search_documents

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
    use_cache: bool = False  # take unchanged pages from the page cache (CACHE_FOLDER beside the site folder)


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


SCOPE_DOC = Path("docs") / "scope.md"  # beside mkdocs.yml; published as the site's scope page
CACHE_FOLDER = Path(".umm-cache") / "site-pages"  # beside the site folder
CHECK_CACHE_FOLDER = Path(".umm-cache") / "entry-checks"  # beside it too: the entry files' check results


def check_cache_folder(paths: BuildPaths) -> Path | None:
    """Where loading for this build keeps the entry files' check results: None with `--no-cache`, and None
    for a site folder the build will refuse (so that nothing is written beside it; `build_site` says why)."""
    if not paths.use_cache:
        return None
    try:
        check_site_dir(paths)
    except BuildError:
        return None
    return paths.site_dir.resolve().parent / CHECK_CACHE_FOLDER
PACKAGE = Path(__file__).resolve().parent.parent


def build_site(catalogue: Catalogue, paths: BuildPaths) -> int:
    """Build into a temporary folder beside `site_dir`, then replace it. Returns the number of pages."""
    for required in (paths.templates, paths.config_file):
        if not required.exists():
            raise BuildError(f"{required} does not exist; run from the repository root or pass its path")
    check_site_dir(paths)
    parent = paths.site_dir.resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    with build_lock(parent):
        remove_stale_work(parent)
        check_site_dir(paths)  # again: another build may have finished while this one waited
        cache = None
        try:
            site, cache = prepare(catalogue, paths, parent)
        except TemplateError as error:
            where = f" ({error.filename}:{error.lineno})" if getattr(error, "lineno", None) else ""
            raise BuildError(f"template error{where}: {error.message}") from error
        with tempfile.TemporaryDirectory(prefix=WORK_PREFIX, dir=parent) as work:
            (Path(work) / WORK_MARKER).write_text("a temporary umm-survey build folder; safe to delete\n")
            docs, output = Path(work) / "docs", Path(work) / "site"
            docs.mkdir()
            page_count = sum(relative.endswith(".md") for relative in site.pages)
            _write_downloads_out(site, Path(work) / "downloads-out")
            try:
                run_mkdocs(paths.config_file, docs, output, site, cache)
            except EngineError as error:
                raise BuildError(str(error)) from error
            (output / SITE_MARKER).write_text("built by umm-survey; the next build replaces this folder whole\n")
            replace_directory(output, paths.site_dir.resolve())
    return page_count


def _write_downloads_out(site: EngineInput, folder: Path) -> None:
    """The downloads (tens of megabytes of text at 10,000 entries) written to files now and handed to mkdocs
    as files to copy, so that their text is not held in memory while mkdocs lays out the pages."""
    for relative in [relative for relative in site.pages if relative.startswith("downloads/") and not relative.endswith(".md")]:
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(site.pages.pop(relative), encoding="utf-8")
        site.assets[relative] = target


def prepare(catalogue: Catalogue, paths: BuildPaths, parent: Path) -> tuple[EngineInput, PageCache | None]:
    """Render the pages (an entry page whose input is unchanged is taken from the page cache instead) and
    gather what the engine needs besides mkdocs.yml."""
    entries, results = resolve_catalogue(catalogue), resolve_results(catalogue)
    site_input = SiteInput(entries, catalogue.vocabulary, {}, results)
    boards = leaderboard_ids(site_input)
    nav = navigation(catalogue.vocabulary, boards)
    cache = PageCache(parent / CACHE_FOLDER, cache_stamp(paths, nav, nav_titles(catalogue, entries, boards))) if paths.use_cache else None
    memo = Memo(cache.fragments) if cache is not None and cache.usable else None  # rows and download parts of the last build
    site_input.downloads.update({"catalogue.json": json_text(entries, results, memo), "catalogue.csv": csv_text(entries, results, memo), "references.bib": to_bibtex(catalogue)})
    keys: dict[str, str] = {}
    cached: dict[str, Path] = {}

    def look_up(relative: str, source: str) -> bool:
        """Record the page's key; True (and its file noted) when the cache holds its HTML."""
        assert cache is not None
        keys[relative] = cache.key(relative, source)
        if (path := cache.get(keys[relative])) is not None:
            cached[relative] = path
        return path is not None

    reuse = (lambda relative, fingerprint: look_up(relative, f"fingerprint {fingerprint}")) if cache is not None else None
    pages = render_site(site_input, paths.templates, reuse, cache.compiled_templates("catalogue") if cache is not None else None, memo)
    if cache is not None and memo is not None:
        cache.fragments = memo.made
    site = engine_input(catalogue, pages, entries, paths, nav, boards)
    for relative in sorted(site.cacheable - keys.keys()) if cache is not None else []:
        look_up(relative, site.pages[relative])  # pages keyed by their text
    site.cache_keys, site.cached_pages = keys, cached
    return site, cache


def engine_input(catalogue: Catalogue, pages: dict[str, str], entries: list[dict], paths: BuildPaths, nav: list, boards: list[str]) -> EngineInput:
    """The pages with the scope page, the assets, the navigation and the search documents."""
    html_pages = {relative for relative in pages if relative.endswith(".md")}  # every template writes its body as HTML
    pages = dict(pages)
    scope = paths.config_file.parent / SCOPE_DOC
    pages["scope.md"] = scope.read_text(encoding="utf-8") if scope.is_file() else "# What the catalogue holds\n\nSee the repository's docs/scope.md.\n"
    assets_folder = paths.templates / "assets"
    assets = {f"assets/{path.relative_to(assets_folder).as_posix()}": path for path in sorted(assets_folder.rglob("*")) if path.is_file()} if assets_folder.is_dir() else {}
    documents = [document for document in search_documents(entries, catalogue.vocabulary, boards) if _page_of(document) in pages]
    in_nav = set(nav_pages(nav))
    described = {_page_of(document) for document in documents}
    cacheable = {relative for relative in pages if relative in described and relative not in in_nav}  # a skipped page is not indexed by the theme
    return EngineInput(pages=pages, assets=assets, html_pages=html_pages, search_documents=documents, nav=nav, cacheable=cacheable)


def _page_of(document: dict[str, str]) -> str:
    return document["location"].removesuffix(".html") + ".md"


def nav_titles(catalogue: Catalogue, entries: list[dict], boards: list[str]) -> list[str]:
    """Text every page may show besides its own input: the navigation's titles (group titles, the names of
    benchmarks with a leaderboard) and the families' labels and colours."""
    names = {entry["id"]: entry["name"] for entry in entries}
    families = [f"{family.id}={family.label}:{family.colour}:{family.shape}" for family in catalogue.vocabulary.families.values()]
    return [group.title for group in catalogue.vocabulary.groups.values()] + [names[board] for board in boards] + families


def cache_stamp(paths: BuildPaths, nav: list, titles: list[str]) -> str:
    """Everything every page's HTML depends on besides its own input: versions, the package's code, templates,
    overrides, mkdocs.yml and the navigation with its titles."""
    overrides = paths.config_file.parent / "overrides"
    versions = " ".join(f"{name}={metadata.version(name)}" for name in ("umm-survey", "mkdocs", "mkdocs-material", "jinja2", "markdown"))
    return digest(versions, folder_digest(PACKAGE), folder_digest(paths.templates), folder_digest(overrides), paths.config_file.read_text(encoding="utf-8"), json.dumps(nav), json.dumps(titles))


def nav_pages(nav: list) -> list[str]:
    """Every page path the navigation names."""
    found: list[str] = []
    for item in nav:
        values = item.values() if isinstance(item, dict) else [item]
        for value in values:
            found.extend(nav_pages(value) if isinstance(value, list) else nav_pages([value]) if isinstance(value, dict) else [value])
    return found
