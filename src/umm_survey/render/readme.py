"""Render the catalogue as an awesome-list README (sections by taxonomy, tables, a matching contents list)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from umm_survey.load.vocab import Vocabulary
from umm_survey.render.pages import KIND_TITLES, kind_counts
from umm_survey.render.text import markdown_cell
from umm_survey.schema import Kind


def github_anchor(heading: str) -> str:
    """The anchor GitHub gives a heading: lower-case, punctuation dropped, spaces to hyphens."""
    anchor = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return anchor.replace(" ", "-")


def _size(value: int) -> str:
    for limit, suffix in ((1_000_000_000, "B"), (1_000_000, "M"), (1_000, "K")):
        if value >= limit:
            return f"{value / limit:.4g}{suffix}"
    return str(value)


def _link(url: str | None, label: str) -> str:
    return f"[{label}]({url})" if url else "-"


def _row(entry: dict[str, Any]) -> dict[str, Any]:
    links = entry["links"]
    code = links.get("code")
    owner_repo = code.removeprefix("https://github.com/").split("/")[:2] if code and code.startswith("https://github.com/") else None
    stars = f" ![GitHub Repo stars](https://img.shields.io/github/stars/{'/'.join(owner_repo)}?style=social)" if owner_repo and len(owner_repo) == 2 else ""
    return {
        "name": entry["name"],
        "title": entry["title"],
        "paper": links.get("paper") or links.get("project") or links.get("code") or "",
        "venue": entry["venue"],
        "date": entry["date"],
        "size": _size(entry["size"]) if "size" in entry else "",
        "stars": stars,
        "code_link": _link(code, "Code"),
        "demo_link": _link(links.get("demo"), "Demo"),
        "data_link": _link(links.get("data") or links.get("project"), "Data"),
    }


def readme_sections(entries: list[dict[str, Any]], vocabulary: Vocabulary) -> list[dict[str, Any]]:
    """Kind headings, then each group (depth-first); rows newest first, each entry in each of its leaf groups."""
    sections: list[dict[str, Any]] = []
    seen: Counter = Counter()

    def add(title: str, depth: int, kind: Kind, description: str, rows: list[dict[str, Any]]) -> None:
        anchor = github_anchor(title)
        suffix = f"-{seen[anchor]}" if seen[anchor] else ""
        seen[anchor] += 1
        sections.append({"title": title, "anchor": anchor + suffix, "depth": depth, "kind": kind.value, "description": description, "rows": rows})

    for kind in Kind:
        add(KIND_TITLES[kind], 0, kind, "", [])
        for depth, group in vocabulary.walk(kind):
            members = [entry for entry in entries if group.id in entry["groups"]]
            members.sort(key=lambda entry: (entry["date"], entry["id"]), reverse=True)
            add(group.title, depth + 1, kind, group.description, [_row(entry) for entry in members])
    return sections


def render_readme(entries: list[dict[str, Any]], vocabulary: Vocabulary, templates: Path) -> str:
    environment = Environment(loader=FileSystemLoader(templates), autoescape=False, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    environment.filters["md"] = markdown_cell
    text = environment.get_template("readme.md.j2").render(
        sections=readme_sections(entries, vocabulary), total=len(entries), kind_counts=kind_counts(entries)
    )
    return re.sub(r"\n{3,}", "\n\n", text)
