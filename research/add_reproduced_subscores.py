"""One-off: TorchUMM's sub-score breakdowns (research/2026/torchumm.json) as `reproduced` results.

    python research/add_reproduced_subscores.py

Takes the per-category tables of docs/evaluation/results.md at commit 083395e (GenEval, WISE, MMMU,
MM-Vet, GEdit-Bench per task on the full EN and CN sets, ImgEdit-Bench single-turn) for the base models
(post-training variants are left out: they are not catalogue models). A row whose printed model name
has no size takes the size of that model's row in the main tables when there is exactly one; Show-o2,
printed both as 7B and 1.5B, is taken only where the size is printed. Append-only and idempotent, like
research/add_reproduced.py, whose model names and scale handling it shares.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from add_reproduced import NOTES, append_results, model_and_size, scaled  # noqa: E402
from fence import retired  # noqa: E402

TABLE = 'docs/evaluation/results.md, sub-score tables (commit 083395e)'
GENEVAL = {"Single Obj": "single-object", "Two Obj": "two-object", "Counting": "counting", "Colors": "colors", "Position": "position", "Color Attr": "color-attribution"}
WISE = {"Culture": "cultural", "Time": "time", "Space": "space", "Biology": "biology", "Physics": "physics", "Chemistry": "chemistry"}
MMMU = {"Art & Design": "art-design", "Business": "business", "Science": "science", "Health & Medicine": "health-medicine",
        "Humanities & Social Sci": "humanities-social-science", "Tech & Engineering": "tech-engineering"}
MMVET = {"rec": "recognition", "ocr": "ocr", "know": "knowledge", "gen": "language-generation", "spat": "spatial-awareness", "math": "math"}
GEDIT = {"bg_change": "background-change", "color": "color-alteration", "material": "material-modification", "motion": "motion-change",
         "ps_human": "portrait-beautification", "style": "style-transfer", "subj-add": "subject-addition", "subj-rm": "subject-removal",
         "subj-repl": "subject-replacement", "text": "text-modification", "tone": "tone-transformation"}
IMGEDIT = {"Singleturn Add": "add", "Singleturn Adj.": "adjust", "Singleturn Ext.": "extract", "Singleturn Rep.": "replace", "Singleturn Rem.": "remove",
           "Singleturn Bg.": "background", "Singleturn Style": "style", "Singleturn Cmp.": "hybrid", "Singleturn Act.": "action", "Singleturn Overall": "overall"}


def target(row: dict) -> tuple[str, str, float, dict] | None:
    """(benchmark id, metric id, factor from printed to the metric's scale, extra setting) or None."""
    benchmark, metric = row["benchmark"], re.sub(r"\s*\(n=\d+\)$", "", row["metric"])
    if benchmark == "GenEval" and metric in GENEVAL:
        return "geneval", GENEVAL[metric], 0.01, {}
    if benchmark == "WISE" and metric in WISE and "Sub-category" in row["source"]:
        return "wise", WISE[metric], 1, {}
    if benchmark == "MMMU" and metric in MMMU:
        return "mmmu", MMMU[metric], 100, {}
    if benchmark == "MM-Vet" and metric in MMVET and "Sub-score" in row["source"]:
        return "mm-vet", MMVET[metric], 1, {}
    gedit = re.fullmatch(r"(EN|CN) Overall O: (\S+)", metric)
    if benchmark == "GEdit-Bench" and gedit and gedit[2] in GEDIT:
        return "gedit-bench", GEDIT[gedit[2]], 1, {"split": gedit[1].lower()}
    if benchmark == "ImgEdit-Bench" and metric in IMGEDIT:
        return "imgedit-bench", IMGEDIT[metric], 1, {}
    return None


def main_table_sizes(rows: list[dict]) -> dict[str, set[str]]:
    sizes: dict[str, set[str]] = {}
    for row in rows:
        if row.get("source", "").startswith('README table "Evaluation Results'):
            model, size = model_and_size(row["model"])
            if model and size:
                sizes.setdefault(model, set()).add(size)
    return sizes


def result_of(row: dict, benchmark: str, metric: str, factor: float, extra: dict, size: str) -> dict:
    setting = {"size": size, **extra}
    if row.get("judge"):
        setting["judge"] = row["judge"]
    if factor != 1:
        setting["note"] = f"TorchUMM printed {row['value']} on a {'0-100' if factor == 0.01 else '0-1'} scale"
    return {"benchmark": benchmark, "metric": metric, "value": scaled(row["value"], factor), "setting": setting,
            "source": {"bibkey": "luo2026torchumm", "table": TABLE, "reported_by": "reproduced"}}


def main() -> int:
    retired(__file__, "the commits that added its notes (git log -- research/add_reproduced_subscores.py); results settings now name `variant` and sizes in the facts' vocabulary")
    rows = json.loads(NOTES.read_text())
    sizes = main_table_sizes(rows)
    per_model: dict[str, list[dict]] = {}
    for row in rows:
        found = target(row) if row.get("kind") == "reproduced" and row.get("source", "").startswith("docs/evaluation/results.md") else None
        printed = row["model"].replace("Show-o2 1.5B", "Show-o2 (1.5B)")
        model, size = model_and_size(printed)
        if not found or not model:
            continue
        if size is None and len(sizes.get(model, ())) == 1:
            size = next(iter(sizes[model]))
        if size is None:
            continue
        per_model.setdefault(model, []).append(result_of(row, *found, size))
    added = append_results(per_model)
    print(f"added {added} reproduced sub-scores for {len(per_model)} models")
    return 0


if __name__ == "__main__":
    sys.exit(main())
