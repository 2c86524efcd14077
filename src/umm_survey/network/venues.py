"""Preprints that have since appeared at a venue, from DBLP: one lookup per title, a change proposed only
when exactly one published paper with that title is found and its venue is one of venues.yaml."""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass

import requests

from umm_survey.load.bib import normalise_title
from umm_survey.load.vocab import Vocabulary
from umm_survey.network.net import HttpSettings, NetworkError, get

DEFAULT_DBLP_API_URL = "https://dblp.org/search/publ/api"
INFORMAL = "Informal and Other Publications"  # DBLP's type for arXiv (CoRR) records
# DBLP's venue names where they differ from venues.yaml's (facts about DBLP, kept beside the code that reads it)
DBLP_NAMES = {"NeurIPS": "NeurIPS", "CVPR Workshops": "CVPRW", "Trans. Mach. Learn. Res.": "TMLR", "IEEE Trans. Pattern Anal. Mach. Intell.": "TPAMI",
              "Int. J. Comput. Vis.": "IJCV", "ACM Multimedia": "ACM MM"}


@dataclass
class VenueProposal:
    path: str
    title: str
    venue: str | None  # None: nothing to change
    evidence: str  # the DBLP record's URL, or why nothing is proposed


def dblp_url() -> str:
    return os.environ.get("UMM_DBLP_API_URL", DEFAULT_DBLP_API_URL)


def propose(http: requests.Session, settings: HttpSettings, path: str, title: str, vocabulary: Vocabulary) -> VenueProposal:
    response, body = get(http, dblp_url(), settings, params={"q": title, "format": "json", "h": "10"})
    if response.status_code != 200:
        raise NetworkError(f"DBLP answered {response.status_code}")
    try:
        hits = json.loads(body)["result"]["hits"].get("hit", [])
        infos = [hit["info"] for hit in hits if isinstance(hit, dict)]
    except (ValueError, KeyError, TypeError, AttributeError):
        raise NetworkError("DBLP sent an answer that is not the expected JSON") from None
    wanted = normalise_title(title)
    published = [info for info in infos if isinstance(info, dict) and normalise_title(str(info.get("title", ""))) == wanted and info.get("type") != INFORMAL]
    venues = {_venue(info) for info in published}
    if not published:
        return VenueProposal(path, title, None, "no published record with this title on DBLP")
    if len(venues) > 1:
        return VenueProposal(path, title, None, f"the title matches {len(published)} published records on DBLP ({', '.join(sorted(str(venue) for venue in venues))}); no change")
    venue = venues.pop()
    if venue is None or vocabulary.split_venue(venue) is None:
        return VenueProposal(path, title, None, f"published as {published[0].get('venue')} {published[0].get('year')}, which venues.yaml does not name; add the venue first")
    return VenueProposal(path, title, venue, str(published[0].get("ee") or published[0].get("url") or dblp_url()))


def _venue(info: dict) -> str | None:
    name, year = info.get("venue"), str(info.get("year", ""))
    if isinstance(name, list):
        name = name[0] if name else None
    if not isinstance(name, str) or not re.fullmatch(r"\d{4}", year):
        return None
    return f"{DBLP_NAMES.get(name, name)} {year}"
