"""Lighthouse's four category scores (mobile) for each page type of the built site.

    npm install --prefix /tmp/lh -E lighthouse@12.2.3      # once; 12.2.3 runs on Node 20
    python benchmarks/lighthouse.py --lighthouse /tmp/lh/node_modules/.bin/lighthouse
    python benchmarks/lighthouse.py --site site --runs 5 --json lighthouse.json

The site (built from the bundled catalogue unless --site names a built one) is served on 127.0.0.1 the
way a static host such as GitHub Pages serves it: gzip for text and `Cache-Control: max-age=600`.
Lighthouse runs Debian's chromium headless with its default mobile settings (simulated slow 4G and a
4x slower CPU) on one page of each type the browser tests check (tests/sitehelpers.py: home, a group,
an entry, a leaderboard, the timeline, the statistics, the compare page, a component). Per page it reports the median of each category over the runs and
what the page transferred as it loaded. Never run from the test suite.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from sitehelpers import PAGE_TYPES as PAGES  # noqa: E402 - the page types the browser tests check

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt"}
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking"


class StaticHost(SimpleHTTPRequestHandler):
    """A static host's answers: gzip for text when the browser accepts it, and a ten-minute cache."""

    def log_message(self, format, *args):  # noqa: A002 - http.server's signature
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix not in COMPRESSIBLE or "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextmanager
def serve(folder: Path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(StaticHost, directory=str(folder)))
    server.handle_error = lambda *_args: None  # a browser closing a connection early is normal
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def build_site(into: Path) -> Path:
    sys.path.insert(0, str(ROOT / "src"))
    from umm_survey.cli import main as umm_survey

    site = into / "site"
    if umm_survey(["build", "--catalogue", str(ROOT / "catalogue"), "--site-dir", str(site), "--templates", str(ROOT / "templates"), "--config", str(ROOT / "mkdocs.yml")]) != 0:
        raise SystemExit("the build failed")
    return site


def audit(lighthouse: str, chromium: str, url: str, report: Path) -> dict:
    """One Lighthouse run: the four scores (0-100) and the bytes the page transferred."""
    command = [lighthouse, url, "--quiet", f"--chrome-flags={CHROME_FLAGS}", "--output=json", f"--output-path={report}", "--only-categories=" + ",".join(CATEGORIES)]
    subprocess.run(command, check=True, env={"CHROME_PATH": chromium, "PATH": "/usr/bin:/bin:/usr/local/bin"}, timeout=300)
    result = json.loads(report.read_text())
    scores = {name: round(100 * result["categories"][name]["score"]) for name in CATEGORIES}
    scores["kib"] = result["audits"]["total-byte-weight"]["numericValue"] / 1024
    scores["benchmark_index"] = result["environment"]["benchmarkIndex"]  # this machine's speed as Lighthouse measured it
    scores["failing"] = sorted(name for name, item in result["audits"].items() if item.get("score") is not None and item["score"] < 0.9 and item.get("scoreDisplayMode") in {"binary", "numeric", "metricSavings"})
    return scores


def median_of(runs: list[dict]) -> dict:
    merged = {name: statistics.median(run[name] for run in runs) for name in (*CATEGORIES, "kib", "benchmark_index")}
    merged["failing"] = sorted({name for run in runs for name in run["failing"]})
    return merged


def table(results: dict[str, dict]) -> str:
    lines = ["| page | performance | accessibility | best practices | SEO | transferred KiB | benchmark index | audits under 0.9 in any run |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    for page, row in results.items():
        cells = [f"{row[name]:.0f}" for name in CATEGORIES]
        lines.append(f"| {page} | {' | '.join(cells)} | {row['kib']:.0f} | {row['benchmark_index']:.0f} | {', '.join(row['failing']) or '-'} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one from the bundled catalogue)")
    parser.add_argument("--lighthouse", default=shutil.which("lighthouse"), help="the lighthouse command (default: on PATH)")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", nargs="+", choices=sorted(PAGES), default=list(PAGES))
    parser.add_argument("--json", type=Path, help="also write the medians here")
    args = parser.parse_args(argv)
    if not args.lighthouse:
        parser.error("lighthouse not found: npm install --prefix /tmp/lh -E lighthouse@12.2.3, then pass --lighthouse /tmp/lh/node_modules/.bin/lighthouse")
    with tempfile.TemporaryDirectory(prefix="umm-lighthouse-") as scratch:
        site = args.site or build_site(Path(scratch))
        results = {}
        with serve(site) as base:
            for page in args.pages:
                runs = [audit(args.lighthouse, args.chromium, base + PAGES[page], Path(scratch) / f"{page}-{run}.json") for run in range(args.runs)]
                results[page] = median_of(runs)
                print(f"{page}: " + ", ".join(f"{name} {results[page][name]:.0f}" for name in CATEGORIES), file=sys.stderr, flush=True)
    print(f"Lighthouse (mobile), median of {args.runs} runs per page\n")
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
