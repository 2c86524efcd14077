"""One-off: the sub-score metrics that the benchmarks' own papers define, added to their entries.

    python research/add_metrics_2026.py

Append-only: a metric whose id the benchmark already has is left as it is, so running it again changes
nothing. Names follow each benchmark paper's tables (GenEval Table 2, DPG-Bench's category columns,
WISE's six categories, MMMU's six disciplines, MM-Vet's six capabilities, ImgEdit-Bench's nine edit types scored 1-5, T2I-CompBench's attribute columns,
GEdit-Bench's eleven edit tasks).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from fence import write_catalogue_file  # noqa: E402

from umm_survey.authoring.entryfile import yaml_writer  # noqa: E402
from umm_survey.authoring.formatting import format_entry  # noqa: E402
from umm_survey.schema import Kind  # noqa: E402


def metrics(scale: tuple[float, float], *names: str) -> list[dict]:
    return [{"id": name.lower().replace(" & ", "-").replace(" ", "-").replace("(", "").replace(")", ""), "name": name, "higher_is_better": True, "min": scale[0], "max": scale[1]} for name in names]


GEDIT_TASKS = ("Background change", "Color alteration", "Material modification", "Motion change", "Portrait beautification", "Style transfer",
               "Subject addition", "Subject removal", "Subject replacement", "Text modification", "Tone transformation")
ADDED = {
    "geneval": metrics((0, 1), "Single object", "Two object", "Counting", "Colors", "Position", "Color attribution"),
    "dpg-bench": metrics((0, 100), "Global", "Entity", "Attribute", "Relation", "Other"),
    "wise": metrics((0, 1), "Cultural", "Time", "Space", "Biology", "Physics", "Chemistry"),
    "imgedit-bench": metrics((1, 5), "Overall", "Add", "Adjust", "Extract", "Replace", "Remove", "Background", "Style", "Hybrid", "Action"),
    "t2i-compbench": metrics((0, 1), "Color", "Shape", "Texture", "Spatial", "Non-spatial", "Complex"),
    "t2i-compbench-plus-plus": metrics((0, 1), "Color", "Shape", "Texture", "2D spatial", "3D spatial", "Non-spatial", "Numeracy", "Complex"),
    "mmmu": metrics((0, 100), "Art & Design", "Business", "Science", "Health & Medicine", "Humanities & Social Science", "Tech & Engineering"),
    "mm-vet": metrics((0, 100), "Recognition", "OCR", "Knowledge", "Language generation", "Spatial awareness", "Math"),
    "gedit-bench": [{**metric, "name": f"{metric['name']} (G_O)"} for metric in metrics((0, 10), *GEDIT_TASKS)],
}


def main() -> int:
    writer = yaml_writer()
    for benchmark, new in ADDED.items():
        path = ROOT / "catalogue" / "benchmarks" / f"{benchmark}.yaml"
        document = writer.load(path.read_text(encoding="utf-8"))
        known = {metric["id"] for metric in document.get("metrics", [])}
        added = [metric for metric in new if metric["id"] not in known]
        if not added:
            continue
        document.setdefault("metrics", []).extend(added)
        import io

        buffer = io.StringIO()
        writer.dump(document, buffer)
        write_catalogue_file(path, format_entry(buffer.getvalue(), Kind.BENCHMARK))
        print(f"{benchmark}: {len(added)} metrics added")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
