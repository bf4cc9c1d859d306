"""Report a mistake: every page, and every paragraph of a source, links to a new issue in the
project's repository with page, address, language and paragraph filled in; with no repository
known, the links are absent rather than broken."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest

from generator import pipeline
from generator.model import BuildFacts
from generator.read.git import issue_url
from generator.render.run import render
from tests.conftest import SOURCES, TEST_REPO, built_pages
from tests.test_build import tags

LANGUAGE = {"id": "Bahasa Indonesia", "en": "English"}


def reports(html: str) -> list[tuple[str, dict]]:
    """``(link text's place, query)`` of every new-issue link of the page."""
    found = []
    for tag, attrs in tags(html):
        href = attrs.get("href", "")
        if tag == "a" and href.startswith(f"{TEST_REPO}/issues/new?"):
            found.append(href)
    return [(href, {k: v[0] for k, v in parse_qs(urlsplit(href).query).items()}) for href in found]


def test_every_page_links_to_a_prefilled_issue(built):
    pages = [(lang, "/" + address, html) for lang, address, html in built_pages(built)]
    assert {lang for lang, _, _ in pages} == set(LANGUAGE)
    for lang, address, html in pages:
        title = unescape(re.search(r'<meta property="og:title" content="([^"]*)"', html)[1])
        page_level = [query for href, query in reports(html) if "#p" not in query["body"]]
        assert len(page_level) == 1, address
        query = page_level[0]
        assert title in query["title"] and title in query["body"], address
        assert address.replace("//", "/") in query["body"] and LANGUAGE[lang] in query["body"], address


def test_every_source_paragraph_links_to_a_prefilled_issue(built):
    checked = 0
    for lang, path, html in built_pages(built):
        address = "/" + path
        anchors = re.findall(r'<p class="src-para(?: src-pending)?" id="(p[0-9a-z]+)"', html)
        if not anchors:
            continue
        paragraph_level = {
            re.search(r"#(p[0-9a-z]+)\)", query["body"])[1]: query
            for _, query in reports(html)
            if "#p" in query["body"]
        }
        assert sorted(paragraph_level) == sorted(anchors), address
        for anchor, query in paragraph_level.items():
            assert anchor[1:] in query["title"] and f"{address}#{anchor}" in query["body"]
            assert LANGUAGE[lang] in query["body"]
        checked += len(anchors)
    assert checked


def test_no_repository_no_report_links():
    site, _ = pipeline.build(SOURCES)
    for repository in (None, "https://codeberg.org/a/b"):  # none, or a host whose form is not known
        made = render(site, BuildFacts(repository=repository), parallel=False)
        assert not [page.path for page in made if "issues/new" in str(page.content)], repository


@pytest.mark.parametrize(
    ("repo", "expected"),
    [
        ("https://github.com/a/b", "https://github.com/a/b/issues/new?title=T+1&body=B%26x"),
        (
            "https://gitlab.com/a/b",
            "https://gitlab.com/a/b/-/issues/new?issue%5Btitle%5D=T+1&issue%5Bdescription%5D=B%26x",
        ),
        ("https://example.org/a/b", None),
        (None, None),
    ],
)
def test_issue_forms(repo, expected):
    assert issue_url(repo, "T 1", "B&x") == expected
