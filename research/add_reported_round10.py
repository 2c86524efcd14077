"""One-off: the numbers of research/2026/reported/slice-7.json (December 2026, tenth round).

    python research/add_reported_round10.py

Maps each note as research/add_reported_2026.py did (benchmark and metric names, 0-100 printings of 0-1
metrics), with the settings in their current shape: the size in the facts' vocabulary (`7B`; a system
of two models as their sum, the parts in `variant`; `16B-A3B` as total and active) and the row's name in
`variant`. Baseline rows that another paper printed are recorded as `third-party`, with that paper as the
source. Append-only through the fence: running it again changes nothing.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "research"))

import add_reported_2026 as mapping  # noqa: E402
from add_reproduced import append_results  # noqa: E402

NOTES = [ROOT / "research" / "2026" / "reported" / "slice-7.json"]
SUM = re.compile(r"(?P<a>\d+(\.\d+)?)B ?\+ ?(?P<b>\d+(\.\d+)?)B")
MIXTURE = re.compile(r"(?P<total>\d+(\.\d+)?B)-A(?P<active>\d+(\.\d+)?B)")
PLAIN = re.compile(r"\d+(\.\d+)?[KMBT]")
SPLITS = {"en": "en", "cn": "cn", "val": "val", "test": "test", "all": "all", "image": "image", "video": "video",
          "random": "random", "popular": "popular", "adversarial": "adversarial", "test-dev": "test-dev"}


def size_of(printed: str) -> tuple[object, str | None]:
    """The size in the facts' vocabulary, and the printed form when it names two models."""
    printed = printed.strip()
    if match := SUM.fullmatch(printed):
        return f"{float(match['a']) + float(match['b']):g}B", printed
    if match := MIXTURE.fullmatch(printed):
        return {"total": match["total"], "active": match["active"]}, None
    return (printed, None) if PLAIN.fullmatch(printed) else (None, None)


def setting_of(note: dict, extra: dict, benchmark: str, printed_value: str) -> dict:
    settings = note.get("settings") or {}
    setting: dict = {}
    size, parts = size_of(note.get("size") or "")
    if size:
        setting["size"] = size
    variant = settings.get("variant") or parts
    if variant:
        setting["variant"] = variant
    if isinstance(settings.get("resolution"), int):
        setting["resolution"] = settings["resolution"]
    if settings.get("prompt_rewriting") in (True, False):
        setting["prompt_rewriting"] = settings["prompt_rewriting"]
    split = extra.get("split") or SPLITS.get(str(settings.get("split") or "").strip().lower())
    if split:
        setting["split"] = split
    if isinstance(settings.get("judge"), str):
        setting["judge"] = settings["judge"]
    if benchmark in mapping.UNIT_SCALE and float(printed_value.rstrip("%")) > 1:
        setting["note"] = f"printed as {printed_value} on a 0-100 scale"
    return setting


def main() -> int:
    per_model: dict[str, list[dict]] = {}
    skipped = 0
    for path in NOTES:
        for note in json.loads(path.read_text(encoding="utf-8")):
            mapped = mapping.result_of(note, setting_of)
            if mapped is None or not isinstance(mapped[1]["value"], (int, float)):  # `65.1∗`: a flagged number, not a value
                skipped += 1
                continue
            per_model.setdefault(mapped[0], []).append(mapped[1])
    added = append_results(per_model, mapping.identity)
    print(f"added {added} numbers for {len(per_model)} models; {skipped} notes name a benchmark, metric or model the catalogue lacks")
    return 0


if __name__ == "__main__":
    sys.exit(main())
