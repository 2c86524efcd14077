"""The one-pass reader of plain references.bib files reads exactly what bibtexparser reads, or steps aside."""

from __future__ import annotations

import bibtexparser
from hypothesis import given, settings
from hypothesis import strategies as st

from umm_survey.authoring.entryfile import format_raw_record, format_record
from umm_survey.load.bib import parse_bibliography, plain_records


def bibtexparser_reading(text: str) -> dict[str, tuple]:
    library = bibtexparser.parse_string(text)
    return {entry.key: (entry.entry_type.lower(), {item.key.lower(): str(item.value) for item in entry.fields}, entry.start_line + 1, entry.raw)
            for entry in library.entries}


def plain_reading(text: str) -> dict[str, tuple] | None:
    records = plain_records(text)
    return None if records is None else {key: (record.entry_type, record.fields, record.line, record.raw) for key, record in records.items()}


pieces = st.sampled_from(["a", "B", " ", "\n", "{", "}", '"', ",", "=", "@", "#", "%", "\\", "1", "é", "\n\n"])
values = st.lists(pieces, max_size=12).map("".join)
delimited = values.map(lambda text: "{" + text + "}") | values.map(lambda text: '"' + text + '"') | st.sampled_from(["2024", "jan", "x # {y}", "{}", "{a{b}c}"])
names = st.sampled_from(["title", "Author", "year", "note", "month", "eprint", "title"])
records = st.builds(
    lambda entry_type, key, fields, space, close: f"@{entry_type}{{{key},{space}" + f",{space}".join(f"{name} = {value}" for name, value in fields) + close,
    st.sampled_from(["misc", "Article", "inproceedings", "string", "comment"]),
    st.sampled_from(["doe2024a", "doe2024b", "x:y", "bad key", "k"]),
    st.lists(st.tuples(names, delimited), min_size=0, max_size=4),
    st.sampled_from(["\n  ", " ", "\n\n  "]),
    st.sampled_from(["\n}", ",\n}", "}", "", "\n}}"]),
)
files = st.lists(records, max_size=4).flatmap(lambda blocks: st.sampled_from(["\n\n", "\n", " junk \n", "% note\n"]).map(lambda gap: gap.join(blocks) + "\n"))


@settings(max_examples=400, deadline=None)
@given(text=files)
def test_the_plain_reader_agrees_with_bibtexparser_or_steps_aside(text: str) -> None:
    plain = plain_reading(text)
    if plain is not None:
        assert plain == bibtexparser_reading(text)
        assert not bibtexparser.parse_string(text).failed_blocks


def test_records_as_fmt_writes_them_are_read_in_one_pass_with_their_lines() -> None:
    text = "\n".join([
        format_record("doe2024alpha", "misc", {"author": "Doe, Jane and Roe, Richard", "title": "{Alpha}: a {Model}", "year": "2024", "eprint": "2401.00001"}),
        format_raw_record("roe2025beta", "inproceedings", {"author": "{Roe, Richard}", "title": '"Beta, {quoted}"', "booktitle": "{Conference}", "year": "2025"}),
        format_record("poe2026gamma", "article", {"author": "Poe, Edgar", "title": "Gamma\n\nwith a paragraph", "journal": "J", "year": "2026"}),
    ])
    plain = plain_reading(text)
    assert plain is not None
    assert plain == bibtexparser_reading(text)
    assert [record[2] for record in plain.values()] == [1, 8, 15]
    assert plain["roe2025beta"][1]["title"] == "Beta, {quoted}"


def test_a_quote_inside_braces_does_not_end_a_quoted_value() -> None:
    text = '@misc{doe2024alpha,\n  title = "A {"} quote, inside",\n  year = 2024,\n}\n'
    assert plain_reading(text) == bibtexparser_reading(text)
    assert plain_reading(text)["doe2024alpha"][1] == {"title": 'A {"} quote, inside', "year": "2024"}


def test_a_file_with_a_duplicate_key_or_a_macro_is_left_to_bibtexparser_and_reported() -> None:
    record = format_record("doe2024alpha", "misc", {"author": "Doe, Jane", "title": "Alpha", "year": "2024"})
    assert plain_records(record + "\n" + record) is None
    assert plain_records(record.replace("year = {2024}", "month = jan")) is None
    assert plain_records("@string{cvpr = {CVPR}}\n" + record) is None
    bibliography = parse_bibliography(record + "\n" + record, "references.bib")
    assert [(problem.rule, problem.line) for problem in bibliography.problems] == [("UMM402", record.count("\n") + 2)]


@settings(max_examples=600, deadline=None)
@given(value=st.text(alphabet="ab {}\n\t.,:;()'-1é`!?\\$&", max_size=24))
def test_text_with_only_protecting_braces_reads_as_pylatexenc_reads_it(value: str) -> None:
    from umm_survey.load.bib import _LATEX, latex_to_text

    assert latex_to_text(value) == _LATEX.latex_to_text(value)
