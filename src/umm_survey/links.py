"""Canonical forms of the links the catalogue holds."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

ARXIV_URL = re.compile(
    r"^https?://(?:www\.|export\.)?arxiv\.org/(?:abs|pdf|html)/(?P<id>\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?(?:\.pdf)?/?$",
    re.IGNORECASE,
)
TRACKING_PARAMETERS = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref_src|spm)$")
# a plain link to a repository's front page, which canonical form leaves as it is apart from case: most code links
PLAIN_REPOSITORY = re.compile(r"https://(?:github\.com|gitlab\.com|huggingface\.co)/[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*/[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*")


def arxiv_id_from_url(url: str) -> str | None:
    match = ARXIV_URL.match(url.strip())
    return match["id"] if match else None


def normalise_url(url: str) -> str:
    """arxiv.org/abs/ID for any arXiv link; no tracking parameters, fragment or trailing slash."""
    url = url.strip()
    arxiv = arxiv_id_from_url(url)
    if arxiv:
        return f"https://arxiv.org/abs/{arxiv}"
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        return url
    host = parts.netloc.lower()
    scheme = "https" if host in {"github.com", "www.github.com", "huggingface.co"} else parts.scheme
    host = host.removeprefix("www.") if host == "www.github.com" else host
    query = urlencode([(key, value) for key, value in parse_qsl(parts.query, keep_blank_values=True) if not TRACKING_PARAMETERS.match(key)])
    path = parts.path.rstrip("/") if parts.path not in {"", "/"} else ""
    if host == "github.com":
        path = path.removesuffix(".git")
    return urlunsplit((scheme, host, path, query, ""))


def repository_root(url: str) -> str:
    """The repository a code link points into (``github.com/owner/repo``), lower-cased, for comparison."""
    if PLAIN_REPOSITORY.fullmatch(url) and not url.endswith(".git"):  # what parsing would give, without parsing
        return url.lower()
    return parsed_repository_root(url)


def parsed_repository_root(url: str) -> str:
    """`repository_root` for any link, by parsing it."""
    normalised = normalise_url(url)
    parts = urlsplit(normalised)
    if parts.netloc in {"github.com", "gitlab.com", "huggingface.co"}:
        segments = [segment for segment in parts.path.split("/") if segment]
        return f"https://{parts.netloc}/{'/'.join(segments[:2])}".lower()
    return normalised.lower()
