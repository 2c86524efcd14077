"""The command line, run in-process through main(argv)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conftest import ROOT

from umm_survey.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _break_alpha(root: Path) -> None:
    path = root / "models" / "alpha-model.yaml"
    path.write_text(path.read_text().replace("date: 2024-03-05", "date: 2024-02-30").replace("groups: [ar-semantic]", "groups: [ar-semantik]"))


def test_validate_clean_catalogue(capsys, catalogue_dir: Path) -> None:
    code, out, err = run(capsys, "validate", "--catalogue", str(catalogue_dir))
    assert (code, out) == (0, "")
    assert err == "4 files checked: no problems\n"


def test_validate_text_format_exact_lines(capsys, catalogue_dir: Path, monkeypatch) -> None:
    monkeypatch.chdir(catalogue_dir.parent)
    _break_alpha(catalogue_dir)
    code, out, err = run(capsys, "validate", "--catalogue", "catalogue")
    assert code == 1
    assert out.splitlines() == [  # every problem of the file in one run, though the schema failed on the date
        "catalogue/models/alpha-model.yaml:4:7: UMM204 error: `date`: '2024-02-30' is not a real date; write YYYY-MM-DD",
        "catalogue/models/alpha-model.yaml:6:10: UMM210 error: group `ar-semantik` is not in taxonomy.yaml; did you mean `ar-semantic`?",
    ]
    assert err == "4 files checked: 2 errors, 0 warnings\n"


def test_an_entry_file_that_is_a_link_is_named_where_it_really_is(capsys, catalogue_dir: Path, monkeypatch) -> None:
    monkeypatch.chdir(catalogue_dir.parent)
    _break_alpha(catalogue_dir)
    link = catalogue_dir / "models" / "alpha-model.yaml"
    real = catalogue_dir.parent / "drafts" / "alpha-model.yaml"
    real.parent.mkdir()
    link.rename(real)
    link.symlink_to(real)
    code, out, _ = run(capsys, "validate", "--catalogue", "catalogue")
    assert code == 1
    assert [line.split(": ", 1)[0] for line in out.splitlines()] == ["drafts/alpha-model.yaml:4:7", "drafts/alpha-model.yaml:6:10"]


def test_an_entry_link_that_loops_is_a_located_problem_and_the_rest_is_still_checked(capsys, catalogue_dir: Path, monkeypatch) -> None:
    monkeypatch.chdir(catalogue_dir.parent)
    _break_alpha(catalogue_dir)
    (catalogue_dir / "models" / "loop.yaml").symlink_to("loop.yaml")
    code, out, _ = run(capsys, "validate", "--catalogue", "catalogue")
    assert code == 1
    assert out.splitlines()[-1] == "catalogue/models/loop.yaml:1:1: UMM101 error: cannot read the file: Too many levels of symbolic links"
    assert [line.split(": ", 1)[0] for line in out.splitlines()[:-1]] == ["catalogue/models/alpha-model.yaml:4:7", "catalogue/models/alpha-model.yaml:6:10"]


def test_validate_reports_groups_after_dates_are_fixed(capsys, catalogue_dir: Path, monkeypatch) -> None:
    monkeypatch.chdir(catalogue_dir.parent)
    path = catalogue_dir / "models" / "alpha-model.yaml"
    path.write_text(path.read_text().replace("groups: [ar-semantic]", "groups: [ar-semantik]"))
    code, out, _ = run(capsys, "validate", "--catalogue", "catalogue")
    assert code == 1
    assert out == "catalogue/models/alpha-model.yaml:6:10: UMM210 error: group `ar-semantik` is not in taxonomy.yaml; did you mean `ar-semantic`?\n"


def test_validate_json_format(capsys, catalogue_dir: Path, monkeypatch) -> None:
    monkeypatch.chdir(catalogue_dir.parent)
    _break_alpha(catalogue_dir)
    code, out, _ = run(capsys, "validate", "--catalogue", "catalogue", "--format", "json")
    assert code == 1
    assert json.loads(out) == [
        {
            "path": "catalogue/models/alpha-model.yaml",
            "line": 4,
            "column": 7,
            "rule": "UMM204",
            "severity": "error",
            "message": "`date`: '2024-02-30' is not a real date; write YYYY-MM-DD",
            "field": "date",
        },
        {
            "path": "catalogue/models/alpha-model.yaml",
            "line": 6,
            "column": 10,
            "rule": "UMM210",
            "severity": "error",
            "message": "group `ar-semantik` is not in taxonomy.yaml; did you mean `ar-semantic`?",
            "field": "groups.0",
        },
    ]


def test_validate_github_format(capsys, catalogue_dir: Path, monkeypatch) -> None:
    monkeypatch.chdir(catalogue_dir.parent)
    _break_alpha(catalogue_dir)
    _, out, _ = run(capsys, "validate", "--catalogue", "catalogue", "--format", "github")
    assert out.splitlines()[0] == "::error file=catalogue/models/alpha-model.yaml,line=4,col=7,title=UMM204::`date`: '2024-02-30' is not a real date; write YYYY-MM-DD"
    assert out.splitlines()[1].startswith("::error file=catalogue/models/alpha-model.yaml,line=6,col=10,title=UMM210::")


def test_github_annotation_properties_are_escaped(capsys, catalogue_dir: Path, monkeypatch) -> None:
    monkeypatch.chdir(catalogue_dir.parent)
    (catalogue_dir / "models" / "alpha-model.yaml").rename(catalogue_dir / "models" / "odd,name:x.yaml")
    _, out, _ = run(capsys, "validate", "--catalogue", "catalogue", "--format", "github")
    assert "::error file=catalogue/models/odd%2Cname%3Ax.yaml,line=1,col=1,title=UMM208::" in out


def test_warnings_pass_unless_strict(capsys, catalogue_dir: Path) -> None:
    with (catalogue_dir / "references.bib").open("a") as handle:
        handle.write("\n@misc{zed2020unused,\n  author = {Zed, Zoe},\n  title = {Unused},\n  year = {2020},\n}\n")
    assert run(capsys, "validate", "--catalogue", str(catalogue_dir))[0] == 0
    assert run(capsys, "validate", "--catalogue", str(catalogue_dir), "--strict")[0] == 1


def test_usage_errors_exit_2(capsys, tmp_path: Path) -> None:
    assert run(capsys, "validate", "--format", "xml")[0] == 2
    assert run(capsys, "no-such-command")[0] == 2
    code, _, err = run(capsys, "validate", "--catalogue", str(tmp_path / "missing"))
    assert code == 2
    assert err == f"umm-survey: catalogue folder {tmp_path / 'missing'} does not exist (use --catalogue DIR)\n"
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    assert run(capsys, "validate", "--catalogue", str(tmp_path / "a-file"))[1:] == ("", f"umm-survey: catalogue folder {tmp_path / 'a-file'} is not a folder (use --catalogue DIR)\n")




def test_export_json(capsys, catalogue_dir: Path) -> None:
    code, out, _ = run(capsys, "export", "--catalogue", str(catalogue_dir), "--format", "json")
    assert code == 0
    entries = {entry["id"]: entry for entry in json.loads(out)["entries"]}
    assert list(entries) == ["alpha-model", "gamma-data", "beta-bench", "delta-app"]
    alpha = entries["alpha-model"]
    assert alpha["kind"] == "model"
    assert alpha["family"] == "autoregressive"
    assert alpha["authors"] == ["Jane Doe", "John Smith"]
    assert alpha["code"] == "https://github.com/example/alpha"
    assert alpha["paper"] == "https://arxiv.org/abs/2403.01234"
    assert entries["beta-bench"]["authors"] == ["Richard Roe", "others"]
    assert entries["gamma-data"]["size"] == 1000000


def test_export_csv(capsys, catalogue_dir: Path) -> None:
    code, out, _ = run(capsys, "export", "--catalogue", str(catalogue_dir), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    assert [row["id"] for row in rows] == ["alpha-model", "gamma-data", "beta-bench", "delta-app"]
    assert rows[0]["authors"] == "Jane Doe; John Smith"
    assert rows[2]["metrics"] == "Overall (higher is better)"


def test_export_bibtex_to_file(capsys, catalogue_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.bib"
    assert run(capsys, "export", "--catalogue", str(catalogue_dir), "--format", "bibtex", "-o", str(target))[0] == 0
    assert target.read_text().count("@") == 4


def test_export_to_a_dash_goes_to_standard_output_and_makes_no_file(capsys, catalogue_dir: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "export", "--catalogue", str(catalogue_dir), "--format", "bibtex", "-o", "-")
    assert code == 0 and out.count("@") == 4
    assert not (tmp_path / "-").exists()


def test_export_refuses_a_catalogue_with_errors(capsys, catalogue_dir: Path, tmp_path: Path) -> None:
    _break_alpha(catalogue_dir)
    target = tmp_path / "out.json"
    target.write_text("previous")
    code, out, err = run(capsys, "export", "--catalogue", str(catalogue_dir), "-o", str(target))
    assert (code, out) == (1, "")
    assert "UMM204 error" in err
    assert target.read_text() == "previous"






def test_schema_command_writes_files(capsys, tmp_path: Path) -> None:
    assert run(capsys, "schema", "-o", str(tmp_path))[0] == 0
    schema = json.loads((tmp_path / "model.schema.json").read_text())
    assert schema["additionalProperties"] is False
    assert "description" in schema["properties"]["title"]


@pytest.mark.parametrize("argv", [["--version"], ["validate", "--help"]])
def test_help_and_version_exit_0(capsys, argv: list[str]) -> None:
    assert run(capsys, *argv)[0] == 0




def test_docs_rules_table_is_current() -> None:
    from umm_survey.commands.rules import rules_markdown

    assert rules_markdown() in (ROOT / "docs" / "rules.md").read_text(), "run: umm-survey rules --markdown (docs/rules.md is stale)"


def test_the_json_export_publishes_declared_fields_only(catalogue_dir: Path) -> None:
    from umm_survey.checks.catalogue import load_catalogue
    from umm_survey.link.resolve import resolve_catalogue, resolve_results
    from umm_survey.render.exports import json_text

    catalogue = load_catalogue(catalogue_dir)
    entries, results = resolve_catalogue(catalogue), resolve_results(catalogue)
    for entry in entries:
        entry["site_only"] = "for a page"  # what the site adds for itself
    exported = json.loads(json_text(entries, results))["entries"]
    alpha = next(entry for entry in exported if entry["id"] == "alpha-model")
    assert "site_only" not in alpha and "source" not in alpha and "plain_name" not in alpha and "code_status" not in alpha
    assert alpha["code"] == "https://github.com/example/alpha" and alpha["authors"] == ["Jane Doe", "John Smith"]
