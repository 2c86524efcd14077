"""How complete the model facts are: for each of the nine facts, how many models give it and why the
others do not, and which models still have facts nobody could check (for the statistics page)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from umm_survey.link.modelfacts import FACT_LABELS
from umm_survey.schema import FACT_NAMES

STATES = ("given", "not_stated", "not_applicable", "unchecked", "unrecorded")  # the table's columns, in order


def fact_coverage(models: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per fact: its label and the number of models in each state (`STATES`)."""
    rows = []
    for name in FACT_NAMES:
        counts = Counter("given" if name in model["facts"]["stated"] else model["facts"]["missing"][name] for model in models)
        rows.append({"fact": FACT_LABELS[name], **{state: counts.get(state, 0) for state in STATES}})
    return rows


def models_to_check(models: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The models with facts marked `unchecked`, by name, each with those facts' labels in the facts' order."""
    waiting = [(model, [FACT_LABELS[name] for name in FACT_NAMES if model["facts"]["missing"].get(name) == "unchecked"]) for model in models]
    rows = [{"id": model["id"], "name": model["plain_name"], "facts": facts} for model, facts in waiting if facts]
    return sorted(rows, key=lambda row: row["name"].lower())
