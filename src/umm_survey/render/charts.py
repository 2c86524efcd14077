"""SVG figures drawn at build time from the resolved catalogue: the timeline and the statistics chart.

Colours are the Okabe-Ito palette (distinguishable with the common colour-vision
deficiencies) and every family also has its own marker shape, so colour is
never the only cue. Each figure has a <title> and <desc>, and the pages show
the same data as a table.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from typing import Any

from markupsafe import Markup, escape

from umm_survey.render.text import plain_text

ROW_HEIGHT = 16
MONTH_WIDTH = 150
TOP = 70
LEFT = 20


def marker(shape: str, x: float, y: float, colour: str, filled: bool, size: float = 5) -> str:
    fill = colour if filled else "white"  # a hollow marker takes the page's background from catalogue.css
    common = f'fill="{fill}" stroke="{colour}" stroke-width="1.5"' + ("" if filled else ' class="umm-hollow"')
    if shape == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{size}" {common}/>'
    if shape == "square":
        return f'<rect x="{x - size:.1f}" y="{y - size:.1f}" width="{2 * size}" height="{2 * size}" {common}/>'
    if shape == "diamond":
        points = f"{x},{y - size - 1} {x + size + 1},{y} {x},{y + size + 1} {x - size - 1},{y}"
    elif shape == "down-triangle":
        points = f"{x},{y + size + 1} {x + size + 1},{y - size} {x - size - 1},{y - size}"
    else:
        points = f"{x},{y - size - 1} {x + size + 1},{y + size} {x - size - 1},{y + size}"
    return f'<polygon points="{points}" {common}/>'


Families = dict[str, Any]  # family id -> FamilyStyle (label, colour, shape), from taxonomy.yaml, in its order


def style(families: Families, family: str | None):
    """A model's family style; a model outside every family is drawn as the first family."""
    return families.get(family or "") or next(iter(families.values()))


def _legend(families: Families, y: int, code_marker: bool) -> list[str]:
    parts = []
    for index, family in enumerate(families.values()):
        x = LEFT + index * 190
        parts.append(marker(family.shape, x + 6, y, family.colour, True))
        parts.append(f'<text x="{x + 16}" y="{y + 4}">{escape(family.label)}</text>')
    if code_marker:
        x = LEFT + len(families) * 190
        parts.append(marker("circle", x + 6, y, "currentColor", False))  # the text colour of the scheme
        parts.append(f'<text x="{x + 16}" y="{y + 4}">hollow: no public code</text>')
    return parts


def months_of(models: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Models by release month (YYYY-MM), oldest month first, names sorted within a month."""
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for model in models:
        grouped[model["date"][:7]].append(model)
    return {month: sorted(grouped[month], key=lambda model: (model["date"], model["plain_name"].lower())) for month in sorted(grouped)}


def timeline_svg(models: list[dict[str, Any]], families: Families) -> Markup:
    by_month = months_of(models)
    tallest = max((len(names) for names in by_month.values()), default=1)
    width = max(LEFT * 2 + len(by_month) * MONTH_WIDTH, 980)
    height = TOP + tallest * ROW_HEIGHT + 30
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="umm-chart" role="img" aria-labelledby="timeline-title timeline-desc" width="{width}" height="{height}" viewBox="0 0 {width} {height}">',
        '<title id="timeline-title">Timeline of unified multimodal models by release month</title>',
        f'<desc id="timeline-desc">{len(models)} models from {next(iter(by_month), "-")} to {next(reversed(by_month), "-")}, coloured and shaped by family; a hollow marker means no public code. The table below lists the same data.</desc>',
        f'<rect width="{width}" height="{height}" class="umm-chart-bg"/>',
        *_legend(families, 20, code_marker=True),
    ]
    for column, (month, members) in enumerate(by_month.items()):
        x = LEFT + column * MONTH_WIDTH
        parts.append(f'<text x="{x}" y="{TOP - 14}" class="umm-axis">{month}</text>')
        parts.append(f'<line x1="{x - 6}" y1="{TOP - 28}" x2="{x - 6}" y2="{height - 10}" class="umm-grid"/>')
        for row, model in enumerate(members):
            y = TOP + row * ROW_HEIGHT
            family = style(families, model.get("family"))
            has_code = bool(model["links"].get("code"))
            label = escape(plain_text(model["name"]))
            parts.append(f'<g><title>{label} ({model["date"]})</title>')  # no links inside role="img": the table below links each model
            parts.append(marker(family.shape, x + 4, y - 4, family.colour, has_code, 4))
            parts.append(f'<text x="{x + 13}" y="{y}">{label}</text></g>')
    parts.append("</svg>")
    return Markup("".join(parts))


def counts_by_year(models: list[dict[str, Any]]) -> tuple[list[int], dict[int, Counter]]:
    per_year: dict[int, Counter] = defaultdict(Counter)
    for model in models:
        per_year[int(model["date"][:4])][model.get("family")] += 1
    years = sorted(per_year)
    return years, per_year


def statistics_svg(models: list[dict[str, Any]], families: Families) -> Markup:
    years, per_year = counts_by_year(models)
    highest = max((count for counter in per_year.values() for count in counter.values()), default=1)
    bar, gap, chart_height = 22, 40, 260
    width = max(LEFT * 2 + 60 + len(years) * (len(families) * bar + gap), 980)
    height = chart_height + 110
    base = chart_height + 60
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="umm-chart" role="img" aria-labelledby="stats-title stats-desc" width="{width}" height="{height}" viewBox="0 0 {width} {height}">',
        '<title id="stats-title">Models per family per year</title>',
        '<desc id="stats-desc">Grouped bars: for each year, the number of models of each family. The table below lists the same numbers.</desc>',
        f'<rect width="{width}" height="{height}" class="umm-chart-bg"/>',
        *_legend(families, 20, code_marker=False),
    ]
    for index, year in enumerate(years):
        x0 = LEFT + 60 + index * (len(families) * bar + gap)
        for offset, family in enumerate(families):
            count = per_year[year][family]
            bar_height = chart_height * count / highest
            x = x0 + offset * bar
            parts.append(f'<rect x="{x}" y="{base - bar_height:.1f}" width="{bar - 3}" height="{bar_height:.1f}" fill="{families[family].colour}"><title>{year}, {escape(families[family].label)}: {count}</title></rect>')
            if count:
                parts.append(f'<text x="{x + (bar - 3) / 2:.1f}" y="{base - bar_height - 4:.1f}" text-anchor="middle">{count}</text>')
        parts.append(f'<text x="{x0 + len(families) * bar / 2:.1f}" y="{base + 20}" text-anchor="middle" class="umm-axis">{year}</text>')
    parts.append(f'<line x1="{LEFT + 50}" y1="{base}" x2="{width - LEFT}" y2="{base}" class="umm-grid"/>')
    parts.append("</svg>")
    return Markup("".join(parts))


LABEL_CHAR_WIDTH, LABEL_HEIGHT, MARKER_RADIUS = 6.2, 12.0, 6.0
# Where a label may sit around its marker, in order of preference: (dx, dy of the baseline, anchor).
LABEL_OFFSETS = ((8, -6, "start"), (8, 14, "start"), (-8, -6, "end"), (-8, 14, "end"), (0, -10, "middle"), (0, 20, "middle"))

Box = tuple[float, float, float, float]


def _overlaps(box: Box, other: Box) -> bool:
    return box[0] < other[2] and other[0] < box[2] and box[1] < other[3] and other[1] < box[3]


def _label_box(x: float, y: float, anchor: str, width: float) -> Box:
    start = {"start": x, "end": x - width, "middle": x - width / 2}[anchor]
    return (start, y - LABEL_HEIGHT + 2, start + width, y + 2)


def label_spots(markers: list[tuple[float, float]], labels: list[str], bounds: Box) -> list[tuple[float, float, str] | None]:
    """Place each label at the first spot around its marker that overlaps no marker, no placed label and stays in bounds.

    A label with no free spot is left out (None): the marker's tooltip and the table below still name it.
    """
    taken: list[Box] = [(x - MARKER_RADIUS, y - MARKER_RADIUS, x + MARKER_RADIUS, y + MARKER_RADIUS) for x, y in markers]
    spots: list[tuple[float, float, str] | None] = []
    for (x, y), label in zip(markers, labels):
        width = len(label) * LABEL_CHAR_WIDTH
        spot = None
        for dx, dy, anchor in LABEL_OFFSETS:
            box = _label_box(x + dx, y + dy, anchor, width)
            inside = bounds[0] <= box[0] and box[2] <= bounds[2] and bounds[1] <= box[1] and box[3] <= bounds[3]
            if inside and not any(_overlaps(box, other) for other in taken):
                spot = (x + dx, y + dy, anchor)
                taken.append(box)
                break
        spots.append(spot)
    return spots


def ticks(low: float, high: float) -> list[float]:
    """Between four and ten evenly spaced round values from `low` to `high` (steps of 1, 2, 2.5 or 5 times a power of ten)."""
    span = high - low
    for divisions in (5, 4, 6, 8, 10, 7, 9):
        step = span / divisions
        mantissa = round(step / 10 ** math.floor(math.log10(step)), 6)
        if mantissa in (1, 2, 2.5, 5):
            return [round(low + step * index, 10) for index in range(divisions + 1)]
    return [round(low + span * index / 5, 10) for index in range(6)]


def scatter_svg(points: list[dict[str, Any]], families: Families, x_label: str, y_label: str, x_range: tuple[float, float], y_range: tuple[float, float], chart_id: str = "scatter") -> Markup:
    """Understanding against generation: one labelled marker per model (and size), coloured and shaped by family."""
    width, height, left, top, plot_w, plot_h = 900, 620, 70, 60, 780, 480
    x0, x1 = x_range
    y0, y1 = y_range
    place_x = lambda value: left + (value - x0) / (x1 - x0) * plot_w  # noqa: E731
    place_y = lambda value: top + plot_h - (value - y0) / (y1 - y0) * plot_h  # noqa: E731
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="umm-chart" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" width="{width}" height="{height}" viewBox="0 0 {width} {height}">',
        f'<title id="{chart_id}-title">{escape(y_label)} against {escape(x_label)}</title>',
        f'<desc id="{chart_id}-desc">{len(points)} models placed by their reported {escape(x_label)} (across) and {escape(y_label)} (up), coloured and shaped by family. The table below lists the same numbers.</desc>',
        f'<rect width="{width}" height="{height}" class="umm-chart-bg"/>',
        *_legend(families, 20, code_marker=False),
        f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="none" class="umm-grid"/>',
    ]
    for x_value in ticks(x0, x1):
        parts.append(f'<line x1="{place_x(x_value):.1f}" y1="{top}" x2="{place_x(x_value):.1f}" y2="{top + plot_h}" class="umm-grid" stroke-dasharray="2 4"/>')
        parts.append(f'<text x="{place_x(x_value):.1f}" y="{top + plot_h + 16}" text-anchor="middle">{x_value:g}</text>')
    for y_value in ticks(y0, y1):
        parts.append(f'<line x1="{left}" y1="{place_y(y_value):.1f}" x2="{left + plot_w}" y2="{place_y(y_value):.1f}" class="umm-grid" stroke-dasharray="2 4"/>')
        parts.append(f'<text x="{left - 8}" y="{place_y(y_value) + 4:.1f}" text-anchor="end">{y_value:g}</text>')
    parts.append(f'<text x="{left + plot_w / 2}" y="{height - 12}" text-anchor="middle" class="umm-axis">{escape(x_label)}</text>')
    parts.append(f'<text x="16" y="{top + plot_h / 2}" text-anchor="middle" class="umm-axis" transform="rotate(-90 16 {top + plot_h / 2})">{escape(y_label)}</text>')
    placed = [(place_x(point["x"]), place_y(point["y"])) for point in points]
    labels = [plain_text(point["label"]) for point in points]
    spots = label_spots(placed, labels, bounds=(left, top, left + plot_w, top + plot_h))
    for point, (x, y), label, spot in zip(points, placed, labels, spots):
        family = style(families, point["family"])
        parts.append(f'<g><title>{escape(label)}: {point["x"]:g}, {point["y"]:g}</title>')
        parts.append(marker(family.shape, x, y, family.colour, True))
        if spot is not None:
            text_x, text_y, anchor = spot
            parts.append(f'<text x="{text_x:.1f}" y="{text_y:.1f}" text-anchor="{anchor}">{escape(label)}</text>')
        parts.append("</g>")
    parts.append("</svg>")
    return Markup("".join(parts))
