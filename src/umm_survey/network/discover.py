"""Candidate papers the catalogue lacks: found in arXiv listings, in what cites the landmark models, and in
same-topic lists, each scored with its reasons. The command (commands/discover.py) ranks and writes them.

Every request goes through net.get (timeouts, retries with capped Retry-After, a deadline per request);
`Budget` adds an overall deadline and the pause arXiv asks for between pages.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from typing import Any

import requests

from umm_survey.load.sources import Landmark, SameTopicList
from umm_survey.network.arxiv import api_url, parse_search
from umm_survey.network.net import HttpSettings, NetworkError, get
from umm_survey.schema import ARXIV_NEW

CATEGORIES = ("cs.CV", "cs.CL", "cs.LG", "cs.AI")
PAGE_SIZE = 100
DEFAULT_S2_API_URL = "https://api.semanticscholar.org"
BOTH_TASKS = (re.compile(r"\bunderstand", re.I), re.compile(r"\bgenerat", re.I))
UNIFIED = re.compile(r"\bunif(y|ied|ies|ication)\b|\bany-to-any\b|\bomni\b|\bUMMs?\b", re.I)  # UMM: unified multimodal model
IMAGE = re.compile(r"\bimage|\bvisual|\bvision\b|text-to-image|multimodal", re.I)
GENERATION = re.compile(r"\bgenerat|\bedit|text-to-image|\bdraw|\bimagin", re.I)


class DiscoverError(Exception):
    """A source failed; the message says which and why. Nothing is written."""


@dataclass
class Budget:
    """An overall deadline for the whole run, and the pause between two requests to the arXiv API."""

    seconds: float
    page_delay: float = 3.0
    started: float = field(default_factory=time.monotonic)

    def check(self, doing: str) -> None:
        if time.monotonic() - self.started > self.seconds:
            raise DiscoverError(f"stopped after {self.seconds:g} s (the --deadline) while {doing}; nothing was written")


@dataclass
class Candidate:
    arxiv: str
    title: str = ""
    date: str = ""
    summary: str = ""
    sources: set[str] = field(default_factory=set)
    landmarks: set[str] = field(default_factory=set)
    lists: set[str] = field(default_factory=set)


def arxiv_window(http: requests.Session, settings: HttpSettings, query: str, since: str, until: str, budget: Budget, progress) -> list[Candidate]:
    """Papers first posted in [since, until] in the four categories whose title or abstract matches `query`, every page."""
    categories = " OR ".join(f"cat:{category}" for category in CATEGORIES)
    search = f"({categories}) AND ({query}) AND submittedDate:[{since.replace('-', '')}0000 TO {until.replace('-', '')}2359]"
    found: list[Candidate] = []
    start, total = 0, None
    while total is None or start < total:
        if start:
            time.sleep(budget.page_delay)  # arXiv asks for one request every 3 s
        budget.check("reading arXiv listings")
        params = {"search_query": search, "start": str(start), "max_results": str(PAGE_SIZE), "sortBy": "submittedDate", "sortOrder": "ascending"}
        response, body = get(http, api_url(), settings, params=params)
        if response.status_code != 200:
            raise DiscoverError(f"arXiv: the API answered {response.status_code} for results {start}-{start + PAGE_SIZE}")
        try:
            records, total = parse_search(body)
        except NetworkError as error:
            raise DiscoverError(f"arXiv: {error}") from None
        found.extend(Candidate(record.id, record.title, record.published, record.summary, {"arxiv"}) for record in records)
        progress(f"arXiv: {min(start + PAGE_SIZE, total)} of {total} listings read")
        if not records:
            break
        start += PAGE_SIZE
    return found


def citing_papers(http: requests.Session, settings: HttpSettings, landmarks: list[Landmark], budget: Budget, api_key: str | None, base: str, progress) -> list[Candidate]:
    """Papers with an arXiv id that cite each landmark, from Semantic Scholar's graph API."""
    headers = {"x-api-key": api_key} if api_key else {}
    found: dict[str, Candidate] = {}
    for index, landmark in enumerate(landmarks, 1):
        budget.check("reading Semantic Scholar citations")
        url = f"{base.rstrip('/')}/graph/v1/paper/arXiv:{landmark.arxiv}/citations"
        response, body = get(http, url, settings, params={"fields": "externalIds,title,publicationDate", "limit": "1000"}, headers=headers)
        if response.status_code != 200:
            raise DiscoverError(f"Semantic Scholar: answered {response.status_code} for the papers citing {landmark.name}")
        for paper in _citing(body, landmark.name):
            candidate = found.setdefault(paper["arxiv"], Candidate(paper["arxiv"], paper["title"], paper["date"]))
            candidate.sources.add("semantic-scholar")
            candidate.landmarks.add(landmark.name)
        progress(f"Semantic Scholar: {index} of {len(landmarks)} landmarks read")
    return list(found.values())


def _citing(body: bytes, landmark: str) -> list[dict[str, str]]:
    try:
        data = json.loads(body)
        rows = data["data"]
        papers = []
        for row in rows:
            paper = row.get("citingPaper") or {}
            arxiv = (paper.get("externalIds") or {}).get("ArXiv")
            if isinstance(arxiv, str) and ARXIV_NEW.fullmatch(arxiv):
                papers.append({"arxiv": arxiv, "title": " ".join(str(paper.get("title") or "").split()), "date": str(paper.get("publicationDate") or "")[:10]})
        return papers
    except (ValueError, KeyError, TypeError, AttributeError):
        raise DiscoverError(f"Semantic Scholar: the answer for the papers citing {landmark} is not the expected JSON") from None


def list_text(http: requests.Session, settings: HttpSettings, same_topic: SameTopicList, budget: Budget) -> str:
    budget.check(f"reading the list {same_topic.name}")
    response, body = get(http, same_topic.url, settings)
    if response.status_code != 200:
        raise DiscoverError(f"list {same_topic.name}: {same_topic.url} answered {response.status_code}")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise DiscoverError(f"list {same_topic.name}: {same_topic.url} is not UTF-8 text") from None


def merge(groups: list[list[Candidate]]) -> dict[str, Candidate]:
    merged: dict[str, Candidate] = {}
    for group in groups:
        for candidate in group:
            kept = merged.setdefault(candidate.arxiv, Candidate(candidate.arxiv))
            kept.title = kept.title or candidate.title
            kept.date = kept.date or candidate.date
            kept.summary = kept.summary or candidate.summary
            kept.sources |= candidate.sources
            kept.landmarks |= candidate.landmarks
            kept.lists |= candidate.lists
    return merged


def score(candidate: Candidate, landmark_count: int) -> tuple[int, list[str]]:
    """A transparent score: each reason says what it adds."""
    text = f"{candidate.title} {candidate.summary}"
    points, reasons = 0, []
    if all(pattern.search(text) for pattern in BOTH_TASKS):
        points += 3
        reasons.append("mentions understanding and generation (+3)")
    if UNIFIED.search(text):
        points += 2
        reasons.append("says unified, omni or any-to-any (+2)")
    if IMAGE.search(text):
        points += 1
        reasons.append("about images or vision (+1)")
    if GENERATION.search(text):
        points += 1
        reasons.append("about generating, editing or imagining (+1)")
    if candidate.landmarks:
        points += 2 * len(candidate.landmarks)
        reasons.append(f"cites {len(candidate.landmarks)} of {landmark_count} landmark papers: {', '.join(sorted(candidate.landmarks))} (+{2 * len(candidate.landmarks)})")
    if candidate.lists:
        points += 3 * len(candidate.lists)
        reasons.append(f"listed in {len(candidate.lists)} same-topic list{'s' if len(candidate.lists) > 1 else ''}: {', '.join(sorted(candidate.lists))} (+{3 * len(candidate.lists)})")
    return points, reasons


def ranked(candidates: dict[str, Candidate], landmark_count: int) -> list[dict[str, Any]]:
    rows = []
    for candidate in candidates.values():
        points, reasons = score(candidate, landmark_count)
        rows.append({"arxiv": candidate.arxiv, "title": candidate.title, "date": candidate.date, "score": points, "reasons": reasons, "sources": sorted(candidate.sources)})
    return sorted(rows, key=lambda row: (-row["score"], row["date"], row["arxiv"]))
