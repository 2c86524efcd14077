"""`umm-survey fmt`: canonical, comment-keeping, idempotent, atomic; --check lists and writes nothing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import problems_of

from umm_survey.cli import main

MESSY = """# keep me: a note on this entry
title: "Alpha: A Test Model for Unified Understanding and Generation"   # as on arXiv
name: 'Alpha'
date: '2024-03-05'
groups:
  - ar-semantic
venue: CVPR 2025
bibkey: doe2025alpha
arxiv: '2403.01234'
code: https://github.com/example/alpha/?utm_source=newsletter
inputs: [text, image]
outputs:
  - text
  - image
summary: A made-up model used by the tests.
licence: MIT
architecture:
  attention: causal
  understanding_encoder:
    - Tiny-ViT
  backbone: Tiny-LM-1B
weights:
  - https://huggingface.co/example/alpha-7b
sizes:
  - 7e9
  - '1.5B'
unchecked:
  - generation_encoder
  - generation_decoder
  - organisation
"""
CANONICAL = """# yaml-language-server: $schema=../schema/model.schema.json
# keep me: a note on this entry
name: Alpha
title: 'Alpha: A Test Model for Unified Understanding and Generation'   # as on arXiv
date: 2024-03-05
venue: CVPR 2025
groups: [ar-semantic]
bibkey: doe2025alpha
arxiv: '2403.01234'
code: https://github.com/example/alpha
inputs: [text, image]
outputs: [text, image]
architecture:
  backbone: Tiny-LM-1B
  understanding_encoder: [Tiny-ViT]
  attention: causal
sizes: [7e9, 1.5B]
weights:
  - https://huggingface.co/example/alpha-7b
licence: MIT
unchecked: [generation_encoder, generation_decoder, organisation]
summary: A made-up model used by the tests.
"""


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_fmt_gives_the_canonical_form_and_is_idempotent(capsys, catalogue_dir: Path) -> None:
    alpha = catalogue_dir / "models" / "alpha-model.yaml"
    alpha.write_text(MESSY)
    code, out, _ = run(capsys, "fmt", str(catalogue_dir))
    assert (code, out) == (0, f"reformatted {alpha}\n")
    assert alpha.read_text() == CANONICAL
    assert run(capsys, "fmt", str(catalogue_dir)) == (0, "", "")
    assert problems_of(catalogue_dir) == []


def test_check_lists_files_and_writes_nothing(capsys, catalogue_dir: Path) -> None:
    alpha = catalogue_dir / "models" / "alpha-model.yaml"
    alpha.write_text(MESSY)
    bib = catalogue_dir / "references.bib"
    bib.write_text(bib.read_text().replace("  year = {2025},\n  eprint = {2403.01234},", "  eprint = {2403.01234},\n  year = 2025,"))
    before = alpha.read_text(), bib.read_text()
    code, out, _ = run(capsys, "fmt", "--check", str(catalogue_dir))
    assert (code, out) == (1, f"would reformat {alpha}\nwould reformat {bib}\n")
    assert (alpha.read_text(), bib.read_text()) == before


def test_bibliography_is_sorted_with_one_field_order(capsys, catalogue_dir: Path) -> None:
    bib = catalogue_dir / "references.bib"
    records = bib.read_text().strip().split("\n\n")
    bib.write_text("% a comment kept at the top\n\n" + "\n\n".join(reversed(records)) + "\n")
    assert run(capsys, "fmt", str(bib))[0] == 0
    text = bib.read_text()
    assert text.startswith("% a comment kept at the top\n")
    keys = [line.split("{", 1)[1].rstrip(",") for line in text.splitlines() if line.startswith("@")]
    assert keys == sorted(keys)
    assert problems_of(catalogue_dir) == []


def test_unparseable_files_are_reported_and_left_alone(capsys, catalogue_dir: Path) -> None:
    alpha = catalogue_dir / "models" / "alpha-model.yaml"
    alpha.write_text("name: [unclosed\n")
    bib = catalogue_dir / "references.bib"
    bib.write_text(bib.read_text().replace("  year = {2022},\n", "  year = {2022,\n"))
    before = alpha.read_text(), bib.read_text()
    code, _, err = run(capsys, "fmt", str(catalogue_dir))
    assert code == 1
    assert f"{alpha}: cannot format: not valid YAML" in err
    assert f"{bib}: cannot format: records that do not parse (lines 17)" in err
    assert (alpha.read_text(), bib.read_text()) == before


def test_an_interrupted_write_leaves_the_previous_file(capsys, catalogue_dir: Path, monkeypatch) -> None:
    alpha = catalogue_dir / "models" / "alpha-model.yaml"
    alpha.write_text(MESSY)

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    assert run(capsys, "fmt", str(alpha))[0] == 130
    assert alpha.read_text() == MESSY
    assert [path.name for path in alpha.parent.iterdir()] == ["alpha-model.yaml"]


@pytest.mark.parametrize("path", ["nowhere.yaml"])
def test_missing_path_is_a_usage_error(capsys, tmp_path: Path, path: str) -> None:
    assert run(capsys, "fmt", str(tmp_path / path))[0] == 2


def test_results_files_are_formatted_too(capsys, catalogue_dir: Path) -> None:
    results = catalogue_dir / "results"
    results.mkdir()
    path = results / "alpha-model.yaml"
    path.write_text(
        "results:\n  - source: {reported_by: own, table: Table 2, bibkey: doe2025alpha}  # from the paper\n"
        "    value: 0.61\n    metric: overall\n    benchmark: beta-bench\nmodel: alpha-model\n"
    )
    assert run(capsys, "fmt", str(catalogue_dir))[0] == 0
    text = path.read_text()
    assert text.startswith(
        "# yaml-language-server: $schema=../schema/results.schema.json\n"
        "model: alpha-model\nresults:\n  - benchmark: beta-bench\n    metric: overall\n    value: 0.61\n    source:"
    )
    assert text.endswith("# from the paper\n      bibkey: doe2025alpha\n      table: Table 2\n      reported_by: own\n")
    assert problems_of(catalogue_dir) == []
    assert run(capsys, "fmt", "--check", str(catalogue_dir))[0] == 0


WRITTEN_BY_HAND = """% Macros first.
@string{cvpr = {IEEE/CVF Conference on Computer Vision and Pattern Recognition}}

% Zeta: a comment about this record, kept with it.
@inproceedings{zeta2024,
  booktitle = cvpr # { 2024},
  title = "Zeta:   A Record
     Written by Hand",
  author = {Zed, Zoe},
  month = jan,
  year = 2024,
  abstract = {First paragraph.

    Second paragraph.},
}

% Alpha comes first once sorted.
@misc{alpha2023, title = {Alpha}, year = {2023}}
% the last word
"""

WRITTEN_CANONICALLY = """% Macros first.
@string{cvpr = {IEEE/CVF Conference on Computer Vision and Pattern Recognition}}

% Alpha comes first once sorted.
@misc{alpha2023,
  title = {Alpha},
  year = {2023},
}

% Zeta: a comment about this record, kept with it.
@inproceedings{zeta2024,
  author = {Zed, Zoe},
  title = {Zeta: A Record Written by Hand},
  booktitle = cvpr # { 2024},
  year = {2024},
  abstract = {First paragraph.

Second paragraph.},
  month = jan,
}

% the last word
"""


def test_bibliography_macros_concatenations_paragraphs_and_comments_are_kept(capsys, tmp_path: Path) -> None:
    bib = tmp_path / "references.bib"
    bib.write_text(WRITTEN_BY_HAND)
    assert run(capsys, "fmt", str(bib))[0] == 0
    assert bib.read_text() == WRITTEN_CANONICALLY
    assert run(capsys, "fmt", "--check", str(bib))[0] == 0
