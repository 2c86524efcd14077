"""The build's shortcuts change nothing a reader gets: in-memory pages, HTML passed through, the sidebar
rendered once, search documents from fields, and the page cache (a cached rebuild equals a clean build)."""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jinja2
from conftest import ROOT
from jinja2.bccache import bc_magic

from umm_survey.checks.catalogue import load_catalogue
from umm_survey.publish import site as site_build
from umm_survey.publish.engine import EngineInput, run_mkdocs
from umm_survey.publish.pagecache import FRAGMENTS, MARKER
from umm_survey.publish.site import CACHE_FOLDER, BuildPaths, build_site, check_cache_folder

BLOCK_TAGS = "p|div|table|thead|tbody|tr|th|td|caption|h[1-6]|ul|ol|li|dl|dt|dd|nav|pre|form|fieldset|legend|label|select|option|input|button|details|summary|svg|figure|figcaption|section|article|main|header|footer|aside|blockquote|script|hr|br"
AROUND_BLOCK_TAG = re.compile(rf"\s*(</?(?:{BLOCK_TAGS})\b[^>]*>)\s*")


def paths(site: Path, use_cache: bool = False, templates: Path = ROOT / "templates") -> BuildPaths:
    return BuildPaths(site, templates, ROOT / "mkdocs.yml", use_cache=use_cache)


def contents(site: Path) -> dict[str, bytes]:
    """Every file of a built site; the gzip'd sitemap unpacked (its header holds the time of writing)."""
    files = {}
    for path in sorted(site.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            files[path.relative_to(site).as_posix()] = gzip.decompress(data) if path.suffix == ".gz" else data
    return files


def plain_build(catalogue_dir: Path, work: Path) -> Path:
    """The same pages through mkdocs with none of the shortcuts: Markdown converts every page, the theme indexes and lays out each."""
    catalogue = load_catalogue(catalogue_dir)
    site, _ = site_build.prepare(catalogue, paths(work / "unused"), work)
    plain = EngineInput(pages=site.pages, assets=site.assets, html_pages=site.html_pages, search_documents=site.search_documents, nav=site.nav, shortcuts=False)
    (work / "docs").mkdir()
    run_mkdocs(ROOT / "mkdocs.yml", work / "docs", work / "plain", plain)
    return work / "plain"


def test_the_shortcuts_give_the_pages_plain_mkdocs_gives(catalogue_dir: Path, tmp_path: Path) -> None:
    fast = tmp_path / "fast"
    build_site(load_catalogue(catalogue_dir), paths(fast))
    plain = plain_build(catalogue_dir, tmp_path)
    fast_files, plain_files = contents(fast), contents(plain)
    assert set(fast_files) - {site_build.SITE_MARKER} == set(plain_files)
    compared = 0
    for name, data in plain_files.items():
        if name == "search/search_index.json":
            continue
        if name.endswith(".html"):
            # Python-Markdown puts a line break between adjacent block elements; that is all it would change
            assert AROUND_BLOCK_TAG.sub(r"\1", fast_files[name].decode()) == AROUND_BLOCK_TAG.sub(r"\1", data.decode()), name
            compared += 1
        else:
            assert fast_files[name] == data, name
    assert compared > 20
    entry = (fast / "entries" / "alpha-model.html").read_text()
    assert entry.count('class="md-nav__link') == (plain / "entries" / "alpha-model.html").read_text().count('class="md-nav__link') > 5


def shell_test_pages() -> dict[str, str]:
    """Titles and descriptions with markup, pages with and without a description or a heading, two folders."""
    pages = {"index.md": "---\ntitle: Home\n---\n<h1>Home</h1>"}
    titles = ["A & B", "<b>Bold</b> \"quoted\"", "Plain", "Café ‹x›", "Fifth", "x < y"]
    for folder in ("entries", "components"):
        for index in range(16):  # four shapes, four pages each: the first two are laid out by the theme, the others from the shell
            title = titles[index % len(titles)]
            description = f'description: "About {title.replace(chr(34), "")} & more"\n' if index % 2 == 0 else ""
            heading = f"<h1>{title}</h1>" if index % 4 >= 2 else ""
            pages[f"{folder}/page-{index}.md"] = f"---\ntitle: {json.dumps(title)}\n{description}hide: [toc]\n---\n{heading}<p>Body of {index} &amp; more</p>"
    return pages


def built_with_and_without_shortcuts(tmp_path: Path, config: Path) -> tuple[int, int]:
    """Pages from shells in each build; the two builds' pages must be the same."""
    pages, built = shell_test_pages(), {}
    for shortcuts in (True, False):
        (tmp_path / f"docs-{shortcuts}").mkdir()
        site = EngineInput(pages=dict(pages), html_pages=set(pages), nav=[{"Home": "index.md"}], shortcuts=shortcuts)  # run_mkdocs takes the pages out
        built[shortcuts] = run_mkdocs(config, tmp_path / f"docs-{shortcuts}", tmp_path / f"site-{shortcuts}", site)
    fast, plain = contents(tmp_path / "site-True"), contents(tmp_path / "site-False")
    for name in pages:
        page = name.replace(".md", ".html")
        assert AROUND_BLOCK_TAG.sub(r"\1", fast[page].decode()) == AROUND_BLOCK_TAG.sub(r"\1", plain[page].decode()), page
    return built[True], built[False]


def test_pages_laid_out_from_a_shell_are_the_pages_the_theme_lays_out(tmp_path: Path) -> None:
    assert built_with_and_without_shortcuts(tmp_path, ROOT / "mkdocs.yml") == (16, 0), "two pages of each shape in each folder come from their shell"


def test_a_shell_is_dropped_when_the_theme_shows_something_else_of_each_page(tmp_path: Path) -> None:
    """With a site URL every page has its own canonical link, which no probe part explains: the second page
    of each shape, laid out both ways, differs, and the theme lays out every page."""
    config = tmp_path / "mkdocs.yml"
    text = (ROOT / "mkdocs.yml").read_text().replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    config.write_text(text + "site_url: https://example.org/survey/\n")
    assert built_with_and_without_shortcuts(tmp_path, config) == (0, 0)
    assert '<link rel="canonical" href="https://example.org/survey/entries/page-3.html">' in (tmp_path / "site-True" / "entries" / "page-3.html").read_text()


def test_search_documents_come_from_the_entry_fields(catalogue_dir: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    build_site(load_catalogue(catalogue_dir), paths(site))
    docs = json.loads((site / "search" / "search_index.json").read_text())["docs"]
    entry = [doc for doc in docs if doc["location"].startswith("entries/alpha-model.html")]
    assert len(entry) == 1, "one document per entry page, not one per table section"
    assert entry[0]["title"] == "Alpha"
    assert entry[0]["text"] == "Alpha: A Test Model for Unified Understanding and Generation · Jane Doe, John Smith · CVPR 2025 · Semantic encoding · A made-up model used by the tests."
    assert "BibTeX" not in entry[0]["text"] and "@misc" not in entry[0]["text"]
    assert any(doc["location"] == "contribute.html" for doc in docs), "prose pages are still indexed by the theme"


def cached_build(catalogue_dir: Path, site: Path) -> None:
    """A build as `umm-survey build` runs it: loaded through the check cache, built with the page cache."""
    settings = paths(site, use_cache=True)
    build_site(load_catalogue(catalogue_dir, cache_folder=check_cache_folder(settings)), settings)


def test_a_cached_rebuild_after_one_change_equals_a_clean_build(catalogue_dir: Path, tmp_path: Path) -> None:
    cached, clean = tmp_path / "cached" / "site", tmp_path / "clean" / "site"
    cached_build(catalogue_dir, cached)
    cache = cached.parent / CACHE_FOLDER
    first = sorted(path.name for path in cache.glob("*.html"))
    assert first, "the first build fills the cache"
    alpha = catalogue_dir / "models" / "alpha-model.yaml"
    alpha.write_text(alpha.read_text().replace("summary: ", "summary: Edited. ", 1))
    cached_build(catalogue_dir, cached)
    build_site(load_catalogue(catalogue_dir), paths(clean))
    assert contents(cached) == contents(clean)
    assert "Edited." in (cached / "entries" / "alpha-model.html").read_text()
    assert "Edited." in (cached / "downloads" / "catalogue.json").read_text() and "Edited." in (cached / "downloads" / "catalogue.csv").read_text()
    second = sorted(path.name for path in cache.glob("*.html"))
    assert len(set(first) - set(second)) == 1, "only the changed page's stale copy is dropped"
    alpha.write_text(alpha.read_text().replace("name: Alpha\n", "name: Alpha Prime\n"))  # shown in group tables too
    cached_build(catalogue_dir, cached)
    shutil.rmtree(clean.parent)
    build_site(load_catalogue(catalogue_dir), paths(clean))
    assert contents(cached) == contents(clean)
    assert "Alpha Prime" in (cached / "groups" / "ar-semantic.html").read_text(), "the group table's row is made again"
    cached_build(catalogue_dir, cached)  # nothing changed: everything from the caches
    assert contents(cached) == contents(clean)


def test_a_damaged_cache_file_is_rebuilt_not_published(catalogue_dir: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    build_site(load_catalogue(catalogue_dir), paths(site, use_cache=True))
    for path in (tmp_path / CACHE_FOLDER).glob("*.html"):
        path.write_text("<p>torn</p>")
    build_site(load_catalogue(catalogue_dir), paths(site, use_cache=True))
    assert not [path for path in site.rglob("*.html") if path.read_text() == "<p>torn</p>"]
    assert "A made-up model used by the tests." in (site / "entries" / "alpha-model.html").read_text()


def test_a_theme_override_change_drops_the_whole_cache(catalogue_dir: Path, tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(ROOT / "overrides", project / "overrides")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    site = tmp_path / "site"
    settings = BuildPaths(site, ROOT / "templates", project / "mkdocs.yml", use_cache=True)
    build_site(load_catalogue(catalogue_dir), settings)
    main = project / "overrides" / "main.html"
    main.write_text(main.read_text().replace("{% block extrahead %}", '{% block extrahead %}<meta name="umm-test" content="changed">'))
    build_site(load_catalogue(catalogue_dir), settings)
    for page in ("entries/alpha-model.html", "entries/beta-bench.html", "index.html"):
        assert '<meta name="umm-test" content="changed">' in (site / page).read_text(), page


def test_the_cache_never_writes_into_a_folder_it_did_not_make(catalogue_dir: Path, tmp_path: Path) -> None:
    foreign = tmp_path / CACHE_FOLDER
    foreign.mkdir(parents=True)
    (foreign / "notes.txt").write_text("mine")
    site = tmp_path / "site"
    build_site(load_catalogue(catalogue_dir), paths(site, use_cache=True))
    assert sorted(path.name for path in foreign.iterdir()) == ["notes.txt"]
    assert not (foreign / MARKER).exists()
    assert (site / "entries" / "alpha-model.html").is_file()


def test_tables_and_charts_on_prose_pages_stay_out_of_the_search_snippets(catalogue_dir: Path, tmp_path: Path) -> None:
    """The theme indexes the prose pages; a table's cells would come out run together ("NameTitleKindDate...")."""
    site = tmp_path / "site"
    build_site(load_catalogue(catalogue_dir), paths(site))
    docs = json.loads((site / "search" / "search_index.json").read_text())["docs"]
    for page in ("index.html", "statistics.html", "leaderboards/index.html", "contribute.html"):
        html = (site / page).read_text()
        headers = re.findall(r"<thead><tr>(.*?)</tr></thead>", html)
        assert headers, f"{page} has tables"
        texts = [doc["text"] for doc in docs if doc["location"].split("#")[0] == page]
        for row in headers:
            run_together = "".join(re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r"<th[^>]*>(.*?)</th>", row))
            assert not any(run_together in text for text in texts), (page, run_together)
    newest = next(doc for doc in docs if doc["location"] == "index.html#newest")
    assert newest["text"] == "<p>By date of first public release; also as an Atom feed.</p>"


def test_compiled_templates_are_kept_and_an_edited_or_damaged_one_is_compiled_again(catalogue_dir: Path, tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    cached, clean = tmp_path / "cached" / "site", tmp_path / "clean" / "site"
    build_site(load_catalogue(catalogue_dir), paths(cached, use_cache=True, templates=templates))
    compiled = cached.parent / CACHE_FOLDER / "templates"
    assert sorted(path.name for path in compiled.iterdir()) == ["catalogue", "theme"]
    theme_files = sorted((compiled / "theme").glob("*.cache"))
    assert list((compiled / "catalogue").glob("*.cache")) and theme_files
    home = templates / "home.md.j2"
    home.write_text(home.read_text().replace("<h1>", "<h1 data-edited>", 1))
    for index, damaged in enumerate(theme_files):  # the right header with a broken body, or nothing a cache wrote
        damaged.write_bytes(bc_magic + b"not a pickle" if index % 2 else b"junk")
    build_site(load_catalogue(catalogue_dir), paths(cached, use_cache=True, templates=templates))
    build_site(load_catalogue(catalogue_dir), paths(clean, templates=templates))
    assert contents(cached) == contents(clean)
    assert "<h1 data-edited>" in (cached / "index.html").read_text()


def test_the_theme_files_come_from_the_cache_in_a_later_build(catalogue_dir: Path, tmp_path: Path, monkeypatch) -> None:
    cached, clean = tmp_path / "cached" / "site", tmp_path / "clean" / "site"
    cached_build(catalogue_dir, cached)
    build_site(load_catalogue(catalogue_dir), paths(clean))

    def no_listing(*args, **kwargs):
        raise AssertionError("the theme's files were listed again")

    monkeypatch.setattr(jinja2.FileSystemLoader, "list_templates", no_listing)
    cached_build(catalogue_dir, cached)
    assert contents(cached) == contents(clean)


def test_the_theme_files_key_is_the_same_in_every_process() -> None:
    script = "from mkdocs.config import load_config; from umm_survey.publish.engine import theme_files_key; print(theme_files_key(load_config('mkdocs.yml')))"
    keys = {subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True, env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in "12345678"}
    assert len(keys) == 1 and "sitemap.xml" in next(iter(keys))


def test_with_a_site_url_a_cached_rebuild_still_lists_every_page_in_the_sitemap(catalogue_dir: Path, tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text((ROOT / "mkdocs.yml").read_text().replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}") + "site_url: https://example.org/survey/\n")
    cached, clean = tmp_path / "cached" / "site", tmp_path / "clean" / "site"
    for _ in range(2):  # the second build takes the entry pages from the cache
        settings = BuildPaths(cached, ROOT / "templates", config, use_cache=True)
        build_site(load_catalogue(catalogue_dir, cache_folder=check_cache_folder(settings)), settings)
    build_site(load_catalogue(catalogue_dir), BuildPaths(clean, ROOT / "templates", config))
    assert contents(cached) == contents(clean)
    assert "https://example.org/survey/entries/alpha-model.html" in contents(cached)["sitemap.xml"].decode()


def test_a_torn_memo_file_is_ignored_not_published(catalogue_dir: Path, tmp_path: Path) -> None:
    cached, clean = tmp_path / "cached" / "site", tmp_path / "clean" / "site"
    cached_build(catalogue_dir, cached)
    memo = cached.parent / CACHE_FOLDER / FRAGMENTS
    memo.write_bytes(memo.read_bytes()[: len(memo.read_bytes()) // 2])
    alpha = catalogue_dir / "models" / "alpha-model.yaml"
    alpha.write_text(alpha.read_text().replace("name: Alpha\n", "name: Alpha Prime\n"))
    cached_build(catalogue_dir, cached)
    build_site(load_catalogue(catalogue_dir), paths(clean))
    assert contents(cached) == contents(clean)
