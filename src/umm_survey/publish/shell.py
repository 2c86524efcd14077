"""The theme's page around a page's own parts, rendered once and filled in for every page like it.

Entry and component pages sit outside the navigation, and the theme lays each of them out the same way
apart from its title, its description and its content: at 10,000 entries that layout was half of the
build. A `Shell` is the theme's output for a probe page whose varying parts are marker texts, cut at the
markers; a page is then its shell with its own parts put in, each rendered by the theme's own expression
so that it is escaped exactly as the theme escapes it.

A shell is only used once it is known to be right: the probe must leave no marker the cut did not
account for, and the second page of every shell is rendered both ways and must come out the same;
otherwise those pages are laid out by the theme as before. `tests/test_engine.py` compares whole sites.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import jinja2

PROBE = "ummshellprobe"
# the expressions through which the theme shows a page's own parts, and the probe value each reads
PARTS = {
    "title": "{{ page.title }}",
    "title_text": "{{ page.title | striptags }}",
    "meta_title": "{{ page.meta.title }}",
    "description": "{{ page.meta.description }}",
    "content": "{{ page.content }}",
}
# markup in the probe values makes each expression's output differ (escaped, tags stripped, as is)
PROBE_VALUES = {
    "title": f"{PROBE}-title<i>&amp;</i>",
    "meta_title": f"{PROBE}-meta-title<i>&amp;</i>",
    "description": f"{PROBE}-description<i>&amp;</i>",
    "content": f"{PROBE}-content<i>&amp;</i>",
}


class ProbePage:
    """A page as the theme sees it, with marker texts for its title, description and content.

    Each marker is there only where the page has that part, and the content marker holds a heading when
    the page's content does, so that the theme takes the same branches for the probe as for the page."""

    def __init__(self, page: Any) -> None:
        self._page = page
        self.meta = dict(page.meta)
        if page.meta.get("description"):
            self.meta["description"] = PROBE_VALUES["description"]
        if "title" in page.meta:
            self.meta["title"] = PROBE_VALUES["meta_title"]
        self.title = PROBE_VALUES["title"] if page.title else page.title
        self.content = PROBE_VALUES["content"] + ("<h1>" if "<h1" in (page.content or "") else "")

    def __getattr__(self, name: str) -> Any:
        return getattr(self._page, name)


def shape(page: Any) -> tuple:
    """What decides the theme's branches for a page, apart from its folder and template: pages of one shape share a shell."""
    others = tuple(sorted((name, repr(value)) for name, value in page.meta.items() if name not in {"title", "description"}))
    return (bool(page.title), "title" in page.meta, bool(page.meta.get("description")), "<h1" in (page.content or ""), others)


@dataclass
class Shell:
    pieces: list[str]  # the theme's text between the parts
    parts: list[str]  # which part goes after each piece but the last

    def fill(self, values: dict[str, str]) -> str:
        return "".join(piece + values[part] for piece, part in zip(self.pieces, self.parts)) + self.pieces[-1]


def part_templates(environment: jinja2.Environment) -> dict[str, jinja2.Template]:
    return {name: environment.from_string(expression) for name, expression in PARTS.items()}


def part_values(templates: dict[str, jinja2.Template], page: Any) -> dict[str, str]:
    """Each part of `page` as the theme would print it."""
    return {name: template.render(page=page) for name, template in templates.items()}


def cut_shell(probe_output: str, probe_parts: dict[str, str]) -> Shell | None:
    """The shell in the theme's output for the probe page, or None when a marker is left that no part explains
    (the theme shows a part some other way) or two parts print alike (they could not be told apart)."""
    forms = {value: name for name, value in probe_parts.items() if PROBE in value}
    if len(forms) != sum(PROBE in value for value in probe_parts.values()):
        return None
    pattern = re.compile("|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True)))
    pieces, parts, start = [], [], 0
    for match in pattern.finditer(probe_output):
        pieces.append(probe_output[start:match.start()])
        parts.append(forms[match.group()])
        start = match.end()
    pieces.append(probe_output[start:])
    if "content" not in parts or any(PROBE in piece for piece in pieces):
        return None
    return Shell(pieces, parts)
