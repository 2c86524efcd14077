"""`umm-survey discover` against a real HTTP server on 127.0.0.1 serving recorded Atom, JSON and Markdown."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from httpserver import Reply, ScriptedServer

from umm_survey.cli import main

HOSTILE = "<script>alert(1)</script> | [x](javascript:y)"


def feed(entries: list[tuple[str, str, str, str]], total: int | None = None) -> str:
    """An arXiv API answer: (id, title, abstract, first-posted date) per entry."""
    items = "".join(
        f"<entry><id>http://arxiv.org/abs/{arxiv}v1</id><published>{date}T00:00:00Z</published><title>{title}</title>"
        f"<summary>{summary}</summary><author><name>A. Author</name></author></entry>"
        for arxiv, title, summary, date in entries
    )
    return (f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">'
            f"<opensearch:totalResults>{len(entries) if total is None else total}</opensearch:totalResults>{items}</feed>")


def citations(*papers: tuple[str, str, str]) -> str:
    return json.dumps({"data": [{"citingPaper": {"externalIds": {"ArXiv": arxiv}, "title": title, "publicationDate": date}} for arxiv, title, date in papers]})


LIST = """## Unified models
| Model | Paper | Venue | Date | Code |
| --- | --- | --- | --- | --- |
| Listed | [Listed: A Unified Model](https://arxiv.org/abs/2605.00003) | arXiv | 2026/05/02 | - |
"""


@pytest.fixture
def apis(monkeypatch, catalogue_dir: Path):
    with ScriptedServer() as server:
        monkeypatch.setenv("UMM_ARXIV_API_URL", server.url + "api/query")
        monkeypatch.setenv("UMM_S2_API_URL", server.url + "s2")
        (catalogue_dir / "sources.yaml").write_text(
            "arxiv_query: 'abs:unified'\n"
            "landmarks:\n  - {arxiv: '2501.17811', name: Janus-Pro}\n  - {arxiv: '2505.14683', name: BAGEL}\n"
            f"lists:\n  - {{name: test-list, url: '{server.url}list.md'}}\n"
        )
        yield server


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _standard_routes(server: ScriptedServer) -> None:
    server.route("/api/query", Reply(200, feed([
        ("2605.00001", "Uni: Unified Understanding and Generation of Images", "One model that understands and generates images.", "2026-05-01"),
        ("2605.00002", "A Faster Text Encoder", "Speed for language models.", "2026-05-02"),
        ("2403.01234", "Alpha: already catalogued", "unified understanding and generation", "2026-05-03"),
    ])))
    server.route("/s2/graph/v1/paper/arXiv:2501.17811/citations", Reply(200, citations(("2605.00001", "Uni", "2026-05-01"), ("2605.00003", "Listed", "2026-05-02"))))
    server.route("/s2/graph/v1/paper/arXiv:2505.14683/citations", Reply(200, citations(("2605.00001", "Uni", "2026-05-01"), ("2301.00009", "Old", "2023-01-01"))))
    server.route("/list.md", Reply(200, LIST))


def test_candidates_are_ranked_with_their_reasons_and_known_ids_left_out(capsys, apis, catalogue_dir: Path, tmp_path: Path) -> None:
    _standard_routes(apis)
    out = tmp_path / "candidates.json"
    code, stdout, err = run(capsys, "discover", "--catalogue", str(catalogue_dir), "--since", "2026-05-01", "--until", "2026-05-31", "--format", "json", "-o", str(out), "--page-delay", "0")
    assert code == 0, err
    assert stdout == ""
    data = json.loads(out.read_text())
    assert data["since"] == "2026-05-01"
    assert [candidate["arxiv"] for candidate in data["candidates"]] == ["2605.00001", "2605.00003", "2605.00002"]
    top = data["candidates"][0]
    assert set(top) == {"arxiv", "title", "date", "score", "reasons", "sources"}
    assert top["score"] == 11 and top["sources"] == ["arxiv", "semantic-scholar"]
    assert top["reasons"] == ["mentions understanding and generation (+3)", "says unified, omni or any-to-any (+2)", "about images or vision (+1)",
                              "about generating, editing or imagining (+1)", "cites 2 of 2 landmark papers: BAGEL, Janus-Pro (+4)"]
    assert data["candidates"][1]["reasons"][-1] == "listed in 1 same-topic list: test-list (+3)"
    assert "discover: 3 candidates (2 already catalogued, triaged or outside 2026-05-01 to 2026-05-31)" in err


def test_the_score_counts_the_abbreviation_umm_and_a_paper_about_generating_alone() -> None:
    from umm_survey.network.discover import Candidate, score

    assert score(Candidate(arxiv="2605.00009", title="Sparse experts for UMMs"), 2) == (2, ["says unified, omni or any-to-any (+2)"])
    assert score(Candidate(arxiv="2605.00010", title="Faster editing with cached tokens"), 2) == (1, ["about generating, editing or imagining (+1)"])
    assert score(Candidate(arxiv="2605.00011", title="A survey of speech recognition"), 2) == (0, [])


def test_arxiv_is_read_page_by_page(capsys, apis, catalogue_dir: Path) -> None:
    first = [(f"2605.{index:05d}", f"Paper {index}", "text", "2026-05-04") for index in range(10, 110)]
    second = [(f"2605.{index:05d}", f"Paper {index}", "text", "2026-05-05") for index in range(110, 160)]
    apis.route("/api/query", Reply(200, feed(first, total=150)), Reply(200, feed(second, total=150)))
    code, stdout, err = run(capsys, "discover", "--catalogue", str(catalogue_dir), "--source", "arxiv", "--since", "2026-05-01", "--until", "2026-05-31", "--format", "json", "--page-delay", "0")
    assert code == 0, err
    assert len(json.loads(stdout)["candidates"]) == 150
    starts = [path.split("start=")[1].split("&")[0] for _, path in apis.requests]
    assert starts == ["0", "100"]
    assert "arXiv: 100 of 150 listings read" in err and "arXiv: 150 of 150 listings read" in err


def test_a_busy_server_is_waited_for(capsys, apis, catalogue_dir: Path) -> None:
    apis.route("/api/query", Reply(429, "slow down", {"Retry-After": "1"}), Reply(200, feed([("2605.00001", "Unified", "understanding and generation", "2026-05-01")])))
    code, stdout, _ = run(capsys, "discover", "--catalogue", str(catalogue_dir), "--source", "arxiv", "--since", "2026-05-01", "--until", "2026-05-31", "--page-delay", "0")
    assert code == 0 and stdout.startswith("  6  2605.00001  2026-05-01  Unified\n       mentions understanding and generation (+3)")
    assert apis.hits("/api/query") == 2


@pytest.mark.parametrize(
    ("source", "route", "reply", "message"),
    [
        ("arxiv", "/api/query", Reply(503, "down"), "arXiv: the API answered 503 for results 0-100"),
        ("arxiv", "/api/query", Reply(200, "<feed><entry>"), "arXiv: the arXiv API sent a feed that is not valid XML"),
        ("s2", "/s2/graph/v1/paper/arXiv:2501.17811/citations", Reply(200, "{not json"), "Semantic Scholar: the answer for the papers citing Janus-Pro is not the expected JSON"),
        ("lists", "/list.md", Reply(404, "gone"), "list test-list: "),
        ("arxiv", "/api/query", Reply(200, "late", delay=5), "did not answer within 1 s"),
    ],
    ids=["503", "malformed-xml", "malformed-json", "list-404", "hang"],
)
def test_a_failing_source_writes_nothing_and_says_why(capsys, apis, catalogue_dir: Path, tmp_path: Path, source: str, route: str, reply: Reply, message: str) -> None:
    apis.route(route, reply)
    out = tmp_path / "candidates.md"
    code, stdout, err = run(capsys, "discover", "--catalogue", str(catalogue_dir), "--source", source, "--since", "2026-05-01", "--until", "2026-05-31",
                            "--format", "markdown", "-o", str(out), "--timeout", "1", "--page-delay", "0")
    assert code == 1 and stdout == "" and not out.exists()
    assert message in err and "nothing was written" in err and "Traceback" not in err


def test_a_hostile_title_is_inert_in_markdown(capsys, apis, catalogue_dir: Path) -> None:
    apis.route("/api/query", Reply(200, feed([("2605.00001", HOSTILE.replace("<", "&lt;").replace(">", "&gt;"), "unified", "2026-05-01")])))
    code, stdout, _ = run(capsys, "discover", "--catalogue", str(catalogue_dir), "--source", "arxiv", "--since", "2026-05-01", "--until", "2026-05-31", "--format", "markdown", "--page-delay", "0")
    assert code == 0
    row = stdout.splitlines()[-1]
    assert "\\<script\\>alert\\(1\\)\\</script\\> \\| \\[x\\]\\(javascript:y\\)" in row and "<script>" not in row


def test_the_overall_deadline_stops_a_long_run(capsys, apis, catalogue_dir: Path) -> None:
    first = [(f"2605.{index:05d}", f"Paper {index}", "text", "2026-05-04") for index in range(10, 110)]
    apis.route("/api/query", Reply(200, feed(first, total=1000)))
    code, _, err = run(capsys, "discover", "--catalogue", str(catalogue_dir), "--source", "arxiv", "--since", "2026-05-01", "--until", "2026-05-31", "--deadline", "0.5", "--page-delay", "1")
    assert code == 1 and "stopped after 0.5 s (the --deadline) while reading arXiv listings; nothing was written" in err


@pytest.mark.parametrize("argv", [["--since", "2026-06-01", "--until", "2026-05-01"], ["--since", "May"], ["--page-delay", "100"], ["--deadline", "0"]])
def test_usage_errors_exit_2(capsys, apis, catalogue_dir: Path, argv: list[str]) -> None:
    assert run(capsys, "discover", "--catalogue", str(catalogue_dir), *argv)[0] == 2


def test_a_broken_sources_file_is_a_located_error(capsys, apis, catalogue_dir: Path) -> None:
    (catalogue_dir / "sources.yaml").write_text("arxiv_query: unified\nlists:\n  - {name: x, url: 'ftp://example.org/list.md'}\n")
    code, _, err = run(capsys, "discover", "--catalogue", str(catalogue_dir))
    assert code == 1 and "sources.yaml:3:" in err and "UMM505" in err
