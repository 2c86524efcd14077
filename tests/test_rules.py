"""Every rule: the valid fixture passes it, and a failing fixture reports the exact rule and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import found, problems_of

from umm_survey.problems import RULES

ALPHA = "models/alpha-model.yaml"
BETA = "benchmarks/beta-bench.yaml"
BIB = "references.bib"


def test_the_valid_fixture_has_no_problems(catalogue_dir: Path) -> None:
    assert problems_of(catalogue_dir) == []


def _replace(root: Path, relative: str, old: str, new: str) -> None:
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not in {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# (rule, file, old text, new text, expected file name, expected line)
REPLACEMENTS = [
    ("UMM101", ALPHA, "venue: CVPR 2025", "venue: [CVPR 2025", "alpha-model.yaml", 6),
    ("UMM102", ALPHA, "venue: CVPR 2025\n", "venue: CVPR 2025\nvenue: ICLR 2025\n", "alpha-model.yaml", 6),
    ("UMM103", ALPHA, "venue: CVPR 2025", "venue:\tCVPR 2025", "alpha-model.yaml", 5),
    ("UMM107", ALPHA, "inputs: [text, image]\noutputs: [text, image]", "inputs: &io [text, image]\noutputs: *io", "alpha-model.yaml", 10),
    ("UMM201", ALPHA, "bibkey: doe2025alpha\n", "", "alpha-model.yaml", 2),
    ("UMM202", ALPHA, "summary:", "sumary:", "alpha-model.yaml", 12),
    ("UMM203", ALPHA, "groups: [ar-semantic]", "groups: ar-semantic", "alpha-model.yaml", 6),
    ("UMM204", ALPHA, "date: 2024-03-05", "date: 2024-02-30", "alpha-model.yaml", 4),
    ("UMM205", ALPHA, "date: 2024-03-05", "date: 2026-12-31", "alpha-model.yaml", 4),
    ("UMM206", ALPHA, "code: https://github.com/example/alpha", "code: javascript:alert(1)", "alpha-model.yaml", 9),
    ("UMM206", ALPHA, "code: https://github.com/example/alpha", "code: data:text/html,hi", "alpha-model.yaml", 9),
    ("UMM206", ALPHA, "code: https://github.com/example/alpha", "code: /relative/path", "alpha-model.yaml", 9),
    ("UMM207", ALPHA, "arxiv: '2403.01234'", "arxiv: https://arxiv.org/abs/2403.01234", "alpha-model.yaml", 8),
    ("UMM207", ALPHA, "arxiv: '2403.01234'", "arxiv: '2413.01234'", "alpha-model.yaml", 8),
    ("UMM209", ALPHA, "name: Alpha", "id: alpha\nname: Alpha", "alpha-model.yaml", 2),
    ("UMM210", ALPHA, "groups: [ar-semantic]", "groups: [ar-semantik]", "alpha-model.yaml", 6),
    ("UMM211", ALPHA, "groups: [ar-semantic]", "groups: [dataset-editing]", "alpha-model.yaml", 6),
    ("UMM212", ALPHA, "venue: CVPR 2025", "venue: CVRP 2025", "alpha-model.yaml", 5),
    ("UMM212", ALPHA, "venue: CVPR 2025", "venue: CVPR", "alpha-model.yaml", 5),
    ("UMM213", ALPHA, "summary: A made-up model used by the tests.", "summary: TODO", "alpha-model.yaml", 12),
    ("UMM110", ALPHA, "summary: A made-up model used by the tests.", 'summary: "A made-up \\x01model"', "alpha-model.yaml", 12),
    ("UMM110", ALPHA, "name: Alpha", 'name: "Alpha\\u0085"', "alpha-model.yaml", 2),
    ("UMM203", ALPHA, "summary: A made-up model used by the tests.", "summary: !!int abc", "alpha-model.yaml", 12),
    ("UMM203", ALPHA, "summary: A made-up model used by the tests.", "summary: !python/name:os.system x", "alpha-model.yaml", 12),
    ("UMM204", ALPHA, "date: 2024-03-05", "date: 1709596800.5", "alpha-model.yaml", 4),
    ("UMM207", ALPHA, "arxiv: '2403.01234'", 'arxiv: "2403.01234\\n"', "alpha-model.yaml", 8),
    ("UMM214", ALPHA, "groups: [ar-semantic]", "groups: [autoregressive]", "alpha-model.yaml", 6),
    ("UMM304", ALPHA, "date: 2024-03-05", "date: 2024-01-31", "alpha-model.yaml", 8),
    ("UMM305", ALPHA, "date: 2024-03-05", "date: 2025-01-05", "alpha-model.yaml", 4),
    ("UMM401", BIB, "  year = {2022},\n", "  year = {2022,\n", "references.bib", 17),
    ("UMM411", BIB, "booktitle = {IEEE/CVF Conference on Computer Vision and Pattern Recognition}", "booktitle = {European Conference on Computer Vision}", "alpha-model.yaml", 5),
    ("UMM411", ALPHA, "venue: CVPR 2025", "venue: arXiv", "alpha-model.yaml", 5),
    ("UMM410", BIB, "author = {Lee, Ann}", "author = {TODO}", "references.bib", 12),
    ("UMM213", ALPHA, "groups: [ar-semantic]", "groups: [TODO]", "alpha-model.yaml", 6),
    ("UMM412", BIB, "author = {Lee, Ann}", "author = {Lee, Ann \\input{/etc/passwd}}", "references.bib", 12),
    ("UMM412", BIB, "author = {Lee, Ann}", "author = {Lee, Ann \\immediate\\write18{id}}", "references.bib", 12),
    ("UMM403", BIB, "  booktitle = {IEEE/CVF Conference on Computer Vision and Pattern Recognition},\n", "", "references.bib", 1),
    ("UMM404", ALPHA, "bibkey: doe2025alpha", "bibkey: doe2025alhpa", "alpha-model.yaml", 7),
    ("UMM406", BIB, "{Alpha}: A Test Model", "{Alpha}: The Test Model", "alpha-model.yaml", 3),
    ("UMM407", BIB, "eprint = {2403.01234}", "eprint = {2403.01235}", "alpha-model.yaml", 8),
    ("UMM408", BIB, "  year = {2025},\n  eprint = {2403", "  year = {2023},\n  eprint = {2403", "alpha-model.yaml", 4),
]


@pytest.mark.parametrize(("rule", "relative", "old", "new", "file_name", "line"), REPLACEMENTS, ids=[f"{case[0]}-{index}" for index, case in enumerate(REPLACEMENTS)])
def test_failing_fixture_reports_rule_and_line(catalogue_dir: Path, rule: str, relative: str, old: str, new: str, file_name: str, line: int) -> None:
    _replace(catalogue_dir, relative, old, new)
    assert (rule, file_name, line) in found(catalogue_dir)


def test_arxiv_id_of_the_next_month_is_fine(catalogue_dir: Path) -> None:
    _replace(catalogue_dir, ALPHA, "date: 2024-03-05", "date: 2024-02-29")
    assert "UMM304" not in {problem.rule for problem in problems_of(catalogue_dir)}


def test_utf8(catalogue_dir: Path) -> None:
    path = catalogue_dir / ALPHA
    path.write_bytes(path.read_bytes().replace(b"A made-up", b"A made\xff-up"))
    assert ("UMM104", "alpha-model.yaml", 12) in found(catalogue_dir)


def test_not_a_mapping(catalogue_dir: Path) -> None:
    (catalogue_dir / ALPHA).write_text("# a list, not a mapping\n- name: Alpha\n- title: x\n")
    assert ("UMM106", "alpha-model.yaml", 2) in found(catalogue_dir)


def test_empty_file(catalogue_dir: Path) -> None:
    (catalogue_dir / ALPHA).write_text("# only a comment\n")
    assert ("UMM105", "alpha-model.yaml", 1) in found(catalogue_dir)


def test_file_too_large_is_not_read(catalogue_dir: Path) -> None:
    (catalogue_dir / ALPHA).write_text("name: x\n" + "# padding\n" * 40_000)
    assert {problem.rule for problem in problems_of(catalogue_dir) if problem.path.endswith("alpha-model.yaml")} == {"UMM108"}


def test_stray_file(catalogue_dir: Path) -> None:
    (catalogue_dir / "models" / "notes.txt").write_text("hello")
    assert ("UMM109", "notes.txt", 1) in found(catalogue_dir)


def test_bad_file_name(catalogue_dir: Path) -> None:
    (catalogue_dir / ALPHA).rename(catalogue_dir / "models" / "Alpha_Model.yaml")
    assert ("UMM208", "Alpha_Model.yaml", 1) in found(catalogue_dir)


def test_duplicate_id_across_kinds(catalogue_dir: Path) -> None:
    text = (catalogue_dir / "applications" / "delta-app.yaml").read_text()
    (catalogue_dir / "applications" / "alpha-model.yaml").write_text(text)
    assert "UMM301" in {problem.rule for problem in problems_of(catalogue_dir)}


def _second_model(root: Path, changes: dict[str, str], name: str = "alpha-two.yaml") -> Path:
    text = (root / ALPHA).read_text()
    for old, new in changes.items():
        text = text.replace(old, new)
    path = root / "models" / name
    path.write_text(text)
    return path


def test_same_paper_twice_needs_a_declaration(catalogue_dir: Path) -> None:
    _second_model(catalogue_dir, {"code: https://github.com/example/alpha\n": ""})
    assert ("UMM302", "alpha-two.yaml", 8) in found(catalogue_dir)


def test_same_paper_declared_passes(catalogue_dir: Path) -> None:
    _second_model(catalogue_dir, {"code: https://github.com/example/alpha\n": "", "bibkey:": "same_paper_as: [alpha-model]\nbibkey:"})
    assert not {problem.rule for problem in problems_of(catalogue_dir)} & {"UMM302", "UMM306"}


def test_same_paper_as_names_a_missing_entry(catalogue_dir: Path) -> None:
    _replace(catalogue_dir, ALPHA, "bibkey:", "same_paper_as: [nobody]\nbibkey:")
    assert ("UMM306", "alpha-model.yaml", 7) in found(catalogue_dir)


def test_shared_code_of_different_papers_is_a_warning(catalogue_dir: Path) -> None:
    _replace(catalogue_dir, "applications/delta-app.yaml", "bibkey: lee2025delta", "bibkey: lee2025delta\ncode: https://github.com/Example/alpha/tree/main/sub")
    problems = [problem for problem in problems_of(catalogue_dir) if problem.rule == "UMM303"]
    assert [(Path(problem.path).name, problem.line, problem.severity.value) for problem in problems] == [("delta-app.yaml", 8, "warning")]


def test_shared_code_in_one_series_passes(catalogue_dir: Path) -> None:
    _replace(catalogue_dir, "applications/delta-app.yaml", "bibkey: lee2025delta", "series: alpha\nbibkey: lee2025delta\ncode: https://github.com/example/alpha")
    _replace(catalogue_dir, ALPHA, "bibkey:", "series: alpha\nbibkey:")
    assert "UMM303" not in {problem.rule for problem in problems_of(catalogue_dir)}


def test_bib_duplicate_key(catalogue_dir: Path) -> None:
    with (catalogue_dir / BIB).open("a") as handle:
        handle.write("\n@misc{lee2025delta,\n  author = {Lee, Ann},\n  title = {Again},\n  year = {2025},\n}\n")
    assert ("UMM402", "references.bib", 35) in found(catalogue_dir)


def test_unused_record_is_a_warning(catalogue_dir: Path) -> None:
    with (catalogue_dir / BIB).open("a") as handle:
        handle.write("\n@misc{zed2020unused,\n  author = {Zed, Zoe},\n  title = {Unused},\n  year = {2020},\n}\n")
    problems = [problem for problem in problems_of(catalogue_dir) if problem.rule == "UMM405"]
    assert [(problem.line, problem.severity.value) for problem in problems] == [(35, "warning")]


def test_missing_bibliography(catalogue_dir: Path) -> None:
    (catalogue_dir / BIB).unlink()
    assert ("UMM409", "references.bib", 1) in found(catalogue_dir)


def test_taxonomy_parent_problems_point_at_the_parent_line(catalogue_dir: Path) -> None:
    _replace(catalogue_dir, "taxonomy.yaml", "    parent: autoregressive\n    title: Pixel encoding", "    parent: nowhere\n    title: Pixel encoding")
    line = next(number for number, text in enumerate((catalogue_dir / "taxonomy.yaml").read_text().splitlines(), 1) if "parent: nowhere" in text)
    assert ("UMM501", "taxonomy.yaml", line) in found(catalogue_dir)


def test_a_group_under_a_parent_of_another_kind_is_refused(catalogue_dir: Path) -> None:
    _replace(catalogue_dir, "taxonomy.yaml", "    parent: autoregressive\n    title: Pixel encoding", "    parent: benchmark-unified\n    title: Pixel encoding")
    messages = [problem.message for problem in problems_of(catalogue_dir) if problem.rule == "UMM501"]
    assert "group `ar-pixel` is a model group under a benchmark group" in messages


def test_duplicate_group_ids_are_refused(catalogue_dir: Path) -> None:
    _replace(catalogue_dir, "taxonomy.yaml", "  - id: ar-semantic\n", "  - id: ar-pixel\n")
    assert "defined twice" in " ".join(problem.message for problem in problems_of(catalogue_dir) if problem.rule == "UMM501")


def test_broken_taxonomy(catalogue_dir: Path) -> None:
    _replace(catalogue_dir, "taxonomy.yaml", "    order: 10\n", "    order: first\n")
    line = next(number for number, text in enumerate((catalogue_dir / "taxonomy.yaml").read_text().splitlines(), 1) if "order: first" in text)
    assert ("UMM501", "taxonomy.yaml", line) in found(catalogue_dir)


def test_charts_name_benchmarks_and_metrics_the_catalogue_has(catalogue_dir: Path) -> None:
    (catalogue_dir / "charts.yaml").write_text("scatter:\n  understanding:\n    - {benchmark: beta-bench, metric: accuracy}\n  generation:\n    - {benchmark: gamma-data, metric: overall}\n")
    problems = [(problem.line, problem.message) for problem in problems_of(catalogue_dir) if problem.rule == "UMM504"]
    assert problems == [(3, "beta-bench defines no metric `accuracy`; it has: overall"), (5, "`gamma-data` is not a benchmark entry")]


def test_an_entry_must_agree_with_its_correction(catalogue_dir: Path) -> None:
    rows = ("corrections:\n"
            "  - {entry: models/alpha-model.yaml, list_line: 3, field: venue, list_says: arXiv, value: CVPR 2025, source: 'https://example.org/a'}\n"
            "  - {entry: models/alpha-model.yaml, list_line: 3, field: date, list_says: 2024/03/01, value: '2024-03-06', source: 'https://example.org/b'}\n"
            "  - {entry: models/alpha-model.yaml, list_line: 3, field: star_badge, list_says: x, note: not one value, source: 'https://example.org/c'}\n"
            "  - {entry: models/nobody.yaml, list_line: 4, field: name, list_says: x, value: y, source: 'https://example.org/d'}\n")
    (catalogue_dir / "corrections.yaml").write_text(rows)
    problems = [(problem.line, problem.message) for problem in problems_of(catalogue_dir) if problem.rule == "UMM308"]
    assert problems == [
        (3, "models/alpha-model.yaml has date '2024-03-05', but its correction says '2024-03-06' (https://example.org/b); fix one of them"),
        (5, "no entry models/nobody.yaml; a correction must name a catalogued entry"),
    ]


def test_a_field_named_like_a_union_tag_is_an_unknown_field(catalogue_dir: Path) -> None:
    _replace(catalogue_dir, ALPHA, "summary:", "mixture: 1\nsummary:")
    assert ("UMM202", "alpha-model.yaml", 12) in found(catalogue_dir)


def test_a_sources_file_for_discover_is_checked_offline(catalogue_dir: Path) -> None:
    (catalogue_dir / "sources.yaml").write_text("arxiv_query: unified\nlandmarks:\n  - {arxiv: '2501.17811\\n', name: Janus-Pro}\n")
    assert ("UMM505", "sources.yaml", 3) in found(catalogue_dir)


def test_a_group_naming_an_unknown_family_is_refused(catalogue_dir: Path) -> None:
    _replace(catalogue_dir, "taxonomy.yaml", "    family: hybrid\n", "    family: hybird\n")
    line = next(number for number, text in enumerate((catalogue_dir / "taxonomy.yaml").read_text().splitlines(), 1) if "family: hybird" in text)
    problems = [problem for problem in problems_of(catalogue_dir) if problem.rule == "UMM501"]
    assert [(problem.line, problem.message) for problem in problems] == [(line, "group `hybrid` names unknown family `hybird`; families: diffusion, autoregressive, hybrid, any-to-any")]


def test_every_problem_is_reported_in_one_run(catalogue_dir: Path) -> None:
    _replace(catalogue_dir, ALPHA, "date: 2024-03-05", "date: 2024-02-30")
    _replace(catalogue_dir, ALPHA, "code: https://github.com/example/alpha", "code: ftp://example.org")
    _replace(catalogue_dir, BETA, "groups: [benchmark-generation]", "groups: [nowhere]")
    rules = {problem.rule for problem in problems_of(catalogue_dir)}
    assert {"UMM204", "UMM206", "UMM210"} <= rules


def test_every_rule_has_a_test() -> None:
    source = Path(__file__).read_text()
    untested = [rule for rule in RULES if rule not in source and rule != "UMM501"]
    assert "UMM501" in source
    assert untested == []


RESULTS = """# yaml-language-server: $schema=../schema/results.schema.json
model: alpha-model
results:
  - benchmark: beta-bench
    metric: overall
    value: 0.61
    setting: {size: 7B}
    source: {bibkey: doe2025alpha, table: Table 2, reported_by: own}
  - benchmark: beta-bench
    metric: overall
    value: 0.55
    setting: {size: 1B}
    source: {bibkey: roe2023betabench, table: Table 5, reported_by: third-party}
"""


def _results(root: Path, text: str = RESULTS, name: str = "alpha-model.yaml") -> Path:
    folder = root / "results"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text)
    return path


def test_valid_results_pass(catalogue_dir: Path) -> None:
    _results(catalogue_dir)
    assert problems_of(catalogue_dir) == []


def test_the_same_number_from_two_sources_is_not_a_repeat(catalogue_dir: Path) -> None:
    _results(catalogue_dir, RESULTS.replace("{size: 1B}", "{size: 7B}"))
    assert problems_of(catalogue_dir) == []


def test_a_number_printed_on_another_scale_must_be_the_value_on_that_scale(catalogue_dir: Path) -> None:
    for printed in ("61", "61%", "0.0061", "6.1"):
        _results(catalogue_dir, RESULTS.replace("value: 0.61\n", f"value: 0.61\n    as_printed: '{printed}'\n"))
        assert [problem for problem in problems_of(catalogue_dir) if problem.rule == "UMM608"] == [], printed
    for printed in ("62", "0.61 (approx.)", "6.1e-1x"):
        _results(catalogue_dir, RESULTS.replace("value: 0.61\n", f"value: 0.61\n    as_printed: '{printed}'\n"))
        assert [(problem.line, problem.message) for problem in problems_of(catalogue_dir) if problem.rule == "UMM608"] == [
            (7, f"as_printed `{printed}` is not 0.61 on another scale (times or divided by 10, 100 or 1000, or as a percentage)")
        ], printed


def test_nan_and_infinite_values_are_refused(catalogue_dir: Path) -> None:
    for value in (".nan", ".inf", "-.inf"):
        _results(catalogue_dir, RESULTS.replace("value: 0.61", f"value: {value}"))
        assert ("UMM203", "alpha-model.yaml", 6) in found(catalogue_dir), value


RESULT_CASES = [  # rule, text replaced, replacement, and the one problem it gives: line, field, message
    ("UMM601", "model: alpha-model", "model: beta-bench", (2, "model", "`beta-bench` is not a model entry")),
    ("UMM602", "  - benchmark: beta-bench\n    metric: overall\n    value: 0.61", "  - benchmark: gamma-data\n    metric: overall\n    value: 0.61",
     (4, "results.0.benchmark", "`gamma-data` is not a benchmark entry")),
    ("UMM603", "metric: overall\n    value: 0.61", "metric: accuracy\n    value: 0.61", (5, "results.0.metric", "beta-bench defines no metric `accuracy`; it has: overall")),
    ("UMM604", "value: 0.61", "value: 61", (6, "results.0.value", "61 is outside Overall's range 0–1")),
    ("UMM604", "value: 0.61", "value: -0.01", (6, "results.0.value", "-0.01 is outside Overall's range 0–1")),
    ("UMM605", "bibkey: doe2025alpha", "bibkey: nobody2020", (8, "results.0.source.bibkey", "source `nobody2020` has no record in references.bib")),
    ("UMM606", "{size: 1B}\n    source: {bibkey: roe2023betabench", "{size: 7B}\n    source: {bibkey: doe2025alpha",
     (9, "results.1", "the same result as entry 1 of this file (same benchmark, metric, setting and source)")),
    ("UMM203", "value: 0.61", "value: high", (6, "results.0.value", "`results.0.value`: input should be a valid number, unable to parse string as a number")),
    ("UMM202", "    setting: {size: 7B}", "    settings: {size: 7B}", (7, "results.0.settings", "`settings` is not a field of `results.0` in a results file")),
]


@pytest.mark.parametrize(("rule", "old", "new", "expected"), RESULT_CASES, ids=[case[0] for case in RESULT_CASES])
def test_results_rules(catalogue_dir: Path, rule: str, old: str, new: str, expected: tuple[int, str, str]) -> None:
    assert old in RESULTS
    _results(catalogue_dir, RESULTS.replace(old, new, 1))
    assert [(problem.line, problem.field, problem.message) for problem in problems_of(catalogue_dir) if problem.rule == rule and problem.path.endswith("alpha-model.yaml")] == [expected]


def test_results_file_named_after_another_model(catalogue_dir: Path) -> None:
    _results(catalogue_dir, name="beta.yaml")
    assert [(problem.path.rsplit("/", 1)[-1], problem.line, problem.field, problem.message) for problem in problems_of(catalogue_dir) if problem.rule == "UMM607"] == [
        ("beta.yaml", 2, "model", "this file holds results of `alpha-model`; name it alpha-model.yaml")
    ]


def test_third_party_source_counts_as_a_used_record(catalogue_dir: Path) -> None:
    _results(catalogue_dir)
    assert "UMM405" not in {problem.rule for problem in problems_of(catalogue_dir)}


def test_triaged_and_catalogued(catalogue_dir: Path) -> None:
    (catalogue_dir / "triage.yaml").write_text("papers:\n  - arxiv: '2403.01234'\n    title: Alpha\n    decision: held\n    reason: date not confirmed\n")
    problems = [problem for problem in problems_of(catalogue_dir) if problem.rule == "UMM307"]
    assert [(Path(problem.path).name, problem.line, problem.message) for problem in problems] == [
        ("alpha-model.yaml", 8, f"arXiv 2403.01234 is also in {catalogue_dir / 'triage.yaml'} (line 2) as held; remove one of the two")
    ]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("papers:\n  - arxiv: '2501.00001'\n    title: A\n    decision: maybe\n    reason: r\n", 4),
        ("papers:\n  - arxiv: '2501.00001'\n    title: A\n    decision: held\n    reason: r\n  - arxiv: '2501.00001'\n    title: B\n    decision: held\n    reason: r\n", 6),
    ],
    ids=["unknown-decision", "twice"],
)
def test_triage_file_problems(catalogue_dir: Path, text: str, line: int) -> None:
    (catalogue_dir / "triage.yaml").write_text(text)
    assert ("UMM502", "triage.yaml", line) in found(catalogue_dir)


@pytest.mark.parametrize("make", [lambda path: path.mkdir(), lambda path: path.symlink_to(path.name)], ids=["folder", "looping-link"])
def test_a_vocabulary_file_that_is_not_a_file_is_said_so_not_called_missing(catalogue_dir: Path, make) -> None:
    """An optional file (triage.yaml) that is there but unreadable is a problem, not silently absent."""
    (catalogue_dir / "triage.yaml").unlink(missing_ok=True)
    make(catalogue_dir / "triage.yaml")
    (catalogue_dir / "taxonomy.yaml").unlink()
    make(catalogue_dir / "taxonomy.yaml")
    got = {(problem.rule, problem.message) for problem in problems_of(catalogue_dir) if problem.rule in {"UMM501", "UMM502"}}
    assert got == {("UMM501", "taxonomy.yaml is not a file (a folder, or a link that loops or leads nowhere)"),
                   ("UMM502", "triage.yaml is not a file (a folder, or a link that loops or leads nowhere)")}


def test_a_missing_taxonomy_is_called_missing(catalogue_dir: Path) -> None:
    (catalogue_dir / "taxonomy.yaml").unlink()
    assert [problem.message for problem in problems_of(catalogue_dir) if problem.rule == "UMM501"] == ["taxonomy.yaml is missing from the catalogue folder"]


# ---- model facts: components, sizes, attention, licences ----

def _messages(root: Path, rule: str) -> list[tuple[int, str]]:
    return [(problem.line, problem.message) for problem in problems_of(root) if problem.rule == rule]


def test_an_alias_names_its_component_and_an_unknown_one_gets_a_hint(catalogue_dir: Path) -> None:
    _replace(catalogue_dir, ALPHA, "  understanding_encoder: [Tiny-ViT]", "  understanding_encoder: [tiny_vit, Tiny-VIT2]")
    assert _messages(catalogue_dir, "UMM215") == [(15, "`Tiny-VIT2` is not a component in components.yaml; did you mean `Tiny-ViT`?")]


def test_an_unknown_backbone_without_a_close_name(catalogue_dir: Path) -> None:
    _replace(catalogue_dir, ALPHA, "  backbone: Tiny-LM-1B", "  backbone: Gargantua")
    assert _messages(catalogue_dir, "UMM215") == [(14, "`Gargantua` is not a component in components.yaml; add it to components.yaml (or an alias to an existing one)")]


def test_sizes_must_be_positive_numbers_of_parameters(catalogue_dir: Path) -> None:
    _replace(catalogue_dir, ALPHA, "sizes: [1.5e9, 7e9]", "sizes: [-1.5e9, 7 B, true, {total: 14e9, active: 0}, 7B, {total: 14e9, active: 7e9}]")
    messages = _messages(catalogue_dir, "UMM216")
    assert [line for line, _ in messages] == [19, 19, 19, 19]
    assert messages[0][1] == "`sizes.0`: -1500000000.0 is not a number of parameters; write a positive number such as 7e9 or 1.5e9, or text such as `7B`"
    assert "`sizes.3.active`: 0 is not a number of parameters" in messages[3][1]


def test_attention_outside_the_documented_values(catalogue_dir: Path) -> None:
    _replace(catalogue_dir, ALPHA, "  attention: causal", "  attention: block-causal")
    assert _messages(catalogue_dir, "UMM217") == []
    _replace(catalogue_dir, ALPHA, "  attention: block-causal", "  attention: full")
    assert _messages(catalogue_dir, "UMM217") == [
        (18, "`architecture.attention`: 'full' is not an attention mask this catalogue documents; use one of `causal`, `bidirectional`, `causal-text-full-image`, `block-causal`")
    ]


def test_weights_must_be_http_links(catalogue_dir: Path) -> None:
    _replace(catalogue_dir, ALPHA, "weights: [https://huggingface.co/example/alpha-7b]", "weights: [javascript:alert(1)]")
    assert _messages(catalogue_dir, "UMM206") == [(20, "`weights.0`: 'javascript:alert(1)' is not an absolute http(s) URL; write it as https://host/path")]


def test_unknown_licence_and_custom_without_link(catalogue_dir: Path) -> None:
    _replace(catalogue_dir, ALPHA, "licence: MIT", "licence: mit")
    assert _messages(catalogue_dir, "UMM218") == [(21, "licence `mit` is not in licences.yaml; did you mean `MIT`?")]
    _replace(catalogue_dir, ALPHA, "licence: mit", "licence: custom")
    assert _messages(catalogue_dir, "UMM218") == [(21, "licence `custom` needs `licence_url`, a link to the licence text")]


def test_code_without_weights_or_licence_is_a_warning_unless_not_stated(catalogue_dir: Path) -> None:
    _replace(catalogue_dir, ALPHA, "weights: [https://huggingface.co/example/alpha-7b]\nlicence: MIT\n", "")
    assert _messages(catalogue_dir, "UMM219") == [(9, "the model has released code but no `weights` and no `licence`; add them, or list them in `not_stated` (or `unchecked`)")]
    _replace(catalogue_dir, ALPHA, "organisation:", "not_stated: [weights, licence]\norganisation:")
    assert _messages(catalogue_dir, "UMM219") == []


def test_a_fact_is_either_given_or_marked_once(catalogue_dir: Path) -> None:
    _replace(catalogue_dir, ALPHA, "organisation: [Example Lab]\n", "organisation: [Example Lab]\nnot_stated: [weights, sizes]\nunchecked: [sizes]\nnot_applicable: [attention]\n")
    assert _messages(catalogue_dir, "UMM220") == [
        (23, "`weights` is given, so it cannot also be in `not_stated`; remove one"),
        (23, "`sizes` is given, so it cannot also be in `not_stated`; remove one"),
        (24, "`sizes` is given, so it cannot also be in `unchecked`; remove one"),
        (25, "`attention` is given, so it cannot also be in `not_applicable`; remove one"),
    ]
    _replace(catalogue_dir, ALPHA, "  attention: causal\n", "")
    _replace(catalogue_dir, ALPHA, "sizes: [1.5e9, 7e9]\nweights: [https://huggingface.co/example/alpha-7b]\n", "")
    _replace(catalogue_dir, ALPHA, "not_stated: [weights, sizes]\nunchecked: [sizes]\n", "not_stated: [attention]\n")
    assert _messages(catalogue_dir, "UMM220") == [(21, "`attention` is in both `not_stated` and `not_applicable`; keep the one that is true")]


def test_a_started_model_accounts_for_every_fact(catalogue_dir: Path) -> None:
    _replace(catalogue_dir, ALPHA, "  attention: causal\n", "")
    _replace(catalogue_dir, ALPHA, "organisation: [Example Lab]\n", "")
    assert _messages(catalogue_dir, "UMM221") == [
        (14, "`attention`, `organisation` are neither given nor marked; give each, or list it in `not_stated` (read, not given), `unchecked` (not read yet) or `not_applicable`"),
    ]
    _replace(catalogue_dir, ALPHA, "fact_sources:", "unchecked: [organisation]\nfact_sources:")
    assert _messages(catalogue_dir, "UMM221") == [
        (21, "`attention` is neither given nor marked; give each, or list it in `not_stated` (read, not given), `unchecked` (not read yet) or `not_applicable`"),
    ]
    _replace(catalogue_dir, ALPHA, "unchecked: [organisation]", "unchecked: [organisation]\nnot_stated: [attention]")
    assert _messages(catalogue_dir, "UMM221") == []


def test_a_model_with_no_facts_yet_is_a_draft_not_a_gap(catalogue_dir: Path) -> None:
    path = catalogue_dir / ALPHA
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("architecture:")], encoding="utf-8")
    assert _messages(catalogue_dir, "UMM221") == []


def test_only_architecture_parts_can_be_not_applicable(catalogue_dir: Path) -> None:
    _replace(catalogue_dir, ALPHA, "licence: MIT\norganisation: [Example Lab]\n", "organisation: [Example Lab]\nnot_applicable: [licence]\n")
    assert [(problem.rule, problem.line, problem.field) for problem in problems_of(catalogue_dir) if problem.rule.startswith("UMM2")] == [("UMM203", 22, "not_applicable.0")]


def test_components_file_with_one_spelling_twice(catalogue_dir: Path) -> None:
    _replace(catalogue_dir, "components.yaml", "kind: tokenizer}", "kind: tokenizer, aliases: [tiny lm]}")
    assert _messages(catalogue_dir, "UMM503") == [(4, "`tiny lm` names both `tiny-lm` and `tiny-vq`")]


def test_results_problems_say_exactly_what_is_wrong(catalogue_dir: Path) -> None:
    _results(catalogue_dir, RESULTS.replace("benchmark: beta-bench\n    metric: overall\n    value: 0.61", "benchmark: gamma-data\n    metric: overall\n    value: 0.61")
             .replace("metric: overall\n    value: 0.55", "metric: accuracy\n    value: 0.55"), name="beta.yaml")
    problems = [(problem.rule, problem.line, problem.message) for problem in problems_of(catalogue_dir) if problem.rule.startswith("UMM6")]
    assert problems == [
        ("UMM607", 2, "this file holds results of `alpha-model`; name it alpha-model.yaml"),
        ("UMM602", 4, "`gamma-data` is not a benchmark entry"),
        ("UMM603", 10, "beta-bench defines no metric `accuracy`; it has: overall"),
    ]


@pytest.mark.parametrize(("value", "message"), [("0", None), ("1", None), ("-0.01", "-0.01 is outside Overall's range 0–1"), ("1.5", "1.5 is outside Overall's range 0–1")])
def test_a_metric_range_includes_its_bounds(catalogue_dir: Path, value: str, message: str | None) -> None:
    _results(catalogue_dir, RESULTS.replace("value: 0.61", f"value: {value}"))
    assert [problem.message for problem in problems_of(catalogue_dir) if problem.rule == "UMM604"] == ([message] if message else [])


def test_a_corrected_link_is_compared_in_its_canonical_form(catalogue_dir: Path) -> None:
    (catalogue_dir / "corrections.yaml").write_text(
        "corrections:\n  - {entry: models/alpha-model.yaml, list_line: 3, field: code, list_says: '-', value: 'https://github.com/example/alpha/', source: 'https://example.org/a'}\n"
        "  - {entry: models/alpha-model.yaml, list_line: 3, field: code, list_says: '-', value: 'https://github.com/example/beta', source: 'https://example.org/b'}\n")
    problems = [problem.message for problem in problems_of(catalogue_dir) if problem.rule == "UMM308"]
    assert problems == ["models/alpha-model.yaml has code 'https://github.com/example/alpha', but its correction says 'https://github.com/example/beta' (https://example.org/b); fix one of them"]


def test_a_results_size_is_a_size_of_the_facts_vocabulary(catalogue_dir: Path) -> None:
    for size in ("7 B", "true", "3B + 4B", "{total: 16B, active: 0}"):
        _results(catalogue_dir, RESULTS.replace("setting: {size: 7B}", f"setting: {{size: {size}}}"))
        messages = _messages(catalogue_dir, "UMM216")
        assert [line for line, _ in messages] == [7], size
        assert messages[0][1].startswith("`results.0.setting.size"), messages


def test_one_broken_entry_gives_each_problem_with_its_line_column_field_and_words(catalogue_dir: Path) -> None:
    for old, new in [
        ("name: Alpha\n", "name: 5\n"), ("title: 'Alpha: A Test Model for Unified Understanding and Generation'\n", ""),
        ("venue: CVPR 2025\n", "venue: CVRP 2025\n"), ("inputs: [text, image]\n", "inputs: text\n"), ("outputs: [text, image]\n", "outputs: []\n"),
        ("summary: A made-up", "summry: A made-up"), ("organisation: [Example Lab]\n", "organisation: [Example Lab, TODO]\n"),
        ("  sizes: model card\n", "  sizes: model card\n  licence: TODO\n"),
    ]:
        _replace(catalogue_dir, ALPHA, old, new)
    got = [(problem.line, problem.column, problem.rule, problem.field, problem.message) for problem in problems_of(catalogue_dir)]
    assert got == [
        (2, 1, "UMM201", "title", "`title` is required for a model"),
        (2, 7, "UMM203", "name", "`name`: should be text, got 5; put it in quotes"),
        (4, 8, "UMM212", "venue", "venue `CVRP 2025` is neither `arXiv` nor a venue from venues.yaml followed by its year, such as `CVPR 2025` (did you mean `CVPR <year>`?)"),
        (9, 9, "UMM203", "inputs", "`inputs`: input should be a valid list; write a list such as `[a, b]`"),
        (10, 10, "UMM203", "outputs", "`outputs`: list should have at least 1 item after validation, not 0; write a list such as `[a, b]`"),
        (11, 1, "UMM202", "summry", "`summry` is not a field of a model; did you mean `summary`?"),
        (21, 29, "UMM213", "organisation.1", "`organisation.1` is still TODO: fill in the real value"),
        (25, 12, "UMM213", "fact_sources.licence", "`fact_sources.licence` is still TODO: fill in the real value"),
    ]


def test_a_nested_unknown_field_names_its_parent_and_a_tagged_size_its_path(catalogue_dir: Path) -> None:
    _replace(catalogue_dir, ALPHA, "  backbone: Tiny-LM-1B\n", "  backbon: Tiny-LM-1B\n")
    _replace(catalogue_dir, ALPHA, "sizes: [1.5e9, 7e9]\n", "sizes: [1.5e9, {total: 7e9, active: -1}]\n")
    got = [(problem.line, problem.column, problem.rule, problem.field, problem.message) for problem in problems_of(catalogue_dir)]
    assert got == [
        (14, 3, "UMM202", "architecture.backbon", "`backbon` is not a field of `architecture` in a model"),
        (19, 37, "UMM216", "sizes.1.active", "`sizes.1.active`: -1 is not a number of parameters; write a positive number such as 7e9 or 1.5e9, or text such as `7B`"),
    ]


def test_bibliography_problems_name_their_line_field_and_words(catalogue_dir: Path) -> None:
    for old, new in [
        ("  booktitle = {IEEE/CVF Conference on Computer Vision and Pattern Recognition},\n", ""),
        ("  title = {{Delta}: Applying a Unified Model},\n  year = {2025},\n", "  title = {{Delta}: Applying a Unified Model},\n  note = {TODO},\n  year = {2025},\n  eprint = {2501.00002},\n"),
        ("{Gamma}: A Corpus of Made-Up Pairs", "{Gamma}: A Corpus of Made-Up Triples \\input{/etc/passwd}"),
        ("  year = {2023},\n  eprint = {2311.05678},", "  year = {2020},\n  eprint = {2311.05679},"),
    ]:
        _replace(catalogue_dir, BIB, old, new)
    with (catalogue_dir / BIB).open("a") as handle:
        handle.write("\n@patent{unused2024x,\n  author = {Nobody, A.},\n  title = {Unused},\n  year = {2024},\n}\n")
    got = [(Path(problem.path).name, problem.line, problem.column, problem.rule, problem.field, problem.message) for problem in problems_of(catalogue_dir)]
    assert got == [
        ("delta-app.yaml", 7, 9, "UMM407", "bibkey", "record `lee2025delta` has eprint 2501.00002 but the entry has no `arxiv`"),
        ("beta-bench.yaml", 4, 7, "UMM408", "date", "record `roe2023betabench` (line 30) says year 2020, but the entry's date and venue say 2023"),
        ("beta-bench.yaml", 8, 8, "UMM407", "arxiv", "arxiv is 2311.05678 but record `roe2023betabench` (line 31) has `2311.05679`"),
        ("gamma-data.yaml", 3, 8, "UMM406", "title", "title differs from record `poe2022gamma` (line 18): '{Gamma}: A Corpus of Made-Up Triples \\\\input{/etc/passwd}'"),
        ("alpha-model.yaml", 5, 8, "UMM411", "venue", "venue is CVPR 2025 but record `doe2025alpha` (line 1) has booktitle '', not 'IEEE/CVF Conference on Computer Vision and Pattern Recognition'"),
        ("references.bib", 1, 1, "UMM403", "booktitle", "@inproceedings `doe2025alpha` needs a `booktitle` field"),
        ("references.bib", 13, 1, "UMM410", "note", "`note` of `lee2025delta` still says TODO: fill in the real value"),
        ("references.bib", 20, 1, "UMM412", "title", "`title` of `poe2022gamma` uses \\input, which makes LaTeX run or read or write files; remove it"),
        ("references.bib", 36, 1, "UMM403", "entry_type", "record `unused2024x` is a @patent; use one of @article, @inproceedings, @misc, @techreport, @book, @online"),
        ("references.bib", 36, 1, "UMM405", "", "record `unused2024x` is not the bibkey of any entry; remove it or add its entry"),
    ]


@pytest.mark.parametrize(("old", "new", "words"), [
    ("@inproceedings{doe2025alpha", "@misc{doe2025alpha", "is a @misc; this venue's paper is an @inproceedings with booktitle = {IEEE/CVF Conference on Computer Vision and Pattern Recognition}"),
    ("booktitle = {IEEE/CVF Conference on Computer Vision and Pattern Recognition}", "booktitle = {CVPR}", "has booktitle 'CVPR', not 'IEEE/CVF Conference on Computer Vision and Pattern Recognition'"),
])
def test_a_record_that_disagrees_with_its_venue_says_how(catalogue_dir: Path, old: str, new: str, words: str) -> None:
    _replace(catalogue_dir, BIB, old, new)
    venue_problems = [(problem.line, problem.field, problem.message) for problem in problems_of(catalogue_dir) if problem.rule == "UMM411"]
    assert venue_problems == [(5, "venue", f"venue is CVPR 2025 but record `doe2025alpha` (line 1) {words}")]


def test_a_preprint_whose_record_is_a_conference_paper_says_so(catalogue_dir: Path) -> None:
    _replace(catalogue_dir, ALPHA, "venue: CVPR 2025", "venue: arXiv")
    venue_problems = [(problem.line, problem.field, problem.message) for problem in problems_of(catalogue_dir) if problem.rule == "UMM411"]
    assert venue_problems == [(5, "venue", "venue is arXiv but record `doe2025alpha` (line 1) is a @inproceedings in 'IEEE/CVF Conference on Computer Vision and Pattern Recognition'; a preprint or release is a @misc")]


def test_an_unknown_metric_lists_every_metric_and_an_open_range_shows_its_open_end(catalogue_dir: Path) -> None:
    _replace(catalogue_dir, "benchmarks/beta-bench.yaml", "    max: 1\n", "    max: 1\n  - id: steps\n    name: Steps\n    higher_is_better: false\n    min: 1\n")
    _results(catalogue_dir, RESULTS.replace("metric: overall\n    value: 0.61", "metric: accuracy\n    value: 0.61"))
    assert _messages(catalogue_dir, "UMM603") == [(5, "beta-bench defines no metric `accuracy`; it has: overall, steps")]
    _results(catalogue_dir, RESULTS.replace("metric: overall\n    value: 0.61", "metric: steps\n    value: 0.5"))
    assert [problem.message for problem in problems_of(catalogue_dir) if problem.rule == "UMM604"] == ["0.5 is outside Steps's range 1–"]


@pytest.mark.parametrize(("name", "rule"), [("components.yaml", "UMM503"), ("licences.yaml", "UMM503"), ("venues.yaml", "UMM501")])
def test_a_broken_vocabulary_file_is_one_problem_not_one_per_entry_that_uses_it(catalogue_dir: Path, name: str, rule: str) -> None:
    # alpha-model names components, a licence and a venue whose year (2025) is not its date's (2024)
    (catalogue_dir / name).write_text(f"{name.removesuffix('.yaml')}: 5\n", encoding="utf-8")
    assert [(problem.rule, Path(problem.path).name) for problem in problems_of(catalogue_dir)] == [(rule, name)]
