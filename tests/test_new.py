"""`umm-survey new`: against a real local server standing in for the arXiv API."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import problems_of
from httpserver import Reply, ScriptedServer

from umm_survey.cli import main

ATOM = """<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">
  <entry>
    <id>http://arxiv.org/abs/2502.09999v2</id>
    <published>2025-02-14T17:00:00Z</published>
    <updated>2025-03-01T10:00:00Z</updated>
    <title>Kappa: A Test Model for
      Unified Generation</title>
    <author><name>Ada Lovelace</name></author>
    <author><name>Alan  Turing</name></author>
    <arxiv:primary_category term="cs.CV"/>
    <category term="cs.CV"/>
  </entry>
</feed>
"""
EMPTY = '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>'


@pytest.fixture
def arxiv(monkeypatch):
    with ScriptedServer() as server:
        monkeypatch.setenv("UMM_ARXIV_API_URL", server.url.rstrip("/") + "/api/query")
        yield server


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(path.relative_to(root)): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def test_new_writes_a_valid_entry_and_record(capsys, arxiv, catalogue_dir: Path) -> None:
    arxiv.route("/api/query", Reply(200, ATOM, {"Content-Type": "application/atom+xml"}))
    code, out, err = run(capsys, "new", "--arxiv", "2502.09999", "--kind", "model", "--group", "ar-pixel", "--code", "https://github.com/example/kappa", "--catalogue", str(catalogue_dir))
    assert (code, err) == (0, "")
    path = catalogue_dir / "models" / "kappa.yaml"
    assert out == f"{path}\n"
    text = path.read_text()
    assert "title: 'Kappa: A Test Model for Unified Generation'" in text
    assert "date: 2025-02-14" in text and "arxiv: '2502.09999'" in text
    assert "author = {Lovelace, Ada and Turing, Alan}" in (catalogue_dir / "references.bib").read_text()
    assert arxiv.requests == [("GET", "/api/query?id_list=2502.09999&max_results=1")]
    assert [problem.rule for problem in problems_of(catalogue_dir)] == ["UMM219"]  # a draft: weights and licence are the contributor's to add


def test_new_refuses_an_arxiv_id_already_catalogued(capsys, arxiv, catalogue_dir: Path) -> None:
    before = snapshot(catalogue_dir)
    code, _, err = run(capsys, "new", "--arxiv", "2403.01234", "--kind", "model", "--group", "ar-pixel", "--catalogue", str(catalogue_dir))
    assert code == 1
    assert err.startswith("umm-survey: arXiv 2403.01234 is already in the catalogue as ")
    assert err.rstrip().endswith("models/alpha-model.yaml; edit that entry instead")
    assert arxiv.requests == []
    assert snapshot(catalogue_dir) == before


@pytest.mark.parametrize(
    ("replies", "message"),
    [
        ([Reply(404, "no")], "the arXiv API answered 404"),
        ([Reply(200, "<feed><entry>not closed")], "not valid XML"),
        ([Reply(200, EMPTY)], "arXiv has no paper 2502.09999"),
        ([Reply(503, "busy", {"Retry-After": "0"})], "the arXiv API answered 503 Service Unavailable"),
        ([Reply(200, ATOM, delay=3)], "did not answer within"),
        ([Reply(200, stream_bytes=6 * 1024 * 1024)], "sent more than"),
        ([Reply(302, "", {"Location": "{base}/api/query"})], "redirects in a loop"),
    ],
    ids=["404", "malformed-xml", "unknown-id", "503", "hangs", "huge-body", "redirect-loop"],
)
def test_network_failures_write_nothing(capsys, arxiv, catalogue_dir: Path, replies, message) -> None:
    arxiv.route("/api/query", *replies)
    before = snapshot(catalogue_dir)
    code, out, err = run(capsys, "new", "--arxiv", "2502.09999", "--kind", "model", "--group", "ar-pixel", "--timeout", "1", "--catalogue", str(catalogue_dir))
    assert (code, out) == (1, "")
    assert message in err
    assert snapshot(catalogue_dir) == before
    if replies[0].status == 503:
        assert arxiv.hits("/api/query") == 4  # the first try and three retries


def test_429_with_retry_after_is_retried(capsys, arxiv, catalogue_dir: Path) -> None:
    arxiv.route("/api/query", Reply(429, "slow down", {"Retry-After": "1"}), Reply(200, ATOM))
    assert run(capsys, "new", "--arxiv", "2502.09999", "--kind", "model", "--group", "ar-pixel", "--catalogue", str(catalogue_dir))[0] == 0
    assert arxiv.hits("/api/query") == 2


def test_offline_writes_a_stub_that_validation_rejects(capsys, catalogue_dir: Path) -> None:
    code, out, err = run(capsys, "new", "--arxiv", "2502.09999", "--kind", "dataset", "--group", "dataset-editing", "--offline", "--catalogue", str(catalogue_dir))
    assert code == 1
    assert out == f"{catalogue_dir / 'datasets' / 'arxiv-2502-09999.yaml'}\n"
    assert "UMM213" in err and "UMM410" in err
    rules = {problem.rule for problem in problems_of(catalogue_dir)}
    assert {"UMM213", "UMM410"} <= rules


def test_usage_errors(capsys, catalogue_dir: Path) -> None:
    assert run(capsys, "new", "--arxiv", "https://arxiv.org/abs/1", "--kind", "model", "--group", "ar-pixel", "--catalogue", str(catalogue_dir))[0] == 2
    code, _, err = run(capsys, "new", "--arxiv", "2502.09999", "--kind", "model", "--group", "dataset-editing", "--catalogue", str(catalogue_dir))
    assert (code, err) == (2, "umm-survey: group 'dataset-editing' holds datasets, not models\n")


HOSTILE_ATOM = ATOM.replace(
    "<title>Kappa: A Test Model for\n      Unified Generation</title>",
    "<title>Kappa}, note = {injected: \\input{/etc/passwd} $\\write18{id}$</title>",
).replace("<name>Alan  Turing</name>", "<name>Alan} and {Evil</name>")


def test_new_makes_a_hostile_answer_inert_in_bibtex(capsys, arxiv, catalogue_dir: Path) -> None:
    arxiv.route("/api/query", Reply(200, HOSTILE_ATOM, {"Content-Type": "application/atom+xml"}))
    run(capsys, "new", "--arxiv", "2502.09999", "--kind", "model", "--group", "ar-pixel", "--name", "Kappa", "--catalogue", str(catalogue_dir))
    bib = (catalogue_dir / "references.bib").read_text()
    record = bib[bib.index("@misc{lovelace2025"):]
    assert "note = {" not in record  # the title could not close its field and open another
    assert "\\input{" not in record and "\\write18" not in record
    assert "title = {Kappa\\}, note = \\{injected: \\textbackslash{}input\\{/etc/passwd\\}" in record
    assert "UMM412" not in {problem.rule for problem in problems_of(catalogue_dir)}
    assert "UMM401" not in {problem.rule for problem in problems_of(catalogue_dir)}


def test_new_skips_a_triaged_id(capsys, arxiv, catalogue_dir: Path) -> None:
    (catalogue_dir / "triage.yaml").write_text("papers:\n  - arxiv: '2502.09999'\n    title: Kappa\n    decision: out-of-scope\n    reason: generation only\n")
    before = snapshot(catalogue_dir)
    code, _, err = run(capsys, "new", "--arxiv", "2502.09999", "--kind", "model", "--group", "ar-pixel", "--catalogue", str(catalogue_dir))
    assert code == 1
    assert err.endswith("(out-of-scope: generation only); remove it from there first to catalogue it\n")
    assert arxiv.requests == [] and snapshot(catalogue_dir) == before


def test_a_trickling_server_is_stopped_by_the_deadline(capsys, arxiv, catalogue_dir: Path) -> None:
    import time

    arxiv.route("/api/query", Reply(200, ATOM, trickle=0.2))  # each byte well within the 1 s read timeout
    before = snapshot(catalogue_dir)
    started = time.monotonic()
    code, _, err = run(capsys, "new", "--arxiv", "2502.09999", "--kind", "model", "--group", "ar-pixel", "--timeout", "1", "--catalogue", str(catalogue_dir))
    assert time.monotonic() - started < 10
    assert code == 1 and "still sending after the request's deadline" in err
    assert snapshot(catalogue_dir) == before


def test_a_refused_connection_is_called_refused(capsys, catalogue_dir: Path, monkeypatch) -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again: nothing listens there
    monkeypatch.setenv("UMM_ARXIV_API_URL", f"http://127.0.0.1:{port}/api/query")
    code, _, err = run(capsys, "new", "--arxiv", "2502.09999", "--kind", "model", "--group", "ar-pixel", "--timeout", "1", "--catalogue", str(catalogue_dir))
    assert code == 1 and "refused the connection" in err and "did not answer" not in err
