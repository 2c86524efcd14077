"""Validate and build time, peak memory and site size on synthetic catalogues of growing size.

    python benchmarks/build_scale.py                 # 250, 2,500 and 10,000 entries, 3 runs each
    python benchmarks/build_scale.py --sizes 250 2500 --runs 5

Each measurement runs in a fresh Python process (so peak memory is that run's own), and the
report gives medians and the per-entry ratios, which say whether growth is linear.
Never run from the test suite: timings belong here, not in tests.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from umm_survey.entryfile import bib_authors, dump_entry, format_record  # noqa: E402
from umm_survey.schema import Kind  # noqa: E402

MODEL_GROUPS = ["diffusion", "ar-pixel", "ar-semantic", "ar-learnable-query", "ar-hybrid-pseudo", "ar-hybrid-joint", "hybrid-pixel", "hybrid-pseudo", "any-to-any"]
KIND_GROUPS = {Kind.MODEL: MODEL_GROUPS, Kind.DATASET: ["dataset-understanding", "dataset-text-to-image", "dataset-editing"], Kind.BENCHMARK: ["benchmark-understanding", "benchmark-generation"], Kind.APPLICATION: ["applications"]}
KIND_CYCLE = [Kind.MODEL] * 5 + [Kind.DATASET, Kind.DATASET, Kind.BENCHMARK, Kind.BENCHMARK, Kind.APPLICATION]

MEASURE = r"""
import json, resource, sys, time
from pathlib import Path
from umm_survey.catalogue import load_catalogue
from umm_survey.site.build import BuildPaths, build_site
root, site, what = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
started = time.perf_counter()
catalogue = load_catalogue(root)
validate_seconds = time.perf_counter() - started
assert catalogue.ok, [str(p) for p in catalogue.problems[:5]]
build_seconds = None
if what == "build":
    started = time.perf_counter()
    build_site(catalogue, BuildPaths(site, Path(sys.argv[4]) / "templates", Path(sys.argv[4]) / "mkdocs.yml"))
    build_seconds = time.perf_counter() - started
print(json.dumps({"validate": validate_seconds, "build": build_seconds, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def synthetic_catalogue(root: Path, size: int) -> None:
    for name in ("taxonomy.yaml", "venues.yaml"):
        shutil.copy(ROOT / "catalogue" / name, root / name)
    records = []
    for index in range(size):
        kind = KIND_CYCLE[index % len(KIND_CYCLE)]
        year, month = 2021 + index % 5, 1 + index % 12
        arxiv = f"{year % 100:02d}{month:02d}.{10000 + index:05d}"
        key = f"author{index}{year}synthetic"
        title = f"Synthetic Entry {index}: A Study of Unified Models Number {index}"
        data = {
            "name": f"Synth-{index}", "title": title, "date": f"{year}-{month:02d}-15", "venue": "arXiv",
            "groups": [KIND_GROUPS[kind][index % len(KIND_GROUPS[kind])]], "bibkey": key, "arxiv": arxiv,
            "code": f"https://github.com/synthetic/repo-{index}", "summary": f"Synthetic entry number {index} for the benchmark.",
        }
        if kind is Kind.MODEL:
            data.update(inputs=["text", "image"], outputs=["text", "image"], series=f"series-{index // 3}")
        elif kind is Kind.DATASET:
            data.update(size=1000 + index, sample="image-caption pair")
        elif kind is Kind.BENCHMARK:
            data.update(task="synthetic task", metrics=[{"id": "overall", "name": "Overall", "higher_is_better": True}])
        folder = root / kind.folder
        folder.mkdir(exist_ok=True)
        (folder / f"synth-{index}.yaml").write_text(dump_entry(kind, data))
        fields = {"author": bib_authors([f"Ada Author{index}", "Bo Writer"]), "title": title, "year": str(year), "eprint": arxiv, "archiveprefix": "arXiv", "primaryclass": "cs.CV"}
        records.append(format_record(key, "misc", fields))
    (root / "references.bib").write_text("\n".join(records))


def folder_megabytes(folder: Path) -> float:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file()) / 1e6


def measure(root: Path, site: Path, what: str) -> dict:
    output = subprocess.run([sys.executable, "-c", MEASURE, str(root), str(site), what, str(ROOT)], capture_output=True, text=True, env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})
    if output.returncode != 0:
        raise SystemExit(f"measurement failed:\n{output.stderr[-3000:]}")
    return json.loads(output.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 2500, 10000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    rows = []
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as work:
            root, site = Path(work) / "catalogue", Path(work) / "site"
            root.mkdir()
            synthetic_catalogue(root, size)
            validates = [measure(root, site, "validate")["validate"] for _ in range(args.runs)]
            builds = [measure(root, site, "build") for _ in range(args.runs)]
            row = {
                "entries": size,
                "validate_s": statistics.median(validates),
                "build_s": statistics.median(run["build"] for run in builds),
                "peak_mb": statistics.median(run["peak_mb"] for run in builds),
                "site_mb": folder_megabytes(site),
            }
        rows.append(row)
        print(json.dumps(row), flush=True)
    print(f"\n{'entries':>8} {'validate s':>11} {'build s':>9} {'peak MB':>8} {'site MB':>8} {'ms/entry build':>15} {'KB/entry site':>14}")
    for row in rows:
        print(f"{row['entries']:>8} {row['validate_s']:>11.2f} {row['build_s']:>9.2f} {row['peak_mb']:>8.0f} {row['site_mb']:>8.1f} {1000 * row['build_s'] / row['entries']:>15.2f} {1000 * row['site_mb'] / row['entries']:>14.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
