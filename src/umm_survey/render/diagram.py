"""A model's architecture as a small SVG drawn at build time: encoders -> backbone -> generation decoder.

Drawn twice from one description of the boxes: wide (encoders left, backbone, decoder right) for a
desktop, and tall (encoders on top, backbone, decoder below) that fits a phone's width at a legible size;
the stylesheet shows one of the two. Colours come from CSS variables (light and dark schemes); every text
is escaped; the figure holds no links (the facts table after it links each component's page).
"""

from __future__ import annotations

import textwrap
from typing import Any, NamedTuple

from markupsafe import Markup, escape

from umm_survey.link.modelfacts import ATTENTION_LABELS, FACT_LABELS, PART_ROLES

BOX_HEIGHT = 58
LINE_CHARACTERS = 24
ABSENT = {"not_stated": "not stated", "unchecked": "not checked yet", "not_applicable": "none", "unrecorded": "not recorded yet"}
ROLES = dict(PART_ROLES)  # role -> the heading of its box


class Layout(NamedTuple):
    """Where each box sits (its top-left corner), where the attention caption starts, the arrows and the canvas."""

    name: str
    width: int
    height: int
    box_width: int
    boxes: dict[str, tuple[int, int]]
    caption: tuple[int, int]
    caption_characters: int
    arrows: tuple[tuple[float, float, float, float], ...]


def _wide() -> Layout:
    box, gap = 170, 40
    left, middle, right = 10, 10 + box + gap, 10 + 2 * (box + gap)
    top, bottom = 20, 30 + BOX_HEIGHT
    centre = (top + bottom + BOX_HEIGHT) / 2  # midway between the two encoders' middles
    middle_top = int(centre - BOX_HEIGHT / 2)
    boxes = {"understanding_encoder": (left, top), "generation_encoder": (left, bottom), "backbone": (middle, middle_top), "generation_decoder": (right, middle_top)}
    arrows = ((left + box, top + BOX_HEIGHT / 2, middle - 4, centre - 8), (left + box, bottom + BOX_HEIGHT / 2, middle - 4, centre + 8), (middle + box, centre, right - 4, centre))
    return Layout("wide", 3 * box + 2 * gap + 20, 2 * BOX_HEIGHT + 50, box, boxes, (middle, middle_top + BOX_HEIGHT + 16), 44, arrows)


def _tall() -> Layout:
    box, gap = 160, 10
    left, right, middle = 10, 10 + box + gap, 10 + (box + gap) // 2
    top, backbone_top = 10, 10 + BOX_HEIGHT + 34
    decoder_top = backbone_top + BOX_HEIGHT + 50
    centre = middle + box // 2
    boxes = {"understanding_encoder": (left, top), "generation_encoder": (right, top), "backbone": (middle, backbone_top), "generation_decoder": (middle, decoder_top)}
    arrows = ((left + box / 2, top + BOX_HEIGHT, centre - 20, backbone_top - 4), (right + box / 2, top + BOX_HEIGHT, centre + 20, backbone_top - 4), (centre, backbone_top + BOX_HEIGHT, centre, decoder_top - 4))
    caption = (centre - 2, backbone_top + BOX_HEIGHT + 14)  # beside the arrow down to the decoder
    return Layout("tall", 2 * box + gap + 20, decoder_top + BOX_HEIGHT + 10, box, boxes, caption, 28, arrows)


LAYOUTS = (_wide(), _tall())


def _box(x: int, y: int, width: int, heading: str, names: list[str], absent: str = "") -> str:
    lines = [line for name in names or [absent] for line in textwrap.wrap(name, LINE_CHARACTERS)][:3]
    texts = [f'<text x="{x + 8}" y="{y + 16}" class="umm-diagram-role">{escape(heading)}</text>']
    texts += [f'<text x="{x + 8}" y="{y + 31 + 12 * index}">{escape(line)}</text>' for index, line in enumerate(lines)]
    style = "umm-diagram-box" if names else "umm-diagram-box umm-diagram-missing"
    return f'<rect x="{x}" y="{y}" width="{width}" height="{BOX_HEIGHT}" rx="6" class="{style}"/>' + "".join(texts)


def _caption(x: int, y: int, characters: int, attention: str) -> str:
    """The attention mask in words, wrapped to the room the layout has."""
    lines = textwrap.wrap(f"attention: {attention}", characters)
    return "".join(f'<text x="{x + 8}" y="{y + 12 * index}" class="umm-diagram-caption">{escape(line)}</text>' for index, line in enumerate(lines))


def _arrow(layout: str, x1: float, y1: float, x2: float, y2: float) -> str:
    return f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" class="umm-diagram-arrow" marker-end="url(#umm-arrow-{layout})"/>'


def _drawing(layout: Layout, names: dict[str, list[str]], absent: dict[str, str], attention: str | None, title: str, description: str) -> str:
    ids = f"umm-diagram-{layout.name}"
    body = [_box(*layout.boxes[role], layout.box_width, heading, names[role], absent[role]) for role, heading in ROLES.items()]
    body += [_caption(*layout.caption, layout.caption_characters, attention)] if attention else []
    body += [_arrow(layout.name, *arrow) for arrow in layout.arrows]
    return (
        f'<svg class="umm-diagram umm-diagram-{layout.name}" viewBox="0 0 {layout.width} {layout.height}" width="{layout.width}" height="{layout.height}" role="img" aria-labelledby="{ids}-title {ids}-desc">'
        f'<title id="{ids}-title">{escape(title)}</title><desc id="{ids}-desc">{escape(description)}</desc>'
        f'<defs><marker id="umm-arrow-{layout.name}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
        '<path d="M0,0 L10,5 L0,10 z" class="umm-diagram-head"/></marker></defs>' + "".join(body) + "</svg>"
    )


def architecture_svg(facts: dict[str, Any], model_name: str) -> Markup:
    """The diagram in both layouts, or nothing when the entry names no part at all."""
    parts = facts["parts"]
    if not any(parts.values()):
        return Markup("")
    names = {role: [part["shown"] for part in parts[role]] for role in ROLES}
    absent = {role: ABSENT[facts["missing"].get(role, "unrecorded")] for role in ROLES}
    attention = ATTENTION_LABELS.get(facts["attention"], facts["attention"]) if facts["attention"] else None  # in words (the id for a value without a label)
    description = "; ".join(f"{role.replace('_', ' ')}: {', '.join(items) or absent[role]}" for role, items in names.items())
    if attention:
        description += f"; {FACT_LABELS['attention'].lower()}: {attention}"
    return Markup("".join(_drawing(layout, names, absent, attention, f"Architecture of {model_name}", description) for layout in LAYOUTS))
