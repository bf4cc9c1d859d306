"""The build glue around MkDocs (generator/publish/build.py): which pages Pagefind reads, and the
previous site deleted without waiting for it."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from generator.publish import build

SEARCHED = "<html><body><div data-pagefind-body><p>{}</p></div></body></html>"
NOT_SEARCHED = "<html><body><p>{}</p></body></html>"


def page(path: Path, html: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """Two languages, one at the root and one under ``de/`` (any codes: the glue knows none)."""
    root = tmp_path / "site"
    for lang in ("", "de/"):
        page(root / lang / "index.html", SEARCHED.format("home"))
        page(root / lang / "a" / "index.html", SEARCHED.format("a"))
        page(root / lang / "a" / "b" / "index.html", SEARCHED.format("b"))
        page(root / lang / "whole" / "index.html", NOT_SEARCHED.format("the print version"))
        page(root / lang / "moved" / "x" / "index.html", NOT_SEARCHED.format("a forwarding page"))
        page(root / lang / "pagefind" / "pagefind.js", "")
        page(root / lang / "assets" / "x.html", SEARCHED.format("not a page"))
    return root


def test_the_glob_of_each_language_takes_its_pages_and_no_others(site):
    for root, others in (("", ["de/"]), ("de/", ["de/"])):
        glob = build.pages_of(site, root, others)
        parts = glob.strip("{}").split(",")
        assert f"{root}*.html" in parts
        assert f"{root}a/**/*.html" in parts
        assert f"{root}moved/**/*.html" in parts  # a folder of folders is read: it may hold pages
        assert not any(part.startswith((f"{root}de/", f"{root}pagefind", f"{root}assets")) for part in parts)
        # a folder holding one page that is not searched (the print version) is not read at all
        assert not any(part.startswith(f"{root}whole/") for part in parts)


def test_a_lone_page_that_is_searched_is_read(site):
    page(site / "solo" / "index.html", SEARCHED.format("solo"))
    assert "solo/**/*.html" in build.pages_of(site, "", ["de/"])


def test_the_previous_site_is_deleted_without_waiting_and_out_of_the_way(tmp_path):
    old = tmp_path / ".site.old"
    for number in range(50):
        page(old / str(number) / "index.html", "x")
    build.discard(old)
    assert not old.exists()  # renamed at once: the next build can use the name
    deadline = time.monotonic() + 60
    while list(tmp_path.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert list(tmp_path.iterdir()) == []
