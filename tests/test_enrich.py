"""`umm-survey enrich` against a real local server standing in for the GitHub and arXiv APIs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import problems_of
from httpserver import Reply, ScriptedServer

from umm_survey.cli import main
from umm_survey.network.enrich import metadata_path

REPO = json.dumps({"stargazers_count": 1234, "pushed_at": "2020-01-02T03:04:05Z", "archived": True, "license": {"spdx_id": "MIT"}})
PUBLISHED = """<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">
  <entry><id>http://arxiv.org/abs/2311.05678v3</id><published>2023-11-20T00:00:00Z</published>
    <title>BetaBench: Measuring Made-Up Abilities</title><author><name>Richard Roe</name></author>
    <arxiv:journal_ref>Made-Up Conference 2024</arxiv:journal_ref><arxiv:doi>10.1234/beta</arxiv:doi></entry>
  <entry><id>http://arxiv.org/abs/2206.00001v1</id><published>2022-06-01T00:00:00Z</published>
    <title>Gamma: A Corpus of Made-Up Pairs</title><author><name>Edgar Poe</name></author></entry>
</feed>"""


@pytest.fixture
def apis(monkeypatch):
    with ScriptedServer() as server:
        monkeypatch.setenv("UMM_GITHUB_API_URL", server.url.rstrip("/") + "/github")
        monkeypatch.setenv("UMM_ARXIV_API_URL", server.url.rstrip("/") + "/arxiv")
        monkeypatch.setenv("GITHUB_TOKEN", "secret-token")
        yield server


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_enrich_writes_metadata_apart_and_reports_published_preprints(capsys, apis, catalogue_dir: Path, tmp_path: Path) -> None:
    apis.route("/github/repos/example/alpha", Reply(200, REPO, {"Content-Type": "application/json"}))
    apis.route("/arxiv", Reply(200, PUBLISHED))
    entries_before = {path: path.read_text() for path in catalogue_dir.rglob("*.yaml")}
    code, out, err = run(capsys, "enrich", "--catalogue", str(catalogue_dir))
    assert code == 0, err
    repos = json.loads(metadata_path(catalogue_dir).read_text())["repos"]
    assert repos["example/alpha"] | {"fetched": "x"} == {"stars": 1234, "pushed_at": "2020-01-02", "archived": True, "license": "MIT", "fetched": "x"}
    assert {path: path.read_text() for path in catalogue_dir.rglob("*.yaml")} == entries_before
    assert out.splitlines() == [
        f"published? {catalogue_dir}/benchmarks/beta-bench.yaml: arXiv 2311.05678 now has journal reference 'Made-Up Conference 2024'; DOI 10.1234/beta; update `venue` and the BibTeX record"
    ]
    assert [request for request in apis.requests if request[1].startswith("/arxiv")] == [("GET", "/arxiv?id_list=2206.00001%2C2311.05678&max_results=2")]
    # the site shows the stars and the archived flag
    site = tmp_path / "site"
    root = Path(__file__).resolve().parent.parent
    assert main(["build", "--catalogue", str(catalogue_dir), "--site-dir", str(site), "--templates", str(root / "templates"), "--config", str(root / "mkdocs.yml")]) == 0
    group_page = (site / "groups" / "ar-semantic.html").read_text()
    assert "★&#8239;1,234" in group_page and '<span class="umm-flag">archived</span>' in group_page


def test_github_token_is_sent(capsys, apis, catalogue_dir: Path) -> None:
    apis.route("/github/repos/example/alpha", Reply(200, REPO))
    assert run(capsys, "enrich", "--catalogue", str(catalogue_dir), "--no-arxiv")[0] == 0
    assert apis.requests == [("GET", "/github/repos/example/alpha")]
    assert apis.headers[0]["Authorization"] == "Bearer secret-token"
    assert apis.headers[0]["Accept"] == "application/vnd.github+json"


@pytest.mark.parametrize(
    ("reply", "message"),
    [
        (Reply(404, "{}"), "GitHub has no repository example/alpha"),
        (Reply(200, "{not json"), "not the expected JSON"),
        (Reply(403, "{}", {"X-RateLimit-Remaining": "0"}), "rate limit is spent"),
        (Reply(200, '{"stargazers_count": Infinity, "pushed_at": "2020-01-01T00:00:00Z"}'), "not the expected JSON"),
        (Reply(200, '{"stargazers_count": 5, "pushed_at": "2020-01-01T00:00:00Z", "archived": false, "license": [1]}'), ""),
    ],
    ids=["404", "malformed-json", "rate-limited", "infinite-stars", "odd-licence"],
)
def test_github_failures_keep_previous_metadata(capsys, apis, catalogue_dir: Path, reply: Reply, message: str) -> None:
    path = metadata_path(catalogue_dir)
    path.parent.mkdir()
    path.write_text('{"repos": {"example/alpha": {"stars": 1, "pushed_at": "2024-01-01", "archived": false}}}\n')
    before = path.read_text()
    apis.route("/github/repos/example/alpha", reply)
    code, _, err = run(capsys, "enrich", "--catalogue", str(catalogue_dir), "--no-arxiv")
    if not message:  # an odd licence is no licence, the rest is kept
        assert code == 0, err
        assert json.loads(path.read_text())["repos"]["example/alpha"]["stars"] == 5 and json.loads(path.read_text())["repos"]["example/alpha"]["license"] is None
        return
    assert code == 1
    assert message in err
    assert path.read_text() == before


def test_malformed_arxiv_feed_is_reported(capsys, apis, catalogue_dir: Path) -> None:
    apis.route("/arxiv", Reply(200, "<feed><entry>"))
    code, out, err = run(capsys, "enrich", "--catalogue", str(catalogue_dir), "--no-github")
    assert (code, out) == (1, "")
    assert "umm-survey: arXiv: the arXiv API sent a feed that is not valid XML" in err


def _closed_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _code_entries(catalogue: Path, count: int) -> None:
    template = (catalogue / "applications" / "delta-app.yaml").read_text()
    for index in range(count):
        text = template.replace("name: Delta", f"name: Delta {index}").replace("bibkey: lee2025delta", f"bibkey: lee2025delta\nsame_paper_as: [delta-app]\nseries: delta\ncode: https://github.com/example/repo{index}")
        (catalogue / "applications" / f"delta-{index}.yaml").write_text(text)


def test_enrich_gives_up_on_a_service_that_refuses_and_says_so(capsys, catalogue_dir: Path, monkeypatch) -> None:
    _code_entries(catalogue_dir, 6)
    monkeypatch.setenv("UMM_GITHUB_API_URL", f"http://127.0.0.1:{_closed_port()}")
    code, _, err = run(capsys, "enrich", "--catalogue", str(catalogue_dir), "--no-arxiv", "--timeout", "2")
    assert code == 1
    assert err.count("refused the connection (nothing listens there)") == 4  # three failures, then the summary line
    assert "umm-survey: GitHub: gave up after 3 connection failures in a row (" in err
    assert "; 3 of 7 done" in err
    assert not metadata_path(catalogue_dir).exists()


def test_enrich_reports_progress(capsys, apis, catalogue_dir: Path) -> None:
    _code_entries(catalogue_dir, 3)
    for index in range(3):
        apis.route(f"/github/repos/example/repo{index}", Reply(200, REPO))
    apis.route("/github/repos/example/alpha", Reply(200, REPO))
    code, _, err = run(capsys, "enrich", "--catalogue", str(catalogue_dir), "--no-arxiv")
    assert code == 0, err
    assert "GitHub: 4 of 4\n" in err


DBLP = json.dumps({"result": {"hits": {"hit": [
    {"info": {"title": "Delta: Applying a Unified Model.", "venue": "CVPR", "year": "2025", "type": "Conference and Workshop Papers", "ee": "https://openaccess.example/delta"}},
    {"info": {"title": "Delta: Applying a Unified Model", "venue": "CoRR", "year": "2025", "type": "Informal and Other Publications"}},
    {"info": {"title": "BetaBench: Measuring Made-Up Abilities.", "venue": "ICLR", "year": "2024", "type": "Conference and Workshop Papers"}},
    {"info": {"title": "BetaBench: measuring made-up abilities", "venue": "NeurIPS", "year": "2023", "type": "Conference and Workshop Papers"}},
    {"info": {"title": "Gamma: A Corpus of Made-Up Pairs", "venue": "CoRR", "year": "2022", "type": "Informal and Other Publications"}},
]}}})


def test_venues_are_proposed_only_for_one_clear_match_and_written_on_request(capsys, apis, catalogue_dir: Path, monkeypatch) -> None:
    monkeypatch.setenv("UMM_DBLP_API_URL", apis.url + "dblp")
    apis.route("/dblp", Reply(200, DBLP))
    before = {path: path.read_text() for path in catalogue_dir.rglob("*") if path.is_file()}
    code, out, err = run(capsys, "enrich", "--catalogue", str(catalogue_dir), "--venues")
    assert code == 0, err
    assert out.splitlines() == [
        f"venue {catalogue_dir}/applications/delta-app.yaml: arXiv -> CVPR 2025 (https://openaccess.example/delta)",
        f"unchanged {catalogue_dir}/benchmarks/beta-bench.yaml: the title matches 2 published records on DBLP (ICLR 2024, NeurIPS 2023); no change",
    ]
    assert {path: path.read_text() for path in catalogue_dir.rglob("*") if path.is_file()} == before  # proposals only
    code, _, err = run(capsys, "enrich", "--catalogue", str(catalogue_dir), "--venues", "--write")
    assert code == 0 and "wrote 1 venue changes" in err
    assert "venue: CVPR 2025" in (catalogue_dir / "applications" / "delta-app.yaml").read_text()
    bib = (catalogue_dir / "references.bib").read_text()
    assert "@inproceedings{lee2025delta,\n  author = {Lee, Ann},\n  title = {{Delta}: Applying a Unified Model},\n  booktitle = {IEEE/CVF Conference on Computer Vision and Pattern Recognition},\n  year = {2025},\n}" in bib
    assert [problem for problem in problems_of(catalogue_dir) if problem.is_error] == []
    assert run(capsys, "fmt", "--check", str(catalogue_dir / "applications" / "delta-app.yaml"), str(catalogue_dir / "references.bib"))[0] == 0  # the canonical writers


def test_write_without_venues_is_a_usage_error(capsys, catalogue_dir: Path) -> None:
    assert run(capsys, "enrich", "--catalogue", str(catalogue_dir), "--write")[0] == 2
