"""Shared by the research scripts that add model facts: one fenced way to give an entry architecture parts,
their sources and `not_stated` marks, adding only what the entry lacks."""

from __future__ import annotations

import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from fence import write_catalogue_file  # noqa: E402

from umm_survey.authoring.entryfile import yaml_writer  # noqa: E402
from umm_survey.authoring.formatting import format_entry  # noqa: E402
from umm_survey.load.vocab import component_key  # noqa: E402
from umm_survey.schema import FACT_MARKS, PART_NAMES, Kind  # noqa: E402


def add_components(proposed: list[dict]) -> int:
    """Add new components to components.yaml, and new aliases to known ones; how many additions."""
    path = ROOT / "catalogue" / "components.yaml"
    writer = yaml_writer()
    catalogue = writer.load(path.read_text(encoding="utf-8"))
    known = {component["id"]: component for component in catalogue["components"]}
    changes = 0
    for component in proposed:
        if component["id"] not in known:
            catalogue["components"].append(component)
            changes += 1
            continue
        present = {component_key(spelling) for spelling in [known[component["id"]]["name"], *known[component["id"]].get("aliases", [])]}
        for alias in component.get("aliases", []):
            if component_key(alias) not in present:
                known[component["id"]].setdefault("aliases", []).append(alias)
                present.add(component_key(alias))
                changes += 1
    if changes:
        buffer = io.StringIO()
        writer.dump(catalogue, buffer)
        write_catalogue_file(path, buffer.getvalue())
    return changes




def add_facts(entry_id: str, facts: dict, sources: dict, default_source: str, not_stated: list[str] = (), note: str | None = None,
              unchecked: list[str] = (), not_applicable: list[str] = (), settle_unchecked: bool = False) -> bool:
    """Give the model the parts it lacks (each with its source), mark the facts it lacks `not_stated` (read,
    not given), `unchecked` (could not be read) or `not_applicable` (the model has no such part), and add
    `note` as its fact_note when it has none. Release facts (sizes, weights, licence, organisation) go to
    their own fields. A fact the entry has, or already marks, is left alone; with `settle_unchecked`, a fact it
    marks `unchecked` is taken out of that list when `facts`, `not_stated` or `not_applicable` settle it.
    True when the file changed."""
    path = ROOT / "catalogue" / "models" / f"{entry_id}.yaml"
    if not path.exists():
        return False
    writer = yaml_writer()
    document = writer.load(path.read_text(encoding="utf-8"))
    settled = []
    if settle_unchecked:
        settled = [fact for fact in document.get("unchecked", []) if fact in facts or fact in not_stated or fact in not_applicable]
        left = [fact for fact in document.get("unchecked", []) if fact not in settled]
        if left:
            document["unchecked"] = left
        elif "unchecked" in document:
            del document["unchecked"]
    closed = {fact for mark in FACT_MARKS for fact in document.get(mark, [])}
    architecture = document.get("architecture") or {}
    known = dict(document.get("fact_sources") or {})
    added = []
    for fact, value in facts.items():
        holder = architecture if fact in PART_NAMES else document
        if fact in closed or holder.get(fact) not in (None, [], ""):
            continue
        holder[fact] = value
        if fact != "licence_url":
            known.setdefault(fact, sources.get(fact, default_source))
        added.append(fact)
    if added:
        if architecture:
            document["architecture"] = architecture
        document["fact_sources"] = known
    marks = 0
    for field, facts_marked in (("not_stated", not_stated), ("unchecked", unchecked), ("not_applicable", not_applicable)):
        new = [fact for fact in facts_marked if fact not in closed and (architecture if fact in PART_NAMES else document).get(fact) in (None, [], "")]
        if new:
            document[field] = list(document.get(field, [])) + new
            closed.update(new)
            marks += len(new)
    noted = bool(note) and "fact_note" not in document
    if noted:
        document["fact_note"] = note
    if not (added or marks or noted or settled):
        return False
    buffer = io.StringIO()
    writer.dump(document, buffer)
    return write_catalogue_file(path, format_entry(buffer.getvalue(), Kind.MODEL))
