"""Build speed, memory and the reader's side on synthetic catalogues of growing size.

    python benchmarks/build_scale.py                 # 250, 2,500 and 10,000 entries, 3 runs each
    python benchmarks/build_scale.py --sizes 250 2500 --runs 5
    python benchmarks/build_scale.py --sizes 2500 --no-reader   # without the browser figures

Per size it measures, each in a fresh Python process (so peak memory is that run's own):
- validate: load and check the catalogue;
- build: a clean build (`--no-cache`), load included, and its peak memory;
- lower bound: a plain Jinja script that parses every entry file and writes one comparable page each
  (header, navigation, fields table, BibTeX), the least any generator must spend;
- rebuild: a build with the page cache after one entry file changed (the cache warmed first);
- reader side (Chromium through Playwright, the site served on 127.0.0.1): the search index's size,
  the time from navigation to the first search result, and sorting and filtering the largest group table.
The report gives medians and ratios (build over lower bound, rebuild over build), which are what these
noisy machines can compare. Never run from the test suite: timings belong here, not in tests.
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

from umm_survey.authoring.entryfile import bib_authors, dump_entry, format_record  # noqa: E402
from umm_survey.schema import Kind  # noqa: E402

MODEL_GROUPS = ["diffusion", "ar-pixel", "ar-semantic", "ar-learnable-query", "ar-hybrid-pseudo", "ar-hybrid-joint", "hybrid-pixel", "hybrid-pseudo", "any-to-any"]
KIND_GROUPS = {Kind.MODEL: MODEL_GROUPS, Kind.DATASET: ["dataset-understanding", "dataset-text-to-image", "dataset-editing"], Kind.BENCHMARK: ["benchmark-understanding", "benchmark-generation"], Kind.APPLICATION: ["applications"]}
KIND_CYCLE = [Kind.MODEL] * 5 + [Kind.DATASET, Kind.DATASET, Kind.BENCHMARK, Kind.BENCHMARK, Kind.APPLICATION]

MEASURE = r"""
import json, resource, sys, time
from pathlib import Path
from umm_survey.checks.catalogue import load_catalogue
from umm_survey.publish.site import BuildPaths, build_site, check_cache_folder
from umm_survey.cli import collect_less
collect_less()  # as the command line does
root, site, what, repo = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], Path(sys.argv[4])
paths = BuildPaths(site, repo / "templates", repo / "mkdocs.yml", use_cache=what == "rebuild")
if what == "rebuild":  # warm the cache, then change one entry and time the second build
    build_site(load_catalogue(root, cache_folder=check_cache_folder(paths)), paths)
    changed = sorted((root / "models").glob("*.yaml"))[int(sys.argv[5])]
    changed.write_text(changed.read_text().replace("for the benchmark.", "for the benchmark, edited."))
started = time.perf_counter()
catalogue = load_catalogue(root, cache_folder=check_cache_folder(paths) if what == "rebuild" else None)  # as `build` loads
validate_seconds = time.perf_counter() - started
assert catalogue.ok, [str(p) for p in catalogue.problems[:5]]
build_seconds = None
if what != "validate":
    build_site(catalogue, paths)
    build_seconds = time.perf_counter() - started
print(json.dumps({"validate": validate_seconds, "build": build_seconds, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

LOWER_BOUND = r"""
import gc, json, sys, time
gc.set_threshold(50_000, 10, 10)  # the collector as the command line sets it, so the comparison stays fair
from pathlib import Path
import jinja2, yaml
root, out = Path(sys.argv[1]), Path(sys.argv[2])
loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
page = jinja2.Environment(autoescape=True).from_string(
    "<!doctype html><html><head><title>{{ e.name }}</title></head><body><header>{{ site }}</header>"
    "<nav><ul>{% for link in nav %}<li><a href='{{ link }}.html'>{{ link }}</a></li>{% endfor %}</ul></nav>"
    "<main><h1>{{ e.name }}</h1><p>{{ e.title }}</p><table>{% for key, value in e.items() %}<tr><th>{{ key }}</th><td>{{ value }}</td></tr>{% endfor %}</table>"
    "<pre><code>@misc{ {{- e.bibkey }}, title = { {{- e.title }}}, eprint = { {{- e.arxiv }}}}</code></pre></main></body></html>")
nav = [f"group-{index}" for index in range(40)]
started = time.perf_counter()
for path in sorted(root.glob("*/*.yaml")):
    entry = yaml.load(path.read_text(), Loader=loader)
    target = out / path.parent.name / (path.stem + ".html")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(page.render(e=entry, site="Unified Multimodal Models", nav=nav))
print(json.dumps({"lower": time.perf_counter() - started}))
"""

READER = r"""
import json, statistics, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[3])
from sitehelpers import chromium_path_or_none, serve_folder
from playwright.sync_api import sync_playwright
site, query = Path(sys.argv[1]), sys.argv[2]
biggest = max((site / "groups").glob("*.html"), key=lambda path: path.read_text().count("<tr"))
figures = {"search": [], "sort": [], "filter": []}
with serve_folder(site) as base, sync_playwright() as driver:
    browser = driver.chromium.launch(executable_path=chromium_path_or_none(), args=["--no-sandbox", "--disable-gpu"])
    for _ in range(3):
        page = browser.new_page()
        started = time.perf_counter()
        page.goto(base + "index.html")
        page.focus(".md-search__input")
        page.keyboard.type(query)
        page.wait_for_selector(".md-search-result__item", timeout=120000)
        figures["search"].append(time.perf_counter() - started)
        page.close()
    page = browser.new_page()
    page.goto(base + "groups/" + biggest.name)
    rows = page.eval_on_selector_all("table.umm-sortable tbody tr", "rows => rows.length")
    for column in ("Date", "Name", "Date"):
        figures["sort"].append(page.evaluate(
            "name => { const button = [...document.querySelectorAll('button.umm-sort')].find(b => b.textContent.trim() === name);"
            " const started = performance.now(); button.click(); document.body.offsetHeight; return (performance.now() - started) / 1000; }", column))
    for needle in ("synth-1", "synth-12", ""):
        figures["filter"].append(page.evaluate(
            "needle => { const box = document.querySelector('.umm-filter-text'); const started = performance.now();"
            " box.value = needle; box.dispatchEvent(new Event('input')); document.body.offsetHeight; return (performance.now() - started) / 1000; }", needle))
    browser.close()
print(json.dumps({"rows": rows, **{name: statistics.median(values) for name, values in figures.items()}}))
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


def run_script(script: str, *arguments: str) -> dict:
    output = subprocess.run([sys.executable, "-c", script, *arguments], capture_output=True, text=True, env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})
    if output.returncode != 0:
        raise SystemExit(f"measurement failed:\n{output.stderr[-3000:]}")
    return json.loads(output.stdout.strip().splitlines()[-1])


def measure(root: Path, site: Path, what: str, run: int = 0) -> dict:
    return run_script(MEASURE, str(root), str(site), what, str(ROOT), str(run))


def lower_bound(root: Path, work: Path) -> float:
    out = work / "lower"
    try:
        return run_script(LOWER_BOUND, str(root), str(out))["lower"]
    finally:
        shutil.rmtree(out, ignore_errors=True)


def reader_side(site: Path) -> dict:
    return run_script(READER, str(site), "Synth-1234", str(ROOT / "tests"))


def measure_size(size: int, runs: int, reader: bool) -> dict:
    with tempfile.TemporaryDirectory() as work:
        root, site = Path(work) / "catalogue", Path(work) / "site"
        root.mkdir()
        synthetic_catalogue(root, size)
        validates = [measure(root, site, "validate")["validate"] for _ in range(runs)]
        builds = [measure(root, site, "build") for _ in range(runs)]
        lowers = [lower_bound(root, Path(work)) for _ in range(runs)]
        row = {
            "entries": size,
            "validate_s": statistics.median(validates),
            "build_s": statistics.median(run["build"] for run in builds),
            "peak_mb": statistics.median(run["peak_mb"] for run in builds),
            "lower_s": statistics.median(lowers),
            "site_mb": folder_megabytes(site),
            "search_mb": (site / "search" / "search_index.json").stat().st_size / 1e6,
        }
        rebuild_site = Path(work) / "rebuilt"
        row["rebuild_s"] = statistics.median(measure(root, rebuild_site, "rebuild", run)["build"] for run in range(runs))
        if reader:
            row.update({f"reader_{name}": value for name, value in reader_side(site).items()})
    return row


def report(rows: list[dict]) -> None:
    print(f"\n{'entries':>8} {'validate s':>11} {'build s':>8} {'lower s':>8} {'build/lower':>11} {'rebuild s':>10} {'rebuild/build':>13} {'peak MB':>8} {'site MB':>8} {'search MB':>9}")
    for row in rows:
        print(f"{row['entries']:>8} {row['validate_s']:>11.2f} {row['build_s']:>8.2f} {row['lower_s']:>8.2f} {row['build_s'] / row['lower_s']:>11.1f} {row['rebuild_s']:>10.2f} {row['rebuild_s'] / row['build_s']:>13.2f} {row['peak_mb']:>8.0f} {row['site_mb']:>8.1f} {row['search_mb']:>9.2f}")
    if any("reader_rows" in row for row in rows):
        print(f"\n{'entries':>8} {'largest table rows':>18} {'first search result s':>21} {'sort ms':>8} {'filter ms':>9}")
        for row in rows:
            if "reader_rows" in row:
                print(f"{row['entries']:>8} {row['reader_rows']:>18} {row['reader_search']:>21.2f} {1000 * row['reader_sort']:>8.0f} {1000 * row['reader_filter']:>9.0f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 2500, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-reader", dest="reader", action="store_false", help="skip the Chromium figures")
    args = parser.parse_args()
    rows = []
    for size in args.sizes:
        rows.append(measure_size(size, args.runs, args.reader))
        print(json.dumps(rows[-1]), flush=True)
    report(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
