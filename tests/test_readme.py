"""`umm-survey readme`: the committed catalogue/README.md is current, its contents match its headings."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT

from umm_survey.cli import main


def test_contributor_text_cannot_break_the_tables(capsys, catalogue_dir: Path) -> None:
    alpha = catalogue_dir / "models" / "alpha-model.yaml"
    alpha.write_text(alpha.read_text().replace("name: Alpha", "name: 'Al|pha [x](javascript:y) <b>'"))
    assert main(["readme", "--catalogue", str(catalogue_dir), "--templates", str(ROOT / "templates")]) == 0
    out = capsys.readouterr().out
    row = next(line for line in out.splitlines() if line.startswith("| Al"))
    assert row.startswith("| Al\\|pha \\[x\\]\\(javascript:y\\) \\<b\\> | ")
    assert len(re.findall(r"(?<!\\)\|", row)) == 7
