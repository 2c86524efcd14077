"""charts.yaml against the catalogue: every benchmark the scatter chart offers exists and has the metric."""

from __future__ import annotations

from collections.abc import Iterable

from umm_survey.load.entries import LoadedEntry
from umm_survey.load.vocab import Vocabulary
from umm_survey.problems import Problem
from umm_survey.schema import Kind


def check_charts(vocabulary: Vocabulary, entries: list[LoadedEntry], display: str) -> Iterable[Problem]:
    if vocabulary.scatter is None:
        return
    benchmarks = {entry.id: entry for entry in entries if entry.kind is Kind.BENCHMARK}
    for side in ("understanding", "generation"):
        for index, axis in enumerate(getattr(vocabulary.scatter, side)):
            where = lambda field: vocabulary.scatter_positions.position(("scatter", side, index, field))  # noqa: E731
            benchmark = benchmarks.get(axis.benchmark)
            if benchmark is None:
                yield Problem(display, *where("benchmark"), "UMM504", f"`{axis.benchmark}` is not a benchmark entry", f"scatter.{side}.{index}.benchmark")
            elif axis.metric not in {metric.id for metric in benchmark.model.metrics}:
                names = ", ".join(metric.id for metric in benchmark.model.metrics)
                yield Problem(display, *where("metric"), "UMM504", f"{axis.benchmark} defines no metric `{axis.metric}`; it has: {names}", f"scatter.{side}.{index}.metric")
