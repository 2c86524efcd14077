"""The render stage: resolved catalogue -> {relative path: text} for mkdocs. Pure: writes nothing.

All sorting, grouping and cross-referencing happens here; the templates in
``templates/`` only lay out what they are given.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache, Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from umm_survey.link.modelfacts import ATTENTION_LABELS, FACT_LABELS, PART_ROLES
from umm_survey.links import repository_root
from umm_survey.load.vocab import Vocabulary
from umm_survey.render.charts import counts_by_year, months_of, scatter_svg, statistics_svg, timeline_svg
from umm_survey.render.components import compare_data, component_pages
from umm_survey.render.coverage import fact_coverage, models_to_check
from umm_survey.render.diagram import architecture_svg
from umm_survey.render.feed import atom_feed
from umm_survey.render.leaderboards import leaderboard, results_by, scatter_charts
from umm_survey.render.memo import Memo, digest
from umm_survey.render.text import link_label, markdown_cell, name_html, page_title, plain_text
from umm_survey.schema import Kind

KIND_TITLES = {Kind.MODEL: "Models", Kind.DATASET: "Datasets", Kind.BENCHMARK: "Benchmarks", Kind.APPLICATION: "Applications"}
NEWEST_COUNT = 12

PAGE_ROWS = 50  # a longer table shows this many rows until the reader asks for all (catalogue.js, catalogue.css)
MEASURED_BY = {"own": "the model's own paper", "third-party": "quoted by another paper", "reproduced": "re-run independently"}


@dataclass
class SiteInput:
    entries: list[dict[str, Any]]
    vocabulary: Vocabulary
    downloads: dict[str, str]  # file name -> contents (catalogue.json, catalogue.csv, references.bib)
    results: list[dict[str, Any]] = field(default_factory=list)


def template_environment(templates: Path, families: dict[str, Any], compiled: BytecodeCache | None = None) -> Environment:
    """The Jinja environment; `families` (taxonomy.yaml's) give every template the families' labels and colours.
    `compiled` may hold the templates compiled by an earlier build (the caller's; it changes no output)."""
    environment = Environment(
        loader=FileSystemLoader(templates),
        bytecode_cache=compiled,
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters.update(name_html=name_html, page_title=page_title, plain=plain_text, md=markdown_cell, link_label=link_label)
    environment.globals.update(
        family_labels={family.id: family.label for family in families.values()}, family_colours={family.id: family.colour for family in families.values()}, measured_by=MEASURED_BY, page_rows=PAGE_ROWS, part_roles=PART_ROLES, fact_labels=FACT_LABELS, attention_labels=ATTENTION_LABELS
    )
    return environment


def render_site(site: SiteInput, templates: Path, reuse: Callable[[str, str], bool] | None = None, compiled: BytecodeCache | None = None,
                memo: Memo | None = None) -> dict[str, str]:
    """Every page and download. `reuse(path, fingerprint)` may answer True for an entry page whose output the
    caller already has for that fingerprint (a digest of its template name and everything passed to it);
    such a page is left empty here instead of being rendered again. `compiled`: see `template_environment`.
    `memo` (see `render/memo.py`) may hold group-table rows an earlier build rendered from the same input."""
    environment = template_environment(templates, site.vocabulary.families, compiled)
    groups = _entries_by_group(site)
    pages: dict[str, str] = {}
    pages["index.md"] = environment.get_template("home.md.j2").render(**_home_context(site))
    memo = memo or Memo(enabled=False)
    group_row = _row_renderer(environment, memo)
    for group in site.vocabulary.groups.values():
        context = _group_context(site, group.id, groups)
        context["row_markup"] = [group_row(entry, context["show_facts"], context["show_demo"], context["depth"]) for entry in context["rows"]]
        pages[f"groups/{group.id}.md"] = environment.get_template("group.md.j2").render(**context)
    related = _related_index(site.entries)
    results_of_model = results_by(site.results, "model")
    boards_with_results = {result["benchmark"] for result in site.results}
    for entry in site.entries:
        context = {"entry": entry, "group_paths": _group_paths(site.vocabulary, entry), "related": related(entry), "results": results_of_model.get(entry["id"], []), "depth": "../"}
        context["has_leaderboard"] = entry["id"] in boards_with_results
        context["authors_shown"], context["authors_more"] = authors_split(entry["authors"])
        if "facts" in entry:
            context["diagram"] = architecture_svg(entry["facts"], entry["plain_name"])
        relative, template = f"entries/{entry['id']}.md", f"{entry['kind']}.md.j2"
        if reuse is not None and reuse(relative, fingerprint(template, context, memo)):
            pages[relative] = ""  # the caller holds this page's built HTML for exactly this input
            continue
        pages[relative] = environment.get_template(template).render(**context)
    models = [entry for entry in site.entries if entry["kind"] == Kind.MODEL.value]
    pages.update(component_pages(models, site.vocabulary, environment))
    pages["compare.json"] = compare_data(models, site.results)
    pages["feed.xml"] = atom_feed(site.entries, site.vocabulary, "Unified multimodal models")
    pages["compare.md"] = environment.get_template("compare.md.j2").render(models=sorted(models, key=lambda model: model["plain_name"].lower()), depth="")
    pages["timeline.md"] = environment.get_template("timeline.md.j2").render(svg=timeline_svg(models, site.vocabulary.families), months=months_of(models))
    years, per_year = counts_by_year(models)
    coverage = fact_coverage(models)
    pages["statistics.md"] = environment.get_template("statistics.md.j2").render(
        svg=statistics_svg(models, site.vocabulary.families), years=years, per_year=per_year, families=list(site.vocabulary.families), kind_counts=kind_counts(site.entries),
        coverage=coverage, any_unrecorded=any(row["unrecorded"] for row in coverage), to_check=models_to_check(models), model_count=len(models),
    )
    pages.update(_leaderboard_pages(site, environment))
    pages["downloads.md"] = environment.get_template("downloads.md.j2").render(downloads=sorted(site.downloads), count=len(site.entries))
    pages["contribute.md"] = environment.get_template("contribute.md.j2").render(vocabulary=site.vocabulary, groups=_ordered_groups(site.vocabulary))
    for name, text in site.downloads.items():
        pages[f"downloads/{name}"] = text
    return pages


AUTHORS_SHOWN = 12  # a longer author list (one paper has 291) shows this many, the rest behind a disclosure


def authors_split(authors: list[str]) -> tuple[list[str], list[str]]:
    """The authors an entry page lists at once and those it keeps behind "and N more" (none when the
    list is at most two longer than the shown part: hiding two names saves nothing)."""
    if len(authors) <= AUTHORS_SHOWN + 2:
        return list(authors), []
    return list(authors[:AUTHORS_SHOWN]), list(authors[AUTHORS_SHOWN:])


def fingerprint(template: str, context: dict[str, Any], memo: Memo) -> str:
    """A digest of everything an entry page is rendered from (with the templates and the code, its whole
    input): the template's name and the context, the entry and its related entries each by its digest."""
    rest = {name: value for name, value in context.items() if name not in {"entry", "related", "group_paths"}}
    related = [(heading, [memo.entry_digest(other) for other in others]) for heading, others in context["related"]]
    groups = [[memo.object_text(group) for group in path] for path in context["group_paths"]]
    return digest(json.dumps([template, memo.entry_digest(context["entry"]), related, groups, rest], sort_keys=True, default=repr, ensure_ascii=False))


def leaderboard_ids(site: SiteInput) -> list[str]:
    """The benchmarks that get a leaderboard page: catalogued, with at least one result."""
    benchmarks = {entry["id"] for entry in site.entries if entry["kind"] == Kind.BENCHMARK.value}
    return sorted({result["benchmark"] for result in site.results} & benchmarks)


def _boards(site: SiteInput) -> list[dict[str, Any]]:
    benchmarks = {entry["id"]: entry for entry in site.entries if entry["kind"] == Kind.BENCHMARK.value}
    grouped = results_by(site.results, "benchmark")
    return [leaderboard(benchmarks[benchmark_id], grouped[benchmark_id]) for benchmark_id in leaderboard_ids(site)]


def _leaderboard_pages(site: SiteInput, environment: Environment) -> dict[str, str]:
    boards = _boards(site)
    names = {entry["id"]: plain_text(entry["name"]) for entry in site.entries if entry["kind"] == Kind.BENCHMARK.value}
    charts = scatter_charts(site.results, site.vocabulary.scatter, names)
    for chart in charts:
        chart["svg"] = scatter_svg(chart["points"], site.vocabulary.families, chart["x_label"], chart["y_label"], chart["x_range"], chart["y_range"], chart["id"])
    axis_choices = {axis: list(dict.fromkeys((chart[f"{axis}_benchmark"], chart[f"{axis}_label"]) for chart in charts)) for axis in ("x", "y")}
    for chart in charts:  # the pair the two selects show first: drawn alone from the first paint when scripts run
        chart["default"] = (chart["x_benchmark"], chart["y_benchmark"]) == (axis_choices["x"][0][0], axis_choices["y"][0][0])
    pages = {"leaderboards/index.md": environment.get_template("leaderboards.md.j2").render(boards=boards, charts=charts, axis_choices=axis_choices)}
    for board in boards:
        pages[f"leaderboards/{board['benchmark']['id']}.md"] = environment.get_template("leaderboard.md.j2").render(board=board)
    return pages


def navigation(vocabulary: Vocabulary, leaderboards: list[str] | None = None) -> list[Any]:
    """The mkdocs nav: overview, group and leaderboard pages, never the entry pages (see docs/architecture.md)."""
    nav: list[Any] = [{"Home": "index.md"}]
    for kind in Kind:
        sections = [_nav_item(vocabulary, group.id) for group in vocabulary.children(None) if group.kind == kind]
        if len(sections) == 1 and isinstance(sections[0], dict) and isinstance(next(iter(sections[0].values())), str):
            nav.append({KIND_TITLES[kind]: next(iter(sections[0].values()))})
        elif sections:
            nav.append({KIND_TITLES[kind]: sections})
    nav.append({"Leaderboards": ["leaderboards/index.md", *(f"leaderboards/{name}.md" for name in leaderboards or [])]})
    nav += [{"Timeline": "timeline.md"}, {"Statistics": "statistics.md"}, {"Downloads": "downloads.md"}, {"Scope": "scope.md"}, {"Contribute": "contribute.md"}]
    return nav


def _nav_item(vocabulary: Vocabulary, group_id: str) -> Any:
    group = vocabulary.groups[group_id]
    children = vocabulary.children(group_id)
    if not children:
        return {page_title(group.title): f"groups/{group.id}.md"}
    return {page_title(group.title): [f"groups/{group.id}.md", *(_nav_item(vocabulary, child.id) for child in children)]}


def _entries_by_group(site: SiteInput) -> dict[str, list[dict[str, Any]]]:
    """Group id -> entries in it or in any group below it, newest first."""
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for entry in site.entries:
        seen: set[str] = set()
        for group_id in entry["groups"]:
            for group in site.vocabulary.path(group_id):
                if group.id not in seen:
                    seen.add(group.id)
                    grouped[group.id].append(entry)
    return {group_id: sorted(entries, key=lambda entry: (entry["date"], entry["id"]), reverse=True) for group_id, entries in grouped.items()}


def _row_renderer(environment: Environment, memo: Memo) -> Callable[[dict[str, Any], bool, bool, str], Markup]:
    """A group table's row for an entry, rendered once per kind of table: an entry is listed on its group's
    page and on every ancestor's, and the row is the same on each (or taken from `memo`)."""
    template = environment.get_template("_group_row.j2")

    def row(entry: dict[str, Any], show_facts: bool, show_demo: bool, depth: str) -> Markup:
        make = lambda: template.render(entry=entry, show_facts=show_facts, show_demo=show_demo, depth=depth).rstrip("\n")  # noqa: E731
        return Markup(memo.text("group-row", entry, f"{show_facts} {show_demo} {depth}", make))

    return row


def _group_context(site: SiteInput, group_id: str, groups: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    vocabulary = site.vocabulary
    entries = groups.get(group_id, [])
    group = vocabulary.groups[group_id]
    return {
        "group": group,
        "path": vocabulary.path(group_id)[:-1],
        "children": [(child, len(groups.get(child.id, []))) for child in vocabulary.children(group_id)],
        "rows": entries,
        "years": sorted({entry["date"][:4] for entry in entries}, reverse=True),
        "venues": sorted({entry["venue_name"] for entry in entries}),
        "show_demo": group.kind is Kind.MODEL,
        "show_facts": group.kind is Kind.MODEL,
        "components": _components_of(entries, vocabulary) if group.kind is Kind.MODEL else [],
        "depth": "../",
    }


def _components_of(entries: list[dict[str, Any]], vocabulary: Vocabulary) -> list[Any]:
    """The components the group's models use, for its component filter, by name."""
    used = {component for entry in entries for component in entry.get("facts", {}).get("components", [])}
    return sorted((vocabulary.components[component] for component in used), key=lambda component: component.name.lower())


def _home_context(site: SiteInput) -> dict[str, Any]:
    newest = sorted(site.entries, key=lambda entry: (entry["date"], entry["id"]), reverse=True)[:NEWEST_COUNT]
    families = Counter(entry["family"] for entry in site.entries if entry["kind"] == Kind.MODEL.value)
    return {
        "kind_counts": kind_counts(site.entries),
        "family_counts": [(family.id, family.label, families.get(family.id, 0)) for family in site.vocabulary.families.values()],
        "newest": newest,
        "groups": _ordered_groups(site.vocabulary),
        "total": len(site.entries),
        "depth": "",
    }


def kind_counts(entries: list[dict[str, Any]]) -> list[tuple[str, int]]:
    """(title, number of entries) for every kind, in the schema's order."""
    counts = Counter(entry["kind"] for entry in entries)
    return [(KIND_TITLES[kind], counts.get(kind.value, 0)) for kind in Kind]


def _ordered_groups(vocabulary: Vocabulary) -> list[tuple[int, Any]]:
    """Every group with its depth, in reading order (kind, then order, children after parents)."""
    ordered = vocabulary.walk()
    kind_rank = {kind: index for index, kind in enumerate(Kind)}
    return sorted(ordered, key=lambda item: kind_rank[item[1].kind]) if ordered else []


def _group_paths(vocabulary: Vocabulary, entry: dict[str, Any]) -> list[list[Any]]:
    return [vocabulary.path(group_id) for group_id in entry["groups"]]


def _related_index(entries: list[dict[str, Any]]):
    by_bibkey: dict[str, list[dict[str, Any]]] = defaultdict(list)
    by_code: dict[str, list[dict[str, Any]]] = defaultdict(list)
    by_series: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for entry in entries:
        by_bibkey[entry["bibkey"]].append(entry)
        if entry["links"].get("code"):
            by_code[repository_root(entry["links"]["code"])].append(entry)
        if entry.get("series"):
            by_series[entry["series"]].append(entry)

    def related(entry: dict[str, Any]) -> list[tuple[str, list[dict[str, Any]]]]:
        sections = [
            ("From the same paper", by_bibkey[entry["bibkey"]]),
            ("Same model family", by_series.get(entry.get("series") or "", [])),
            ("Same code repository", by_code.get(repository_root(entry["links"]["code"]), []) if entry["links"].get("code") else []),
        ]
        result = []
        for heading, members in sections:
            others = sorted((other for other in members if other["id"] != entry["id"]), key=lambda other: other["date"])
            if others:
                result.append((heading, others))
        return result

    return related
