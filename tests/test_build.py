"""`umm-survey build`: refuses bad catalogues, is atomic, escapes contributor text (checked in the browser)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from sitehelpers import browser, serve_folder

from umm_survey.cli import main
from umm_survey.render.text import markdown_cell, name_html, page_title, plain_text

HOSTILE_NAME = "<script>window.__pwned=1</script>Evil|Name"
HOSTILE_TITLE = "<img src=x onerror=\"window.__pwned=2\"> Title | with [x](javascript:window.__pwned=3) link"
HOSTILE_SUMMARY = "**bold?** <b>not bold</b> `code` [x](javascript:alert(1)) & done"


def build(catalogue: Path, site: Path, templates: Path = ROOT / "templates") -> int:
    return main(["build", "--catalogue", str(catalogue), "--site-dir", str(site), "--templates", str(templates), "--config", str(ROOT / "mkdocs.yml")])


def test_build_refuses_a_catalogue_with_errors_and_keeps_the_old_site(capsys, catalogue_dir: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert build(catalogue_dir, site) == 0
    before = (site / "index.html").read_text()
    alpha = catalogue_dir / "models" / "alpha-model.yaml"
    alpha.write_text(alpha.read_text().replace("date: 2024-03-05", "date: 2024-13-05"))
    capsys.readouterr()
    assert build(catalogue_dir, site) == 1
    err = capsys.readouterr().err
    assert "alpha-model.yaml:4:7: UMM204 error" in err
    assert f"not built; {site} was left as it was" in err
    assert (site / "index.html").read_text() == before


def test_a_failing_template_leaves_the_previous_site_intact(capsys, catalogue_dir: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert build(catalogue_dir, site) == 0
    files_before = sorted(path.relative_to(site) for path in site.rglob("*"))
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    (templates / "model.md.j2").write_text('{% extends "_entry.md.j2" %}{% block fields %}{{ entry.no_such_field }}{% endblock %}')
    assert build(catalogue_dir, site, templates) == 1
    assert "template error" in capsys.readouterr().err
    assert sorted(path.relative_to(site) for path in site.rglob("*")) == files_before
    assert not list(tmp_path.glob(".umm-build-*"))


def test_built_site_has_every_page_and_download(catalogue_dir: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert build(catalogue_dir, site) == 0
    for relative in ("index.html", "timeline.html", "statistics.html", "downloads.html", "contribute.html", "entries/alpha-model.html", "groups/ar-semantic.html"):
        assert (site / relative).is_file(), relative
    assert (site / "downloads" / "catalogue.json").read_text().startswith('{\n  "entries": [')
    assert (site / "downloads" / "references.bib").read_text().count("@") == 4
    html = "".join(path.read_text() for path in site.rglob("*.html"))
    assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html


def test_the_site_carries_no_source_maps_and_only_our_search_worker(catalogue_dir: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert build(catalogue_dir, site) == 0
    scripts = sorted(path.relative_to(site).as_posix() for path in (site / "assets").rglob("*") if path.is_file() and path.suffix in {".js", ".map", ".css"})
    assert [path for path in scripts if path.endswith(".map") or "/lunr/" in path or "/workers/" in path] == []
    assert "assets/search-worker.js" in scripts
    for path in scripts:
        assert "sourceMappingURL" not in (site / path).read_text(encoding="utf-8"), path
    assert '"../assets/search-worker.js"' in (site / "entries" / "alpha-model.html").read_text()


def test_metrics_without_bounds_build(catalogue_dir: Path, tmp_path: Path) -> None:
    beta = catalogue_dir / "benchmarks" / "beta-bench.yaml"
    beta.write_text(beta.read_text().replace("    min: 0\n    max: 1\n", ""))
    assert build(catalogue_dir, tmp_path / "site") == 0
    assert "<td>Overall</td><td>higher</td><td></td>" in (tmp_path / "site" / "entries" / "beta-bench.html").read_text()


def test_latex_names_read_well() -> None:
    assert str(name_html("UniCode$^2$")) == "UniCode<sup>2</sup>"
    assert str(name_html("<b>$^{x}$")) == "&lt;b&gt;<sup>x</sup>"
    assert plain_text("UniCode$^2$") == "UniCode²"
    assert page_title("<script>") == "‹script›"


def test_markdown_cells_are_inert() -> None:
    assert markdown_cell("a | b") == "a \\| b"
    assert markdown_cell("[x](javascript:y)") == "\\[x\\]\\(javascript:y\\)"
    assert markdown_cell("<img src=x>") == "\\<img src=x\\>"
    assert markdown_cell("line\nbreak") == "line break"


@pytest.mark.browser
def test_hostile_text_is_shown_as_written_and_never_runs(catalogue_dir: Path, tmp_path: Path) -> None:
    alpha = catalogue_dir / "models" / "alpha-model.yaml"
    text = alpha.read_text()
    text = text.replace("name: Alpha", "name: '" + HOSTILE_NAME + "'")
    text = text.replace("title: 'Alpha: A Test Model for Unified Understanding and Generation'", "title: '" + HOSTILE_TITLE + "'")
    text = text.replace("summary: A made-up model used by the tests.", "summary: '" + HOSTILE_SUMMARY + "'")
    alpha.write_text(text)
    bib = catalogue_dir / "references.bib"
    bib.write_text(bib.read_text().replace("{Alpha}: A Test Model for Unified Understanding and Generation", HOSTILE_TITLE.replace('"', "''")))
    site = tmp_path / "site"
    assert build(catalogue_dir, site) == 0
    with serve_folder(site) as url, browser() as chromium:
        page = chromium.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for path in ("entries/alpha-model.html", "groups/ar-semantic.html", "groups/autoregressive.html", "index.html", "timeline.html"):
            page.goto(url + path)
            page.wait_for_load_state("networkidle")
            assert page.evaluate("window.__pwned === undefined"), path
        page.goto(url + "entries/alpha-model.html")
        assert page.locator("h1").inner_text() == HOSTILE_NAME
        assert page.locator(".umm-title").inner_text() == HOSTILE_TITLE
        assert HOSTILE_SUMMARY in page.locator("article").inner_text()
        assert page.locator("article a[href^='javascript']").count() == 0
        assert page.locator("article script").count() == 0
        page.goto(url + "groups/ar-semantic.html")
        assert page.locator("table.umm-sortable tbody td").first.inner_text() == HOSTILE_NAME
        page.goto(url + "index.html")
        page.locator("input.md-search__input").click()
        page.keyboard.type("Evil", delay=20)
        result = page.locator('.md-search-result__link[href*="entries/alpha-model.html"]').first
        result.wait_for(timeout=15000)
        assert result.locator("h1, h2").first.inner_text() == HOSTILE_NAME
        assert page.locator(".md-search-result script, .md-search-result img").count() == 0
        assert page.evaluate("window.__pwned === undefined")
        assert dialogs == []


def test_a_long_author_list_shows_twelve_names_and_the_rest_behind_a_disclosure(catalogue_dir: Path, tmp_path: Path) -> None:
    names = [f"Author{index}, Given" for index in range(20)]
    bib = catalogue_dir / "references.bib"
    bib.write_text(bib.read_text().replace("author = {Doe, Jane and Smith, John}", "author = {" + " and ".join(names) + "}", 1))
    site = tmp_path / "site"
    assert build(catalogue_dir, site) == 0
    page = (site / "entries" / "alpha-model.html").read_text()
    shown, _, hidden = page.partition('<details class="umm-more-authors"><summary>and 8 more</summary>')
    assert "Given Author11" in shown and "Given Author12" not in shown
    assert hidden.startswith("Given Author12, ") and "Given Author19</details>" in hidden
    beta = (site / "entries" / "beta-bench.html").read_text()
    assert "umm-more-authors" not in beta, "a short list is shown whole"
