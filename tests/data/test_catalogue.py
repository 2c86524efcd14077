"""The real catalogue (data), as opposed to the code: it validates strictly, its generated files are current,
its keys share one style, and it carries enough results for the charts. `pytest tests/data` runs these
and the real-site browser tests; the rest of `tests/` checks the code against its own small fixture."""

from __future__ import annotations

import re
from collections import Counter

from conftest import ROOT

from umm_survey.cli import main
from umm_survey.commands.schema import json_schemas
from umm_survey.render.leaderboards import scatter_charts
from umm_survey.render.readme import github_anchor


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_real_catalogue_reports_understanding_and_generation_for_thirty_models() -> None:
    from umm_survey.checks.catalogue import load_catalogue
    from umm_survey.link.resolve import resolve_results

    catalogue = load_catalogue(ROOT / "catalogue")
    results = resolve_results(catalogue)
    models = {result["model"] for result in results}
    assert len(models) >= 30
    understanding = {"mmmu", "mme", "mmbench", "seed-bench", "pope", "mm-vet"}
    generation = {"geneval", "dpg-bench", "wise", "gedit-bench"}
    by_model = {model: {r["benchmark"] for r in results if r["model"] == model} for model in models}
    both = [model for model, benchmarks in by_model.items() if benchmarks & understanding and benchmarks & generation]
    assert len(both) >= 20
    assert all(result["source"]["entry"] and result["source"]["table"] for result in results)
    charts = {chart["id"]: chart for chart in scatter_charts(results, catalogue.vocabulary.scatter, {})}
    assert sorted(charts) == ["mmbench-dpg-bench", "mmbench-geneval", "mmmu-dpg-bench", "mmmu-geneval"]
    assert len(charts["mmmu-geneval"]["points"]) >= 15


def test_committed_catalogue_readme_is_current(capsys) -> None:
    assert main(["readme", "--catalogue", str(ROOT / "catalogue"), "--templates", str(ROOT / "templates")]) == 0
    generated = capsys.readouterr().out
    committed = (ROOT / "catalogue" / "README.md").read_text(encoding="utf-8")
    assert committed == generated, "catalogue/README.md is stale: run umm-survey readme -o catalogue/README.md"


def test_table_of_contents_matches_the_headings() -> None:
    text = (ROOT / "catalogue" / "README.md").read_text(encoding="utf-8")
    seen: Counter = Counter()
    anchors = []
    for heading in re.findall(r"^#{2,6} (.+)$", text, flags=re.MULTILINE):
        if heading == "Contents":
            continue
        anchor = github_anchor(heading)
        anchors.append(anchor + (f"-{seen[anchor]}" if seen[anchor] else ""))
        seen[anchor] += 1
    contents = re.findall(r"^\s*- \[[^\]]+\]\(#([^)]+)\)$", text, flags=re.MULTILINE)
    assert contents == anchors


def test_real_catalogue_is_clean_in_strict_mode(capsys) -> None:
    code, out, _ = run(capsys, "validate", "--catalogue", str(ROOT / "catalogue"), "--strict")
    assert out == ""
    assert code == 0


def test_committed_json_schemas_are_current() -> None:
    for name, text in json_schemas().items():
        committed = ROOT / "catalogue" / "schema" / name
        assert committed.read_text() == text, f"run: umm-survey schema -o catalogue/schema ({name} is stale)"


def test_every_entry_file_has_the_modeline() -> None:
    checked = 0
    for kind in ("model", "dataset", "benchmark", "application", "results"):
        folder = ROOT / "catalogue" / (kind if kind == "results" else f"{kind}s")
        for path in folder.glob("*.yaml"):
            assert path.read_text().startswith(f"# yaml-language-server: $schema=../schema/{kind}.schema.json\n"), path
            checked += 1
    assert checked > 200


def test_real_bibliography_keys_share_one_style() -> None:
    from umm_survey.authoring.entryfile import BIBKEY_STYLE
    from umm_survey.load.bib import load_bibliography

    records = load_bibliography(ROOT / "catalogue" / "references.bib", "references.bib").records
    odd = [key for key in records if not BIBKEY_STYLE.fullmatch(key)]
    assert len(records) > 200 and odd == []


def test_committed_corrections_are_generated_from_the_data(capsys) -> None:
    assert main(["corrections", "--catalogue", str(ROOT / "catalogue")]) == 0
    generated = capsys.readouterr().out
    assert (ROOT / "catalogue" / "CORRECTIONS.md").read_text(encoding="utf-8") == generated, "run: umm-survey corrections -o catalogue/CORRECTIONS.md"
    assert generated.count("\n| `") == 134
