"""A model's architecture as a small SVG drawn at build time: encoders -> backbone -> generation decoder.

Colours come from CSS variables (light and dark schemes); every text is escaped; the figure holds no
links (the facts table after it links each component's page).
"""

from __future__ import annotations

import textwrap
from typing import Any

from markupsafe import Markup, escape

BOX_WIDTH, BOX_HEIGHT, GAP = 170, 58, 40
WIDTH = 3 * BOX_WIDTH + 2 * GAP + 20
HEIGHT = 2 * BOX_HEIGHT + 50
LINE_CHARACTERS = 24
ABSENT = {"not_stated": "not stated", "unchecked": "not checked yet", "not_applicable": "none", "unrecorded": "not recorded yet"}


def _box(x: int, y: int, heading: str, names: list[str], absent: str = "") -> str:
    lines = [line for name in names or [absent] for line in textwrap.wrap(name, LINE_CHARACTERS)][:3]
    texts = [f'<text x="{x + 8}" y="{y + 16}" class="umm-diagram-role">{escape(heading)}</text>']
    texts += [f'<text x="{x + 8}" y="{y + 31 + 12 * index}">{escape(line)}</text>' for index, line in enumerate(lines)]
    style = "umm-diagram-box" if names else "umm-diagram-box umm-diagram-missing"
    return f'<rect x="{x}" y="{y}" width="{BOX_WIDTH}" height="{BOX_HEIGHT}" rx="6" class="{style}"/>' + "".join(texts)


def _arrow(x1: float, y1: float, x2: float, y2: float) -> str:
    return f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" class="umm-diagram-arrow" marker-end="url(#umm-arrow)"/>'


def architecture_svg(facts: dict[str, Any], model_name: str) -> Markup:
    """The diagram, or nothing when the entry names no part at all."""
    parts = facts["parts"]
    if not any(parts.values()):
        return Markup("")
    names = {role: [part["written"] for part in items] for role, items in parts.items()}
    absent = {role: ABSENT[facts["missing"].get(role, "unrecorded")] for role in names}
    left, middle, right = 10, 10 + BOX_WIDTH + GAP, 10 + 2 * (BOX_WIDTH + GAP)
    top, bottom = 20, 30 + BOX_HEIGHT
    centre = (top + bottom + BOX_HEIGHT) / 2  # midway between the two encoders' middles
    attention = facts["attention"]
    backbone = names["backbone"] + ([f"attention: {attention}"] if attention else [])
    body = [
        _box(left, top, "Understanding encoder", names["understanding_encoder"], absent["understanding_encoder"]),
        _box(left, bottom, "Generation encoder", names["generation_encoder"], absent["generation_encoder"]),
        _box(middle, int(centre - BOX_HEIGHT / 2), "Backbone", backbone, absent["backbone"]),
        _box(right, int(centre - BOX_HEIGHT / 2), "Generation decoder", names["generation_decoder"], absent["generation_decoder"]),
        _arrow(left + BOX_WIDTH, top + BOX_HEIGHT / 2, middle - 4, centre - 8),
        _arrow(left + BOX_WIDTH, bottom + BOX_HEIGHT / 2, middle - 4, centre + 8),
        _arrow(middle + BOX_WIDTH, centre, right - 4, centre),
    ]
    description = "; ".join(f"{role.replace('_', ' ')}: {', '.join(items) or absent[role]}" for role, items in names.items())
    return Markup(
        f'<svg class="umm-diagram" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" role="img" aria-labelledby="umm-diagram-title umm-diagram-desc">'
        f'<title id="umm-diagram-title">Architecture of {escape(model_name)}</title><desc id="umm-diagram-desc">{escape(description)}</desc>'
        '<defs><marker id="umm-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
        '<path d="M0,0 L10,5 L0,10 z" class="umm-diagram-head"/></marker></defs>' + "".join(body) + "</svg>"
    )
