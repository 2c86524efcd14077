"""One-off: the numbers of research/2026/reported/slice-10.json (December 2026, fifteenth round).

    python research/add_reported_round15.py

SenseNova-U1, VGT, LLaDA-o, Cheers, Mobile-O and MODUS, read by a helper in their official READMEs at a commit
and in full-text copies of their papers (file ids in the notes). Left out when curating: SenseNova-U1's MMMU and
MMBench (the copy lost the table's column names, so which column is the model's is a guess), and the rows of
CubiD (its tokenizer inside LLaVA) and Scale-RAE (one arm of a controlled comparison), which are not the
models' own headline results. VGT's README checkpoints and its paper's models differ; both are kept, each
with its source. Mapped as in research/add_reported_round10.py. Append-only through the fence: running it again changes nothing.
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

NOTES = [ROOT / "research" / "2026" / "reported" / "slice-10.json"]
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
    per_model: dict[str, list[dict]] = {}
    skipped = 0
    for note in (note for path in NOTES for note in json.loads(path.read_text(encoding="utf-8"))):
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
