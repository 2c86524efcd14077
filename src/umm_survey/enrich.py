"""Facts fetched about entries, kept apart from the curated YAML: GitHub stars, last push, archived, licence.

`catalogue/metadata/github.json` is written only by `umm-survey enrich`; the
build reads it (offline) to show stars and flag archived or idle code.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests

from .atomic import write_text_atomic
from .net import HttpSettings, NetworkError, get

DEFAULT_GITHUB_API = "https://api.github.com"
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
        data = json.loads(metadata_path(catalogue_root).read_text(encoding="utf-8"), parse_constant=lambda name: None)
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


def save_metadata(catalogue_root: Path, repos: dict[str, dict[str, Any]]) -> None:
    text = json.dumps({"repos": dict(sorted(repos.items()))}, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    write_text_atomic(metadata_path(catalogue_root), text)


class RateLimited(NetworkError):
    """GitHub says the rate limit is spent; what was fetched so far is kept."""


@dataclass
class GitHub:
    http: requests.Session
    settings: HttpSettings
    base_url: str = ""

    def __post_init__(self) -> None:
        self.base_url = (self.base_url or os.environ.get("UMM_GITHUB_API_URL", DEFAULT_GITHUB_API)).rstrip("/")
        self.http.headers["Accept"] = "application/vnd.github+json"
        token = os.environ.get("GITHUB_TOKEN")
        if token:
            self.http.headers["Authorization"] = f"Bearer {token}"

    def repository(self, repo: str) -> dict[str, Any]:
        """Facts about one repository; NetworkError with the reason when they cannot be had."""
        response, body = get(self.http, f"{self.base_url}/repos/{repo}", self.settings)
        if response.status_code == 403 and response.headers.get("X-RateLimit-Remaining") == "0":
            raise RateLimited("GitHub's API rate limit is spent; set GITHUB_TOKEN or try later")
        if response.status_code == 404:
            raise NetworkError(f"GitHub has no repository {repo} (deleted, renamed or private)")
        if response.status_code != 200:
            raise NetworkError(f"GitHub answered {response.status_code} for {repo}")
        try:
            data = json.loads(body)
            return {
                "stars": int(data["stargazers_count"]),
                "pushed_at": str(data["pushed_at"])[:10],
                "archived": bool(data.get("archived", False)),
                "license": (data.get("license") or {}).get("spdx_id") or None,
                "fetched": dt.date.today().isoformat(),
            }
        except (ValueError, KeyError, TypeError):
            raise NetworkError(f"GitHub sent an answer for {repo} that is not the expected JSON") from None


def code_status(facts: dict[str, Any] | None, today: dt.date) -> dict[str, Any] | None:
    """What the site shows about a repository: stars, and whether it is archived or idle for a year."""
    if not facts:
        return None
    try:
        idle = today - dt.date.fromisoformat(facts["pushed_at"]) > IDLE_AFTER
    except (KeyError, TypeError, ValueError):
        idle = False
    return {"stars": facts.get("stars"), "archived": bool(facts.get("archived")), "idle": idle, "pushed_at": facts.get("pushed_at"), "license": facts.get("license")}
