"""Load a whole catalogue folder: vocabularies, entries, bibliography, and every problem.

This is the one entry point the commands use.  Loading never raises on bad
input: problems are collected and returned with whatever could be loaded.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path

from umm_survey.checks.bibliography import check_bibliography
from umm_survey.checks.charts import check_charts
from umm_survey.checks.checkcache import CheckCache, check_stamp
from umm_survey.checks.corrections import check_corrections
from umm_survey.checks.cross import check_across_entries
from umm_survey.checks.entry import check_entry_file
from umm_survey.checks.forked import InTwo
from umm_survey.checks.results import LoadedResults, check_results, load_results_file
from umm_survey.load.bib import Bibliography, load_bibliography
from umm_survey.load.corrections import load_corrections
from umm_survey.load.entries import LoadedEntry
from umm_survey.load.sources import load_sources
from umm_survey.load.triage import Triage, load_triage, triaged_and_catalogued
from umm_survey.load.vocab import Vocabulary, load_vocabulary
from umm_survey.problems import Problem, has_errors
from umm_survey.schema import SCHEMAS, Kind

DEFAULT_CATALOGUE = Path("catalogue")


@dataclass
class Catalogue:
    root: Path
    vocabulary: Vocabulary
    bibliography: Bibliography
    entries: list[LoadedEntry] = field(default_factory=list)
    results: list[LoadedResults] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    triage: Triage = field(default_factory=Triage)
    processes: int = 1  # how many processes read the entry files

    @property
    def ok(self) -> bool:
        return not has_errors(self.problems)

    def by_id(self) -> dict[str, LoadedEntry]:
        return {entry.id: entry for entry in self.entries}


def entry_files(root: Path) -> list[tuple[Kind, Path]]:
    return [(kind, path) for kind, path, _ in entry_listing(root)]


def entry_listing(root: Path) -> list[tuple[Kind, Path, bool]]:
    """Each entry folder's files in name order, with whether the file is a symbolic link."""
    files = []
    for kind in Kind:
        folder = root / kind.folder
        if folder.is_dir():
            with os.scandir(folder) as listing:  # a listing knows which names are files and links, sparing a stat for each
                names = sorted((item.name, item.is_symlink()) for item in listing if _listed(item))
            files.extend((kind, folder / name, linked) for name, linked in names)
    return files


def _listed(item: os.DirEntry) -> bool:
    """A file, or a link that cannot be followed (a loop): listed, so that reading it reports the problem."""
    try:
        return item.is_file()
    except OSError:
        return True


PARALLEL_FROM = 1000  # entry files; below this, forking costs more than it saves


def load_catalogue(root: Path, today: date | None = None, parallel_from: int = PARALLEL_FROM, cache_folder: Path | None = None) -> Catalogue:
    """Everything in `root`, with every problem. From `parallel_from` entry files on, two processes read them.
    With `cache_folder` (the build's), a file whose bytes were checked before is not read again
    (`checks/checkcache.py`); the result is the same."""
    today = today or date.today()
    _display = _displayer(root)
    vocabulary, problems = load_vocabulary(root)
    jobs, file_problems = [], []
    for kind, path, linked in entry_listing(root):
        display = _display(path, linked)
        if path.suffix == ".yaml":
            jobs.append((path, display, kind))
        elif not path.name.startswith("."):
            file_problems.append(Problem(display, 1, 1, "UMM109", "not a .yaml file; entries are `<id>.yaml` (rename it, or move it out of the catalogue)"))
    cache = CheckCache(cache_folder, check_stamp(root, today)) if cache_folder is not None else None
    known, unknown = _cached_checks(cache, jobs)
    reading = InTwo(partial(_check_job, vocabulary=vocabulary, today=today), [job for _, job, _ in unknown], parallel_from, _packed, _unpacked)  # a child starts on its share
    bibliography = _bibliography(cache, root / "references.bib", _display(root / "references.bib"))
    triage, triage_problems = load_triage(root, _display(root / "triage.yaml"))
    catalogue = Catalogue(root, vocabulary, bibliography, problems=problems + bibliography.problems + triage_problems + file_problems, triage=triage)
    named_bibkeys: set[str] = set()
    fresh, catalogue.processes = reading.results()
    for (index, _, key), result in zip(unknown, fresh):
        known[index] = result
        if cache is not None and key is not None:
            cache.put(key, _packed(result))
    if cache is not None:
        cache.save()
    for entry, entry_problems, bibkey in (known[index] for index in range(len(jobs))):
        catalogue.problems.extend(entry_problems)
        if bibkey:
            named_bibkeys.add(bibkey)
        if entry is not None:
            catalogue.entries.append(entry)
    for path in sorted((root / "results").glob("*.yaml")) if (root / "results").is_dir() else []:
        results, result_problems = load_results_file(path, _display(path))
        catalogue.problems.extend(result_problems)
        if results is not None:
            catalogue.results.append(results)
            named_bibkeys.update(result.source.bibkey for result in results.model.results)
    catalogue.problems.extend(check_across_entries(catalogue.entries))
    catalogue.problems.extend(triaged_and_catalogued(triage, catalogue.entries))
    catalogue.problems.extend(check_results(catalogue.results, catalogue.entries, bibliography))
    catalogue.problems.extend(check_charts(vocabulary, catalogue.entries, _display(root / "charts.yaml")))
    catalogue.problems.extend(load_sources(root, _display(root / "sources.yaml"))[1])
    corrections, positions, correction_problems = load_corrections(root, _display(root / "corrections.yaml"))
    catalogue.problems.extend(correction_problems)
    catalogue.problems.extend(check_corrections(corrections, positions, catalogue.entries, _display(root / "corrections.yaml")))
    catalogue.problems.extend(check_bibliography(catalogue.entries, bibliography, vocabulary, named_bibkeys))
    catalogue.problems.sort(key=Problem.sort_key)
    return catalogue


def _bibliography(cache: CheckCache | None, path: Path, display: str) -> Bibliography:
    """references.bib read, or as the cache holds it for the same bytes (and the same kind of file)."""
    if cache is None:
        return load_bibliography(path, display)
    try:
        key = cache.key(path, display, f"bibliography {path.is_symlink()}", path.read_bytes())
    except OSError:
        return load_bibliography(path, display)  # which says why it cannot be read
    cached = cache.get(key)
    if isinstance(cached, Bibliography):
        return cached
    bibliography = load_bibliography(path, display)
    cache.put(key, bibliography)
    return bibliography


def _cached_checks(cache: CheckCache | None, jobs: list[tuple[Path, str, Kind]]) -> tuple[dict[int, tuple], list[tuple[int, tuple[Path, str, Kind], str | None]]]:
    """The jobs' results the cache holds (by index), and the jobs left to check with their cache keys."""
    known: dict[int, tuple] = {}
    unknown = []
    for index, job in enumerate(jobs):
        key = None
        if cache is not None:
            path, display, kind = job
            try:
                key = cache.key(path, display, kind.value, path.read_bytes())
            except OSError:
                key = None  # checked as usual, which reports why the file cannot be read
        packed = cache.get(key) if cache is not None and key is not None else None
        if packed is not None:
            try:
                known[index] = _unpacked(job, packed)
                continue
            except Exception:  # noqa: BLE001 - a result that does not unpack is checked again
                pass
        unknown.append((index, job, key))
    return known, unknown


def _check_job(job: tuple[Path, str, Kind], vocabulary: Vocabulary, today: date) -> tuple[LoadedEntry | None, list[Problem], str | None]:
    path, display, kind = job
    return check_entry_file(path, display, kind, vocabulary, today)


def _packed(checked: tuple[LoadedEntry | None, list[Problem], str | None]) -> tuple:
    """What the child process sends: a valid entry's data without its model, which the schema gives again in
    a fraction of the time unpickling it takes."""
    entry, problems, bibkey = checked
    return (entry.source if entry is not None else None, problems, bibkey)


def _unpacked(job: tuple[Path, str, Kind], packed: tuple) -> tuple[LoadedEntry | None, list[Problem], str | None]:
    path, display, kind = job
    source, problems, bibkey = packed
    entry = LoadedEntry(path.stem, kind, display, SCHEMAS[kind].model_validate(source.data), source) if source is not None else None
    return entry, problems, bibkey


def _displayer(root: Path):
    """Paths as the contributor typed them: relative to the working folder when possible.

    The catalogue folder is resolved once; its files are named from there (resolving each of
    10,000 files took a third of `validate`)."""
    try:
        base = root.resolve().relative_to(Path.cwd().resolve())
    except (ValueError, OSError):
        base = root

    root_prefix = str(root) + os.sep

    def display(path: Path, linked: bool | None = None) -> str:
        text = str(path)
        if text.startswith(root_prefix):  # string work: Path.relative_to on every file was a tenth of `validate`
            inside = text[len(root_prefix):]
        else:
            try:
                inside = str(path.relative_to(root))
            except ValueError:
                return text
        if path.is_symlink() if linked is None else linked:  # a linked file is named where it really is, as before
            try:
                return str(path.resolve().relative_to(Path.cwd().resolve()))
            except (ValueError, RuntimeError, OSError):  # outside the working folder, or a link that loops
                return text
        return str(base / inside)

    return display
