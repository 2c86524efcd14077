"""One-off: numbers the models' own papers and official READMEs report, from research/2026/reported/*.json.

    python research/add_reported_2026.py

Each note records the number as printed, its table and the page it was read from (evidence_url). This
maps printed benchmark and metric names to catalogue ids, converts 0-100 printings of 0-1 metrics (the
digits kept), keeps the size and the variant, and appends to catalogue/results/<model>.yaml. Ablation rows
are left out; benchmarks the catalogue has no entry for (TextVQA, VQAv2, MathVista, AI2D and the like)
stay in the notes.
Append-only: a result whose benchmark, metric, setting and source are already in the file is skipped and
no existing row is touched, so running it again changes nothing.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "research"))

from add_reproduced import append_results  # noqa: E402
from fence import retired  # noqa: E402
from ruamel.yaml import YAML  # noqa: E402

NOTES = sorted((ROOT / "research" / "2026" / "reported").glob("*.json"))
BENCHMARKS = {"geneval": "geneval", "dpg-bench": "dpg-bench", "wise": "wise", "gedit-bench": "gedit-bench", "imgedit-bench": "imgedit-bench", "mme": "mme",
              "mmbench": "mmbench", "mmmu": "mmmu", "mm-vet": "mm-vet", "pope": "pope", "seed-bench": "seed-bench", "gqa": "gqa",
              "t2i-compbench++": "t2i-compbench-plus-plus", "t2i-compbench": "t2i-compbench"}
SUBSCORES = {
    "geneval": {"single object": "single-object", "two object": "two-object", "counting": "counting", "colors": "colors", "position": "position",
                "color attribution": "color-attribution", "attribute binding": "color-attribution"},
    "dpg-bench": {"global": "global", "entity": "entity", "attribute": "attribute", "relation": "relation", "other": "other"},
    "wise": {"cultural": "cultural", "time": "time", "space": "space", "biology": "biology", "physics": "physics", "chemistry": "chemistry"},
    "imgedit-bench": {name: name for name in ("overall", "add", "adjust", "extract", "replace", "remove", "background", "style", "hybrid", "action")},
    "t2i-compbench-plus-plus": {"color": "color", "shape": "shape", "texture": "texture"},
    "t2i-compbench": {"color": "color", "shape": "shape", "texture": "texture"},
}
GEDIT_TASKS = {"background change": "background-change", "color alteration": "color-alteration", "material modification": "material-modification",
               "motion change": "motion-change", "portrait beautification": "portrait-beautification", "style transfer": "style-transfer",
               "subject addition": "subject-addition", "subject removal": "subject-removal", "subject replacement": "subject-replacement",
               "text modification": "text-modification", "tone transformation": "tone-transformation"}
UNIT_SCALE = {"geneval", "wise", "t2i-compbench", "t2i-compbench-plus-plus"}  # metrics on 0-1 that papers also print on 0-100
SIZE = re.compile(r"(?<![A-Za-z])\d+(\.\d+)?[BM](-A\d+(\.\d+)?B)?")  # not "A3B" alone: that is the active count
SIZE_WORDS = re.compile(r"\d+(\.\d+)?[BM]|\b(MoT|active|activated|total|LLM|Instruct)\b|[()/+,~]")


def metric_of(benchmark: str, printed: str) -> tuple[str, dict] | None:
    """The metric id and the split a printed column name implies, or None when it is not one of ours."""
    name = printed.strip().lower()
    if re.fullmatch(r"(geneval|dpg|dpg score|dpg-bench|wise) \(overall\)", name):  # "GenEval (overall)" and the like
        name = "overall"
    if benchmark in SUBSCORES and name in SUBSCORES[benchmark]:
        return SUBSCORES[benchmark][name], {}
    if benchmark in {"geneval", "dpg-bench"} and name in {"overall", "overall (avg)", "avg", "average"}:
        return "overall", {}
    if benchmark == "wise" and name in {"overall", "wiscore"}:
        return "wiscore", {}
    if benchmark == "gedit-bench":
        match = re.fullmatch(r"(en|cn) (o|sc|pq|.+)", name)
        if match:
            metric = {"o": "overall", "sc": "semantic-consistency", "pq": "perceptual-quality"}.get(match[2]) or GEDIT_TASKS.get(match[2])
            return (metric, {"split": match[1]}) if metric else None
    if benchmark == "mme":
        if name in {"mme-p", "perception", "mme (perception)"}:
            return "perception", {}
        if name in {"cognition", "mme-c"}:
            return "cognition", {}
        if name.startswith("mme-s") or name in {"mme (sum)", "sum"}:
            return "total", {}
        return None
    if benchmark == "mmbench":
        split = "cn" if "cn" in name else "en-dev" if "dev" in name else "en-test" if "test" in name else "en" if "en" in name else None
        return "accuracy", ({"split": split} if split else {})
    if benchmark == "mmmu":
        split = "test" if "test" in name else "val" if "val" in name else None
        return "accuracy", ({"split": split} if split else {})
    if benchmark == "mm-vet":
        return "total", {}
    if benchmark == "pope":
        return ("f1", {}) if "f1" in name else ("accuracy", {}) if "acc" in name else ("reported", {})
    if benchmark == "seed-bench":
        return "accuracy", ({"split": "image"} if "img" in name or name.endswith("i") else {})
    if benchmark == "gqa":
        return "accuracy", {}
    return None


def value_text(printed: str, benchmark: str) -> str:
    """The number in the metric's scale, as text with the digits it was printed with."""
    text = printed.strip().rstrip("%")
    if benchmark in UNIT_SCALE and float(text) > 1:
        digits = len(text.split(".")[1]) if "." in text else 0
        return f"{float(text) / 100:.{digits + 2}f}"
    return text


def setting_of(note: dict, extra: dict, benchmark: str, printed_value: str) -> dict:
    settings = note.get("settings") or {}
    setting: dict = {}
    size = SIZE.search(note.get("size") or "")
    if size:
        setting["size"] = size[0]
    if isinstance(settings.get("resolution"), int) or re.fullmatch(r"\d+(x\d+)?", str(settings.get("resolution") or "")):
        setting["resolution"] = int(str(settings["resolution"]).split("x")[0])
    if settings.get("prompt_rewriting") in (True, False):
        setting["prompt_rewriting"] = settings["prompt_rewriting"]
    split = extra.get("split") or _split(settings.get("split"))
    if split:
        setting["split"] = split
    judge = settings.get("judge")
    if isinstance(judge, str) and "not stated" not in judge:
        setting["judge"] = judge
    notes = []
    if len(re.sub(r"[^A-Za-z]", "", SIZE_WORDS.sub("", note.get("size") or ""))) >= 3 and "not stated" not in (note.get("size") or ""):
        notes.append(f"variant: {note['size']}")
    if benchmark in UNIT_SCALE and float(printed_value.rstrip("%")) > 1:
        notes.append(f"printed as {printed_value} on a 0-100 scale")
    if notes:
        setting["note"] = "; ".join(notes)
    return setting


def _split(printed: object) -> str | None:
    if not isinstance(printed, str):
        return None
    known = {"en": "en", "cn": "cn", "val": "val", "test": "test", "testmini": "testmini", "image": "image", "dev-en": "en-dev", "en test": "en-test"}
    return known.get(printed.strip().lower())


def bibkey_of(entry_id: str) -> str | None:
    """The bibkey of the model, or the benchmark (whose paper measured others), with this id."""
    path = next((found for folder in ("models", "benchmarks") if (found := ROOT / "catalogue" / folder / f"{entry_id}.yaml").exists()), None)
    if path is None:
        return None
    return YAML(typ="safe").load(path.read_text(encoding="utf-8")).get("bibkey")


def is_ablation(note: dict) -> bool:
    """Ablation rows (other guidance scales, steps or training stages) are not the model's result."""
    return "ablation" in f"{note.get('table')} {(note.get('settings') or {}).get('note')}".lower()


def result_of(note: dict, settings=setting_of) -> tuple[str, dict] | None:
    """The model and result a note maps to; `settings` reads the note's setting."""
    if is_ablation(note):
        return None
    benchmark = BENCHMARKS.get(note["benchmark"].strip().lower())
    found = metric_of(benchmark, note["metric"]) if benchmark else None
    if note["kind"] == "own":
        model, source = note["model"], note["model"]
    else:
        model, source = note.get("measured_model"), note.get("reported_in")
    bibkey = bibkey_of(source) if source else None
    if not found or not bibkey or not model or not (ROOT / "catalogue" / "models" / f"{model}.yaml").exists():
        return None
    try:
        text = value_text(str(note["value"]), benchmark)
    except ValueError:
        return None
    metric, extra = found
    value = YAML().load(f"v: {text}")["v"]  # a float that remembers its printed digits
    setting = settings(note, extra, benchmark, str(note["value"]))
    result = {"benchmark": benchmark, "metric": metric, "value": value, **({"setting": setting} if setting else {}),
              "source": {"bibkey": bibkey, "table": note["table"], "reported_by": note["kind"]}}
    return model, result


def identity(result: dict) -> str:
    setting = {key: value for key, value in dict(result.get("setting") or {}).items()}
    return json.dumps([result["benchmark"], result["metric"], setting, result["source"]["bibkey"]], sort_keys=True, default=str)


def main() -> int:
    retired(__file__, "the commits that added its notes (git log -- research/add_reported_2026.py); results settings now name `variant` and sizes in the facts' vocabulary")
    per_model: dict[str, list[dict]] = {}
    skipped = 0
    for path in NOTES:
        for note in json.loads(path.read_text(encoding="utf-8")):
            mapped = result_of(note)
            if mapped is None:
                skipped += 1
                continue
            per_model.setdefault(mapped[0], []).append(mapped[1])
    added = append_results(per_model, identity)
    print(f"added {added} reported numbers for {len(per_model)} models; {skipped} notes name a benchmark, metric or model the catalogue lacks")
    return 0


if __name__ == "__main__":
    sys.exit(main())
