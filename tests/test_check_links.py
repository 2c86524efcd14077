"""`umm-survey check-links` against a real local server: broken, moved, retried, cached, polite."""

from __future__ import annotations

import json
from pathlib import Path

from httpserver import Reply, ScriptedServer

from umm_survey.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _link_entries(catalogue: Path, urls: dict[str, str]) -> None:
    """Point the code link of made-up application entries at the local server; no other URL is left."""
    alpha = catalogue / "models" / "alpha-model.yaml"
    alpha.write_text(alpha.read_text().replace("code: https://github.com/example/alpha\n", ""))
    template = (catalogue / "applications" / "delta-app.yaml").read_text()
    for index, (name, url) in enumerate(urls.items()):
        text = template.replace("name: Delta", f"name: {name}").replace("bibkey: lee2025delta", f"bibkey: lee2025delta\nseries: links\ncode: {url}")
        if index == 0:
            (catalogue / "applications" / "delta-app.yaml").write_text(text)
        else:
            (catalogue / "applications" / f"link-{index}.yaml").write_text(text.replace("bibkey: lee2025delta", "bibkey: lee2025delta\nsame_paper_as: [delta-app]"))


def test_report_broken_moved_and_retried_links(capsys, catalogue_dir: Path, tmp_path: Path) -> None:
    with ScriptedServer() as server:
        urls = {
            "ok": server.route("/ok", Reply(200, "fine")),
            "gone": server.route("/gone", Reply(404, "no")),
            "nohead": server.route("/nohead", Reply(405, ""), Reply(200, "GET works")),
            "moved": server.route("/old", Reply(301, "", {"Location": "{base}/new"})),
            "loop": server.route("/loop", Reply(302, "", {"Location": "{base}/loop"})),
            "busy": server.route("/busy", Reply(429, "", {"Retry-After": "1"}), Reply(200, "ok now")),
            "slow": server.route("/slow", Reply(200, "late", delay=3)),
        }
        server.route("/new", Reply(200, "here"))
        _link_entries(catalogue_dir, urls)
        cache = tmp_path / "links.json"
        code, out, err = run(capsys, "check-links", "--catalogue", str(catalogue_dir), "--cache", str(cache), "--timeout", "1", "--retries", "1")
    assert code == 0
    lines = out.splitlines()
    assert lines[-1] == "7 links: 3 broken, 1 moved"
    assert any(line.startswith(f"broken {urls['gone']}: HTTP 404 (") for line in lines)
    assert any(line.startswith(f"broken {urls['loop']}: redirect loop (") for line in lines)
    assert any(line.startswith(f"broken {urls['slow']}: no answer within 1 s (") for line in lines)
    assert any(line.startswith(f"moved {urls['moved']} -> {server.url}new (permanent: update the link) (") for line in lines)
    assert server.hits("/busy") == 2 and server.hits("/nohead") == 2
    assert "checked 7 links, 0 from the cache" in err
    assert set(json.loads(cache.read_text())) == set(urls.values())


def test_a_rerun_checks_only_stale_links_and_strict_fails(capsys, catalogue_dir: Path, tmp_path: Path) -> None:
    cache = tmp_path / "links.json"
    with ScriptedServer() as server:
        _link_entries(catalogue_dir, {"ok": server.route("/ok", Reply(200)), "gone": server.route("/gone", Reply(404))})
        assert run(capsys, "check-links", "--catalogue", str(catalogue_dir), "--cache", str(cache), "--retries", "0")[0] == 0
        first = len(server.requests)
        code, out, err = run(capsys, "check-links", "--catalogue", str(catalogue_dir), "--cache", str(cache), "--strict", "--format", "json")
        assert len(server.requests) == first
        assert "checked 0 links, 2 from the cache" in err
        assert code == 1
        assert [item["url"] for item in json.loads(out)["broken"]] == [f"{server.url}gone"]
        run(capsys, "check-links", "--catalogue", str(catalogue_dir), "--cache", str(cache), "--max-age", "0", "--retries", "0")
        assert len(server.requests) > first


def test_requests_per_host_are_limited(capsys, catalogue_dir: Path, tmp_path: Path) -> None:
    with ScriptedServer() as server:
        _link_entries(catalogue_dir, {f"n{index}": server.route(f"/p{index}", Reply(200, delay=0.3)) for index in range(6)})
        run(capsys, "check-links", "--catalogue", str(catalogue_dir), "--cache", str(tmp_path / "c.json"), "--concurrency", "6", "--per-host", "2")
        assert server.most_in_flight == 2
        assert server.hits("/p5") == 1


def test_markdown_report(capsys, catalogue_dir: Path, tmp_path: Path) -> None:
    with ScriptedServer() as server:
        _link_entries(catalogue_dir, {"gone": server.route("/gone", Reply(404))})
        _, out, _ = run(capsys, "check-links", "--catalogue", str(catalogue_dir), "--cache", str(tmp_path / "c.json"), "--format", "markdown", "--retries", "0")
    assert out.startswith("**1 broken, 0 moved** of 1 links.\n\n| broken link | reason | where |\n| --- | --- | --- |\n")
    assert f"| <{server.url}gone> | HTTP 404 | " in out


def test_ctrl_c_stops_at_once_and_keeps_what_was_checked(catalogue_dir: Path, tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    cache = tmp_path / "c.json"
    with ScriptedServer() as server:
        fast = {f"fast{index}": server.route(f"/fast{index}", Reply(200, "ok")) for index in range(3)}
        slow = {f"slow{index}": server.route(f"/slow{index}", Reply(200, delay=60)) for index in range(4)}
        _link_entries(catalogue_dir, {**fast, **slow})
        process = subprocess.Popen([sys.executable, "-m", "umm_survey.cli", "check-links", "--catalogue", str(catalogue_dir), "--cache", str(cache), "--concurrency", "4", "--per-host", "4", "--timeout", "120"],
                                   stderr=subprocess.PIPE, text=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))  # a shell's background job would ignore SIGINT
        deadline = time.monotonic() + 60
        while sum(server.hits(f"/slow{index}") for index in range(4)) < 2 or sum(server.hits(f"/fast{index}") for index in range(3)) < 3:
            assert time.monotonic() < deadline and process.poll() is None, "the run never reached the slow links"
            time.sleep(0.05)
        time.sleep(0.3)  # the fast answers are in
        process.send_signal(signal.SIGINT)
        interrupted = time.monotonic()
        _, err = process.communicate(timeout=30)
        waited = time.monotonic() - interrupted
    assert process.returncode == 130, err
    assert waited < 5, f"took {waited:.1f} s to stop"  # without the fix it waits for the 60 s answers
    assert "interrupted; links checked so far are cached" in err and "Traceback" not in err
    assert sorted(json.loads(cache.read_text())) == sorted(fast.values())


def test_a_cache_written_by_another_version_is_rechecked_not_a_crash(capsys, catalogue_dir: Path, tmp_path: Path) -> None:
    import datetime as dt

    cache = tmp_path / "c.json"
    now = dt.datetime.now(dt.timezone.utc).isoformat()
    with ScriptedServer() as server:
        urls = {"new": server.route("/new", Reply(200, "ok")), "odd": server.route("/odd", Reply(200, "ok"))}
        _link_entries(catalogue_dir, urls)
        cache.write_text(json.dumps({urls["new"]: {"url": urls["new"], "checked": now, "status": 200, "redirects": 3}, urls["odd"]: {"checked": now, "status": "200"}}))
        code, out, err = run(capsys, "check-links", "--catalogue", str(catalogue_dir), "--cache", str(cache))
        assert code == 0 and "Traceback" not in err
        assert server.hits("/odd") == 1 and server.hits("/new") == 0  # the unknown field is dropped; the odd record re-checked
        assert "checked 1 links, 1 from the cache" in err
