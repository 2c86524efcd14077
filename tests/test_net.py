"""network/net.py against a real HTTP server on 127.0.0.1: how long a server may make us wait."""

from __future__ import annotations

import threading

from httpserver import Reply, ScriptedServer

from umm_survey.network.net import HttpSettings, get, session


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
