"""The shortcuts that spare parsing a link give what parsing gives: code links' repository and http(s) checks."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from umm_survey.links import PLAIN_REPOSITORY, parsed_repository_root, repository_root
from umm_survey.schema import PLAIN_HTTP_URL, is_absolute_http

pieces = st.sampled_from(["a", "Z", "0", "-", "_", ".", "/", ".git", "github.com", "gitlab.com", "huggingface.co", "www.",
                          "http://", "https://", "HTTPS://", "?", "#", "%20", ":", "@", "[", "]", "é", "\t", " ", "utm_source=x", "&"])
links = st.lists(pieces, max_size=14).map("".join)
repository_links = st.builds(
    lambda scheme, host, owner, name, tail: f"{scheme}{host}/{owner}/{name}{tail}",
    st.sampled_from(["https://", "http://", "HTTPS://", "https://www."]),
    st.sampled_from(["github.com", "GitHub.com", "gitlab.com", "huggingface.co", "example.org"]),
    st.sampled_from(["Owner", "owner-1", "o.w", "a_b", "x."]),
    st.sampled_from(["Repo", "repo.git", "re.po", "r-2", ".hidden", "repo."]),
    st.sampled_from(["", "/", "/tree/main", ".git", "?utm_source=x", "#readme", "/?tab=1"]),
)


@settings(max_examples=600, deadline=None)
@given(url=links | repository_links)
def test_the_repository_of_a_plain_link_is_what_parsing_the_link_gives(url: str) -> None:
    try:
        parsed = parsed_repository_root(url)
    except ValueError:  # a malformed host: the shortcut must not take it either
        assert not (PLAIN_REPOSITORY.fullmatch(url) and not url.endswith(".git"))
        return
    assert repository_root(url) == parsed


@settings(max_examples=600, deadline=None)
@given(url=links | repository_links)
@example(url="https://[::1")  # urlsplit refuses an unclosed bracket in the host
@example(url="https://a]b/c")
@example(url="https://\u2100/x")  # and a host that NFKC normalisation changes
def test_a_link_the_shortcut_accepts_is_one_urlsplit_accepts(url: str) -> None:
    if PLAIN_HTTP_URL.fullmatch(url):
        assert is_absolute_http(url)


@pytest.mark.parametrize("url", ["https://github.com/Owner/Repo", "https://huggingface.co/org/model-7B", "https://gitlab.com/a.b/c_d"])
def test_plain_repository_links_take_the_shortcut(url: str) -> None:
    assert PLAIN_REPOSITORY.fullmatch(url)
    assert repository_root(url) == url.lower()


@pytest.mark.parametrize("url", ["https://github.com/owner/repo.git", "http://github.com/owner/repo", "https://github.com/owner/repo/tree/main"])
def test_links_canonical_form_changes_are_parsed(url: str) -> None:
    assert repository_root(url) == "https://github.com/owner/repo"
