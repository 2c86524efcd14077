"""The research scripts can only add to the catalogue: a re-run never overwrites a hand-checked fact."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

RESEARCH = Path(__file__).resolve().parent.parent / "research"
sys.path.insert(0, str(RESEARCH))

from fence import FenceError, refuse_uncommitted, write_catalogue_file  # noqa: E402

ENTRY = "name: Alpha\ndate: 2025-01-02\ngroups: [diffusion]\nweights: [https://example.org/a]\n"


def test_a_changed_value_is_refused_and_the_file_kept(tmp_path: Path) -> None:
    path = tmp_path / "alpha.yaml"
    path.write_text(ENTRY)
    with pytest.raises(FenceError, match=r"would change date \(datetime\.date\(2025, 1, 2\) -> datetime\.date\(2025, 1, 3\)\)"):
        write_catalogue_file(path, ENTRY.replace("2025-01-02", "2025-01-03"))
    with pytest.raises(FenceError, match=r"would change weights \(item 'https://example.org/a' removed or changed\)"):
        write_catalogue_file(path, ENTRY.replace("weights: [https://example.org/a]", "weights: []"))
    with pytest.raises(FenceError, match=r"would change groups \(removed\)"):
        write_catalogue_file(path, ENTRY.replace("groups: [diffusion]\n", ""))
    assert path.read_text() == ENTRY


def test_additions_are_written(tmp_path: Path) -> None:
    path = tmp_path / "alpha.yaml"
    path.write_text(ENTRY)
    grown = ENTRY.replace("weights: [https://example.org/a]", "weights: [https://example.org/a, https://example.org/b]") + "licence: MIT\n"
    assert write_catalogue_file(path, grown) is True
    assert path.read_text() == grown
    assert write_catalogue_file(path, grown) is False


def test_a_bibliography_record_cannot_be_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "references.bib"
    record = "@article{a2025,\n  title = {Alpha},\n  author = {Doe, Jane},\n  year = {2025}\n}\n"
    path.write_text(record)
    with pytest.raises(FenceError, match=r"would change a2025\.author \('Doe, Jane' -> 'Roe, Jane'\)"):
        write_catalogue_file(path, record.replace("Doe", "Roe"))
    assert write_catalogue_file(path, record + "\n@misc{b2026,\n  title = {Beta},\n  year = {2026}\n}\n") is True


def test_only_a_held_paper_now_catalogued_leaves_triage(tmp_path: Path) -> None:
    path = tmp_path / "triage.yaml"
    rows = "papers:\n  - {arxiv: '2601.00001', title: A, decision: held, reason: r}\n  - {arxiv: '2601.00002', title: B, decision: out-of-scope, reason: r}\n"
    path.write_text(rows)
    without_first = "papers:\n  - {arxiv: '2601.00002', title: B, decision: out-of-scope, reason: r}\n"
    with pytest.raises(FenceError):
        write_catalogue_file(path, without_first)
    assert write_catalogue_file(path, without_first, held_now_added=frozenset({"2601.00001"})) is True
    with pytest.raises(FenceError):
        write_catalogue_file(path, "papers: []\n", held_now_added=frozenset({"2601.00002"}))


def test_an_unchecked_fact_leaves_its_mark_only_when_settled(tmp_path: Path) -> None:
    path = tmp_path / "alpha.yaml"
    marked = ENTRY + "unchecked: [licence, sizes, backbone]\n"
    path.write_text(marked)
    with pytest.raises(FenceError, match=r"would change unchecked \(item 'sizes' removed or changed\)"):
        write_catalogue_file(path, ENTRY + "licence: MIT\nunchecked: [backbone]\n")  # sizes dropped, not settled
    settled = ENTRY + "architecture: {backbone: Qwen2.5}\nlicence: MIT\nnot_stated: [sizes]\n"
    assert write_catalogue_file(path, settled) is True
    assert path.read_text() == settled


def _writes(tree: ast.AST) -> list[int]:
    return [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, (ast.Name, ast.Attribute))
            and (node.func.id if isinstance(node.func, ast.Name) else node.func.attr) in {"write_text_atomic", "write_text", "open", "replace_directory", "append_records"}]


@pytest.mark.parametrize("script", sorted(path.name for path in RESEARCH.glob("*.py") if path.name != "fence.py"))
def test_every_script_writes_through_the_fence_or_is_retired(script: str) -> None:
    tree = ast.parse((RESEARCH / script).read_text(encoding="utf-8"))
    main = next((node for node in tree.body if isinstance(node, ast.FunctionDef) and node.name == "main"), None)
    first = main.body[0] if main else None
    is_retired = isinstance(first, ast.Expr) and isinstance(first.value, ast.Call) and getattr(first.value.func, "id", "") == "retired"
    assert is_retired or not _writes(tree), f"{script} writes directly (lines {_writes(tree)}); use fence.write_catalogue_file"


def test_a_script_stops_before_writing_when_a_shared_file_has_uncommitted_edits(tmp_path: Path) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    bib, triage = tmp_path / "references.bib", tmp_path / "triage.yaml"
    bib.write_text("@misc{a2025,\n  title = {Alpha},\n  year = {2025}\n}\n")
    triage.write_text("papers: []\n")
    git("add", ".")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "start")
    refuse_uncommitted(bib, triage)  # both as committed: nothing to refuse
    (tmp_path / "new.yaml").write_text("name: New\n")
    refuse_uncommitted(tmp_path / "new.yaml")  # a file git does not track yet is the script's to create
    triage.write_text("papers: []\n# a curator's edit\n")
    with pytest.raises(FenceError, match=r"triage\.yaml has edits not yet committed; commit or stash them before running a research script"):
        refuse_uncommitted(bib, triage)
