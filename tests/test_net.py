"""network/net.py against a real HTTP server on 127.0.0.1: how long a server may make us wait."""

from __future__ import annotations

import socket
import threading
import time

import pytest
from httpserver import Reply, ScriptedServer

from umm_survey.network.net import USER_AGENT, HttpSettings, NetworkError, get, session


def _get_in_thread(url: str, settings: HttpSettings) -> tuple[threading.Thread, dict]:
    outcome: dict = {}

    def fetch() -> None:
        response, body = get(session(settings), url, settings)
        outcome.update(status=response.status_code, body=body)

    thread = threading.Thread(target=fetch, daemon=True)
    thread.start()
    return thread, outcome


def test_a_server_asking_for_an_hour_is_retried_after_the_cap() -> None:
    settings = HttpSettings(timeout=2, retries=2, backoff=0, max_retry_after=0.2)
    with ScriptedServer() as server:
        url = server.route("/busy", Reply(429, "slow down", {"Retry-After": "3600"}), Reply(200, "ok now"))
        thread, outcome = _get_in_thread(url, settings)
        thread.join(timeout=30)  # uncapped, urllib3 would sleep for the hour the server asked for
        assert not thread.is_alive(), "the Retry-After cap was not applied"
        assert outcome == {"status": 200, "body": b"ok now"}
        assert server.hits("/busy") == 2


def test_a_server_that_goes_silent_mid_answer_is_cut_off_at_the_deadline() -> None:
    """No byte arrives, so only the deadline's watchdog, shutting the socket down, can end the blocked read
    (the read timeout is far longer than the deadline)."""
    settings = HttpSettings(timeout=20, retries=0, deadline=1)
    with ScriptedServer() as server:
        url = server.route("/stalls", Reply(200, "x" * 2000, stall=30))
        started = time.monotonic()
        with pytest.raises(NetworkError, match="still sending after the request's deadline"):
            get(session(settings), url, settings)
        assert time.monotonic() - started < 10, "the blocked read was not woken at the deadline"


def test_a_body_declared_over_the_limit_is_refused_before_it_is_read() -> None:
    settings = HttpSettings(timeout=5, retries=0, max_body_bytes=1000)
    with ScriptedServer() as server:
        url = server.route("/big", Reply(200, "x" * 2000))
        with pytest.raises(NetworkError) as raised:
            get(session(settings), url, settings)
        assert str(raised.value) == f"{url} answered with 2000 bytes, over the limit of 1000"
        streamed = server.route("/streamed", Reply(200, stream_bytes=2 * 65536))  # no length said: counted as it comes
        one_chunk = HttpSettings(timeout=5, retries=0, max_body_bytes=65536)
        with pytest.raises(NetworkError) as raised:
            get(session(one_chunk), streamed, one_chunk)
        assert str(raised.value) == f"{streamed} sent more than 65536 bytes; gave up"


def test_a_server_that_never_answers_is_reported_with_the_tries_made() -> None:
    settings = HttpSettings(timeout=0.3, retries=1, backoff=0)
    with ScriptedServer() as server:
        url = server.route("/asleep", Reply(200, "late", delay=3), Reply(200, "late", delay=3))
        with pytest.raises(NetworkError) as raised:
            get(session(settings), url, settings)
        assert str(raised.value) == f"{url} did not answer within 0.3 s (tried 2 times)"


def test_a_server_that_hangs_up_without_answering_is_reported_with_the_reason() -> None:
    settings = HttpSettings(timeout=2, retries=1, backoff=0)
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    port = listener.getsockname()[1]
    closed = []

    def hang_up() -> None:
        while True:
            try:
                connection, _ = listener.accept()
            except OSError:
                return
            connection.recv(65536)
            connection.close()
            closed.append(1)

    threading.Thread(target=hang_up, daemon=True).start()
    url = f"http://127.0.0.1:{port}/gone"
    try:
        with pytest.raises(NetworkError) as raised:
            get(session(settings), url, settings)
    finally:
        listener.close()
    message = str(raised.value)
    assert message == f"cannot reach {url}: ProtocolError('Connection aborted.', RemoteDisconnected('Remote end closed connection without response'))"  # the cause, not urllib3's wrapping
    assert len(closed) == 2  # the first try and one retry


def test_the_answers_that_mean_try_again_are_retried_and_no_others() -> None:
    settings = HttpSettings(timeout=2, retries=5, backoff=0, max_retry_after=0.1)
    with ScriptedServer() as server:
        url = server.route("/flaky", *(Reply(status, "not now") for status in (429, 500, 502, 503, 504)), Reply(200, "done"))
        response, body = get(session(settings), url, settings)
        assert (response.status_code, body, server.hits("/flaky")) == (200, b"done", 6)
        broken = server.route("/broken", Reply(501, "never"), Reply(200, "too late"))
        response, _ = get(session(settings), broken, settings)
        assert (response.status_code, server.hits("/broken")) == (501, 1)


def test_requests_say_who_asks_and_ignore_proxy_settings_unless_told(monkeypatch) -> None:
    settings = HttpSettings(timeout=2, retries=0)
    with ScriptedServer() as server:
        url = server.route("/who", Reply(200, "hello"))
        get(session(settings), url, settings)
        assert server.headers[-1]["User-Agent"] == USER_AGENT
    monkeypatch.delenv("UMM_TRUST_ENV_PROXIES", raising=False)
    assert session(settings).trust_env is False
    monkeypatch.setenv("UMM_TRUST_ENV_PROXIES", "1")
    assert session(settings).trust_env is True
