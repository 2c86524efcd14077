"""Model facts through the link stage, the exports and the pages (the fixture's small vocabularies)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from conftest import ROOT

from umm_survey.checks.catalogue import load_catalogue
from umm_survey.link.modelfacts import size_text
from umm_survey.link.resolve import resolve_catalogue
from umm_survey.render.coverage import fact_coverage, models_to_check
from umm_survey.render.diagram import architecture_svg
from umm_survey.render.exports import to_csv, to_json
from umm_survey.render.pages import SiteInput, render_site


def _alpha(catalogue_dir: Path) -> dict:
    entries = resolve_catalogue(load_catalogue(catalogue_dir))
    return next(entry for entry in entries if entry["id"] == "alpha-model")


def test_parts_resolve_to_components_through_their_aliases(catalogue_dir: Path) -> None:
    facts = _alpha(catalogue_dir)["facts"]
    assert facts["parts"]["backbone"] == [{"written": "Tiny-LM-1B", "shown": "Tiny-LM-1B", "component": "tiny-lm", "component_name": "Tiny-LM", "component_kind": "language-model"}]
    assert facts["components"] == ["tiny-lm", "tiny-vit", "tiny-vq"]
    assert (facts["size_text"], facts["smallest"], facts["largest"]) == ("1.5B, 7B", 1.5e9, 7e9)
    assert facts["licence"] == {"id": "MIT", "name": "MIT License", "permissive": True, "url": None}
    assert facts["missing_text"] == {}


def test_unchecked_facts_read_differently_from_absent_ones(catalogue_dir: Path) -> None:
    alpha = catalogue_dir / "models" / "alpha-model.yaml"
    text = alpha.read_text().replace("organisation: [Example Lab]\n", "unchecked: [organisation]\n").replace("weights: [https://huggingface.co/example/alpha-7b]\n", "not_stated: [weights]\n")
    alpha.write_text(text)
    facts = _alpha(catalogue_dir)["facts"]
    assert facts["missing_text"] == {"weights": "not stated in the paper or the release", "organisation": "not checked yet against the paper or the release"}


def test_a_part_the_model_does_not_have_reads_as_none(catalogue_dir: Path) -> None:
    alpha = catalogue_dir / "models" / "alpha-model.yaml"
    alpha.write_text(alpha.read_text().replace("  generation_encoder: [Tiny-VQ]\n", "").replace("organisation: [Example Lab]\n", "organisation: [Example Lab]\nnot_applicable: [generation_encoder]\n"))
    facts = _alpha(catalogue_dir)["facts"]
    assert facts["missing_text"] == {"generation_encoder": "none: the model has no such part"}
    assert facts["not_applicable"] == ["generation_encoder"]
    assert "generation encoder: none;" in str(architecture_svg(facts, "Alpha"))


def test_the_diagram_says_why_a_part_is_absent(catalogue_dir: Path) -> None:
    alpha = catalogue_dir / "models" / "alpha-model.yaml"
    text = alpha.read_text().replace("  generation_encoder: [Tiny-VQ]\n", "").replace("  generation_decoder: Tiny-VQ\n", "")
    alpha.write_text(text.replace("organisation: [Example Lab]\n", "organisation: [Example Lab]\nunchecked: [generation_decoder]\n"))
    svg = str(architecture_svg(_alpha(catalogue_dir)["facts"], "Alpha"))
    assert "generation encoder: not recorded yet; backbone: Tiny-LM-1B; generation decoder: not checked yet" in svg
    assert ">not checked yet</text>" in svg and ">not recorded yet</text>" in svg and "not stated" not in svg


def test_size_text_reads_like_a_paper() -> None:
    assert [size_text(value) for value in (7e9, 1.5e9, 400e6, 14.2e9, 1.2e12)] == ["7B", "1.5B", "400M", "14.2B", "1.2T"]


def test_csv_flattens_facts_in_the_documented_way(catalogue_dir: Path) -> None:
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(to_csv(load_catalogue(catalogue_dir))))}
    alpha = rows["alpha-model"]
    assert (alpha["backbone"], alpha["understanding_encoder"], alpha["attention"], alpha["parameters"], alpha["licence"]) == ("Tiny-LM-1B", "Tiny-ViT", "causal", "1.5e+09; 7e+09", "MIT")
    assert rows["beta-bench"]["parameters"] == ""


def test_json_carries_the_facts(catalogue_dir: Path) -> None:
    entries = {entry["id"]: entry for entry in json.loads(to_json(load_catalogue(catalogue_dir)))["entries"]}
    assert entries["alpha-model"]["facts"]["weights"] == ["https://huggingface.co/example/alpha-7b"]
    assert "architecture" not in entries["alpha-model"]  # replaced by the resolved facts


def test_the_diagram_escapes_names_and_holds_no_links() -> None:
    facts = {"parts": {"understanding_encoder": [{"shown": "<script>x</script>"}], "generation_encoder": [], "backbone": [{"shown": "LM & co"}], "generation_decoder": []}, "attention": "causal", "missing": {}}
    svg = str(architecture_svg(facts, "A<b>"))
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "LM &amp; co" in svg and "Architecture of A&lt;b&gt;" in svg
    assert "<a " not in svg and 'class="umm-diagram-box umm-diagram-missing"' in svg
    assert str(architecture_svg({**facts, "parts": {key: [] for key in facts["parts"]}}, "x")) == ""


def test_component_pages_list_the_models_that_use_them(catalogue_dir: Path) -> None:
    catalogue = load_catalogue(catalogue_dir)
    pages = render_site(SiteInput(resolve_catalogue(catalogue), catalogue.vocabulary, {}), ROOT / "templates")
    assert "alpha-model.html" in pages["components/tiny-vit.md"] and "Understanding encoder" in pages["components/tiny-vit.md"]
    assert "No catalogued model names" not in pages["components/tiny-lm.md"]
    assert "<p>1 model in the catalogue uses Tiny-ViT.</p>" in pages["components/tiny-vit.md"]  # one model: singular noun and verb
    assert 'href="../components/tiny-vq.html"' in pages["entries/alpha-model.md"]
    assert json.loads(pages["compare.json"])["models"][0]["facts"]["Backbone"] == "Tiny-LM-1B"


def test_a_part_written_as_its_bare_id_is_shown_by_its_name_on_every_page(catalogue_dir: Path) -> None:
    alpha = catalogue_dir / "models" / "alpha-model.yaml"
    alpha.write_text(alpha.read_text().replace("backbone: Tiny-LM-1B", "backbone: tiny-lm"))
    catalogue = load_catalogue(catalogue_dir)
    entries = resolve_catalogue(catalogue)
    pages = render_site(SiteInput(entries, catalogue.vocabulary, {}), ROOT / "templates")
    model_page, component_page = pages["entries/alpha-model.md"], pages["components/tiny-lm.md"]
    assert '<a href="../components/tiny-lm.html">Tiny-LM</a>' in model_page and ">tiny-lm<" not in model_page
    assert "backbone: Tiny-LM;" in model_page  # the diagram's description
    assert "<td>Backbone</td><td>Tiny-LM</td>" in component_page
    assert "<td>Tiny-LM</td>" in pages["groups/ar-semantic.md"] and "<td>tiny-lm</td>" not in pages["groups/ar-semantic.md"]  # the group table's column
    assert json.loads(pages["compare.json"])["models"][0]["facts"]["Backbone"] == "Tiny-LM"
    assert next(entry for entry in entries if entry["id"] == "alpha-model")["facts"]["parts"]["backbone"][0]["written"] == "tiny-lm", "exports keep what the entry writes"


def test_the_diagram_names_the_attention_mask_in_words_in_both_layouts() -> None:
    facts = {"parts": {"understanding_encoder": [], "generation_encoder": [], "backbone": [{"shown": "LM"}], "generation_decoder": []}, "attention": "causal-text-full-image", "missing": {}}
    drawings = str(architecture_svg(facts, "A")).split("</svg>")[:-1]
    assert [drawing[: drawing.index(" viewBox")] for drawing in drawings] == ['<svg class="umm-diagram umm-diagram-wide"', '<svg class="umm-diagram umm-diagram-tall"']
    for drawing in drawings:
        captions = [text.split(">")[-1] for text in drawing.split("</text>") if 'class="umm-diagram-caption"' in text]
        assert " ".join(captions) == "attention: causal across the sequence, full within each image"
        assert "; attention when generating: causal across the sequence, full within each image</desc>" in drawing
        assert "causal-text-full-image" not in drawing
    assert [len(drawing.split('class="umm-diagram-caption"')) - 1 for drawing in drawings] == [2, 3]  # wrapped to each layout's room


def test_the_statistics_page_counts_each_fact_and_lists_the_models_left_to_check(catalogue_dir: Path) -> None:
    alpha = catalogue_dir / "models" / "alpha-model.yaml"
    alpha.write_text(alpha.read_text().replace("organisation: [Example Lab]\n", "unchecked: [organisation]\n").replace("weights: [https://huggingface.co/example/alpha-7b]\n", "not_stated: [weights]\n"))
    catalogue = load_catalogue(catalogue_dir)
    models = [entry for entry in resolve_catalogue(catalogue) if entry["kind"] == "model"]
    rows = {row["fact"]: row for row in fact_coverage(models)}
    assert list(rows) == ["Backbone", "Understanding encoder", "Generation encoder", "Generation decoder", "Attention when generating", "Sizes", "Weights", "Licence", "Organisation"]
    assert {state: rows["Organisation"][state] for state in ("given", "unchecked")} == {"given": len(models) - 1, "unchecked": 1}
    assert (rows["Weights"]["not_stated"], rows["Backbone"]["given"]) == (1, sum("backbone" in model["facts"]["stated"] for model in models))
    assert all(sum(row[state] for state in ("given", "not_stated", "not_applicable", "unchecked", "unrecorded")) == len(models) for row in rows.values())
    assert models_to_check(models) == [{"id": "alpha-model", "name": "Alpha", "facts": ["Organisation"]}]
    page = render_site(SiteInput(resolve_catalogue(catalogue), catalogue.vocabulary, {}), ROOT / "templates")["statistics.md"]
    assert '<li><a href="entries/alpha-model.html">Alpha</a>: organisation</li>' in page
    assert "<summary>1 model with facts not checked yet</summary>" in page
