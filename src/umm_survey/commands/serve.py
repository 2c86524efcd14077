"""`umm-survey serve`: build, serve the site on localhost, and rebuild when an entry, the bibliography or a template changes."""

from __future__ import annotations

import argparse
import functools
import sys
import threading
from collections.abc import Callable
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from umm_survey.checks.catalogue import load_catalogue
from umm_survey.commands.build import add_site_options, paths_of
from umm_survey.commands.common import OK, PROBLEMS, USAGE, catalogue_folder_exists, os_problem, port
from umm_survey.publish.site import BuildError, BuildPaths, build_site, check_cache_folder
from umm_survey.report import format_problems


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("serve", help="live preview: rebuild on every change", description=__doc__)
    add_site_options(parser)
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=port, default=8000, help="port (default: 8000; 0 picks a free one)")
    parser.add_argument("--interval", type=float, default=1.0, help="seconds between checks for changes")
    parser.set_defaults(run=run)


def watched_state(paths: list[Path]) -> dict[str, int]:
    """Modification time of every file under the watched paths; a change in it means rebuild."""
    state: dict[str, int] = {}
    for root in paths:
        files = [root] if root.is_file() else sorted(path for path in root.rglob("*") if path.is_file())
        for path in files:
            try:
                state[str(path)] = path.stat().st_mtime_ns
            except OSError:
                continue
    return state


class PortError(Exception):
    """The address cannot be listened on (taken, or not this machine's)."""


def rebuild(catalogue_root: Path, paths: BuildPaths, log: Callable[[str], None]) -> bool:
    """Build once; any failure is logged and the last good build keeps being served."""
    try:
        catalogue = load_catalogue(catalogue_root, cache_folder=check_cache_folder(paths))
        if not catalogue.ok:
            log(format_problems([problem for problem in catalogue.problems if problem.is_error], "text").rstrip())
            log("not rebuilt: fix the errors above; still serving the last good build")
            return False
        pages = build_site(catalogue, paths)
    except BuildError as error:
        log(f"not rebuilt: {error}")
        return False
    except OSError as error:  # disk full, a folder where the build's lock or cache file goes: the preview goes on
        log(f"not rebuilt: {os_problem(error)}; still serving the last good build")
        return False
    log(f"rebuilt {pages} pages")
    return True


class _Handler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - http.server's signature
        pass


def serve(catalogue_root: Path, paths: BuildPaths, host: str, port: int, interval: float, stop: threading.Event, on_ready: Callable[[str], None], log: Callable[[str], None]) -> None:
    watched = [catalogue_root, paths.templates, paths.config_file]
    state = watched_state(watched)  # before the first build: a change made while it runs is still seen
    handler = functools.partial(_Handler, directory=str(paths.site_dir.resolve()))
    # the handler serves by path, so it keeps working after the build swaps site/ in place
    try:
        server = ThreadingHTTPServer((host, port), handler)  # bound before the first build: a taken port fails at once
    except OSError as error:
        raise PortError(f"cannot serve on {host}:{port}: {os_problem(error)}") from error
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    try:
        paths.site_dir.mkdir(parents=True, exist_ok=True)  # only once the port is ours: a failed start leaves nothing behind
        rebuild(catalogue_root, paths, log)
        thread.start()
        on_ready(f"http://{host}:{server.server_address[1]}/")
        while not stop.wait(interval):
            current = watched_state(watched)
            if current != state:
                state = current
                rebuild(catalogue_root, paths, log)
    finally:
        if thread.is_alive():
            server.shutdown()
        server.server_close()


def run(args: argparse.Namespace) -> int:
    if not catalogue_folder_exists(args.catalogue):
        return USAGE
    log = functools.partial(print, file=sys.stderr, flush=True)
    stop = threading.Event()
    try:
        serve(args.catalogue, paths_of(args), args.host, args.port, args.interval, stop, lambda url: log(f"serving {url} (Ctrl-C to stop)"), log)
    except PortError as error:
        print(f"umm-survey: {error}", file=sys.stderr)
        return PROBLEMS
    except KeyboardInterrupt:
        stop.set()
    return OK
