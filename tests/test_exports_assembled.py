"""The JSON and CSV downloads, put together from each entry's part (and from an earlier build's parts), are
the texts one `json.dumps` and one `csv.DictWriter` give for the whole catalogue."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from umm_survey.checks.catalogue import load_catalogue
from umm_survey.link.resolve import resolve_catalogue, resolve_results
from umm_survey.render.exports import CSV_COLUMNS, RESULT_EXPORT, _csv_row, _public, csv_text, json_text
from umm_survey.render.memo import Memo

ROOT = Path(__file__).resolve().parent.parent


def whole_json(entries: list, results: list) -> str:
    return json.dumps({"entries": [_public(entry) for entry in entries], "results": [{key: result[key] for key in RESULT_EXPORT} for result in results]}, indent=2, ensure_ascii=False) + "\n"


def whole_csv(entries: list, results: list) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    readings: dict[str, list[str]] = {}
    for result in results:
        readings.setdefault(result["model"], []).append(f"{result['benchmark']}/{result['metric']}={result['value']:g}" + (f" [{result['setting_text']}]" if result["setting_text"] else ""))
    for entry in entries:
        writer.writerow(_csv_row({**entry, "results": readings.get(entry["id"], [])}))
    return buffer.getvalue()


@pytest.fixture(scope="module")
def resolved() -> tuple[list, list]:
    catalogue = load_catalogue(ROOT / "catalogue")
    return resolve_catalogue(catalogue), resolve_results(catalogue)


@pytest.mark.parametrize("entries_count, results_count", [(None, None), (0, 0), (1, 0), (0, 3)])
def test_the_downloads_are_what_one_dump_gives(resolved, entries_count, results_count) -> None:
    entries, results = resolved[0][:entries_count], resolved[1][:results_count]
    assert results_count == 0 or results, "the real catalogue has results"
    assert json_text(entries, results) == whole_json(entries, results)
    assert csv_text(entries, results) == whole_csv(entries, results)


def test_parts_from_an_earlier_build_give_the_same_downloads_and_a_changed_entry_its_new_part(resolved) -> None:
    entries, results = resolved
    earlier = Memo()
    json_text(entries, results, earlier), csv_text(entries, results, earlier)
    changed = [{**entries[0], "summary": "Changed."}, *entries[1:]]
    again = Memo(earlier.made)
    assert json_text(changed, results, again) == whole_json(changed, results)
    assert csv_text(changed, results, again) == whole_csv(changed, results)
    assert "Changed." in json_text(changed, results, Memo(earlier.made))


def test_a_disabled_memo_carries_nothing_but_makes_each_text_once_per_build() -> None:
    made: list[str] = []
    memo, entry = Memo(enabled=False), {"id": "alpha-model", "name": "Alpha"}
    for _ in range(3):  # a row shown on its group's page and on two ancestors'
        assert memo.text("group-row", entry, "True True ../", lambda: made.append("row") or "<tr>") == "<tr>"
    memo.text("group-row", entry, "False False ../", lambda: made.append("other kind") or "<tr>")
    assert made == ["row", "other kind"] and memo.made == {}
