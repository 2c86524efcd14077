"""One-off: add TorchUMM's re-evaluations (research/2026/torchumm.json) as `reproduced` results.

    python research/add_reproduced.py

Takes the README's "Evaluation Results" tables of the base models (commit 083395e), maps each printed
model name to its entry and each column to a metric, converts 0-100 and 0-1 scales to the metric's own
(the note says what was printed), and appends to catalogue/results/<model>.yaml. Append-only: a number
already there with the same benchmark, metric, setting and source is skipped, and no existing row is
touched, so running it again changes nothing.
"""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from fence import retired, write_catalogue_file  # noqa: E402
from ruamel.yaml import YAML  # noqa: E402

from umm_survey.authoring.entryfile import modeline, yaml_writer  # noqa: E402
from umm_survey.authoring.formatting import format_results  # noqa: E402

NOTES = ROOT / "research" / "2026" / "torchumm.json"
TABLE = 'README tables "Evaluation Results" (commit 083395e)'
MODELS = {"bagel": "bagel", "janus-pro": "janus-pro", "janus": "janus", "janusflow": "janusflow", "janus-flow": "janusflow", "show-o2": "show-o2",
          "show-o": "show-o", "emu3": "emu3", "emu3.5": "emu3-5", "omnigen2": "omnigen2", "blip3-o": "blip3-o", "tokenflow": "tokenflow", "mmada": "mmada"}
# (benchmark as printed, metric as printed) -> (benchmark id, metric id, factor from printed to the metric's scale)
METRICS = {
    ("GenEval", "overall"): ("geneval", "overall", 0.01), ("DPG-Bench", "overall"): ("dpg-bench", "overall", 1),
    ("WISE", "overall (WiScore)"): ("wise", "wiscore", 1), ("MME", "perception"): ("mme", "perception", 1),
    ("MME", "cognition"): ("mme", "cognition", 1), ("MMMU", "overall"): ("mmmu", "accuracy", 100),
    ("MMBench", "overall"): ("mmbench", "accuracy", 100), ("MM-Vet", "overall"): ("mm-vet", "total", 1),
}


def model_and_size(printed: str) -> tuple[str | None, str | None]:
    match = re.fullmatch(r"(?P<name>[^()]+?)\s*(\((?P<size>[\d.]+B)\))?", printed.strip())
    if not match:
        return None, None
    return MODELS.get(match["name"].strip().lower()), match["size"]


def scaled(printed: str, factor: float) -> float:
    digits = len(printed.split(".")[1]) if "." in printed else 0
    shift = {0.01: 2, 100: -2, 1: 0}[factor]
    return round(float(printed) * factor, max(digits + shift, 0))


def result_of(row: dict, benchmark: str, metric: str, factor: float, size: str | None) -> dict:
    setting = {}
    if size:
        setting["size"] = size
    if row.get("judge") and benchmark == "wise":
        setting["judge"] = row["judge"]
    notes = [f"TorchUMM printed {row['value']} on a {'0-100' if factor == 0.01 else '0-1'} scale" if factor != 1 else None, row.get("note")]
    if benchmark == "mme" and "temperature" in (row.get("settings") or ""):
        notes.append("sampled at temperature 1.0; the score depends on the hardware")
    if any(notes):
        setting["note"] = "; ".join(note for note in notes if note)
    return {"benchmark": benchmark, "metric": metric, "value": scaled(row["value"], factor), **({"setting": setting} if setting else {}),
            "source": {"bibkey": "luo2026torchumm", "table": TABLE, "reported_by": "reproduced"}}


def exact(result: dict) -> str:
    return json.dumps(result, sort_keys=True, default=str)


def append_results(per_model: dict[str, list[dict]], identity=exact) -> int:
    """Append each model's new results to its results file, skipping any whose identity is already there; how many were added."""
    added = 0
    for model, results in sorted(per_model.items()):
        path = ROOT / "catalogue" / "results" / f"{model}.yaml"
        document = YAML().load(path.read_text()) if path.exists() else {"model": model, "results": []}
        present = {identity(item) for item in document["results"]}
        for result in results:
            if identity(result) not in present:
                document["results"].append(result)
                present.add(identity(result))
                added += 1
        buffer = io.StringIO()
        yaml_writer().dump(document, buffer)
        text = buffer.getvalue()
        write_catalogue_file(path, format_results(text if text.startswith("#") else modeline("results") + text))
    return added


def main() -> int:
    retired(__file__, "the commits that added its notes (git log -- research/add_reproduced.py); results settings now name `variant` and sizes in the facts' vocabulary")
    rows = [row for row in json.loads(NOTES.read_text()) if row.get("kind") == "reproduced" and row.get("source", "").startswith('README table "Evaluation Results')]
    per_model: dict[str, list[dict]] = {}
    for row in rows:
        model, size = model_and_size(row["model"])
        target = METRICS.get((row["benchmark"], row["metric"]))
        if model and target:
            per_model.setdefault(model, []).append(result_of(row, *target, size))
    added = append_results(per_model)
    print(f"added {added} reproduced numbers for {len(per_model)} models")
    return 0


if __name__ == "__main__":
    sys.exit(main())
