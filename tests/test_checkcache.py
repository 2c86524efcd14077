"""The build's check cache: loading through it gives exactly what loading without it gives, and only a file
whose bytes changed (or every file, when the code, the vocabularies or the date change) is read again."""

from __future__ import annotations

import pickle
from datetime import date
from pathlib import Path

from conftest import TODAY

from umm_survey.checks import catalogue as loading
from umm_survey.checks.catalogue import load_catalogue
from umm_survey.checks.checkcache import CACHE_FILE, MARKER


def summary(root: Path, cache: Path | None, today: date = TODAY) -> tuple[list, list]:
    """What a load gives: every entry's id, kind, display path and data, and every problem."""
    catalogue = load_catalogue(root, today=today, cache_folder=cache)
    return [(entry.id, entry.kind, entry.path, entry.model.model_dump()) for entry in catalogue.entries], [str(problem) for problem in catalogue.problems]


def files_read(monkeypatch) -> list[str]:
    """The entry files the load reads and checks (not those taken from the cache)."""
    read: list[str] = []
    check = loading.check_entry_file

    def counting(path, *args, **kwargs):
        read.append(path.name)
        return check(path, *args, **kwargs)

    monkeypatch.setattr(loading, "check_entry_file", counting)
    return read


def test_a_cached_load_gives_what_a_plain_load_gives_problems_included(catalogue_dir: Path, tmp_path: Path) -> None:
    beta = catalogue_dir / "benchmarks" / "beta-bench.yaml"
    beta.write_text(beta.read_text() + "colour: blue\n")  # an unknown field: a problem the cache must give back
    cache = tmp_path / "cache"
    plain = summary(catalogue_dir, None)
    assert any("UMM202" in problem for problem in plain[1])
    assert summary(catalogue_dir, cache) == plain  # fills the cache
    assert (cache / CACHE_FILE).is_file() and (cache / MARKER).is_file()
    assert summary(catalogue_dir, cache) == plain  # read from it


def test_only_the_changed_file_is_read_again(catalogue_dir: Path, tmp_path: Path, monkeypatch) -> None:
    cache = tmp_path / "cache"
    load_catalogue(catalogue_dir, today=TODAY, cache_folder=cache)
    read = files_read(monkeypatch)
    alpha = catalogue_dir / "models" / "alpha-model.yaml"
    alpha.write_text(alpha.read_text().replace("summary: ", "summary: Edited. ", 1))
    catalogue = load_catalogue(catalogue_dir, today=TODAY, cache_folder=cache)
    assert read == ["alpha-model.yaml"]
    assert catalogue.by_id()["alpha-model"].model.summary.startswith("Edited.")
    read.clear()
    load_catalogue(catalogue_dir, today=TODAY, cache_folder=cache)
    assert read == []


def test_a_changed_vocabulary_or_date_reads_every_file_again(catalogue_dir: Path, tmp_path: Path, monkeypatch) -> None:
    cache = tmp_path / "cache"
    load_catalogue(catalogue_dir, today=TODAY, cache_folder=cache)
    read = files_read(monkeypatch)
    venues = catalogue_dir / "venues.yaml"
    venues.write_text(venues.read_text().replace("CVPR", "CVPRX"))  # Alpha's venue is no longer known
    assert summary(catalogue_dir, cache) == summary(catalogue_dir, None)
    assert len(read) >= 4
    read.clear()
    early = date(2024, 3, 1)  # before Alpha's date: a future date on that day
    problems = summary(catalogue_dir, cache, today=early)[1]
    assert len(read) == 4 and any("UMM205" in problem and "alpha-model" in problem for problem in problems)


def test_a_damaged_cache_counts_as_empty(catalogue_dir: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_catalogue(catalogue_dir, today=TODAY, cache_folder=cache)
    (cache / CACHE_FILE).write_bytes(b"\x80\x05 torn")
    assert summary(catalogue_dir, cache) == summary(catalogue_dir, None)
    assert isinstance(pickle.loads((cache / CACHE_FILE).read_bytes()), dict), "written again whole"


def test_the_check_cache_never_writes_into_a_folder_it_did_not_make(catalogue_dir: Path, tmp_path: Path) -> None:
    foreign = tmp_path / "cache"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("mine")
    assert summary(catalogue_dir, foreign) == summary(catalogue_dir, None)
    assert sorted(path.name for path in foreign.iterdir()) == ["notes.txt"]
