"""Write a planned import: new entry files and their BibTeX records, never overwriting anything."""

from __future__ import annotations

from pathlib import Path

from ..atomic import write_text_atomic
from ..catalogue import Catalogue
from ..entryfile import dump_entry, format_record, protect_title
from .plan import TODO, ImportPlan, PlannedEntry


def venue_fields(venue_text: str, date: str, vocabulary) -> tuple[str, dict[str, str]]:
    """The record type and the year/booktitle/journal/howpublished fields that agree with a venue (see UMM411)."""
    fields = {"year": date[:4]}
    venue = vocabulary.split_venue(venue_text)
    if venue is None:
        return "misc", fields
    if venue[0].type == "online":
        return "misc", {**fields, "howpublished": venue[0].full}
    entry_type = "article" if venue[0].type == "journal" else "inproceedings"
    return entry_type, {"year": str(venue[1]), ("journal" if entry_type == "article" else "booktitle"): venue[0].full}


def bib_record(planned: PlannedEntry, catalogue: Catalogue) -> str:
    data = planned.data
    entry_type, venue = venue_fields(data["venue"], data["date"], catalogue.vocabulary)
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
        bib_path = catalogue.root / "references.bib"
        existing = bib_path.read_text(encoding="utf-8") if bib_path.exists() else ""
        write_text_atomic(bib_path, existing.rstrip("\n") + ("\n\n" if existing.strip() else "") + "\n".join(records))
    return written
