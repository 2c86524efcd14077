"""`umm-survey import`: parsing each list format, merging, never overwriting, reporting."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURES, problems_of

from umm_survey.authoring.entryfile import BIBKEY_STYLE
from umm_survey.authoring.importer.groups import group_for
from umm_survey.authoring.importer.parse import parse_list
from umm_survey.cli import main
from umm_survey.load.vocab import load_vocabulary

LISTS = FIXTURES / "lists"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_companion_tables_parse_with_normalised_links() -> None:
    result = parse_list((LISTS / "companion.md").read_text())
    omega = result.papers[0]
    assert (omega.name, omega.arxiv, omega.url, omega.venue, omega.date) == ("Omega", "2402.01234", "https://arxiv.org/abs/2402.01234", "ICLR", "2024-02-03")
    assert omega.code == "https://github.com/example/omega"
    assert omega.star_repo == "example/omega"
    no_paper = result.papers[-1]
    assert (no_paper.name, no_paper.size, no_paper.data) == ("NoPaper-10M", 10_000_000, "https://huggingface.co/datasets/example/nopaper")
    assert result.skipped == [(11, "no [title](link) in the title column"), (12, "no date in 'soon'")]


def test_bullets_and_bradyfu_tables_parse() -> None:
    bullets = parse_list((LISTS / "bullets.md").read_text())
    assert [(paper.title, paper.date, paper.venue, paper.code) for paper in bullets.papers] == [
        ("Omega: Unified Tokens for Everything", "2024-02", "arXiv", "https://github.com/example/omega"),
        ("Sigma: Another Model", "2024-05", "NeurIPS", "https://github.com/example/sigma"),
    ]
    assert bullets.skipped == [(12, "a bullet without `(Mon. YYYY, Venue)` after the link")]
    brady = parse_list((LISTS / "bradyfu.md").read_text())
    assert [(paper.title, paper.arxiv, paper.date) for paper in brady.papers] == [("Tau: Tokens All the Way", "2407.07777", "2024-07")]
    assert brady.skipped == [(7, "no [title](link) in the title column")]


def test_headings_map_to_groups_despite_typos() -> None:
    vocabulary = load_vocabulary(FIXTURES / "minimal")[0]
    assert group_for(["Models", "MLLM AR", "b-1: Pxiel Encoding"], vocabulary) == "ar-pixel"
    assert group_for(["Models", "MLLM AR-Diffusion", "c-1: Pixel Encoding"], vocabulary) == "hybrid-pixel"
    assert group_for(["Models", "MLLM AR-Diffusion", "c-2: Hybrid Encoding (Pseduo)"], vocabulary) == "hybrid-pseudo"
    assert group_for(["Models", "b-1: Pixel Encoding"], vocabulary) == "ar-pixel"  # no outer heading: the taxonomy's first
    assert group_for(["Dataset", "Other Text-Image-to-Image"], vocabulary) == "dataset-other"
    assert group_for(["1.3. End-to-End Unified Modeling", "Autoregressive"], vocabulary) is None


def test_dry_run_reports_and_writes_nothing(capsys, catalogue_dir: Path) -> None:
    before = sorted(path.name for path in catalogue_dir.rglob("*"))
    bib_before = (catalogue_dir / "references.bib").read_text()
    code, out, _ = run(capsys, "import", str(LISTS / "companion.md"), "--catalogue", str(catalogue_dir), "--dry-run")
    source = str(LISTS / "companion.md")
    assert code == 0
    assert out.splitlines() == [
        f"would add models/omega.yaml ({source}:10,18)",
        f"would add datasets/editset.yaml ({source}:25)",
        f"would add datasets/nopaper-10m.yaml ({source}:26)",
        f"exists catalogue/models/alpha-model.yaml ({source}:19)".replace("catalogue/", f"{catalogue_dir}/", 1),
        f"differs {catalogue_dir}/models/alpha-model.yaml: date: catalogue has '2024-03-05', list has '2024-03-09'",
        f"differs {catalogue_dir}/models/alpha-model.yaml: groups: catalogue has ['ar-semantic'], list has 'also listed under hybrid-pseudo'",
        f"skipped {source}:11: no [title](link) in the title column",
        f"skipped {source}:12: no date in 'soon'",
        "3 new, 1 existing, 0 triaged, 2 differences, 2 lines skipped",
    ]
    assert sorted(path.name for path in catalogue_dir.rglob("*")) == before
    assert (catalogue_dir / "references.bib").read_text() == bib_before


def test_import_writes_drafts_that_validation_holds_back(capsys, catalogue_dir: Path) -> None:
    alpha_before = (catalogue_dir / "models" / "alpha-model.yaml").read_text()
    assert run(capsys, "import", str(LISTS / "companion.md"), "--catalogue", str(catalogue_dir))[0] == 0
    omega = (catalogue_dir / "models" / "omega.yaml").read_text()
    assert "groups: [ar-pixel, hybrid-pseudo]" in omega
    assert "venue: ICLR 2024" in omega and "arxiv: '2402.01234'" in omega
    assert (catalogue_dir / "models" / "alpha-model.yaml").read_text() == alpha_before
    bib = (catalogue_dir / "references.bib").read_text()
    keys = [line.split("{", 1)[1].rstrip(",") for line in bib.splitlines() if line.startswith("@")]
    assert all(BIBKEY_STYLE.fullmatch(key) for key in keys), keys  # the one key style (test_cli checks the real bibliography)
    assert "@inproceedings{omega2024omega," in bib and "booktitle = {International Conference on Learning Representations}" in bib
    rules = {(problem.rule, Path(problem.path).name) for problem in problems_of(catalogue_dir)}
    assert ("UMM410", "references.bib") in rules  # authors are TODO until a person fills them in
    assert ("UMM213", "editset.yaml") in rules  # so is what one sample is
    assert not {rule for rule, _ in rules} - {"UMM410", "UMM213", "UMM219"}  # UMM219: a draft has no weights or licence yet
    # a second look finds everything in place
    code, out, _ = run(capsys, "import", str(LISTS / "companion.md"), "--catalogue", str(catalogue_dir), "--dry-run")
    assert code == 0
    assert out.splitlines()[-1] == "0 new, 4 existing, 0 triaged, 2 differences, 2 lines skipped"
    # and a real import into a catalogue that still has errors is refused
    code, _, err = run(capsys, "import", str(LISTS / "companion.md"), "--catalogue", str(catalogue_dir))
    assert code == 1
    assert err == "umm-survey: the catalogue has errors; fix them (umm-survey validate) before importing into it\n"


def test_two_datasets_from_one_paper_stay_apart_and_say_so(capsys, catalogue_dir: Path, tmp_path: Path) -> None:
    listing = tmp_path / "two.md"
    listing.write_text(
        "#### Text-to-Image\n| Dataset | Samples | Paper | Venue | Date |\n| --- | --- | --- | --- | --- |\n"
        "| [Big-5B](https://example.org/big) | 5B | [Big: A Corpus](https://arxiv.org/abs/2210.00001) | arXiv | 2022/10/01 |\n"
        "| [Big-Aesthetics](https://example.org/aes) | 120M | [Big: A Corpus](https://arxiv.org/abs/2210.00001) | arXiv | 2022/10/01 |\n"
        "| [Big-5B (subset)](https://example.org/big) | 5B | [Big: A Corpus](https://arxiv.org/abs/2210.00001) | arXiv | 2022/10/01 |\n"
    )
    assert run(capsys, "import", str(listing), "--catalogue", str(catalogue_dir))[0] == 0
    big, aesthetics = (catalogue_dir / "datasets" / "big-5b.yaml").read_text(), (catalogue_dir / "datasets" / "big-aesthetics.yaml").read_text()
    assert "same_paper_as: [big-aesthetics]" in big and "same_paper_as: [big-5b]" in aesthetics
    assert "bibkey: big2022corpus" in big and "bibkey: big2022corpus" in aesthetics
    assert not (catalogue_dir / "datasets" / "big-5b-subset.yaml").exists()
    assert (catalogue_dir / "references.bib").read_text().count("@misc{big2022corpus,") == 1


def test_a_star_badge_of_another_project_is_reported(capsys, catalogue_dir: Path, tmp_path: Path) -> None:
    listing = tmp_path / "badge.md"
    listing.write_text(
        "##### b-2: Semantic Encoding\n| Name | Title | Venue | Date | Code | Demo |\n| --- | --- | --- | --- | --- | --- |\n"
        "| Pi | [Pi: A Model](https://arxiv.org/abs/2506.10395) ![GitHub Repo stars](https://img.shields.io/github/stars/other/project?style=social) | arXiv | 2025/06/10 | [Github](https://github.com/example/pi) | - |\n"
    )
    code, out, _ = run(capsys, "import", str(listing), "--catalogue", str(catalogue_dir), "--dry-run")
    assert code == 0
    assert out.splitlines()[0] == f"would add models/pi.yaml ({listing}:4) [the star badge shows other/project but the code link is https://github.com/example/pi]"
