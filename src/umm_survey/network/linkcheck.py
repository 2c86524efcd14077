"""Check every URL of the catalogue: concurrently, politely per host, with an expiring cache."""

from __future__ import annotations

import datetime as dt
import json
import queue
import threading
from collections import defaultdict
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import requests

from umm_survey.checks.catalogue import Catalogue
from umm_survey.network.net import HttpSettings, timed_out
from umm_survey.publish.atomic import write_text_atomic
from umm_survey.schema import LINK_FIELDS

HEAD_REFUSED = {400, 403, 405, 406, 501}
PERMANENT = {301, 308}


@dataclass
class LinkResult:
    url: str
    checked: str  # ISO timestamp
    status: int | None = None
    final_url: str | None = None
    permanent: bool = False
    error: str | None = None
    places: list[str] = field(default_factory=list)

    @property
    def broken(self) -> bool:
        return self.error is not None or self.status is None or self.status >= 400

    @property
    def moved(self) -> bool:
        return not self.broken and self.final_url is not None and self.final_url != self.url


def catalogue_urls(catalogue: Catalogue) -> dict[str, list[str]]:
    """URL -> where it appears (`path:field`), from entries and from the bibliography's url fields."""
    places: dict[str, list[str]] = defaultdict(list)
    for entry in catalogue.entries:
        for name in LINK_FIELDS:
            value = getattr(entry.model, name, None)
            if value:
                places[value].append(f"{entry.path}:{entry.where(name)[0]}:{name}")
    for record in catalogue.bibliography.records.values():
        if record.fields.get("url", "").startswith(("http://", "https://")):
            places[record.fields["url"]].append(f"{catalogue.bibliography.path}:{record.field_line('url')}:url")
    return dict(places)


def load_cache(path: Path | None) -> dict[str, dict]:
    if path is None or not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # an unreadable cache is only a slower run
    return data if isinstance(data, dict) else {}


def save_cache(path: Path | None, results: dict[str, LinkResult], previous: dict[str, dict]) -> None:
    if path is None:
        return
    merged = dict(previous)
    merged.update({url: {key: value for key, value in asdict(result).items() if key != "places"} for url, result in results.items()})
    write_text_atomic(path, json.dumps(merged, indent=1, sort_keys=True) + "\n")


def cached_result(url: str, cached: object, now: dt.datetime, max_age: dt.timedelta) -> LinkResult | None:
    """A fresh cached result, or None when it is stale or was written in another shape (another version)."""
    if not isinstance(cached, dict) or not is_fresh(cached, now, max_age):
        return None
    known = {name: cached[name] for name in LinkResult.__dataclass_fields__ if name in cached and name != "places"}
    try:
        result = LinkResult(**{**known, "url": url})
    except TypeError:
        return None
    typed = isinstance(result.checked, str) and (result.status is None or (isinstance(result.status, int) and not isinstance(result.status, bool)))
    return result if typed else None


def is_fresh(cached: dict, now: dt.datetime, max_age: dt.timedelta) -> bool:
    try:
        return now - dt.datetime.fromisoformat(cached["checked"]) < max_age
    except (KeyError, TypeError, ValueError):
        return False


def check_url(http: requests.Session, url: str, settings: HttpSettings) -> LinkResult:
    result = LinkResult(url, dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"))
    try:
        response = http.head(url, allow_redirects=True, timeout=settings.timeout)
        if response.status_code in HEAD_REFUSED:
            response = http.get(url, allow_redirects=True, timeout=settings.timeout, stream=True)
            response.close()
    except requests.exceptions.TooManyRedirects:
        result.error = "redirect loop"
        return result
    except requests.exceptions.RequestException as error:
        result.error = f"no answer within {settings.timeout:g} s" if isinstance(error, requests.exceptions.Timeout) or timed_out(error) else f"cannot connect ({type(error).__name__})"
        return result
    result.status = response.status_code
    if response.history:
        result.final_url = response.url
        result.permanent = all(step.status_code in PERMANENT for step in response.history)
    return result


class HostLimits:
    """At most `per_host` requests in flight to any one host."""

    def __init__(self, per_host: int) -> None:
        self.per_host = per_host
        self._lock = threading.Lock()
        self._semaphores: dict[str, threading.Semaphore] = {}

    def __call__(self, url: str) -> threading.Semaphore:
        host = urlsplit(url).netloc.lower()
        with self._lock:
            return self._semaphores.setdefault(host, threading.Semaphore(self.per_host))


def check_all(urls: list[str], http_factory: Callable[[], requests.Session], settings: HttpSettings, concurrency: int, per_host: int, on_done: Callable[[LinkResult], None], results: dict[str, LinkResult]) -> None:
    """Check `urls`, adding each result to `results` as it arrives (so an interrupted run keeps them).

    The workers are daemon threads fed from a queue, and this thread waits on their answers in short
    steps: Ctrl-C reaches it within a fraction of a second, and the requests still in flight are
    abandoned (they cannot hold the process open) instead of being waited for.
    """
    limits = HostLimits(per_host)
    todo: queue.SimpleQueue[str | None] = queue.SimpleQueue()
    done: queue.SimpleQueue[LinkResult | BaseException] = queue.SimpleQueue()
    stop = threading.Event()
    for url in urls:
        todo.put(url)

    def work() -> None:
        http = http_factory()
        while not stop.is_set():
            try:
                url = todo.get_nowait()
            except queue.Empty:
                return
            try:
                with limits(url):
                    done.put(check_url(http, url, settings))
            except BaseException as error:  # reported by the waiting thread, never lost in a worker
                done.put(error)

    for _ in range(min(max(1, concurrency), max(1, len(urls)))):
        threading.Thread(target=work, daemon=True, name="check-links").start()
    try:
        for _ in urls:
            while True:
                try:
                    answer = done.get(timeout=0.1)
                    break
                except queue.Empty:
                    continue
            if isinstance(answer, BaseException):
                raise answer
            results[answer.url] = answer
            on_done(answer)
    finally:
        stop.set()
