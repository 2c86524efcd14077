"""Leaderboards: results grouped per benchmark into rows (model and setting) and metric columns.

Pure functions over resolved results; the templates only lay the rows out.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Any

from umm_survey.link.resolve import setting_text


def results_by(results: list[dict[str, Any]], key: str) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for result in results:
        grouped[result[key]].append(result)
    return dict(grouped)


def leaderboard(benchmark: dict[str, Any], results: list[dict[str, Any]]) -> dict[str, Any]:
    """Columns: the benchmark's metrics that have numbers; rows: one per model and setting, best first."""
    used = {result["metric"] for result in results}
    metrics = [metric for metric in benchmark["metrics"] if metric["id"] in used]
    rows: dict[tuple[str, str, str], dict[str, Any]] = {}
    for result in results:
        row_key = (result["model"], result["setting_text"], result["source"]["reported_by"])
        if row_key not in rows:
            rows[row_key] = {
                "model": result["model"], "model_name": result["model_name"], "family": result["family"] or "",
                "size": result["size"], "size_value": result.get("size_params"), "setting_text": result["setting_text"], "cells": {},
                "reported_by": result["source"]["reported_by"],
                "details": setting_text({key: value for key, value in result["setting"].items() if key not in {"size", "prompt_rewriting"}}),
                "rewriting": result["setting"].get("prompt_rewriting"), "rerun": None, "gap": None, "gap_value": None,
            }
        row = rows[row_key]
        row["cells"][result["metric"]] = {"value": result["value"], "printed": result["printed"], "as_printed": result["as_printed"], "source": result["source"]}
    for row in rows.values():
        _share_source(row)
    lead = metrics[0] if metrics else None

    def rank(row: dict[str, Any]) -> tuple:
        cell = row["cells"].get(lead["id"]) if lead else None
        if cell is None:
            return (1, 0.0, row["model_name"].lower())
        return (0, -cell["value"] if lead["higher_is_better"] else cell["value"], row["model_name"].lower())

    ordered = sorted(rows.values(), key=rank)
    reruns = _pair_reruns(ordered, lead)
    return {
        "reruns": reruns,
        "benchmark": benchmark,
        "metrics": metrics,
        "rows": ordered,
        "families": sorted({row["family"] for row in ordered if row["family"]}),
        "sizes": [text for text, _value in sorted({row["size"]: row["size_value"] for row in ordered if row["size"]}.items(), key=_size_order)],
    }


def _pair_reruns(rows: list[dict[str, Any]], lead: dict[str, Any] | None) -> bool:
    """Give each reported row the independent re-run of the same model and size on the lead metric, and the gap."""
    if lead is None:
        return False
    reruns = {(row["model"], row["size"]): row["cells"][lead["id"]] for row in rows if row["reported_by"] == "reproduced" and lead["id"] in row["cells"]}
    paired = False
    for row in rows:
        mine, theirs = row["cells"].get(lead["id"]), reruns.get((row["model"], row["size"]))
        if row["reported_by"] != "reproduced" and mine and theirs:
            digits = max(_decimals(mine["printed"]), _decimals(theirs["printed"]))
            row["rerun"], row["gap"] = theirs, f"{theirs['value'] - mine['value']:+.{digits}f}"
            row["gap_value"] = theirs["value"] - mine["value"]
            paired = True
    return paired


def _decimals(printed: str) -> int:
    return len(printed.split(".")[1]) if "." in printed else 0


def _source_key(source: dict[str, Any]) -> tuple:
    return (source["bibkey"], source["table"])  # a row's cells share their kind of source (own, quoted, re-run): it is in the row's key


def _share_source(row: dict[str, Any]) -> None:
    """The row's source is the one most of its cells share (first on a tie); a cell names its own only when it differs."""
    keys = [_source_key(cell["source"]) for cell in row["cells"].values()]
    shared = max(keys, key=keys.count)
    row["source"] = next(cell["source"] for cell in row["cells"].values() if _source_key(cell["source"]) == shared)
    for cell in row["cells"].values():
        cell["own_source"] = _source_key(cell["source"]) != shared


def _size_order(size: tuple[str, float | None]) -> tuple[float, str]:
    """Sizes by their number of parameters (from the link stage), then by text; sizes without a number last."""
    text, value = size
    return (value if value is not None else float("inf"), text)


def scatter_points(results: list[dict[str, Any]], across: Any, up: Any) -> list[dict[str, Any]]:
    """Models with a reading on both axes (charts.yaml's `ScatterAxis`) in their own paper, paired within one model size, never with rewritten prompts."""
    axes = {"x": across, "y": up}
    readings: dict[tuple[str, str], dict[str, dict[str, Any]]] = defaultdict(dict)
    for result in results:
        for name, axis in axes.items():
            if (result["benchmark"], result["metric"]) == (axis.benchmark, axis.metric) and result["source"]["reported_by"] == "own" \
                    and not result["setting"].get("prompt_rewriting") and result["setting"].get("split") not in axis.skip_splits:
                readings[(result["model"], result["size"])].setdefault(name, result)
    points = []
    for (model, size), pair in sorted(readings.items()):
        if "x" in pair and "y" in pair:
            label = f"{pair['x']['model_name']} {size}".strip()
            points.append({"model": model, "label": label, "family": pair["x"]["family"], "x": pair["x"]["value"], "y": pair["y"]["value"],
                           "x_printed": pair["x"]["printed"], "y_printed": pair["y"]["printed"]})
    return points


def fitted_range(values: list[float], ticks: int = 5) -> tuple[float, float]:
    """An axis range around the values, on round numbers (steps of 1, 2 or 5 times a power of ten)."""
    low, high = min(values), max(values)
    if high == low:
        low, high = low - 1, high + 1
    rough = (high - low) / ticks
    power = 10 ** math.floor(math.log10(rough))
    step = next(multiple * power for multiple in (1, 2, 5, 10) if multiple * power >= rough)
    return round(math.floor(low / step) * step, 10), round(math.ceil(high / step) * step, 10)


def scatter_charts(results: list[dict[str, Any]], scatter: Any, name_of: dict[str, str]) -> list[dict[str, Any]]:
    """One chart per choice of axes in charts.yaml: its points and fitted ranges (charts with no point are left out)."""
    charts = []
    for across in scatter.understanding if scatter else []:
        for up in scatter.generation:
            points = scatter_points(results, across, up)
            if not points:
                continue
            charts.append({
                "id": f"{across.benchmark}-{up.benchmark}", "x_benchmark": across.benchmark, "y_benchmark": up.benchmark,
                "x_label": f"{name_of.get(across.benchmark, across.benchmark)} {across.metric}", "y_label": f"{name_of.get(up.benchmark, up.benchmark)} {up.metric}",
                "points": points, "x_range": fitted_range([point["x"] for point in points]), "y_range": fitted_range([point["y"] for point in points]),
            })
    return charts
