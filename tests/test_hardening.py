"""Reproducers from the security and reliability review: each failed before the fix it names."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, found, problems_of
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_rules import _results

from umm_survey.cli import main
from umm_survey.publish.site import SITE_MARKER, WORK_MARKER
from umm_survey.render.text import name_html

ALPHA = "models/alpha-model.yaml"


def build(catalogue: Path, site: Path) -> int:
    return main(["build", "--catalogue", str(catalogue), "--site-dir", str(site), "--templates", str(ROOT / "templates"), "--config", str(ROOT / "mkdocs.yml")])


def _edit(root: Path, old: str, new: str, relative: str = ALPHA) -> None:
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# ---- script in the site ----

@pytest.mark.parametrize(
    "name",
    ["x$^{\x00script\x01alert(1)\x00/script\x01}$", "$_{<img src=x onerror=alert(1)>}$", "$^{\x00img src=x onerror=alert(1)\x01}$"],
    ids=["markers-in-script", "tag-in-subscript", "marker-img"],
)
def test_math_names_never_make_markup(name: str) -> None:
    html = str(name_html(name))
    assert "<script" not in html and "<img" not in html
    assert html.count("<") == html.count("<sup>") + html.count("</sup>") + html.count("<sub>") + html.count("</sub>")


def test_control_characters_are_refused(catalogue_dir: Path) -> None:
    _edit(catalogue_dir, "name: Alpha", 'name: "Alpha$^{\\0script\\x01}$"')
    assert ("UMM110", "alpha-model.yaml", 2) in found(catalogue_dir)


# ---- data loss ----

def test_build_refuses_a_folder_it_did_not_make(capsys, catalogue_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "precious"
    target.mkdir()
    (target / "thesis.tex").write_text("years of work")
    assert build(catalogue_dir, target) == 1
    assert (target / "thesis.tex").read_text() == "years of work"
    assert "is not empty and is not a previous build" in capsys.readouterr().err


@pytest.mark.parametrize("inside", ["catalogue", "catalogue/models", "."], ids=["catalogue", "inside-catalogue", "its-parent"])
def test_build_refuses_the_catalogue_and_what_holds_it(capsys, catalogue_dir: Path, inside: str) -> None:
    target = (catalogue_dir.parent / inside) if inside != "catalogue" else catalogue_dir
    if inside == ".":
        target = catalogue_dir.parent
        (target / SITE_MARKER).write_text("")  # even a folder that looks like a build
    before = sorted(path.name for path in catalogue_dir.rglob("*"))
    assert build(catalogue_dir, target) == 1
    assert sorted(path.name for path in catalogue_dir.rglob("*")) == before
    assert "--site-dir" in capsys.readouterr().err


def test_build_replaces_its_own_site_and_removes_only_its_own_leftovers(catalogue_dir: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert build(catalogue_dir, site) == 0
    assert (site / SITE_MARKER).is_file()
    killed = tmp_path / ".umm-build-killed"
    killed.mkdir()
    (killed / WORK_MARKER).write_text("")
    foreign = tmp_path / ".umm-build-not-ours"
    foreign.mkdir()
    (site / "stale.html").write_text("old")
    assert build(catalogue_dir, site) == 0
    assert not (site / "stale.html").exists() and (site / "index.html").is_file()
    assert not killed.exists() and foreign.is_dir()


# ---- fmt must not change meaning ----

@pytest.mark.parametrize("text", ["Yes", "on", "No", "1:30", "off"])
def test_fmt_keeps_text_that_yaml_1_1_would_read_as_bool_or_number(capsys, catalogue_dir: Path, text: str) -> None:
    _edit(catalogue_dir, "name: Alpha", f"name: '{text}'")
    assert main(["fmt", str(catalogue_dir / ALPHA)]) in (0, 1)
    assert problems_of(catalogue_dir) == []
    from umm_survey.checks.catalogue import load_catalogue

    entry = next(entry for entry in load_catalogue(catalogue_dir).entries if entry.id == "alpha-model")
    assert entry.model.name == text


# ---- values that are not values ----

def test_a_boolean_is_not_a_dataset_size(catalogue_dir: Path) -> None:
    path = catalogue_dir / "datasets" / "gamma-data.yaml"
    text = path.read_text()
    start = text.index("size:")
    path.write_text(text[:start] + "size: true" + text[text.index("\n", start):])
    assert "UMM203" in {problem.rule for problem in problems_of(catalogue_dir)}


def test_taxonomy_cycles_are_refused(catalogue_dir: Path) -> None:
    taxonomy = catalogue_dir / "taxonomy.yaml"
    text = taxonomy.read_text()
    text = text.replace("  - id: diffusion\n    kind: model\n", "  - id: diffusion\n    kind: model\n    parent: any-to-any\n", 1)
    text = text.replace("  - id: any-to-any\n    kind: model\n", "  - id: any-to-any\n    kind: model\n    parent: diffusion\n", 1)
    taxonomy.write_text(text)
    messages = [problem.message for problem in problems_of(catalogue_dir) if problem.rule == "UMM501"]
    assert any("is its own ancestor" in message for message in messages)


def test_nan_never_reaches_the_json_export(capsys, catalogue_dir: Path) -> None:
    (catalogue_dir / "results").mkdir()
    (catalogue_dir / "results" / "alpha-model.yaml").write_text(
        "model: alpha-model\nresults:\n  - benchmark: beta-bench\n    metric: overall\n    value: .nan\n"
        "    source: {bibkey: doe2025alpha, table: Table 2, reported_by: own}\n"
    )
    assert main(["export", "--catalogue", str(catalogue_dir), "--format", "json"]) == 1
    assert capsys.readouterr().out == ""


# ---- no traceback, exit codes as documented ----

@pytest.mark.parametrize(
    "argv",
    [["serve", "--port", "99999"], ["check-links", "--max-age", "nan"], ["check-links", "--timeout", "0"], ["new", "--arxiv", "2501.00001", "--kind", "model", "--group", "x", "--timeout", "-1"], ["check-links", "--concurrency", "0"]],
    ids=["port", "max-age-nan", "timeout-0", "negative-timeout", "concurrency-0"],
)
def test_bad_option_values_are_usage_errors(capsys, argv: list[str]) -> None:
    assert main(argv) == 2
    assert "error: argument" in capsys.readouterr().err


def test_output_to_a_folder_is_a_plain_error(capsys, catalogue_dir: Path, tmp_path: Path) -> None:
    assert main(["export", "--catalogue", str(catalogue_dir), "--format", "json", "-o", str(tmp_path)]) == 1
    assert capsys.readouterr().err == f"umm-survey: is a folder, not a file; name a file to write ({tmp_path}); nothing was half-written (writes are atomic)\n"


def test_output_under_a_file_names_the_file_in_the_way(capsys, catalogue_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "notes").write_text("kept\n", encoding="utf-8")
    assert main(["export", "--catalogue", str(catalogue_dir), "--format", "json", "-o", str(tmp_path / "notes" / "x.json")]) == 1
    assert capsys.readouterr().err == f"umm-survey: {tmp_path / 'notes'} is a file, where a folder is needed; nothing was half-written (writes are atomic)\n"
    assert (tmp_path / "notes").read_text(encoding="utf-8") == "kept\n"


def test_readme_without_its_templates_says_where_to_run_it(capsys, catalogue_dir: Path, tmp_path: Path) -> None:
    assert main(["readme", "--catalogue", str(catalogue_dir), "--templates", str(tmp_path / "none"), "-o", str(tmp_path / "README.md")]) == 1
    assert capsys.readouterr().err == f"umm-survey: templates folder {tmp_path / 'none'} does not exist; run from the repository root or pass --templates DIR\n"
    assert not (tmp_path / "README.md").exists()


@pytest.mark.parametrize(
    "text",
    ['{"repos": {"a/b": "x"}}', '{"repos": [1, 2]}', "[]", "{not json", '{"repos": {"deepseek-ai/Janus": {"stars": Infinity, "license": {"spdx": 1}}}}'],
    ids=["string-record", "list", "array", "broken", "odd-values"],
)
def test_a_malformed_github_file_never_stops_the_build(catalogue_dir: Path, tmp_path: Path, text: str) -> None:
    (catalogue_dir / "metadata").mkdir()
    (catalogue_dir / "metadata" / "github.json").write_text(text)
    assert build(catalogue_dir, tmp_path / "site") == 0


MUTATIONS = st.sampled_from(["", "\x00", "\u0085", ": :", "- [", "!!int x", "&a *a", "\t", "9" * 5000, "[" * 200, "'", '"\\x', "2024-02-30", "https://[::1", ".nan", "true", "\ufeff"])


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(target=st.sampled_from([ALPHA, "benchmarks/beta-bench.yaml", "references.bib", "taxonomy.yaml", "results/alpha-model.yaml"]), position=st.floats(0, 1), insert=MUTATIONS)
def test_mutated_files_give_exit_codes_not_tracebacks(tmp_path_factory, catalogue_dir: Path, target: str, position: float, insert: str) -> None:
    work = tmp_path_factory.mktemp("fuzz")
    root = work / "catalogue"
    shutil.copytree(catalogue_dir, root)
    _results(root)
    path = root / target
    text = path.read_text(encoding="utf-8")
    cut = int(len(text) * position)
    path.write_text(text[:cut] + insert + text[cut:], encoding="utf-8")
    commands = (
        ["validate"], ["fmt", "--check"], ["export", "--format", "json", "-o", str(work / "out.json")], ["readme", "-o", str(work / "README.md")],
        ["build", "--no-cache", "--site-dir", str(work / "site"), "--templates", str(ROOT / "templates"), "--config", str(ROOT / "mkdocs.yml")],
        ["import", "--dry-run", str(ROOT / "tests" / "fixtures" / "lists" / "companion.md")],
    )
    for argv in commands:  # every command that reads the catalogue without the network
        full = [*argv, "--catalogue", str(root)] if argv[0] != "fmt" else [*argv, str(root)]
        completed = subprocess.run([sys.executable, "-m", "umm_survey.cli", *full], capture_output=True, text=True, timeout=60)
        assert "Traceback" not in completed.stderr, (argv, insert, completed.stderr[-800:])
        assert completed.returncode in (0, 1, 2), (argv, completed.returncode)
    if (work / "out.json").exists():
        json.loads((work / "out.json").read_text())  # valid JSON whenever it was written


def _recorded_renames(monkeypatch) -> list[tuple]:
    """Every os.replace the atomic module makes from now on (each still done), in order."""
    from umm_survey.publish import atomic

    renames: list[tuple] = []
    real_replace = os.replace
    monkeypatch.setattr(atomic.os, "replace", lambda *args: (renames.append(args), real_replace(*args))[1])
    return renames


def _system_can_exchange(first: Path, second: Path) -> bool:
    """renameat2(RENAME_EXCHANGE) called here directly, apart from the code under test."""
    import ctypes
    import ctypes.util

    try:
        renameat2 = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    return renameat2(-100, os.fsencode(first), -100, os.fsencode(second), 2) == 0


def test_where_the_system_can_swap_folders_the_site_is_never_moved_aside(tmp_path: Path, monkeypatch) -> None:
    from umm_survey.publish import atomic

    probe_a, probe_b = tmp_path / "probe-a", tmp_path / "probe-b"
    probe_a.mkdir()
    probe_b.mkdir()
    if not _system_can_exchange(probe_a, probe_b):
        pytest.skip("this file system cannot exchange two paths in one step")
    site, new = tmp_path / "site", tmp_path / "new"
    for folder, text in ((site, "previous"), (new, "next")):
        folder.mkdir()
        (folder / "index.html").write_text(text)
    renames = _recorded_renames(monkeypatch)
    atomic.replace_directory(new, site)
    assert renames == [], "the swap is one exchange: the site folder is never renamed away, so it never goes missing"
    assert (site / "index.html").read_text() == "next"
    assert not new.exists() and not (tmp_path / ".site.old").exists()


def test_a_failed_swap_puts_the_previous_site_back(tmp_path: Path, monkeypatch) -> None:
    from umm_survey.publish import atomic

    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous")
    monkeypatch.setattr(atomic, "_exchange", lambda first, second: False)  # a system without renameat2
    with pytest.raises(FileNotFoundError):
        atomic.replace_directory(tmp_path / "never-built", site)  # the second rename fails
    assert (site / "index.html").read_text() == "previous"
    assert not (tmp_path / ".site.old").exists()


@pytest.mark.parametrize("where", ["models/fifo-model.yaml", "references.bib", "metadata/github.json"])
def test_a_pipe_named_like_a_catalogue_file_never_hangs_a_command(catalogue_dir: Path, tmp_path: Path, where: str) -> None:
    fifo = catalogue_dir / where
    fifo.parent.mkdir(exist_ok=True)
    if fifo.exists():
        fifo.unlink()
    os.mkfifo(fifo)
    commands = [["validate", "--catalogue", str(catalogue_dir)], ["fmt", "--check", str(fifo)], ["export", "--catalogue", str(catalogue_dir), "--format", "json", "-o", str(tmp_path / "out.json")]]
    for argv in commands:
        result = subprocess.run([sys.executable, "-m", "umm_survey.cli", *argv], capture_output=True, text=True, timeout=60)
        assert "Traceback" not in result.stderr, (argv, result.stderr)
        assert result.returncode in (0, 1), (argv, result.returncode, result.stderr)
    fmt = subprocess.run([sys.executable, "-m", "umm_survey.cli", "fmt", "--check", str(fifo)], capture_output=True, text=True, timeout=60)
    assert f"{fifo}: cannot format: not a regular file (a pipe, socket or device); it was not read" in fmt.stderr


def test_a_full_disk_is_a_plain_error_and_the_previous_file_stays(catalogue_dir: Path, tmp_path: Path) -> None:
    import resource
    import signal

    out = tmp_path / "out"
    out.mkdir()
    target = out / "catalogue.json"
    target.write_text("previous")

    def small_disk() -> None:  # writes past 4 KB fail as they would on a full disk (EFBIG rather than ENOSPC)
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    result = subprocess.run([sys.executable, "-m", "umm_survey.cli", "export", "--catalogue", str(catalogue_dir), "--format", "json", "-o", str(target)],
                            capture_output=True, text=True, timeout=60, preexec_fn=small_disk)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("umm-survey: File too large") and "nothing was half-written" in result.stderr
    assert target.read_text() == "previous" and [path.name for path in out.iterdir()] == ["catalogue.json"]


def test_an_atomic_write_makes_its_folders_and_renames_from_beside_the_target(tmp_path: Path, monkeypatch) -> None:
    """A temporary file elsewhere (another file system) could not be renamed into place in one step."""
    from umm_survey.publish import atomic

    renames = _recorded_renames(monkeypatch)
    target = tmp_path / "deep" / "er" / "notes.md"
    atomic.write_text_atomic(target, "first ünïcode line\r\nsecond\n")
    assert target.read_bytes() == "first ünïcode line\r\nsecond\n".encode("utf-8")
    assert len(renames) == 1 and Path(renames[0][0]).parent == target.parent and Path(renames[0][0]).name.startswith(".notes.md.")
    target.chmod(0o640)
    atomic.write_text_atomic(target, "again")
    assert target.read_text() == "again" and target.stat().st_mode & 0o777 == 0o640, "the file keeps its mode"
    assert sorted(path.name for path in target.parent.iterdir()) == ["notes.md"], "no temporary file is left"


def test_an_atomic_write_over_a_folder_is_refused_with_its_name(tmp_path: Path) -> None:
    from umm_survey.publish import atomic

    with pytest.raises(IsADirectoryError) as raised:
        atomic.write_text_atomic(tmp_path, "text")
    assert (raised.value.errno, raised.value.filename) == (21, str(tmp_path))


def test_a_new_file_gets_the_mode_the_umask_allows_not_a_private_one(tmp_path: Path) -> None:
    from umm_survey.publish import atomic

    previous = os.umask(0o027)
    try:
        atomic.write_text_atomic(tmp_path / "README.md", "text")
    finally:
        os.umask(previous)
    assert (tmp_path / "README.md").stat().st_mode & 0o777 == 0o640


def test_an_atomic_write_goes_through_a_link_and_into_a_pipe_without_replacing_either(tmp_path: Path) -> None:
    from umm_survey.publish import atomic

    (tmp_path / "real.md").write_text("old")
    (tmp_path / "link.md").symlink_to("real.md")
    atomic.write_text_atomic(tmp_path / "link.md", "new")
    assert (tmp_path / "link.md").is_symlink() and (tmp_path / "real.md").read_text() == "new"
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    reader = os.open(pipe, os.O_RDONLY | os.O_NONBLOCK)  # open first, so that the write does not wait for a reader
    try:
        atomic.write_text_atomic(pipe, "through the pipe")
        assert os.read(reader, 100) == b"through the pipe"
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(pipe.stat().st_mode), "the pipe is still a pipe, not a file renamed over it"


def test_an_atomic_write_through_a_link_to_a_pipe_writes_into_the_pipe(tmp_path: Path) -> None:
    """As `-o /dev/stdout` does when standard output is a pipe: /proc names it `pipe:[inode]`, which no file has."""
    from umm_survey.publish import atomic

    reader, writer = os.pipe()
    (tmp_path / "stdout").symlink_to(f"/proc/self/fd/{writer}")
    try:
        atomic.write_text_atomic(tmp_path / "stdout", "out")
        assert os.read(reader, 100) == b"out"
    finally:
        os.close(reader)
        os.close(writer)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["stdout"] and (tmp_path / "stdout").is_symlink()


def test_reading_a_folder_or_a_pipe_as_an_entry_file_leaves_no_descriptor_open(tmp_path: Path) -> None:
    from umm_survey.load.files import NotARegularFile, read_regular_bytes

    folder = tmp_path / "entry.yaml"
    folder.mkdir()
    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)
    before = len(os.listdir("/proc/self/fd"))
    for _ in range(20):
        with pytest.raises(IsADirectoryError):
            read_regular_bytes(folder)
        with pytest.raises(NotARegularFile):
            read_regular_bytes(pipe)
    assert len(os.listdir("/proc/self/fd")) == before
