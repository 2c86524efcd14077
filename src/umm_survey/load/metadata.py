"""Facts fetched about entries, kept apart from the curated YAML: GitHub stars, last push, archived, licence.

`catalogue/metadata/github.json` is written only by `umm-survey enrich` (network/enrich.py); the build
reads it here, offline, to show stars and flag archived or idle code. A broken file never stops a build.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

from umm_survey.load.files import read_regular_text

GITHUB_REPO = re.compile(r"^https://github\.com/(?P<owner>[\w.-]+)/(?P<repo>[\w.-]+)")
IDLE_AFTER = dt.timedelta(days=365)


def metadata_path(catalogue_root: Path) -> Path:
    return catalogue_root / "metadata" / "github.json"


def github_repo(url: str | None) -> str | None:
    match = GITHUB_REPO.match(url or "")
    return f"{match['owner']}/{match['repo'].removesuffix('.git')}" if match else None


FACT_TYPES = {"stars": int, "pushed_at": str, "archived": bool, "license": str}


def load_metadata(catalogue_root: Path) -> dict[str, dict[str, Any]]:
    """The GitHub facts, keeping only well-formed ones: a broken or hand-edited file never stops a build."""
    try:
        data = json.loads(read_regular_text(metadata_path(catalogue_root)), parse_constant=lambda name: None)
    except (OSError, ValueError, RecursionError):
        return {}
    repos = data.get("repos") if isinstance(data, dict) else None
    if not isinstance(repos, dict):
        return {}
    return {name: _clean_facts(facts) for name, facts in repos.items() if isinstance(name, str) and isinstance(facts, dict)}


def _clean_facts(facts: dict[str, Any]) -> dict[str, Any]:
    clean = {}
    for key, kind in FACT_TYPES.items():
        value = facts.get(key)
        if isinstance(value, kind) and not (kind is int and isinstance(value, bool)) and not (kind is int and value < 0):
            clean[key] = value
    return clean


def code_status(facts: dict[str, Any] | None, today: dt.date) -> dict[str, Any] | None:
    """What the site shows about a repository: stars, and whether it is archived or idle for a year."""
    if not facts:
        return None
    try:
        idle = today - dt.date.fromisoformat(facts["pushed_at"]) > IDLE_AFTER
    except (KeyError, TypeError, ValueError):
        idle = False
    return {"stars": facts.get("stars"), "archived": bool(facts.get("archived")), "idle": idle, "pushed_at": facts.get("pushed_at"), "license": facts.get("license")}
