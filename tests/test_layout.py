"""The stages stay apart: pyproject.toml's import-linter contracts hold (validation and the build never
import the network; each stage imports only the stages before it)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_are_kept() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint), "--config", str(ROOT / "pyproject.toml")], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "Contracts: 2 kept, 0 broken." in result.stdout


def test_a_validation_run_loads_no_network_code(catalogue_dir: Path) -> None:
    probe = (
        "import sys; from umm_survey.commands import validate, build; "
        "from umm_survey.checks.catalogue import load_catalogue; from pathlib import Path; "
        f"load_catalogue(Path({str(catalogue_dir)!r})); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('requests', 'urllib3') or m.startswith('umm_survey.network')))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
