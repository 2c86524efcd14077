"""Facts fetched about entries, kept apart from the curated YAML: GitHub stars, last push, archived, licence.

`catalogue/metadata/github.json` is written only by `umm-survey enrich`; the
build reads it (offline) to show stars and flag archived or idle code.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests

from umm_survey.load.metadata import metadata_path
from umm_survey.network.net import HttpSettings, NetworkError, get
from umm_survey.publish.atomic import write_text_atomic

DEFAULT_GITHUB_API = "https://api.github.com"


def _licence(value: object) -> str | None:
    """GitHub's licence object gives an SPDX id; anything else (a bare string, a number) gives none."""
    spdx = value.get("spdx_id") if isinstance(value, dict) else None
    return spdx if isinstance(spdx, str) and spdx else None


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
                "license": _licence(data.get("license")),
                "fetched": dt.date.today().isoformat(),
            }
        except (ValueError, KeyError, TypeError, AttributeError, OverflowError):  # Infinity stars, a licence that is a string
            raise NetworkError(f"GitHub sent an answer for {repo} that is not the expected JSON") from None
