"""One-off: import the companion list with the importer, overlaying the verified facts in research/*.json.

    python research/apply_facts.py LIST.md [--catalogue catalogue] [--dry-run]

It runs the importer's own parse and plan, fills each planned entry from the
facts row of its first list line (authors, corrected title/date/venue/ids,
links, summaries, kind-specific fields), writes entries and BibTeX records,
and writes catalogue/CORRECTIONS.md from every recorded correction.
Kept in the repository as the record of how the catalogue was made.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from fence import retired  # noqa: E402

from umm_survey.authoring.entryfile import append_records, bib_authors, dump_entry, format_record, protect_title  # noqa: E402
from umm_survey.authoring.importer.parse import parse_list  # noqa: E402
from umm_survey.authoring.importer.plan import plan_import  # noqa: E402
from umm_survey.checks.catalogue import load_catalogue  # noqa: E402
from umm_survey.links import normalise_url  # noqa: E402
from umm_survey.publish.atomic import write_text_atomic  # noqa: E402
from umm_survey.schema import ENTRY_ID, Kind  # noqa: E402

VENUE_ALIASES = {"NeurIPS 2023 Datasets and Benchmarks": "NeurIPS Datasets and Benchmarks 2023"}
# venues settled by hand where the look-ups named the track (see research/fix-*.json notes)
VENUE_BY_LINE = {222: "NeurIPS Datasets and Benchmarks 2025"}
# model families and evaluation suites whose entries share a code repository
SERIES = {
    "emu": "emu", "emu2": "emu", "emu3": "emu", "emu3-5": "emu",
    "seed": "seed", "seed-llama": "seed", "seed-x": "seed",
    "lavit": "lavit", "video-lavit": "lavit",
    "ming-lite-uni": "ming", "ming-omni": "ming", "ming-flash-omni": "ming", "ming-univision": "ming",
    "skywork-unipic": "unipic", "unipic-2": "unipic", "unipic-2-0": "unipic",
    "mm-vet": "mm-vet", "mm-vet-v2": "mm-vet",
    "seed-bench": "seed-bench", "seed-bench-2": "seed-bench",
    "vqascore": "genai-bench", "genai-bench": "genai-bench",
    "show-o": "show-o", "show-o2": "show-o",
    "janus": "janus", "janus-pro": "janus", "janusflow": "janus",
    "vargpt": "vargpt", "vargpt-v1-1": "vargpt",
    "illume": "illume", "illume-plus": "illume",
    "blip3-o": "blip3-o",
    "t2i-compbench": "t2i-compbench", "t2i-compbench-plus-plus": "t2i-compbench",
}
# rows the list files under benchmarks whose facts describe only the dataset
BENCHMARK_FIELDS = {
    "magicbrush": ("Instruction-guided editing of real images, scored against human-made target edits", [("L1 distance", False), ("CLIP-I", True), ("DINO", True)]),
    "anyedit": ("Instruction-based editing across many edit types, scored against reference edits", [("CLIP-I", True), ("DINO", True), ("L1 distance", False)]),
    "hq-edit": ("Instruction-based editing judged by a vision-language model for alignment and coherence", [("Alignment", True), ("Coherence", True)]),
    "multigen-20m": ("Controllable generation from visual conditions such as edges, depth and segmentation", [("FID", False), ("CLIP score", True)]),
}
STOP_WORDS = {"a", "an", "the", "on", "of", "for", "and", "to", "in", "with", "towards", "toward", "via", "is", "are"}


def load_facts(research: Path) -> dict[int, dict]:
    facts = {}
    for path in sorted(research.glob("chunk-*.json")):
        for row in json.loads(path.read_text()):
            facts[row["list_line"]] = row
    for name, fields in (("fix-authors.json", ("authors", "authors_complete", "venue")), ("fix-venues.json", ("venue",))):
        path = research / name
        if not path.exists():
            continue
        for fix in json.loads(path.read_text()):
            row = facts.get(fix["list_line"])
            if row is None:
                continue
            if name == "fix-venues.json" and not fix.get("confirmed"):
                continue
            for field in fields:
                if fix.get(field):
                    if field == "venue" and fix["venue"] != row.get("venue"):
                        row.setdefault("corrections", []).append({"field": "venue", "list_says": row.get("venue"), "correct": fix["venue"], "source": fix.get("source", "")})
                    row[field] = fix[field]
            if name == "fix-authors.json" and fix.get("authors"):
                row["authors_complete"] = bool(fix.get("authors_complete"))
                row.setdefault("sources", []).extend(fix.get("sources", []))
    return facts


ONLINE_HOSTS = {"huggingface.co": "Hugging Face", "www.kaggle.com": "Kaggle", "kaggle.com": "Kaggle", "github.com": "GitHub", "laion.ai": "LAION"}


def canonical_venue(venue: str | None, vocabulary, row: dict | None = None) -> str:
    if row is not None and not row.get("arxiv"):
        link = row.get("homepage") or row.get("project") or row.get("code") or ""
        host = re.sub(r"^https?://([^/]+).*$", r"\1", link)
        if host in ONLINE_HOSTS:
            return f"{ONLINE_HOSTS[host]} {row['date'][:4]}"
    if not venue or venue.lower().startswith(("arxiv", "laion", "github", "hugging", "kaggle")):
        return "arXiv"
    venue = VENUE_ALIASES.get(venue, venue)
    match = re.match(r"^(?P<name>.+?) (?P<year>\d{4})(?: (?P<extra>Workshops?|Findings))?$", venue)
    if match and match["extra"] and match["extra"].startswith("Workshop"):
        venue = f"{match['name']}W {match['year']}"
    if vocabulary.split_venue(venue) is None:
        raise SystemExit(f"unknown venue {venue!r}: add it to catalogue/venues.yaml or map it here")
    return venue


def ascii_word(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower())


def make_bibkey(authors: list[str], year: str, title: str, taken: set[str]) -> str:
    first = authors[0].split()[-1] if authors else "anonymous"
    word = next((ascii_word(token) for token in re.split(r"[\s:\-]+", title) if ascii_word(token) and ascii_word(token) not in STOP_WORDS), "paper")
    base = f"{ascii_word(first)}{year}{word}"
    key, suffix = base, "b"
    while key in taken:
        key, suffix = f"{base}{suffix}", chr(ord(suffix) + 1)
    taken.add(key)
    return key


def overlay(planned, row: dict, catalogue, taken_ids: set[str]) -> None:
    data = planned.data
    data["name"] = row.get("name") or data["name"]
    data["title"] = row.get("title") or data["title"]
    if row.get("date") and re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["date"]):
        data["date"] = row["date"]
    data["venue"] = canonical_venue(VENUE_BY_LINE.get(row["list_line"], row.get("venue")), catalogue.vocabulary, row)
    data["arxiv"] = row.get("arxiv")
    for field in ("code", "demo", "project"):
        data[field] = normalise_url(row[field]) if row.get(field) else None
    if planned.kind is Kind.DATASET and row.get("homepage"):
        data["data"] = normalise_url(row["homepage"])
    if data.get("paper") and data["arxiv"]:
        data.pop("paper")
    if row.get("summary"):
        data["summary"] = row["summary"]
    if planned.kind is Kind.MODEL and row.get("inputs"):
        data["inputs"], data["outputs"] = row["inputs"], row["outputs"]
    if planned.kind is Kind.DATASET:
        if row.get("size"):
            data["size"] = int(row["size"])
        if row.get("sample"):
            data["sample"] = row["sample"]
    if planned.kind is Kind.BENCHMARK:
        if row.get("task"):
            data["task"] = row["task"]
        if row.get("metrics"):
            data["metrics"] = [
                {"id": re.sub(r"[^a-z0-9]+", "-", metric["name"].lower()).strip("-") or "score", "name": metric["name"], "higher_is_better": bool(metric["higher_is_better"])}
                for metric in row["metrics"]
            ]
    proposed = row.get("id")
    if proposed and proposed in taken_ids and proposed != planned.id:
        proposed = f"{proposed}-{planned.kind.value}"
    if proposed and proposed != planned.id and ENTRY_ID.match(proposed) and proposed not in taken_ids:
        taken_ids.discard(planned.id)
        taken_ids.add(proposed)
        planned.id = proposed
    base_id = planned.id.removesuffix(f"-{planned.kind.value}")
    if base_id in SERIES:
        data["series"] = SERIES[base_id]
    if planned.kind is Kind.BENCHMARK and base_id in BENCHMARK_FIELDS and "TODO" in str(data.get("task")):
        task, metrics = BENCHMARK_FIELDS[base_id]
        data["task"] = task
        data["metrics"] = [{"id": re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-"), "name": name, "higher_is_better": better} for name, better in metrics]


def bib_record(key: str, data: dict, row: dict, catalogue) -> str:
    authors = list(row.get("authors") or [])
    author = bib_authors(authors) if authors else "others"
    if authors and not row.get("authors_complete"):
        author += " and others"
    entry_type, venue = catalogue.vocabulary.record_fields(data["venue"], data["date"])
    fields = {"author": author, "title": protect_title(data["title"]), **venue}
    if data.get("arxiv"):
        fields.update(eprint=data["arxiv"], archiveprefix="arXiv", primaryclass=row.get("primary_class") or "cs.CV")
    else:
        fields["url"] = data.get("paper") or data.get("data") or data.get("project") or data.get("code") or ""
    if authors and not row.get("authors_complete"):
        fields["note"] = "Author list incomplete: only the authors confirmed in public records are named"
    return format_record(key, entry_type, fields)


def corrections_markdown(rows: list[tuple[str, dict]]) -> str:
    lines = [
        "# Corrections to the survey's companion list",
        "",
        "Every way an entry differs from the row it came from in the companion list",
        "(AIDC-AI/Awesome-Unified-Multimodal-Models, commit c81ef5684241), with the public record that",
        "settles it. Generated from the verification notes in `research/`; reviewed by hand.",
        "",
        "| entry | list line | field | the list says | correct | source |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    proxied = re.compile(r"^https?://siteproxy[^/]*/(https?)/")
    cell = lambda value: proxied.sub(r"\1://", " ".join(str(value if value is not None else "–").split())).replace("|", "\\|")  # noqa: E731
    for entry_path, row in rows:
        for fix in row.get("corrections", []):
            lines.append(f"| `{entry_path}` | {row['list_line']} | {cell(fix.get('field'))} | {cell(fix.get('list_says'))} | {cell(fix.get('correct'))} | {cell(fix.get('source'))} |")
    return "\n".join(lines) + "\n"


def main() -> int:
    retired(__file__, "the commits that added its notes (git log -- research/apply_facts.py)")
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("list", type=Path)
    parser.add_argument("--catalogue", type=Path, default=ROOT / "catalogue")
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args()
    facts = load_facts(ROOT / "research")
    catalogue = load_catalogue(args.catalogue)
    papers = parse_list(args.list.read_text()).papers
    for paper in papers:  # correct each row first, then merge: the list copies arXiv ids between rows
        row = facts.get(paper.line)
        if row is not None:
            paper.arxiv = row.get("arxiv")
            paper.title = row.get("title") or paper.title
    plan = plan_import(papers, catalogue)
    for planned in plan.new:
        if len(planned.lines) > 1:
            print(f"merged: {planned.kind.folder}/{planned.id} from list lines {planned.lines}", file=sys.stderr)
    taken_ids = {entry.id for entry in catalogue.entries} | {planned.id for planned in plan.new}
    taken_keys = set(catalogue.bibliography.records)
    records, corrected = [], []
    key_of_paper = {(entry.model.arxiv, entry.model.title.lower()): entry.model.bibkey for entry in catalogue.entries}
    release_of_paper = {(entry.model.arxiv, entry.model.title.lower()): (entry.model.venue, entry.model.date.isoformat()) for entry in catalogue.entries}
    renamed = {}
    for planned in plan.new:
        row = facts.get(planned.lines[0])
        if row is None:
            print(f"no facts for line {planned.lines[0]} ({planned.id}); left as a draft", file=sys.stderr)
            continue
        old_id = planned.id
        overlay(planned, row, catalogue, taken_ids)
        renamed[old_id] = planned.id
    for planned in plan.new:
        if planned.data.get("same_paper_as"):
            planned.data["same_paper_as"] = [renamed.get(other, other) for other in planned.data["same_paper_as"]]
    for planned in plan.new:
        row = facts.get(planned.lines[0])
        if row is None:
            continue
        paper = (planned.data["arxiv"], planned.data["title"].lower())
        if paper in release_of_paper:  # entries of one paper agree on where and when it appeared
            planned.data["venue"], planned.data["date"] = release_of_paper[paper]
        release_of_paper[paper] = (planned.data["venue"], planned.data["date"])
        if paper not in key_of_paper:
            year = planned.data["venue"].split()[-1] if planned.data["venue"] != "arXiv" else planned.data["date"][:4]
            key_of_paper[paper] = make_bibkey(row.get("authors") or [], year, planned.data["title"], taken_keys)
            records.append(bib_record(key_of_paper[paper], planned.data, row, catalogue))
        planned.data["bibkey"] = key_of_paper[paper]
        corrected.append((f"{planned.kind.folder}/{planned.id}.yaml", row))
        for line in planned.lines[1:]:
            corrected.append((f"{planned.kind.folder}/{planned.id}.yaml", facts.get(line, {"list_line": line})))
    for path, lines in plan.existing:
        for line in lines:
            if line in facts:
                corrected.append((str(Path(path).relative_to(args.catalogue.resolve()) if Path(path).is_absolute() else Path(path).relative_to("catalogue")), facts[line]))
    if args.dry_run:
        for planned in plan.new:
            print(planned.kind.folder, planned.id, planned.data.get("bibkey"), planned.data["venue"])
        return 0
    for planned in plan.new:
        target = args.catalogue / planned.kind.folder / f"{planned.id}.yaml"
        if not target.exists():
            write_text_atomic(target, dump_entry(planned.kind, planned.data))
    append_records(args.catalogue / "references.bib", records)
    write_text_atomic(args.catalogue / "CORRECTIONS.md", corrections_markdown(sorted(corrected, key=lambda item: item[1].get("list_line", 0))))
    print(f"wrote {len(plan.new)} entries and {len(records)} records")
    return 0


if __name__ == "__main__":
    sys.exit(main())
