"""Serving a built site on 127.0.0.1 and launching Debian's chromium through Playwright."""

from __future__ import annotations

import functools
import os
import shutil
import threading
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

# one page of each type: the browser tests check each for overflow and axe, benchmarks/lighthouse.py audits each
PAGE_TYPES = {
    "home": "index.html",
    "group": "groups/autoregressive.html",
    "entry": "entries/janus-pro.html",
    "leaderboard": "leaderboards/geneval.html",
    "timeline": "timeline.html",
    "statistics": "statistics.html",
    "compare": "compare.html?models=janus-pro,bagel",
    "component": "components/siglip.html",
}
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_path_or_none() -> str | None:
    """Debian's chromium, wherever it is installed, or None."""
    return next((path for path in CHROMIUM_CANDIDATES if Path(path).exists()), None) or shutil.which("chromium")


def chromium_path() -> str:
    """The browser, or skip (fail when UMM_REQUIRE_BROWSER=1) with the reason."""
    found = chromium_path_or_none()
    reason = None
    if found is None:
        reason = "Debian's chromium is not installed (apt-get install chromium)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            reason = "the playwright Python package is not installed (pip install -e '.[test]')"
    if reason:
        if os.environ.get("UMM_REQUIRE_BROWSER") == "1":
            pytest.fail(f"UMM_REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(reason)
    return found


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:  # a browser closing a connection early is normal
        pass


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the signature is http.server's
        pass


@contextmanager
def serve_folder(folder: Path):
    """A real HTTP server for ``folder`` on 127.0.0.1 and a free port; yields the base URL."""
    server = _QuietServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def browser():
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield instance
        finally:
            instance.close()
