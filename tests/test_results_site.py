"""Results on the site and in exports: leaderboards with sources, model pages, the scatter chart."""

from __future__ import annotations

import csv
import io
import json
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import ROOT
from sitehelpers import browser, serve_folder
from test_rules import RESULTS, _results

from umm_survey.cli import main
from umm_survey.load.vocab import ScatterAxis
from umm_survey.render.leaderboards import fitted_range, scatter_points


def build(catalogue: Path, site: Path) -> int:
    return main(["build", "--catalogue", str(catalogue), "--site-dir", str(site), "--templates", str(ROOT / "templates"), "--config", str(ROOT / "mkdocs.yml")])


def test_results_are_exported(capsys, catalogue_dir: Path) -> None:
    _results(catalogue_dir)
    assert main(["export", "--catalogue", str(catalogue_dir), "--format", "json"]) == 0
    results = json.loads(capsys.readouterr().out)["results"]
    assert [(item["model"], item["benchmark"], item["metric"], item["value"], item["setting"]) for item in results] == [
        ("alpha-model", "beta-bench", "overall", 0.55, {"size": "1B"}),
        ("alpha-model", "beta-bench", "overall", 0.61, {"size": "7B"}),
    ]
    assert results[0]["source"] == {"bibkey": "roe2023betabench", "table": "Table 5", "reported_by": "third-party", "entry": "beta-bench", "entry_name": "BetaBench"}
    assert main(["export", "--catalogue", str(catalogue_dir), "--format", "csv"]) == 0
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(capsys.readouterr().out))}
    assert rows["alpha-model"]["results"] == "beta-bench/overall=0.55 [1B]; beta-bench/overall=0.61 [7B]"


def test_leaderboard_and_model_page(catalogue_dir: Path, tmp_path: Path) -> None:
    _results(catalogue_dir)
    site = tmp_path / "site"
    assert build(catalogue_dir, site) == 0
    board = (site / "leaderboards" / "beta-bench.html").read_text()
    body = board[board.index("<tbody>"):]
    first, second = body.index('<td data-sort="7000000000.0">7B</td>'), body.index('<td data-sort="1000000000.0">1B</td>')
    assert first < second  # best first
    assert '<td><a href="../entries/alpha-model.html">Alpha</a> paper, Table 2</td>' in board  # named as a reader names it, not by bibkey
    assert '<td><a href="../entries/beta-bench.html">BetaBench</a> paper, Table 5 (quoted by another paper)</td>' in board
    assert "umm-source-ref" not in body  # every cell shares its row's source, so no cell repeats it
    page = (site / "entries" / "alpha-model.html").read_text()
    assert 'id="results"' in page and '<a href="../entries/beta-bench.html">BetaBench</a> paper, Table 5 (quoted by another paper)' in page
    assert "Leaderboards" in (site / "index.html").read_text()


def test_scatter_pairs_numbers_of_one_size_without_rewriting() -> None:
    def result(benchmark, metric, value, size, rewriting=None):
        setting = {"size": size} | ({"prompt_rewriting": rewriting} if rewriting is not None else {})
        return {"model": "m", "model_name": "M", "family": "hybrid", "benchmark": benchmark, "metric": metric, "value": value, "printed": f"{value:.2f}", "as_printed": None, "size": size, "setting": setting, "source": {"reported_by": "own"}}

    across, up = ScatterAxis(benchmark="mmmu", metric="accuracy", skip_splits=["test"]), ScatterAxis(benchmark="geneval", metric="overall")
    test_split = result("mmmu", "accuracy", 99.0, "7B") | {"setting": {"size": "7B", "split": "test"}}
    rerun = result("mmmu", "accuracy", 11.0, "7B") | {"source": {"reported_by": "reproduced"}}
    points = scatter_points([
        rerun, test_split, result("mmmu", "accuracy", 40.0, "7B"), result("geneval", "overall", 0.8, "7B"),
        result("geneval", "overall", 0.9, "7B", rewriting=True), result("mmmu", "accuracy", 30.0, "1B"),
    ], across, up)
    assert points == [{"model": "m", "label": "M 7B", "family": "hybrid", "x": 40.0, "y": 0.8, "x_printed": "40.00", "y_printed": "0.80"}]  # as printed


def test_axes_are_fitted_to_the_data_on_round_numbers() -> None:
    assert fitted_range([31.4, 62.9]) == (30, 70)
    assert fitted_range([0.39, 0.89]) == (0.3, 0.9)
    assert fitted_range([0.5, 0.5]) == (-0.5, 1.5)


def test_the_leaderboards_page_offers_every_pair_of_axes(catalogue_dir: Path, tmp_path: Path) -> None:
    _results(catalogue_dir)
    (catalogue_dir / "charts.yaml").write_text("scatter:\n  understanding: [{benchmark: beta-bench, metric: overall}]\n  generation: [{benchmark: beta-bench, metric: overall}]\n")
    site = tmp_path / "site"
    assert build(catalogue_dir, site) == 0
    page = (site / "leaderboards" / "index.html").read_text()
    assert '<section class="umm-scatter" id="scatter-beta-bench-beta-bench" data-x="beta-bench" data-y="beta-bench" data-default>' in page
    assert '<option value="beta-bench">BetaBench overall</option>' in page


@pytest.mark.browser
@contextmanager
def built_leaderboard(catalogue: Path, work: Path):
    """The site built from `catalogue`, served, with a browser page open on the beta-bench leaderboard: (page, site URL)."""
    site = work / "site"
    assert build(catalogue, site) == 0
    with serve_folder(site) as url, browser() as chromium:
        page = chromium.new_page()
        page.goto(url + "leaderboards/beta-bench.html")
        yield page, url


def test_leaderboard_filters_by_family_and_size_in_the_browser(catalogue_dir: Path, tmp_path: Path) -> None:
    _results(catalogue_dir)
    with built_leaderboard(catalogue_dir, tmp_path) as (page, _url):
        rows = page.locator("table.umm-leaderboard tbody tr:not([hidden])")
        assert rows.count() == 2
        page.locator(".umm-filters select[data-key=size]").select_option("1B")
        assert rows.count() == 1 and "0.55" in rows.first.inner_text()
        page.locator(".umm-filters select[data-key=size]").select_option("")
        page.locator(".umm-filters select[data-key=family]").select_option("autoregressive")
        assert rows.count() == 2
        page.locator("th button.umm-sort", has_text="Overall").click()
        assert [row.split("\t")[3].split()[0] for row in rows.all_inner_texts()] == ["0.55", "0.61"]


def test_scatter_labels_never_overlap_and_stay_inside_the_plot() -> None:
    from umm_survey.render.charts import LABEL_CHAR_WIDTH, MARKER_RADIUS, _label_box, _overlaps, label_spots

    bounds = (0.0, 0.0, 300.0, 200.0)
    markers = [(150.0, 100.0), (152.0, 101.0), (150.0, 112.0), (149.0, 95.0), (290.0, 10.0)]
    labels = ["Janus-Pro 7B", "Janus-Pro 1B", "Show-o2 7B", "BAGEL 14B", "Edge model"]
    spots = label_spots(markers, labels, bounds)
    boxes = [_label_box(x, y, anchor, len(label) * LABEL_CHAR_WIDTH) for spot, label in zip(spots, labels) if spot for x, y, anchor in [spot]]
    assert spots[0] == (158.0, 94.0, "start")  # first choice: right of and above its marker
    assert spots[4] is not None and spots[4][2] == "end"  # pushed left at the right edge
    assert len(boxes) >= 4
    for index, box in enumerate(boxes):
        assert bounds[0] <= box[0] and box[2] <= bounds[2] and bounds[1] <= box[1] and box[3] <= bounds[3]
        assert not any(_overlaps(box, other) for other in boxes[index + 1:])
        assert not any(_overlaps(box, (x - MARKER_RADIUS, y - MARKER_RADIUS, x + MARKER_RADIUS, y + MARKER_RADIUS)) for x, y in markers)




def test_axis_ticks_are_round_numbers_across_the_fitted_range() -> None:
    from umm_survey.render.charts import ticks

    assert ticks(20, 100) == [20, 40, 60, 80, 100]
    assert ticks(0.3, 0.9) == [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]
    assert ticks(-0.5, 1.5) == [-0.5, 0, 0.5, 1, 1.5]


def test_a_leaderboard_pairs_each_reported_number_with_its_rerun_exactly() -> None:
    from umm_survey.render.leaderboards import leaderboard
    from umm_survey.schema import parameter_count

    def result(model, value, printed, size, by, family="hybrid", rewriting=None, split=None):
        setting = {"size": size} | ({"prompt_rewriting": rewriting} if rewriting is not None else {}) | ({"split": split} if split else {})
        text = ", ".join(part for part in (size, "rewritten prompts" if rewriting else "", f"split {split}" if split else "") if part)
        return {"model": model, "model_name": model.upper(), "family": family, "benchmark": "b", "metric": "overall", "value": value, "printed": printed, "as_printed": None,
                "size": size, "size_params": parameter_count(size), "setting": setting, "setting_text": text, "source": {"bibkey": f"{model}2025", "reported_by": by, "entry": model, "table": "Table 1"}}

    benchmark = {"id": "b", "metrics": [{"id": "overall", "name": "Overall", "higher_is_better": True}, {"id": "unused", "name": "Unused", "higher_is_better": True}]}
    board = leaderboard(benchmark, [
        result("m", 0.80, "0.80", "7B", "own"), result("m", 0.745, "0.745", "7B", "reproduced"),
        result("n", 0.9, "0.9", "1.5B", "own", family=None), result("m", 0.61, "0.61", "1B", "own", split="val"),
    ])
    assert board["reruns"] is True
    assert [metric["id"] for metric in board["metrics"]] == ["overall"]
    assert [(row["model"], row["size"], row["reported_by"]) for row in board["rows"]] == [("n", "1.5B", "own"), ("m", "7B", "own"), ("m", "7B", "reproduced"), ("m", "1B", "own")]
    first, reported, rerun, small = board["rows"]
    assert (reported["gap"], round(reported["gap_value"], 3), reported["rerun"]["printed"]) == ("-0.055", -0.055, "0.745")
    assert (first["rerun"], first["gap"], first["family"], rerun["gap"]) == (None, None, "", None)
    assert (small["details"], small["size_value"], small["setting_text"], small["rewriting"]) == ("split val", 1e9, "1B, split val", None)
    assert board["families"] == ["hybrid"] and board["sizes"] == ["1B", "1.5B", "7B"]
    lower = leaderboard({"id": "b", "metrics": [{"id": "overall", "name": "Error", "higher_is_better": False}]}, [result("m", 0.3, "0.3", "7B", "own"), result("n", 0.1, "0.1", "7B", "own")])
    assert [row["model"] for row in lower["rows"]] == ["n", "m"] and lower["reruns"] is False


def test_a_number_printed_on_another_scale_is_shown_beside_the_value(capsys, catalogue_dir: Path, tmp_path: Path) -> None:
    _results(catalogue_dir, RESULTS.replace("value: 0.55\n", "value: 0.55\n    as_printed: '55.0'\n"))
    site = tmp_path / "site"
    assert build(catalogue_dir, site) == 0
    board = (site / "leaderboards" / "beta-bench.html").read_text()
    assert '0.55 <small class="umm-as-printed">(printed 55.0)</small>' in board
    assert board.count("umm-as-printed") == 1
    assert '0.55 <small class="umm-as-printed">(printed 55.0)</small>' in (site / "entries" / "alpha-model.html").read_text()
    exported = json.loads((site / "downloads" / "catalogue.json").read_text())["results"]
    assert sorted((item["value"], item["as_printed"]) for item in exported) == [(0.55, "55.0"), (0.61, None)]


def test_a_results_size_reads_as_parameters_and_the_variant_is_its_own_field(capsys, catalogue_dir: Path) -> None:
    from test_rules import RESULTS

    from umm_survey.checks.catalogue import load_catalogue
    from umm_survey.link.resolve import resolve_results
    from umm_survey.render.leaderboards import leaderboard

    _results(catalogue_dir, RESULTS.replace("setting: {size: 7B}", "setting: {size: {total: 16B, active: 3B}, variant: Alpha-MoE + Planning}"))
    results = resolve_results(load_catalogue(catalogue_dir))
    moe = next(item for item in results if item["value"] == 0.61)
    assert (moe["size"], moe["size_params"], moe["setting_text"]) == ("16B (3B active)", 16e9, "16B (3B active), Alpha-MoE + Planning")
    assert moe["setting"] == {"size": "16B (3B active)", "variant": "Alpha-MoE + Planning"}
    board = leaderboard({"id": "beta-bench", "metrics": [{"id": "overall", "name": "Overall", "higher_is_better": True}]}, results)
    assert [(row["size"], row["size_value"], row["details"]) for row in board["rows"]] == [("16B (3B active)", 16e9, "Alpha-MoE + Planning"), ("1B", 1e9, "")]


def test_a_cell_names_its_source_only_when_it_differs_from_its_rows() -> None:
    from umm_survey.render.leaderboards import leaderboard

    def result(metric, bibkey, table):  # one row holds one kind of source (own, quoted, re-run), so only paper and table differ
        source = {"bibkey": bibkey, "table": table, "reported_by": "own", "entry": "a", "entry_name": "Alpha"}
        return {"model": "a", "model_name": "Alpha", "family": "hybrid", "benchmark": "b", "metric": metric, "value": 0.5, "printed": "0.5", "as_printed": None,
                "size": "7B", "size_params": 7e9, "setting": {"size": "7B"}, "setting_text": "7B", "source": source}

    metrics = [{"id": name, "name": name, "higher_is_better": True} for name in ("overall", "counting", "colors", "two-object")]
    board = leaderboard({"id": "b", "metrics": metrics}, [
        result("overall", "zed2025", "Table 3"), result("counting", "abc2025", "Table 3"), result("colors", "abc2025", "Table 3"), result("two-object", "abc2025", "Table 9"),
    ])
    (row,) = board["rows"]
    assert (row["source"]["bibkey"], row["source"]["table"]) == ("abc2025", "Table 3")  # the one most cells share, not the largest
    assert {name: cell["own_source"] for name, cell in row["cells"].items()} == {"overall": True, "counting": False, "colors": False, "two-object": True}


def _three_models(root: Path) -> None:
    """Alpha plus two copies with papers and repositories of their own; GitHub stars 987 and 1,234; scores 0.80, 0.61
    and 0.9 at sizes 13B, 1.5B and 7B."""
    alpha = (root / "models" / "alpha-model.yaml").read_text()
    bib = (root / "references.bib").read_text()
    record = bib[bib.index("@inproceedings{doe2025alpha"):bib.index("}\n", bib.index("primaryClass = {cs.CV}")) + 2]
    for name, arxiv in (("omega", "2403.05678"), ("sigma", "2403.09876")):
        text = alpha.replace("name: Alpha", f"name: {name.title()}").replace("Alpha: A Test Model", f"{name.title()}: A Test Model")
        text = text.replace("doe2025alpha", f"doe2025{name}").replace("2403.01234", arxiv).replace("example/alpha", f"example/{name}")
        (root / "models" / f"{name}-model.yaml").write_text(text)
        bib += "\n" + record.replace("doe2025alpha", f"doe2025{name}").replace("{Alpha}", "{" + name.title() + "}").replace("2403.01234", arxiv)
    (root / "references.bib").write_text(bib)
    for name, value, size in (("alpha", "0.80", "13B"), ("omega", "0.61", "1.5B"), ("sigma", "0.9", "7B")):
        _results(root, f"model: {name}-model\nresults:\n  - benchmark: beta-bench\n    metric: overall\n    value: {value}\n    setting: {{size: {size}}}\n"
                       f"    source: {{bibkey: doe2025{name}, table: Table 2, reported_by: own}}\n", f"{name}-model.yaml")
    stars = {"example/alpha": 987, "example/omega": 1234}
    (root / "metadata").mkdir()
    (root / "metadata" / "github.json").write_text(json.dumps({"repos": {repo: {"stars": count, "pushed_at": "2026-01-02", "archived": False, "license": "MIT", "fetched": "2026-11-30"} for repo, count in stars.items()}}))


@pytest.mark.browser
def test_scores_and_stars_sort_by_their_values_not_their_text(catalogue_dir: Path, tmp_path: Path) -> None:
    """Scores 0.61, 0.80, 0.9 both ways; sizes 1.5B, 7B, 13B; stars 987 below 1,234, which a sort on the cells'
    text puts the other way round (checked: with the text as key this test fails)."""
    _three_models(catalogue_dir)
    with built_leaderboard(catalogue_dir, tmp_path) as (page, url):
        scores = lambda: [row.split("\t")[3].split()[0] for row in page.locator("table.umm-leaderboard tbody tr:not([hidden])").all_inner_texts()]  # noqa: E731
        page.locator("th button.umm-sort", has_text="Overall").click()
        ascending = scores()
        page.locator("th button.umm-sort", has_text="Overall").click()
        assert (ascending, scores()) == (["0.61", "0.80", "0.9"], ["0.9", "0.80", "0.61"])
        page.locator("th button.umm-sort", has_text="Size").click()
        assert scores() == ["0.61", "0.9", "0.80"]  # 1.5B, 7B, 13B
        page.goto(url + "groups/ar-semantic.html")
        code = page.locator("th button.umm-sort", has_text="Code")
        names = lambda: [cell.strip() for cell in page.locator("table.umm-entries tbody tr td:first-child").all_inner_texts()]  # noqa: E731
        code.click()
        ascending = names()
        code.click()
        assert (ascending, names()) == (["Sigma", "Alpha", "Omega"], ["Omega", "Alpha", "Sigma"])
        assert "1,234" in page.locator("table.umm-entries tbody tr", has_text="Omega").inner_text()
