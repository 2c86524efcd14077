"""Checks on reported results: every name resolves, every value fits its metric, nothing is repeated."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from umm_survey.checks.entry import schema_problems
from umm_survey.load.bib import Bibliography
from umm_survey.load.entries import LoadedEntry, Located
from umm_survey.load.yamlload import LoadedYaml, load_yaml_file
from umm_survey.problems import Problem
from umm_survey.schema import Kind, ResultsFile


@dataclass
class LoadedResults(Located):
    """A results file that passed the schema, with where its fields are."""

    path: str
    model: ResultsFile
    source: LoadedYaml


def load_results_file(path: Path, display: str) -> tuple[LoadedResults | None, list[Problem]]:
    loaded = load_yaml_file(path, display)
    if loaded.data is None:
        return None, loaded.problems
    try:
        model = ResultsFile.model_validate(loaded.data)
    except ValidationError as error:
        return None, loaded.problems + schema_problems(error, loaded, display, "a results file", list(ResultsFile.model_fields))
    return LoadedResults(display, model, loaded), loaded.problems


def check_results(files: list[LoadedResults], entries: list[LoadedEntry], bibliography: Bibliography) -> list[Problem]:
    by_id = {entry.id: entry for entry in entries}
    problems: list[Problem] = []
    for results in files:
        problems.extend(_file_problems(results, by_id, bibliography))
    return problems


def _file_problems(results: LoadedResults, by_id: dict[str, LoadedEntry], bibliography: Bibliography) -> Iterable[Problem]:
    stem = Path(results.path).stem
    if stem != results.model.model:
        yield results.problem("UMM607", f"this file holds results of `{results.model.model}`; name it {results.model.model}.yaml", "model")
    model = by_id.get(results.model.model)
    if model is None or model.kind is not Kind.MODEL:
        yield results.problem("UMM601", f"`{results.model.model}` is not a model entry", "model")
    seen: dict[tuple, int] = {}
    for index, result in enumerate(results.model.results):
        yield from _result_problems(results, index, result, by_id, bibliography)
        identity = (result.benchmark, result.metric, result.setting.model_dump_json(), result.source.bibkey)
        if identity in seen:
            yield results.problem("UMM606", f"the same result as entry {seen[identity] + 1} of this file (same benchmark, metric, setting and source)", "results", index)
        seen.setdefault(identity, index)


PRINTED_NUMBER = re.compile(r"[-+]?(\d+(\.\d*)?|\.\d+)%?")


def printed_on_another_scale(printed: str, value: float) -> bool:
    """True when `printed` (`0.340`, `34%`) is `value` times or divided by a power of ten up to a thousand."""
    text = printed.strip()
    if not PRINTED_NUMBER.fullmatch(text):
        return False
    number = float(text.rstrip("%")) / (100 if text.endswith("%") else 1)
    return any(math.isclose(number * 10.0 ** power, value, rel_tol=1e-9, abs_tol=1e-12) for power in range(-3, 4))


def _result_problems(results: LoadedResults, index: int, result, by_id: dict[str, LoadedEntry], bibliography: Bibliography) -> Iterable[Problem]:
    benchmark = by_id.get(result.benchmark)
    if benchmark is None or benchmark.kind is not Kind.BENCHMARK:
        yield results.problem("UMM602", f"`{result.benchmark}` is not a benchmark entry", "results", index, "benchmark")
    else:
        metrics = {metric.id: metric for metric in benchmark.model.metrics}
        metric = metrics.get(result.metric)
        if metric is None:
            yield results.problem("UMM603", f"{result.benchmark} defines no metric `{result.metric}`; it has: {', '.join(sorted(metrics))}", "results", index, "metric")
        elif (metric.min is not None and result.value < metric.min) or (metric.max is not None and result.value > metric.max):
            bounds = "–".join("" if bound is None else f"{bound:g}" for bound in (metric.min, metric.max))
            yield results.problem("UMM604", f"{result.value:g} is outside {metric.name}'s range {bounds}", "results", index, "value")
    if result.as_printed is not None and not printed_on_another_scale(result.as_printed, result.value):
        yield results.problem("UMM608", f"as_printed `{result.as_printed}` is not {result.value:g} on another scale (times or divided by 10, 100 or 1000, or as a percentage)", "results", index, "as_printed")
    if result.source.bibkey not in bibliography.records:
        yield results.problem("UMM605", f"source `{result.source.bibkey}` has no record in references.bib", "results", index, "source", "bibkey")
