"""`umm-survey serve`: a real server on 127.0.0.1 that rebuilds when an entry changes."""

from __future__ import annotations

import queue
import threading
import time
from pathlib import Path
from urllib.request import urlopen

from conftest import ROOT

from umm_survey.commands.serve import serve
from umm_survey.publish.site import BuildPaths


def _fetch(url: str) -> str:
    with urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def test_serve_rebuilds_when_an_entry_changes(catalogue_dir: Path, tmp_path: Path) -> None:
    paths = BuildPaths(site_dir=tmp_path / "site", templates=ROOT / "templates", config_file=ROOT / "mkdocs.yml")
    stop, ready, log = threading.Event(), queue.Queue(), []
    thread = threading.Thread(target=serve, args=(catalogue_dir, paths, "127.0.0.1", 0, 0.2, stop, ready.put, log.append), daemon=True)
    thread.start()
    try:
        url = ready.get(timeout=60)
        assert "Alpha" in _fetch(url + "entries/alpha-model.html")
        alpha = catalogue_dir / "models" / "alpha-model.yaml"
        alpha.write_text(alpha.read_text().replace("name: Alpha", "name: Alphabet"))
        deadline = time.monotonic() + 60
        while "Alphabet" not in _fetch(url + "entries/alpha-model.html"):
            assert time.monotonic() < deadline, f"no rebuild; log: {log}"
            time.sleep(0.2)
        alpha.write_text(alpha.read_text().replace("date: 2024-03-05", "date: 2024-02-31"))
        deadline = time.monotonic() + 60
        while not any("not rebuilt" in line for line in log):
            assert time.monotonic() < deadline, f"bad entry not reported; log: {log}"
            time.sleep(0.2)
        assert "Alphabet" in _fetch(url + "entries/alpha-model.html")
    finally:
        stop.set()
        thread.join(timeout=30)
    assert not thread.is_alive()


def test_a_taken_port_fails_at_once_before_any_build(catalogue_dir: Path, tmp_path: Path) -> None:
    import socket
    import subprocess
    import sys

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        site = tmp_path / "site"
        result = subprocess.run(
            [sys.executable, "-m", "umm_survey.cli", "serve", "--catalogue", str(catalogue_dir), "--site-dir", str(site), "--port", str(port),
             "--templates", str(ROOT / "templates"), "--config", str(ROOT / "mkdocs.yml")],
            capture_output=True, text=True, timeout=60,
        )
    assert result.returncode == 1
    assert result.stderr == f"umm-survey: cannot serve on 127.0.0.1:{port}: Address already in use\n"
    assert not site.exists()  # the port was tried first: nothing was built


def test_a_rebuild_that_fails_on_the_disk_is_logged_and_the_last_build_still_served(catalogue_dir: Path, tmp_path: Path) -> None:
    paths = BuildPaths(site_dir=tmp_path / "out" / "site", templates=ROOT / "templates", config_file=ROOT / "mkdocs.yml")
    stop, ready, log = threading.Event(), queue.Queue(), []
    thread = threading.Thread(target=serve, args=(catalogue_dir, paths, "127.0.0.1", 0, 0.2, stop, ready.put, log.append), daemon=True)
    thread.start()
    try:
        url = ready.get(timeout=60)
        lock = tmp_path / "out" / ".umm-build.lock"
        lock.unlink()
        lock.mkdir()  # the build's lock file cannot be opened: an OSError in the middle of serving
        alpha = catalogue_dir / "models" / "alpha-model.yaml"
        alpha.write_text(alpha.read_text().replace("name: Alpha", "name: Alphabet"))
        deadline = time.monotonic() + 60
        while not any(line.startswith("not rebuilt:") for line in log):
            assert time.monotonic() < deadline, f"failed rebuild not reported; log: {log}"
            time.sleep(0.2)
        assert log[-1] == f"not rebuilt: Is a directory ({lock}); still serving the last good build"
        assert thread.is_alive()
        page = _fetch(url + "entries/alpha-model.html")
        assert "Alpha" in page and "Alphabet" not in page
    finally:
        stop.set()
        thread.join(timeout=30)
    assert not thread.is_alive()
