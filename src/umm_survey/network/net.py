"""HTTP for the network features: timeouts, bounded retries with back-off, Retry-After, size limits.

Validation and the build never import this module. Retrying is urllib3's
`Retry` (through requests); we only cap how long a server may ask us to wait.
"""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from dataclasses import dataclass

import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import ConnectTimeoutError, MaxRetryError, ReadTimeoutError
from urllib3.util.retry import Retry

from umm_survey import __version__

USER_AGENT = f"umm-survey/{__version__} (+https://github.com/; catalogue maintenance)"
MAX_BODY_BYTES = 5 * 1024 * 1024


class NetworkError(Exception):
    """A request failed after its retries; the message says why in plain words."""


class Unreachable(NetworkError):
    """The server could not be reached at all (refused, no answer, connection dropped): the next request to it will likely fail too."""


class CappedRetry(Retry):
    """urllib3's Retry, but a server's Retry-After is honoured only up to `max_retry_after` seconds."""

    max_retry_after = 30.0

    def get_retry_after(self, response):
        value = super().get_retry_after(response)
        return None if value is None else min(value, self.max_retry_after)

    def new(self, **kwargs):
        retry = super().new(**kwargs)
        retry.max_retry_after = self.max_retry_after
        return retry


@dataclass(frozen=True)
class HttpSettings:
    timeout: float = 15.0
    retries: int = 3
    backoff: float = 0.5
    max_retry_after: float = 30.0
    max_body_bytes: int = MAX_BODY_BYTES
    deadline: float | None = None  # whole seconds one request may take, body included (default: 4 x timeout)

    @property
    def request_deadline(self) -> float:
        return self.deadline if self.deadline is not None else 4 * self.timeout


def session(settings: HttpSettings = HttpSettings()) -> requests.Session:
    retry = CappedRetry(
        total=settings.retries,
        connect=settings.retries,
        read=settings.retries,
        status=settings.retries,
        backoff_factor=settings.backoff,
        status_forcelist=(429, 500, 502, 503, 504),
        allowed_methods=frozenset({"GET", "HEAD"}),
        respect_retry_after_header=True,
        raise_on_status=False,
        raise_on_redirect=False,
    )
    retry.max_retry_after = settings.max_retry_after
    http = requests.Session()
    adapter = HTTPAdapter(max_retries=retry, pool_maxsize=32)
    http.mount("http://", adapter)
    http.mount("https://", adapter)
    http.headers["User-Agent"] = USER_AGENT
    http.trust_env = os.environ.get("UMM_TRUST_ENV_PROXIES") == "1"
    return http


def read_limited(response: requests.Response, limit: int, deadline: float | None = None) -> bytes:
    """The body, or NetworkError when it is larger than `limit` or still arriving at `deadline` (a monotonic time).

    A server that trickles a byte a second never trips the per-read timeout; the deadline stops it.
    """
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise NetworkError(f"{response.url} answered with {int(declared)} bytes, over the limit of {limit}")
    body = bytearray()
    watchdog = threading.Timer(max(deadline - time.monotonic(), 0), _abort, (response,)) if deadline is not None else None
    if watchdog:
        watchdog.daemon = True
        watchdog.start()
    try:
        for chunk in response.iter_content(chunk_size=65536):
            body.extend(chunk)
            if len(body) > limit:
                raise NetworkError(f"{response.url} sent more than {limit} bytes; gave up")
    except Exception:
        if deadline is not None and time.monotonic() >= deadline:
            raise NetworkError(f"{response.url} was still sending after the request's deadline; gave up") from None
        raise
    finally:
        if watchdog:
            watchdog.cancel()
    return bytes(body)


def _abort(response: requests.Response) -> None:
    """Cut a response off from another thread: shutting the socket down wakes the blocked read."""
    connection = getattr(response.raw, "connection", None) or getattr(response.raw, "_connection", None)
    sock = getattr(connection, "sock", None)
    try:
        if sock is not None:
            sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    response.close()


def get(http: requests.Session, url: str, settings: HttpSettings, **kwargs) -> tuple[requests.Response, bytes]:
    """GET with the settings' timeout and size limit; NetworkError on any failure, with the reason."""
    try:
        deadline = time.monotonic() + settings.request_deadline
        response = http.get(url, timeout=settings.timeout, stream=True, **kwargs)
        body = read_limited(response, settings.max_body_bytes, deadline)
    except requests.exceptions.Timeout:
        raise Unreachable(f"{url} did not answer within {settings.timeout:g} s") from None
    except requests.exceptions.TooManyRedirects:
        raise NetworkError(f"{url} redirects in a loop") from None
    except requests.exceptions.RetryError as error:
        raise Unreachable(f"{url} kept failing after {settings.retries} retries ({_reason(error)})") from None
    except requests.exceptions.RequestException as error:
        if refused(error):  # before timed_out: urllib3's NewConnectionError is a ConnectTimeoutError
            raise Unreachable(f"{url} refused the connection (nothing listens there)") from None
        if timed_out(error):
            raise Unreachable(f"{url} did not answer within {settings.timeout:g} s (tried {settings.retries + 1} times)") from None
        raise Unreachable(f"cannot reach {url}: {_reason(error)}") from None
    return response, body


def timed_out(error: Exception) -> bool:
    cause = error.args[0] if error.args else None
    reason = cause.reason if isinstance(cause, MaxRetryError) else cause
    return isinstance(reason, (ReadTimeoutError, ConnectTimeoutError))


def refused(error: Exception) -> bool:
    return "Connection refused" in str(error) or isinstance(error.__context__, ConnectionRefusedError)


def _reason(error: Exception) -> str:
    text = str(error)
    wrapped = re.split(r"\(caused by ", text, maxsplit=1, flags=re.IGNORECASE) if "Max retries exceeded" in text else [text]
    if len(wrapped) == 2:  # urllib3 writes "... (Caused by ProtocolError(...))": keep the cause
        text = wrapped[1].removesuffix(")")
    return text[:200]
