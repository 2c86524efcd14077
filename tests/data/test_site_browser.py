"""The built site in a real browser: Debian's chromium driven by Playwright, served from 127.0.0.1."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit
from urllib.request import urlopen

import pytest
from conftest import ROOT
from sitehelpers import browser, serve_folder

from umm_survey.cli import main

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def built_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("real") / "site"
    code = main(["build", "--catalogue", str(ROOT / "catalogue"), "--site-dir", str(site), "--templates", str(ROOT / "templates"), "--config", str(ROOT / "mkdocs.yml")])
    assert code == 0
    return site


@pytest.fixture(scope="module")
def site_url(built_site: Path):
    with serve_folder(built_site) as url:
        yield url


@pytest.fixture(scope="module")
def chromium():
    with browser() as instance:
        yield instance


@pytest.fixture
def page(chromium, site_url):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page = context.new_page()
    page.console_errors = []
    page.outside_requests = []
    page.on("console", lambda message: message.type == "error" and page.console_errors.append(message.text))
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))
    page.on("request", lambda request: _is_outside(request.url) and page.outside_requests.append(request.url))
    yield page
    context.close()


def _is_outside(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme not in {"data", "blob", "about"} and parts.hostname != "127.0.0.1"


def test_home_loads_without_console_errors_or_outside_requests(page, site_url) -> None:
    page.goto(site_url)
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").first.inner_text() == "Unified multimodal models"
    assert page.console_errors == []
    assert page.outside_requests == []


def test_the_search_index_is_fetched_only_when_the_reader_reaches_for_search(page, site_url) -> None:
    asked = []
    page.on("request", lambda request: "search_index.json" in request.url and asked.append(request.url))
    page.goto(site_url + "entries/janus-pro.html")
    page.wait_for_load_state("networkidle")
    page.mouse.wheel(0, 600)
    page.wait_for_timeout(300)
    assert asked == []
    with page.expect_response(lambda response: "search_index.json" in response.url and response.ok):
        page.keyboard.press("/")
    page.keyboard.type("Janus-Pro", delay=20)
    page.locator(".md-search-result__link").first.wait_for(timeout=15000)
    assert len(asked) == 1


def test_search_finds_janus_pro_and_opens_its_page(page, site_url) -> None:
    page.goto(site_url)
    page.locator("input.md-search__input").click()
    page.keyboard.type("Janus-Pro data and model scaling", delay=20)
    result = page.locator('.md-search-result__link[href*="entries/janus-pro.html"]').first  # not Janus-Pro-R1 and kin
    result.wait_for(timeout=15000)
    result.click()
    page.wait_for_url(re.compile(r"entries/janus-pro\.html"))
    assert page.locator("h1").inner_text() == "Janus-Pro"
    assert page.outside_requests == []


@pytest.mark.parametrize(("query", "first", "second"), [("Janus-Pro", "entries/janus-pro.html", "entries/janus-pro-r1.html"), ("show-o", "entries/show-o.html", "entries/show-o2.html"), ("janus flow", "entries/janusflow.html", "entries/janus.html")])
def test_search_ranks_the_exact_name_first_and_names_it_begins_next(page, site_url, query: str, first: str, second: str) -> None:
    page.goto(site_url)
    page.locator("input.md-search__input").click()
    page.keyboard.type(query, delay=20)
    page.locator(f'.md-search-result__item > a[href*="{first}"]').wait_for(timeout=15000)
    found = [path.lstrip("/") for path in page.eval_on_selector_all(".md-search-result__item > a.md-search-result__link", "links => links.map(link => new URL(link.href).pathname)")]
    assert found[0] == first
    assert [path for path in found if path.startswith("entries/")][:2] == [first, second]  # a component page of the same name may come between
    assert page.locator(".md-search-result__item").first.locator("mark").count() >= 1


WORKER_SEARCH = """async ({count, query}) => {
  const worker = new Worker("assets/search-worker.js");
  const answer = () => new Promise((resolve) => worker.addEventListener("message", (event) => resolve(event.data), {once: true}));
  const lead = "one two three four five six seven eight nine ten eleven twelve";
  const docs = Array.from({length: count}, (_, index) => ({location: `p${index}.html`, title: `Page ${index}`, text: `${lead} common <b>word</b> ${"filler ".repeat(60)}end`}));
  docs.push({location: "p0.html#part", title: "Part", text: "a part of the first page, common to it"});  // ranks below every page
  worker.postMessage({type: 0, data: {config: {}, docs, options: {}}});
  await answer();
  worker.postMessage({type: 2, data: query});
  const result = await answer();
  worker.terminate();
  return result.data.items.map((items) => items.map((item) => item.text));
}"""


def test_search_marks_matches_in_the_first_hundred_pages_and_shows_the_start_of_the_rest(page, site_url) -> None:
    page.goto(site_url)
    pages = page.evaluate(WORKER_SEARCH, {"count": 150, "query": "common"})
    assert len(pages) == 150
    assert pages[0][1] == "a part of the first page, <mark>common</mark> to it"  # found after 149 pages, shown with its page
    texts = [texts[0] for texts in pages]
    assert texts[0].startswith("… five six seven eight nine ten eleven twelve <mark>common</mark> word filler")
    assert texts[99].startswith("… five six") and "<mark>common</mark>" in texts[99]
    assert texts[100].startswith("one two three four five six seven eight nine ten eleven twelve common word filler")
    assert "<mark>" not in texts[100] and "<b>" not in texts[149]
    assert texts[149].endswith(" …") and len(texts[149]) <= 282


def test_a_long_table_shows_its_first_rows_until_asked_and_keeps_the_limit_when_sorted(page, site_url) -> None:
    page.goto(site_url + "groups/autoregressive.html")
    names = [cell.strip() for cell in page.locator("table.umm-sortable tbody tr td:first-child").all_inner_texts()]
    assert len(names) > 50
    visible = lambda: [cell.strip() for cell in page.locator("table.umm-sortable tbody tr:not([hidden]) td:first-child").all_inner_texts()]  # noqa: E731
    assert visible() == names[:50]
    more = page.locator(".umm-more button")
    assert more.is_visible() and more.inner_text() == f"Show all {len(names)} matching rows"
    page.locator("th button.umm-sort", has_text="Name").click()
    by_name = page.evaluate("names => names.slice().sort(new Intl.Collator(undefined, {numeric: true, sensitivity: 'base'}).compare)", names)  # the reader's locale order ('ILLUME-X' before 'ILLUME+')
    assert sorted(by_name) == sorted(names) and by_name != names
    assert visible() == by_name[:50]
    page.locator(".umm-filter-text").fill("janus")
    assert 0 < len(visible()) < 50 and more.is_hidden()
    page.locator(".umm-filter-text").fill("")
    more.click()
    assert visible() == by_name and "rows=all" in page.url and more.is_hidden()


def test_group_table_sorts_and_filters(page, site_url) -> None:
    page.goto(site_url + "groups/autoregressive.html?rows=all")
    rows = page.locator("table.umm-sortable tbody tr")
    everything = [
        {"name": row.locator("td").first.inner_text().strip(), "text": row.inner_text().lower(), "year": row.get_attribute("data-year"), "venue": row.get_attribute("data-venue"), "code": row.get_attribute("data-code")}
        for row in rows.all()
    ]
    assert len(everything) >= 3
    visible = lambda: [cell.strip() for cell in page.locator("table.umm-sortable tbody tr:not([hidden]) td:first-child").all_inner_texts()]  # noqa: E731
    names = [row["name"] for row in everything]
    by_name = page.evaluate("names => names.slice().sort(new Intl.Collator(undefined, {numeric: true, sensitivity: 'base'}).compare)", names)  # the reader's locale order
    assert len(set(name.lower() for name in names)) == len(names)  # no ties, so descending is the exact reverse
    page.locator("th button.umm-sort", has_text="Name").click()
    assert visible() == by_name
    page.locator("th button.umm-sort", has_text="Name").click()
    assert visible() == by_name[::-1]
    page.locator(".umm-filter-text").fill("janus")
    assert "Janus-Pro" in visible()
    assert sorted(visible()) == sorted(row["name"] for row in everything if "janus" in row["text"])
    page.locator(".umm-filter-text").fill("")
    page.locator(".umm-filters input[data-key=code]").check()
    with_code = [row["name"] for row in everything if row["code"] == "yes"]
    assert 0 < len(with_code) < len(everything)
    assert sorted(visible()) == sorted(with_code)
    page.locator(".umm-filters input[data-key=code]").uncheck()
    page.locator(".umm-filters select[data-key=year]").select_option("2024")
    assert sorted(visible()) == sorted(row["name"] for row in everything if row["year"] == "2024")
    page.locator(".umm-filters select[data-key=year]").select_option("")
    page.locator(".umm-filters select[data-key=venue]").select_option("CVPR")
    assert visible() and sorted(visible()) == sorted(row["name"] for row in everything if row["venue"] == "CVPR")
    assert page.locator(".umm-filter-count").inner_text() == f"{len(visible())} of {len(everything)} shown"


def test_tables_read_without_javascript(chromium, site_url) -> None:
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "groups/autoregressive.html")
    assert page.locator("table.umm-sortable tbody tr").count() >= 3
    assert page.locator(".umm-filters").is_hidden()
    context.close()


def test_copy_button_copies_the_bibtex(page, site_url) -> None:
    page.goto(site_url + "entries/janus-pro.html")
    page.locator("button.umm-copy").click()
    page.locator("button.umm-copy", has_text="Copied").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("@misc{chen2025januspro,")
    assert copied == page.locator("#bibtex-janus-pro").inner_text()


def test_dark_mode_toggle(page, site_url) -> None:
    page.goto(site_url)
    before = page.locator("body").get_attribute("data-md-color-scheme")
    page.locator("form[data-md-component='palette'] label:visible").first.click()
    after = page.locator("body").get_attribute("data-md-color-scheme")
    assert {before, after} == {"default", "slate"}


def test_phone_viewport_reaches_the_navigation(chromium, site_url) -> None:
    context = chromium.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(site_url)
    page.locator("label.md-header__button[for='__drawer']").click()
    link = page.locator("nav.md-nav--primary a.md-nav__link", has_text="Timeline").first
    link.wait_for(state="visible")
    link.click()
    page.wait_for_url(re.compile(r"timeline\.html"))
    assert page.locator("h1").inner_text() == "Timeline"
    context.close()


def test_figures_have_text_alternatives(page, site_url) -> None:
    for path in ("timeline.html", "statistics.html"):
        page.goto(site_url + path)
        svg = page.locator("svg.umm-chart")
        assert svg.get_attribute("role") == "img"
        labelled_by = svg.get_attribute("aria-labelledby").split()
        assert all(page.locator(f"#{element}").text_content().strip() for element in labelled_by)
        assert page.locator("table th[scope='col']").count() > 0


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in {"href", "src"} and value:
                self.links.append(value)


def test_every_internal_link_on_every_page_resolves(built_site: Path, site_url: str) -> None:
    broken = []
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 30
    for html_file in pages:
        page_url = urljoin(site_url, html_file.relative_to(built_site).as_posix())
        parser = _Links()
        parser.feed(html_file.read_text(encoding="utf-8"))
        for link in parser.links:
            target = urldefrag(urljoin(page_url, link)).url
            if not target.startswith(site_url):
                continue
            try:
                with urlopen(target, timeout=10) as response:
                    assert response.status == 200
            except Exception as error:  # noqa: BLE001 - any failure is a broken link
                broken.append(f"{html_file.relative_to(built_site)} -> {link}: {error}")
    assert broken == []
