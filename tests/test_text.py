"""render/text.py, exactly: readable names, inert Markdown cells, short link labels (kills mutmut's survivors there)."""

from __future__ import annotations

import pytest

from umm_survey.render.text import link_label, markdown_cell, name_html, plain_text


@pytest.mark.parametrize(
    ("name", "plain"),
    [("UniCode$^2$", "UniCode²"), ("X$^{10}$ and $_{ab}$", "X¹⁰ and ab"), ("Show-o$^{+}$", "Show-o⁺"), ("A$^{x}$", "A^x"), ("Plain", "Plain")],
)
def test_plain_text_reads_formulas_as_text(name: str, plain: str) -> None:
    assert plain_text(name) == plain


def test_names_keep_their_formulas_as_markup_around_escaped_pieces() -> None:
    assert name_html("UniCode$^2$") == "UniCode<sup>2</sup>"
    assert name_html("a<b$_{i<j}$") == "a&lt;b<sub>i&lt;j</sub>"
    assert name_html("M$ab^2c$") == "Mab<sup>2</sup>c"


def test_markdown_cells_are_inert_entities_included() -> None:
    assert markdown_cell("A &lt;b&gt; & C | d") == "A &amp;lt;b&amp;gt; &amp; C \\| d"
    assert markdown_cell("line one\nline   two") == "line one line two"


@pytest.mark.parametrize(
    ("url", "label"),
    [("https://www.example.org/path/", "example.org/path"), ("http://example.org", "example.org"), ("https://github.com/a/b", "github.com/a/b"), ("https://example.org/X", "example.org/X")],
)
def test_link_labels_drop_the_scheme_and_the_trailing_slash(url: str, label: str) -> None:
    assert link_label(url) == label


def test_titles_compare_without_case_braces_latex_accents_or_punctuation() -> None:
    from umm_survey.load.bib import normalise_title

    assert normalise_title("{Janus-Pro}: Unified Multimodal Understanding") == "janus pro unified multimodal understanding"
    assert normalise_title("Émergent Prôperties of {BAGEL}--naïve") == "emergent properties of bagel naive"  # the non-ASCII path
    assert normalise_title(r"\textit{Cascaded} {T}okens") == "cascaded tokens"
    assert normalise_title("Straße") == "strasse"
