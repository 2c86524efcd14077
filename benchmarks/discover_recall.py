"""How well `discover` ranks: recall and precision at 20 and 50 on a replayed window of real arXiv titles.

    .venv/bin/python benchmarks/discover_recall.py [--since 2025-06-01] [--until 2026-09-30]

The window is made from the catalogue's own decisions, at run time (nothing is copied into the project):
every catalogued paper with an arXiv id first posted in the window is labelled in scope, every paper
`triage.yaml` marks out-of-scope is labelled out. A local HTTP server on 127.0.0.1 answers the arXiv API
with those papers (id, title and first-posted date; abstracts are not kept, so the scores use titles
only: a harder test than the real run), and discover runs against a copy of the catalogue from which the
window's papers and the triage file are removed, with the arXiv source only (no citations, no lists).
Reported per calendar month (the weekly run looks at about a month) and for the whole window at once.
"""

from __future__ import annotations

import argparse
import calendar
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

import yaml

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "catalogue"


def labelled(since: str, until: str) -> list[dict]:
    papers = []
    for path in sorted(CATALOGUE.glob("*/*.yaml")):
        if path.parent.name not in ("models", "datasets", "benchmarks", "applications"):
            continue
        entry = yaml.safe_load(path.read_text(encoding="utf-8"))
        arxiv, date = entry.get("arxiv"), str(entry.get("date"))
        if arxiv and since <= date <= until:
            papers.append({"arxiv": str(arxiv), "title": entry["title"], "date": date, "in": True, "file": path})
    for paper in yaml.safe_load((CATALOGUE / "triage.yaml").read_text(encoding="utf-8"))["papers"]:
        month = f"20{paper['arxiv'][:2]}-{paper['arxiv'][2:4]}"
        if paper["decision"] == "out-of-scope" and since[:7] <= month <= until[:7]:
            papers.append({"arxiv": paper["arxiv"], "title": paper["title"], "date": f"{month}-15", "in": False})
    return papers


def feed(papers: list[dict]) -> bytes:
    entries = "".join(f"<entry><id>http://arxiv.org/abs/{paper['arxiv']}v1</id><published>{paper['date']}T00:00:00Z</published>"
                      f"<title>{escape(paper['title'])}</title><summary></summary></entry>" for paper in papers)
    return (f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">'
            f"<opensearch:totalResults>{len(papers)}</opensearch:totalResults>{entries}</feed>").encode()


def serve(body: bytes) -> tuple[ThreadingHTTPServer, str]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/api/query"


def ranking(papers: list[dict], since: str, until: str, work: Path) -> list[str]:
    catalogue = work / "catalogue"
    if catalogue.exists():
        shutil.rmtree(catalogue)
    shutil.copytree(CATALOGUE, catalogue)
    (catalogue / "triage.yaml").unlink()
    for paper in papers:
        if paper.get("file"):
            (catalogue / paper["file"].relative_to(CATALOGUE)).unlink(missing_ok=True)
    server, url = serve(feed(papers))
    try:
        done = subprocess.run([sys.executable, "-m", "umm_survey.cli", "discover", "--catalogue", str(catalogue), "--source", "arxiv", "--since", since, "--until", until,
                               "--format", "json", "--page-delay", "0"], capture_output=True, text=True, env={"UMM_ARXIV_API_URL": url, "PATH": ""}, check=True)
    finally:
        server.shutdown()
    return [candidate["arxiv"] for candidate in json.loads(done.stdout)["candidates"]]


def measure(papers: list[dict], order: list[str]) -> dict[str, float]:
    relevant = {paper["arxiv"] for paper in papers if paper["in"]}
    figures = {}
    for k in (20, 50):
        top = order[:k]
        hits = sum(1 for arxiv in top if arxiv in relevant)
        figures[f"recall@{k}"] = hits / len(relevant) if relevant else 1.0
        figures[f"precision@{k}"] = hits / len(top) if top else 0.0
    position = {arxiv: index for index, arxiv in enumerate(order)}
    inside = [position.get(paper["arxiv"], len(order)) for paper in papers if paper["in"]]
    outside = [position.get(paper["arxiv"], len(order)) for paper in papers if not paper["in"]]
    pairs = [(a < b) + 0.5 * (a == b) for a in inside for b in outside]
    figures["auc"] = sum(pairs) / len(pairs) if pairs else 1.0  # chance an in-scope paper ranks above an out-of-scope one
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--since", default="2025-06-01")
    parser.add_argument("--until", default="2026-09-30")
    args = parser.parse_args(argv)
    papers = labelled(args.since, args.until)
    months = sorted({paper["date"][:7] for paper in papers})
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for month in months:
            chosen = [paper for paper in papers if paper["date"][:7] == month]
            last = calendar.monthrange(int(month[:4]), int(month[5:]))[1]
            order = ranking(chosen, f"{month}-01", f"{month}-{last:02d}", Path(folder))
            rows.append((month, sum(paper["in"] for paper in chosen), sum(not paper["in"] for paper in chosen), measure(chosen, order)))
        whole = measure(papers, ranking(papers, args.since, args.until, Path(folder)))
    print("| month | in scope | out of scope | recall@20 | precision@20 | recall@50 | precision@50 |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for month, inside, outside, figures in rows:
        print(f"| {month} | {inside} | {outside} | {figures['recall@20']:.2f} | {figures['precision@20']:.2f} | {figures['recall@50']:.2f} | {figures['precision@50']:.2f} |")
    medians = {key: statistics.median(figures[key] for *_, figures in rows) for key in ("recall@20", "precision@20", "recall@50", "precision@50")}
    print(f"| median of months | | | {medians['recall@20']:.2f} | {medians['precision@20']:.2f} | {medians['recall@50']:.2f} | {medians['precision@50']:.2f} |")
    inside = sum(paper["in"] for paper in papers)
    print(f"| whole window | {inside} | {len(papers) - inside} | {whole['recall@20']:.2f} | {whole['precision@20']:.2f} | {whole['recall@50']:.2f} | {whole['precision@50']:.2f} |")
    print(f"\nWhole window: an in-scope paper ranks above an out-of-scope one with probability {whole['auc']:.2f} (ROC AUC; 0.5 is chance).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
