"""Writing a venue change: the entry's `venue` and its BibTeX record's type and fields, through the canonical writers."""

from __future__ import annotations

import io
from pathlib import Path

import bibtexparser
from bibtexparser.model import Entry as BibEntry

from umm_survey.authoring.entryfile import format_raw_record, yaml_writer
from umm_survey.authoring.formatting import format_entry
from umm_survey.publish.atomic import write_text_atomic

VENUE_FIELDS = ("booktitle", "journal", "howpublished", "year")


def apply_venue(catalogue, entry, venue: str) -> None:
    """Set the entry's venue and make its record agree (UMM411); other fields of the record are kept as written."""
    path = Path(catalogue.root) / entry.kind.folder / f"{entry.id}.yaml"
    writer = yaml_writer()
    document = writer.load(path.read_text(encoding="utf-8"))
    document["venue"] = venue
    buffer = io.StringIO()
    writer.dump(document, buffer)
    write_text_atomic(path, format_entry(buffer.getvalue(), entry.kind))
    bib_path = Path(catalogue.root) / "references.bib"
    text = bib_path.read_text(encoding="utf-8")
    record = catalogue.bibliography.records.get(entry.model.bibkey)
    if record is None or record.raw not in text:
        return
    parsed = next(block for block in bibtexparser.parse_string(record.raw, parse_stack=[]).blocks if isinstance(block, BibEntry))
    entry_type, wanted = catalogue.vocabulary.record_fields(venue, entry.model.date.isoformat())
    fields = {field.key: field.value for field in parsed.fields if field.key.lower() not in VENUE_FIELDS}
    fields.update({name: "{" + value + "}" for name, value in wanted.items()})
    write_text_atomic(bib_path, text.replace(record.raw, format_raw_record(parsed.key, entry_type, fields).rstrip("\n"), 1))
