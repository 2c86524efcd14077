"""The arXiv API: fetch records by id (`id_list`) and read their Atom feed safely."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

import requests
from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from umm_survey.network.net import HttpSettings, NetworkError, get

DEFAULT_API_URL = "https://export.arxiv.org/api/query"
ATOM = "{http://www.w3.org/2005/Atom}"
ARXIV = "{http://arxiv.org/schemas/atom}"
ID_IN_URL = re.compile(r"arxiv\.org/abs/(?P<id>.+?)(?:v\d+)?$")


@dataclass
class ArxivRecord:
    id: str
    title: str
    authors: list[str]
    published: str  # YYYY-MM-DD of version 1
    primary_category: str = "cs.CV"
    journal_ref: str = ""
    doi: str = ""
    comment: str = ""
    categories: list[str] = field(default_factory=list)
    summary: str = ""


def api_url() -> str:
    return os.environ.get("UMM_ARXIV_API_URL", DEFAULT_API_URL)


def fetch_records(ids: list[str], http: requests.Session, settings: HttpSettings) -> dict[str, ArxivRecord]:
    """Records by bare id; ids arXiv does not know are simply absent. NetworkError on failure."""
    response, body = get(http, api_url(), settings, params={"id_list": ",".join(ids), "max_results": str(len(ids))})
    if response.status_code != 200:
        raise NetworkError(f"the arXiv API answered {response.status_code} {response.reason or ''}".strip())
    return {record.id: record for record in parse_feed(body)}


OPENSEARCH = "{http://a9.com/-/spec/opensearch/1.1/}"


def parse_feed(body: bytes) -> list[ArxivRecord]:
    return _records(_root(body))


def parse_search(body: bytes) -> tuple[list[ArxivRecord], int]:
    """A search answer's records and the total number of results it reports (parsed once)."""
    root = _root(body)
    try:
        total = int((root.findtext(f"{OPENSEARCH}totalResults") or "0").strip())
    except ValueError:
        raise NetworkError("the arXiv API sent a feed that gives no usable total of results") from None
    return _records(root), total


def _root(body: bytes):
    try:
        return ElementTree.fromstring(body)
    except (ElementTree.ParseError, DefusedXmlException) as error:
        raise NetworkError(f"the arXiv API sent a feed that is not valid XML ({error})") from None


def _records(root) -> list[ArxivRecord]:
    records = []
    for entry in root.iter(f"{ATOM}entry"):
        match = ID_IN_URL.search(_text(entry, f"{ATOM}id"))
        title = " ".join(_text(entry, f"{ATOM}title").split())
        if not match or not title or title == "Error":
            continue
        primary = entry.find(f"{ARXIV}primary_category")
        records.append(
            ArxivRecord(
                id=match["id"],
                title=title,
                authors=[" ".join(_text(author, f"{ATOM}name").split()) for author in entry.findall(f"{ATOM}author")],
                published=_text(entry, f"{ATOM}published")[:10],
                primary_category=primary.get("term", "cs.CV") if primary is not None else "cs.CV",
                journal_ref=" ".join(_text(entry, f"{ARXIV}journal_ref").split()),
                doi=_text(entry, f"{ARXIV}doi").strip(),
                comment=" ".join(_text(entry, f"{ARXIV}comment").split()),
                categories=[category.get("term", "") for category in entry.findall(f"{ATOM}category")],
                summary=" ".join(_text(entry, f"{ATOM}summary").split()),
            )
        )
    return records


def _text(element, tag: str) -> str:
    found = element.find(tag)
    return found.text or "" if found is not None else ""
