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


def test_taxonomy_titles_and_descriptions_are_escaped_in_the_readme(capsys, catalogue_dir: Path) -> None:
    taxonomy = catalogue_dir / "taxonomy.yaml"
    text = taxonomy.read_text()
    text = text.replace("    title: Semantic encoding\n", "    title: 'Semantic <img src=x onerror=alert(1)> [x](javascript:y)'\n")
    text = text.replace("description: Images as features of a semantic encoder.", "description: '<script>alert(1)</script> | *bold*'")
    taxonomy.write_text(text)
    assert main(["readme", "--catalogue", str(catalogue_dir), "--templates", str(ROOT / "templates")]) == 0
    out = capsys.readouterr().out
    assert not re.search(r"(?<!\\)<(img|script)", out) and "](javascript:" not in out  # only escaped: \\<img
    assert "#### Semantic \\<img src=x onerror=alert\\(1\\)\\> \\[x\\]\\(javascript:y\\)" in out
    assert "\\<script\\>alert\\(1\\)\\</script\\> \\| \\*bold\\*" in out
