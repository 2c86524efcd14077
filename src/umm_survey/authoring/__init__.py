"""Authoring: the canonical entry and BibTeX writer, `fmt`'s formatting and the awesome-list importer."""
