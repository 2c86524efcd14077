"""One-off: the numbers of research/2026/reported/slice-8.json and slice-9.json (December 2026, twelfth round).

    python research/add_reported_round12.py

HYDRA-X, NextFlow and SPAR, read in full-text copies of their papers (file ids in the notes); ARMOR, read in
the images of its paper's Tables 2 and 3 in its official README (slice-9). Mapped as in
research/add_reported_round10.py; a number printed on another scale than its metric's keeps its printed
text in `as_printed`, not in a note. Append-only through the fence: running it again changes nothing.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "research"))

import add_reported_2026 as mapping  # noqa: E402
from add_reported_round10 import setting_of  # noqa: E402
from add_reproduced import append_results  # noqa: E402
from fence import retired  # noqa: E402

NOTES = [ROOT / "research" / "2026" / "reported" / name for name in ("slice-8.json", "slice-9.json")]
PRINTED_AS = re.compile(r"printed as (?P<printed>\S+) on a 0-100 scale")


def printed_apart(result: dict) -> dict:
    """The scale note of the tenth round's mapping as the result's `as_printed`."""
    setting = result.get("setting") or {}
    match = PRINTED_AS.fullmatch(setting.get("note", ""))
    if match:
        setting.pop("note")
        result = {**result, "as_printed": match["printed"]}
    return result


def main() -> int:
    retired(__file__, "commit 9d8d3ce and those before it (git log -- research/2026/reported/slice-8.json slice-9.json); ARMOR's GenEval row was given its resolution by hand since, so running it again would add the row a second time")
    return append_notes(NOTES)


def append_notes(notes: list[Path]) -> int:
    """Map the notes' numbers and append them to the results files (shared with later rounds)."""
    per_model: dict[str, list[dict]] = {}
    skipped = 0
    for note in (note for path in notes for note in json.loads(path.read_text(encoding="utf-8"))):
        mapped = mapping.result_of(note, setting_of)
        if mapped is None or not isinstance(mapped[1]["value"], (int, float)):
            skipped += 1
            continue
        per_model.setdefault(mapped[0], []).append(printed_apart(mapped[1]))
    added = append_results(per_model, mapping.identity)
    print(f"added {added} numbers for {len(per_model)} models; {skipped} notes name a benchmark, metric or model the catalogue lacks")
    return 0


if __name__ == "__main__":
    sys.exit(main())
