"""The Atom feed of the newest additions (feed.xml), built from the resolved entries. Pure: returns text."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape, quoteattr

from umm_survey.load.vocab import Vocabulary

FEED_SIZE = 30
FEED_ID = "tag:umm-survey,2025:feed"


def _entry_xml(entry: dict[str, Any], vocabulary: Vocabulary) -> str:
    groups = [vocabulary.groups[group_id] for group_id in entry["groups"] if group_id in vocabulary.groups]
    summary = entry.get("summary") or entry["title"]
    categories = "".join(f"<category term={quoteattr(group.id)} label={quoteattr(group.title)}/>" for group in groups)
    authors = "".join(f"<author><name>{escape(author)}</name></author>" for author in entry["authors"][:20]) or "<author><name>unknown</name></author>"
    updated = f"{entry['date']}T00:00:00Z"
    group_text = ", ".join(group.title for group in groups)
    return (
        f"<entry><id>tag:umm-survey,2025:entry/{escape(entry['id'])}</id>"
        f"<title>{escape(entry['plain_name'])}: {escape(entry['title'])}</title>"
        f"<link rel=\"alternate\" type=\"text/html\" href={quoteattr('entries/' + entry['id'] + '.html')}/>"
        f"<updated>{updated}</updated><published>{updated}</published>{authors}{categories}"
        f"<summary>{escape(summary)} ({escape(entry['kind'])}; {escape(group_text)}; first released {entry['date']})</summary></entry>"
    )


def atom_feed(entries: list[dict[str, Any]], vocabulary: Vocabulary, title: str) -> str:
    """The newest entries by first release date, newest first; `updated` is the newest entry's date."""
    newest = sorted(entries, key=lambda entry: (entry["date"], entry["id"]), reverse=True)[:FEED_SIZE]
    updated = f"{newest[0]['date']}T00:00:00Z" if newest else "1970-01-01T00:00:00Z"
    body = "".join(_entry_xml(entry, vocabulary) for entry in newest)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<feed xmlns="http://www.w3.org/2005/Atom"><id>{FEED_ID}</id><title>{escape(title)}: newest entries</title>'
        f'<link rel="self" type="application/atom+xml" href="feed.xml"/><link rel="alternate" type="text/html" href="index.html"/>'
        f"<updated>{updated}</updated><generator>umm-survey</generator>{body}</feed>\n"
    )
