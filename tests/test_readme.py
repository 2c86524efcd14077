"""`umm-survey readme`: the committed catalogue/README.md is current, its contents match its headings."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from conftest import ROOT

from umm_survey.cli import main
from umm_survey.render.readme import github_anchor


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


def test_contributor_text_cannot_break_the_tables(capsys, catalogue_dir: Path) -> None:
    alpha = catalogue_dir / "models" / "alpha-model.yaml"
    alpha.write_text(alpha.read_text().replace("name: Alpha", "name: 'Al|pha [x](javascript:y) <b>'"))
    assert main(["readme", "--catalogue", str(catalogue_dir), "--templates", str(ROOT / "templates")]) == 0
    out = capsys.readouterr().out
    row = next(line for line in out.splitlines() if line.startswith("| Al"))
    assert row.startswith("| Al\\|pha \\[x\\]\\(javascript:y\\) \\<b\\> | ")
    assert len(re.findall(r"(?<!\\)\|", row)) == 7
