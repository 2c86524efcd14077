"""Workflows, pre-commit hooks and CONTRIBUTING only use commands and options that exist."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from umm_survey.cli import build_parser

INVOCATION = re.compile(r"(?<![\w\"'@-])umm-survey [^`\n|&;>)\"]*")


def invocations(text: str) -> list[list[str]]:
    found = []
    for match in INVOCATION.finditer(text):
        words = shlex.split(match.group(0).strip())[1:]
        if words:
            found.append(words)
    return found


FILES = [*sorted((ROOT / ".github" / "workflows").glob("*.yml")), ROOT / ".pre-commit-hooks.yaml", ROOT / "CONTRIBUTING.md", ROOT / "README.md"]


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_every_invocation_parses(path: Path) -> None:
    text = path.read_text()
    if path.suffix in {".yml", ".yaml"}:
        yaml.safe_load(text)
    else:  # in prose, only the commands people copy: those in fenced code blocks
        text = "\n".join(re.findall(r"```[a-z]*\n(.*?)```", text, flags=re.DOTALL))
    calls = invocations(text)
    assert calls, f"{path.name} names no umm-survey command"
    parser = build_parser()
    for words in calls:
        words = [word for word in words if "<" not in word]  # README placeholders such as <id>
        try:
            parser.parse_args(words)
        except SystemExit as exit_:
            assert exit_.code == 0, f"{path.name}: `umm-survey {' '.join(words)}` is not a valid call"


def test_hooks_are_well_formed() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert {hook["id"] for hook in hooks} == {"umm-validate", "umm-fmt"}
    for hook in hooks:
        assert {"id", "name", "entry", "language", "files"} <= set(hook)
        re.compile(hook["files"])


def test_pull_request_workflow_validates_builds_and_uploads() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pull-request.yml").read_text())
    steps = " ".join(str(step) for step in workflow["jobs"]["check"]["steps"])
    assert "validate --format github --strict" in steps and "umm-survey build" in steps and "upload-artifact" in steps


def test_ci_runs_the_readme_commands_exactly() -> None:
    readme = (ROOT / "README.md").read_text()
    block = re.search(r"```bash\n(.*?)```", readme, flags=re.DOTALL).group(1)
    commands = [line for line in block.splitlines() if line.strip() and not line.startswith("#")]
    ci = (ROOT / ".ci" / "run").read_text().splitlines()
    assert len(commands) == 2 and all(command in ci for command in commands)
    assert all(command.startswith("python3 -m venv .venv && ") for command in commands), "the commands must work where pip refuses the system Python (PEP 668)"
