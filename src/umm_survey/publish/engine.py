"""The one module that knows mkdocs: hand it the rendered pages in memory and let it lay them out.

The rest of the package produces `{relative path: text}`; this module turns that into a site with
mkdocs and mkdocs-material through a small plugin, so that a later engine change touches only here.
The plugin adds these to a plain `mkdocs build`, none of which changes a page's HTML:

- the pages are handed over in memory (no temporary docs folder is written and read back);
- pages whose body is already HTML skip Python-Markdown (it would return them unchanged);
- the navigation sidebar, identical on every page outside the nav at one folder depth, is rendered
  once per depth instead of once per page;
- the theme's whole layout around such pages is rendered once per folder and kind of page, and each
  page is that shell with its own title, description and content put in (`publish/shell.py`);
- pages the render stage describes for search are indexed from those descriptions (entry fields),
  not by parsing their tables, and pages whose output is in the page cache are not rebuilt at all.

`tests/test_engine.py` builds the same pages with and without these shortcuts and compares them.
"""

from __future__ import annotations

import json
import logging
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from mkdocs import utils
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from umm_survey.publish.pagecache import PageCache, link_or_copy
from umm_survey.publish.shell import ProbePage, Shell, cut_shell, part_templates, part_values, shape

THEME_PREFIX = "umm-theme"  # templates of the theme itself, reachable even where overrides/ replaces them
SHELL_TEMPLATE = "umm-shell.html"  # a page laid out from its shell names this template
SEARCH_INDEX = Path("search") / "search_index.json"
SEARCH_WORKER = "assets/search-worker.js"  # our search worker (templates/assets), which overrides/main.html hands the theme
THEME_ASSETS = ("assets/javascripts/", "assets/stylesheets/")  # folders whose scripts and stylesheets name source maps
SOURCE_MAP_COMMENT = re.compile(r"\n?(?://#|/\*#) sourceMappingURL=[^\n]*\s*\Z")  # a script's or stylesheet's last comment
THEME_FILES_FILTER = "Files.add_files_from_theme.<locals>.filter"  # the filter mkdocs lists the theme's files to copy with
UNUSED_THEME_SCRIPTS = ("assets/javascripts/workers/", "assets/javascripts/lunr/")  # the theme's search worker and lunr, replaced by ours


class EngineError(Exception):
    """mkdocs refused the configuration or a page; the message says why."""


@dataclass
class EngineInput:
    pages: dict[str, str]  # relative path -> text (Markdown pages and downloads alike); run_mkdocs takes them out as it hands them on
    assets: dict[str, Path] = field(default_factory=dict)  # relative path -> file to copy as it is
    html_pages: set[str] = field(default_factory=set)  # Markdown pages whose body is already HTML
    search_documents: list[dict[str, str]] = field(default_factory=list)  # {location, title, text}
    nav: list[Any] = field(default_factory=list)
    cacheable: set[str] = field(default_factory=set)  # pages whose HTML depends only on their input and the cache's stamp
    cache_keys: dict[str, str] = field(default_factory=dict)  # cacheable page -> its key in the page cache
    cached_pages: dict[str, Path] = field(default_factory=dict)  # page -> its built HTML in the cache (not rebuilt)
    shortcuts: bool = True  # False: a plain mkdocs build of the same pages (for the equivalence test)


class _CachedFile(File):
    """A page whose built HTML the cache holds: mkdocs treats it as unchanged and skips it."""

    def is_modified(self) -> bool:
        return False


class CataloguePlugin(BasePlugin):
    def __init__(self, site: EngineInput, cache: PageCache | None) -> None:
        super().__init__()
        self.site = site
        self.cache = cache
        self.indexed = {document["location"].split("#")[0] for document in site.search_documents}
        self.bodies: dict[str, str] = {}
        self.navs: dict[str, str] = {}
        self.cached: dict[str, Path] = {}  # destination -> cached HTML file, linked in after the build
        self.templates: dict[str, str] = {}  # page laid out from a shell -> the template it would have used
        self.shells: dict[tuple, Shell | None] = {}  # shell key -> its shell; None: lay these pages out in full
        self.checked: set[tuple] = set()  # shells whose second page came out the same both ways
        self.from_shell = 0  # pages laid out from a shell without the theme (for the tests)
        self.parts: dict[str, jinja2.Template] = {}
        self.environment: jinja2.Environment | None = None
        self.in_nav: set[str] = set()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.cache is not None and self.site.shortcuts:
            make_env = config.theme.get_env
            config.theme.get_env = lambda: _theme_files_once(make_env(), config, self.cache)  # type: ignore[method-assign]
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        # A cached page mkdocs need not know of: without a site URL its sitemap lists no page, and no page
        # outside the navigation is linked from a Markdown page it checks (our pages are HTML already).
        unlisted = not config.site_url and not config.use_directory_urls
        for relative in list(self.site.pages):  # each text is handed on, not kept twice: at 10,000 entries the site's text is most of the memory
            text = self.site.pages.pop(relative)
            if relative not in self.site.cached_pages:
                files.append(File.generated(config, relative, content=text))
            elif unlisted and relative in self.site.html_pages:
                self.cached[relative.removesuffix(".md") + ".html"] = self.site.cached_pages[relative]
            else:
                cached = _CachedFile.generated(config, relative, content=text)
                self.cached[cached.dest_uri] = self.site.cached_pages[relative]
                files.append(cached)
        for relative, source in self.site.assets.items():
            files.append(File.generated(config, relative, abs_src_path=str(source)))
        if SEARCH_WORKER in self.site.assets:
            _leave_out_unused_theme_scripts(files)
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.in_nav = {page.file.src_uri for page in nav.pages}
        return nav

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        page.file.content_string = ""  # read into the page: the file's copy is no longer needed
        if self.site.shortcuts and page.file.src_uri in self.site.html_pages:
            self.bodies[page.file.src_uri] = markdown
            if page.file.src_uri not in self.in_nav:  # laid out from the shell of its kind
                self.templates[page.file.src_uri] = page.meta.get("template", "main.html")
                page.meta["template"] = SHELL_TEMPLATE
            return ""
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        body = self.bodies.pop(page.file.src_uri, None)
        return html if body is None else body

    @event_priority(100)  # before the search plugin reads the page
    def on_page_context(self, context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
        if self.site.shortcuts and page.url in self.indexed:
            page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
        if self.site.shortcuts:
            context["umm_navigation"] = self._navigation_once
        return context

    def _navigation_once(self, page: Page, nav: Navigation, caller: Callable[[], str]) -> str:
        """The sidebar for a page outside the nav is the same for every page at its folder depth."""
        if any(item is page for item in nav.pages):  # its own entry is marked active: render it for this page
            return caller()
        depth = posixpath.dirname(page.url)
        if depth not in self.navs:
            self.navs[depth] = caller()
        return self.navs[depth]

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        # the theme's own folder: the last one holding the partial (overrides/ comes before it)
        theme_dir = [folder for folder in config.theme.dirs if Path(folder, "partials", "nav.html").is_file()][-1]
        shell = jinja2.DictLoader({SHELL_TEMPLATE: "{{ umm_from_shell() }}"})
        env.loader = jinja2.ChoiceLoader([env.loader, jinja2.PrefixLoader({THEME_PREFIX: jinja2.FileSystemLoader(theme_dir)}), shell])
        if self.cache is not None and (compiled := self.cache.compiled_templates("theme")) is not None:
            env.bytecode_cache = compiled  # the theme's templates, compiled once rather than on every rebuild
        env.globals.setdefault("umm_navigation", None)
        env.globals["umm_from_shell"] = jinja2.pass_context(lambda context: self._from_shell(context))
        self.environment, self.parts = env, part_templates(env)
        return env

    def _from_shell(self, context: jinja2.runtime.Context) -> str:
        """The page laid out from the shell of its kind, or by the theme until that shell is known to be right."""
        page = context["page"]
        template = self.environment.get_template(self.templates[page.file.src_uri])
        key = (template.name, posixpath.dirname(page.url), shape(page))
        full = context.get_all()
        if key not in self.shells:  # the first page of its kind: cut the shell from a probe, lay the page out in full
            probe = ProbePage(page)
            self.shells[key] = cut_shell(template.render({**full, "page": probe}), part_values(self.parts, probe))
            return template.render(full)
        shell = self.shells[key]
        if shell is None:
            return template.render(full)
        filled = shell.fill(part_values(self.parts, page))
        if key in self.checked:
            self.from_shell += 1
            return filled
        output = template.render(full)  # the second page: laid out both ways, and the shell trusted only if they agree
        if output == filled:
            self.checked.add(key)
        else:
            self.shells[key] = None
        return output

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        key = self.site.cache_keys.get(page.file.src_uri)
        if self.cache is not None and key is not None:
            self.cache.put(key, output)
        if self.site.shortcuts:
            page.content = None  # laid out and about to be written; nothing reads it again
        return output

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        site_dir = Path(config.site_dir)
        for destination, cached in self.cached.items():
            link_or_copy(cached, site_dir / destination)
        if self.site.shortcuts and self.site.search_documents:
            _add_search_documents(site_dir / SEARCH_INDEX, self.site.search_documents)
        if SEARCH_WORKER in self.site.assets:
            _drop_source_map_comments(site_dir, THEME_ASSETS)
        if self.cache is not None:
            self.cache.save()


def _theme_files_once(env: jinja2.Environment, config: MkDocsConfig, cache: PageCache) -> jinja2.Environment:
    """mkdocs lists the theme's 14,000 template names (icons included) and filters them to the few dozen
    files it copies, on every build; the result depends on the theme's folders and version and on the
    filter's settings, so the page cache keeps it under its stamp (which holds the versions and overrides/)."""
    listing, key = env.list_templates, theme_files_key(config)

    def list_templates(extensions: Any = None, filter_func: Callable[[str], bool] | None = None) -> list[str]:
        if extensions is not None or getattr(filter_func, "__qualname__", "") != THEME_FILES_FILTER:
            return listing(extensions, filter_func)
        names = cache.theme_files(key)
        if names is None:
            names = listing(extensions, filter_func)
            cache.keep_theme_files(key, names)
        return names

    env.list_templates = list_templates  # type: ignore[method-assign]
    return env


def theme_files_key(config: MkDocsConfig) -> str:
    """What the theme files mkdocs copies depend on besides the cache's stamp (the same in every process:
    `static_templates` is a set, so it is sorted)."""
    return json.dumps([list(config.theme.dirs), sorted(config.theme.static_templates), list(utils.markdown_extensions)])


def _add_search_documents(index: Path, documents: list[dict[str, str]]) -> None:
    """Our entry descriptions join what the theme's search plugin indexed from the other pages."""
    if not index.is_file():
        return
    data = json.loads(index.read_text(encoding="utf-8"))
    data["docs"] = [*data.get("docs", []), *documents]
    index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _leave_out_unused_theme_scripts(files: Files) -> None:
    """The theme's search worker and lunr (our worker replaces them) and its scripts' and stylesheets' source maps are not published."""
    for file in list(files):
        if file.src_uri.startswith(UNUSED_THEME_SCRIPTS) or (file.src_uri.startswith(THEME_ASSETS) and file.src_uri.endswith(".map")):
            files.remove(file)


def _drop_source_map_comments(site_dir: Path, folders: tuple[str, ...]) -> None:
    """Each theme script and stylesheet names its source map in a last comment; with the maps left out, it goes too."""
    for path in sorted(file for folder in folders for file in (site_dir / folder).glob("*") if file.suffix in {".js", ".css"}):
        text = path.read_text(encoding="utf-8")
        if (stripped := SOURCE_MAP_COMMENT.sub("", text)) != text:
            path.write_text(stripped, encoding="utf-8")


def _not_the_dirty_warning(record: logging.LogRecord) -> bool:
    """mkdocs warns that a 'dirty' build may leave stale navigation; ours cannot (the cache's stamp covers it)."""
    return "'dirty' build" not in record.getMessage()


def run_mkdocs(config_file: Path, docs: Path, output: Path, site: EngineInput, cache: PageCache | None = None) -> int:
    """Build `site` into `output` (an empty folder); `docs` is an empty folder mkdocs requires to exist.
    Returns how many pages were laid out from a shell."""
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    build_logger = logging.getLogger("mkdocs.commands.build")
    build_logger.addFilter(_not_the_dirty_warning)
    try:
        config = load_config(str(config_file), docs_dir=str(docs), site_dir=str(output), nav=site.nav, strict=True)
        plugin = CataloguePlugin(site, cache)
        config.plugins["umm-survey"] = plugin
        mkdocs_build(config, dirty=bool(site.cached_pages))
        return plugin.from_shell
    except MkDocsException as error:
        raise EngineError(f"mkdocs failed: {error}") from error
    except OSError as error:
        raise EngineError(f"mkdocs could not write the site: {error.strerror or error}") from error
    finally:
        build_logger.removeFilter(_not_the_dirty_warning)


