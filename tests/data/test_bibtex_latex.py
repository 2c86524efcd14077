"""references.bib works in real BibTeX: cite every key, run pdflatex and bibtex, fail on any error or warning."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT

from umm_survey.load.bib import load_bibliography

pytestmark = pytest.mark.latex


def _tools() -> tuple[str, str]:
    pdflatex, bibtex = shutil.which("pdflatex"), shutil.which("bibtex")
    if not (pdflatex and bibtex):
        reason = "pdflatex and bibtex are not installed (apt-get install texlive-latex-base)"
        if os.environ.get("UMM_REQUIRE_BROWSER") == "1":  # CI installs them alongside the browser
            pytest.fail(f"CI must have them: {reason}")
        pytest.skip(reason)
    return pdflatex, bibtex


def test_every_record_compiles_without_bibtex_warnings(tmp_path: Path) -> None:
    pdflatex, bibtex = _tools()
    records = load_bibliography(ROOT / "catalogue" / "references.bib", "references.bib").records
    assert records
    shutil.copy(ROOT / "catalogue" / "references.bib", tmp_path / "references.bib")
    (tmp_path / "cite.tex").write_text(
        "\\documentclass{article}\n\\begin{document}\n"
        + "".join(f"\\cite{{{key}}}\n" for key in sorted(records))
        + "\\bibliographystyle{plain}\n\\bibliography{references}\n\\end{document}\n"
    )
    run = lambda *command: subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=120)  # noqa: E731
    first = run(pdflatex, "-interaction=nonstopmode", "-halt-on-error", "cite.tex")
    assert first.returncode == 0, first.stdout[-2000:]
    result = run(bibtex, "cite")
    log = (tmp_path / "cite.blg").read_text(errors="replace")
    assert result.returncode == 0, log
    assert "Warning--" not in log, log
    assert "error message" not in log, log
    bbl = (tmp_path / "cite.bbl").read_text(errors="replace")
    assert bbl.count("\\bibitem") == len(records)
