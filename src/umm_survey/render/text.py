"""Turning contributor text into safe HTML, safe page titles and safe Markdown cells."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from umm_survey.load.bib import latex_to_text

MATH = re.compile(r"\$([^$]+)\$")
SCRIPT = re.compile(r"([\^_])(\{([^{}]*)\}|(\\?\w))")
TITLE_LOOKALIKES = str.maketrans({"<": "‹", ">": "›", "&": "＆", '"': "”", "'": "’", "`": "ʼ", "\\": "∖"})
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~$])")


def name_html(text: str) -> Markup:
    """Escaped HTML; ``$...$`` math becomes <sup>/<sub> and Unicode (``UniCode$^2$`` -> UniCode<sup>2</sup>)."""
    parts: list[str] = []
    position = 0
    for match in MATH.finditer(text):
        parts.append(str(escape(text[position : match.start()])))
        parts.append(_math_html(match.group(1)))
        position = match.end()
    parts.append(str(escape(text[position:])))
    return Markup("".join(parts))


def _math_html(formula: str) -> str:
    """Each piece of the formula is escaped on its own; tags are added around the escaped pieces."""
    pieces: list[str] = []
    position = 0
    for match in SCRIPT.finditer(formula):
        pieces.append(str(escape(latex_to_text(formula[position : match.start()]))))
        body = match.group(3) if match.group(3) is not None else match.group(4)
        tag = "sup" if match.group(1) == "^" else "sub"
        pieces.append(f"<{tag}>{escape(latex_to_text(body))}</{tag}>")
        position = match.end()
    pieces.append(str(escape(latex_to_text(formula[position:]))))
    return "".join(pieces)


def plain_text(text: str) -> str:
    """Readable text without markup, for titles, alt text and search: ``UniCode$^2$`` -> ``UniCode²``."""
    def script(match: re.Match[str]) -> str:
        body = match.group(3) if match.group(3) is not None else match.group(4)
        return _superscript(body) if match.group(1) == "^" else body

    return MATH.sub(lambda match: latex_to_text(SCRIPT.sub(script, match.group(1))), text)


_SUPERSCRIPTS = str.maketrans("0123456789+-n", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻ⁿ")


def _superscript(text: str) -> str:
    translated = text.translate(_SUPERSCRIPTS)
    return translated if translated != text or not text else f"^{text}"


def page_title(text: str) -> str:
    """A page title the theme may print unescaped: markup characters become look-alikes."""
    return plain_text(text).translate(TITLE_LOOKALIKES)


def markdown_cell(text: str) -> str:
    """Text for a Markdown table cell: no pipes, links, HTML or line breaks take effect."""
    flat = " ".join(str(text).split())
    return MARKDOWN_SPECIAL.sub(r"\\\1", flat).replace("&", "&amp;")


def link_label(url: str) -> str:
    """A link's text without the scheme: `huggingface.co/deepseek-ai/Janus-Pro-7B`."""
    return re.sub(r"^https?://(www\.)?", "", url).rstrip("/")
