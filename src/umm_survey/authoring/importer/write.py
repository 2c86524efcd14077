"""Write a planned import: new entry files and their BibTeX records, never overwriting anything."""

from __future__ import annotations

from pathlib import Path

from umm_survey.authoring.entryfile import append_records, dump_entry, format_record, protect_title
from umm_survey.authoring.importer.plan import TODO, ImportPlan, PlannedEntry
from umm_survey.checks.catalogue import Catalogue
from umm_survey.publish.atomic import write_text_atomic


def bib_record(planned: PlannedEntry, catalogue: Catalogue) -> str:
    data = planned.data
    entry_type, venue = catalogue.vocabulary.record_fields(data["venue"], data["date"])
    fields = {"author": TODO, "title": protect_title(data["title"]), **venue}
    if data.get("arxiv"):
        fields.update(eprint=data["arxiv"], archiveprefix="arXiv", primaryclass="cs.CV")
    elif data.get("paper") or data.get("data"):
        fields["url"] = data.get("paper") or data.get("data")
    return format_record(data["bibkey"], entry_type, fields)


def write_plan(plan: ImportPlan, catalogue: Catalogue) -> list[Path]:
    """Entry files first (each skipped if it exists), then references.bib rewritten once, atomically."""
    written, records, keys = [], [], set(catalogue.bibliography.records)
    for planned in plan.new:
        target = catalogue.root / planned.kind.folder / f"{planned.id}.yaml"
        if target.exists():
            continue
        write_text_atomic(target, dump_entry(planned.kind, planned.data))
        written.append(target)
        if planned.data["bibkey"] not in keys:
            keys.add(planned.data["bibkey"])
            records.append(bib_record(planned, catalogue))
    if records:
        append_records(catalogue.root / "references.bib", records)
    return written
