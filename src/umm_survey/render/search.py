"""The search index's documents for entry, group, component and leaderboard pages, from their fields.

Indexing the built pages would run table cells together ("BenchmarkMetricValue…") and grow with every
BibTeX block and related-entry list; a document made of the fields a reader searches for reads well as a
snippet and stays small. The theme's search plugin still indexes the few prose pages (home, scope,
contribute, statistics) itself.

Titles and texts in the index are HTML, as the theme's own documents are (the search worker puts them
into the results as markup), so ours are escaped here.
"""

from __future__ import annotations

import html
from typing import Any

from umm_survey.load.vocab import Vocabulary
from umm_survey.render.text import plain_text


def search_documents(entries: list[dict[str, Any]], vocabulary: Vocabulary, boards: list[str]) -> list[dict[str, str]]:
    documents = [_entry_document(entry, vocabulary) for entry in entries]
    names = {entry["id"]: entry["plain_name"] for entry in entries}
    for group in vocabulary.groups.values():
        documents.append({"location": f"groups/{group.id}.html", "title": plain_text(group.title), "text": plain_text(group.description or "")})
    for board in boards:
        documents.append({"location": f"leaderboards/{board}.html", "title": f"{names.get(board, board)} leaderboard", "text": f"Scores of unified models on {names.get(board, board)}"})
    documents += [
        {"location": "compare.html", "title": "Compare models", "text": "Architecture, sizes, weights, licence and results of unified models side by side"},
        {"location": "timeline.html", "title": "Timeline", "text": "Unified models by month of first release"},
        {"location": "components/index.html", "title": "Components", "text": "Language models, vision encoders, tokenizers, VAEs and diffusion models that unified models are built from"},
    ]
    for component in vocabulary.components.values():
        documents.append({"location": f"components/{component.id}.html", "title": component.name, "text": f"{component.kind.value.replace('-', ' ')} used by unified models"})
    return [{**document, "title": html.escape(document["title"], quote=False), "text": html.escape(document["text"], quote=False)} for document in documents]


def _entry_document(entry: dict[str, Any], vocabulary: Vocabulary) -> dict[str, str]:
    groups = ", ".join(plain_text(vocabulary.groups[group].title) for group in entry["groups"] if group in vocabulary.groups)
    parts = [plain_text(entry["title"]), ", ".join(entry.get("authors") or []), entry["venue"] if entry["venue"] != "arXiv" else f"arXiv {entry['date'][:4]}", groups]
    if entry.get("summary"):
        parts.append(plain_text(entry["summary"]))
    return {"location": f"entries/{entry['id']}.html", "title": entry["plain_name"], "text": " · ".join(part for part in parts if part)}
