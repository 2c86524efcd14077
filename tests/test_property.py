"""Arbitrary YAML documents (and arbitrary bytes) never crash the validator."""

from __future__ import annotations

from pathlib import Path

import yaml
from conftest import problems_of
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from umm_survey.load.yamlload import load_yaml_bytes

scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=30) | st.dates().map(str)
documents = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.sampled_from(["name", "title", "date", "venue", "groups", "bibkey", "arxiv", "code", "metrics", "inputs", "size", st.text(max_size=8)]) if False else st.text(max_size=10) | st.sampled_from(["name", "title", "date", "venue", "groups", "bibkey", "arxiv", "code", "metrics", "inputs", "size"]), children, max_size=6),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=documents)
def test_any_yaml_document_gives_problems_not_exceptions(catalogue_dir: Path, document) -> None:
    (catalogue_dir / "models" / "alpha-model.yaml").write_text(yaml.safe_dump(document, allow_unicode=True))
    problems = problems_of(catalogue_dir)
    assert all(problem.rule.startswith("UMM") and problem.line >= 1 for problem in problems)


@settings(max_examples=300, deadline=None)
@given(raw=st.binary(max_size=200) | st.text(max_size=200).map(lambda text: text.encode("utf-8")))
def test_any_bytes_load_without_exceptions(raw: bytes) -> None:
    loaded = load_yaml_bytes(raw, "x.yaml")
    assert loaded.data is not None or loaded.problems


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["Doe", "and", "AND", "aNd", " ", "  ", "\t", "J.", "Ann", "andy", "x"]), max_size=25).map("".join))
def test_author_lists_without_braces_split_as_the_brace_aware_scan_splits_them(value: str) -> None:
    from umm_survey.load.bib import _split_braced, _split_on_and

    assert _split_on_and(value) == _split_braced(" ".join(value.split()))
