"""Cite this page and cite this paragraph: every page of both built languages shows APA and
Chicago citations and links BibTeX, RIS and CSL-JSON files that parse and say what the page is
(title, language, published address; for a source, only what its metadata establishes); the
git parts (commit, permanent link, last-changed date) read from a repository of their own."""

from __future__ import annotations

import json
import re
import subprocess
from datetime import date
from html import unescape
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import bibtexparser
import pytest
import rispy
import yaml

from generator import pipeline
from generator.model.words import ui
from generator.read import git
from generator.render import cite_this
from tests.conftest import PUBLISHED, SOURCES, TEST_REPO, built_pages
from tests.test_writers import unlatex

LANGUAGES = yaml.safe_load((SOURCES / "site.yml").read_text(encoding="utf-8"))["languages"]
BLOCK = re.compile(r'<details class="cite"[^>]*>(.*?)</details>', re.S)
PARAGRAPH_BLOCK = re.compile(r'<details class="src-cite"[^>]*>(.*?)</details>', re.S)


def front_title(html: str) -> str:
    """The page's own title (its JSON-LD ``name``), which is what the citation names."""
    for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
        data = json.loads(block)
        if data.get("@id") == "./":
            return data["name"]
    raise AssertionError("no JSON-LD of the page")


def downloads(block: str, address: str) -> dict[str, str]:
    """Suffix -> address from the root of each file the block links."""
    found = {}
    for href in re.findall(r'<a href="([^"]+)" download=', block):
        target = urlsplit(urljoin("https://x/" + address, unescape(href))).path.lstrip("/")
        found[target.rsplit(".", 1)[1]] = target
    return found


def source_of(site, address: str, lang: str):
    """The document a source page shows, or None."""
    folder = ui(lang)["slugs"]["source"]
    rest = address.removeprefix("" if lang == LANGUAGES[0] else f"{lang}/")
    parts = rest.strip("/").split("/")
    if len(parts) == 2 and parts[0] == folder:
        return next((doc for doc in site.documents if doc.id == parts[1]), None)
    return None


def parser():
    """bibtexparser reading biblatex's ``@online`` (it skips types outside BibTeX's own)."""
    return bibtexparser.bparser.BibTexParser(ignore_nonstandard_types=False, common_strings=False)


@pytest.fixture(scope="session")
def cited(built, site):
    """Every page with its cite block and the parsed files it links."""
    out = []
    for lang, address, html in built_pages(built):
        blocks = BLOCK.findall(html)
        assert len(blocks) == 1, f"/{address}: {len(blocks)} cite blocks"
        files = downloads(blocks[0], address)
        assert sorted(files) == ["bib", "json", "ris"], f"/{address}: {files}"
        parsed = {
            "bib": bibtexparser.loads((built / files["bib"]).read_text(encoding="utf-8"), parser()).entries,
            "ris": rispy.loads((built / files["ris"]).read_text(encoding="utf-8")),
            "json": json.loads((built / files["json"]).read_text(encoding="utf-8")),
        }
        out.append((lang, address, html, blocks[0], parsed, source_of(site, address, lang)))
    assert {lang for lang, *_ in out} == set(LANGUAGES)
    return out


def test_every_page_shows_apa_chicago_and_the_three_files(cited):
    for lang, address, _, block, parsed, _ in cited:
        words = ui(lang)["cite"]
        assert f"<summary>{words['page']}</summary>" in block, address
        for style in ("apa", "chicago"):
            entry = re.search(rf"<dt>{re.escape(words[style])}</dt>\s*<dd>(.+?)</dd>", block, re.S)
            assert entry and entry[1].strip(), f"/{address}: no {style}"
        assert "<pre><code>@online{" in block, address  # the BibTeX to copy
        assert parsed["bib"] and parsed["ris"] and parsed["json"], address


def test_the_files_say_what_the_page_is(cited):
    for lang, address, html, _, parsed, doc in cited:
        url = PUBLISHED + address
        item, bib, ris = parsed["json"][0], parsed["bib"][0], parsed["ris"][0]
        assert item["URL"] == bib["url"] == ris["urls"][0] == url, address
        assert len(parsed["json"]) == len(parsed["bib"]) == len(parsed["ris"]), address
        if doc is None:
            title = front_title(html)
            assert item["title"] == unlatex(bib["title"]) == ris["title"] == title, address
            assert item["language"] == bib["language"] == ris["language"] == lang, address
            assert item["container-title"] == unlatex(bib["organization"]) == ris["secondary_title"]
            assert len(parsed["json"]) == 1, address
            continue
        meta = doc.meta
        title = cite_this.document_title(doc, lang)
        if meta.title:
            assert title.startswith(meta.title[meta.language]), address
        else:
            assert title == f"[{meta.label[lang]}]", address
        assert item["title"] == unlatex(bib["title"]) == ris["title"] == title, address
        assert item["language"] == ris["language"] == meta.language, address
        if meta.author:
            assert item["author"] == [{"literal": meta.author}] and ris["authors"] == [meta.author]
            assert unlatex(bib["author"]) == "{" + meta.author + "}", address
        else:
            assert "author" not in item and "author" not in bib and "authors" not in ris, address
        if meta.publisher:
            assert item["publisher"] == ris["publisher"] == unlatex(bib["organization"]) == meta.publisher
        else:
            assert not {"publisher", "container-title"} & set(item) and "organization" not in bib
            assert "publisher" not in ris, address
        if meta.date:
            assert item["issued"] == {"date-parts": [[meta.date.year, meta.date.month, meta.date.day]]}
            assert bib["date"] == meta.date.isoformat(), address
        else:
            assert "issued" not in item and "date" not in bib and "year" not in ris, address


def test_paragraph_entries_point_at_existing_anchors(cited):
    sources = 0
    for _, address, html, _, parsed, doc in cited:
        if doc is None:
            continue
        sources += 1
        anchors = set(re.findall(r'id="(p[^"]+)"', html))
        keys = [para.key for para in doc.paragraphs]
        entries = parsed["json"][1:]
        assert [e["id"] for e in entries] == [f"{doc.id}-p{key}" for key in keys], address
        assert [e["ID"] for e in parsed["bib"][1:]] == [e["id"] for e in entries], address
        for entry in entries:
            anchor = entry["URL"].split("#", 1)[1]
            assert entry["URL"] == f"{PUBLISHED}{address}#{anchor}" and anchor in anchors, entry["id"]
        shown = PARAGRAPH_BLOCK.findall(html)
        assert len(shown) == len(keys), address
        for key, block in zip(keys, shown, strict=True):
            assert f"para. {key})" in block, (address, key)  # the in-text locator
            assert f"{PUBLISHED}{address}#p{key}" in block, (address, key)
    assert sources, "no source page found"


def test_the_access_date_is_left_to_the_reader(cited):
    for lang, address, _, block, parsed, _ in cited:
        placeholder = ui(lang)["cite"]["access_date"]
        if "issued" in parsed["json"][0]:
            continue  # a dated work: the styles want its date, not the day it was read
        assert placeholder in block, address
        assert ui(lang)["cite"]["access_note"] in unescape(block), address
        assert "accessed" not in parsed["json"][0], address  # the files leave it to the reader


def test_no_loopback_address_and_no_git_parts_outside_a_checkout(cited, built):
    for _, address, _, block, _, _ in cited:
        assert "127.0.0.1" not in block and "localhost" not in block, address
        # The test project is a copy without .git: no commit, no date, no permanent link.
        assert "cite-permalink" not in block and "/tree/" not in block, address
    for path in (built / "assets" / "cite").rglob("*"):
        if path.is_file():
            assert "127.0.0.1" not in path.read_text(encoding="utf-8"), path


def test_site_address_leaves_out_a_loopback_address(monkeypatch, tmp_path):
    monkeypatch.setenv("SITE_URL", "http://127.0.0.1:8000/")
    assert pipeline.site_address(tmp_path) == ""
    monkeypatch.setenv("SITE_URL", "http://localhost:8000/")
    assert pipeline.site_address(tmp_path) == ""
    monkeypatch.setenv("SITE_URL", "https://example.org/explainer")
    assert pipeline.site_address(tmp_path) == "https://example.org/explainer/"


def test_an_untitled_work_without_author_is_named_once():
    """citeproc-py put the title in the author's place and then again as the title."""
    item = {"id": "x", "type": "webpage", "title": "[Opinion on X]", "URL": "https://example.org/x/"}
    for style in cite_this.STYLES:
        entry, _ = cite_this.render(item, style, "en")
        assert str(entry).count("Opinion on X") == 1, (style, entry)
        assert "[access date]" in str(entry), (style, entry)


def git_cmd(repo: Path, *args: str, when: str = "2024-03-05T10:00:00+00:00") -> str:
    env = {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "HOME": str(repo), "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_history_reads_the_commit_dates_and_permanent_link(tmp_path):
    repo = tmp_path / "repo"
    sources = repo / "sources"
    (sources / "glossary").mkdir(parents=True)
    (sources / "glossary" / "a b.yml").write_text("a\n", encoding="utf-8")
    (sources / "site.yml").write_text("s\n", encoding="utf-8")
    git_cmd(repo, "init", "-q")
    git_cmd(repo, "add", ".")
    git_cmd(repo, "commit", "-qm", "first")
    (sources / "site.yml").write_text("s2\n", encoding="utf-8")
    git_cmd(repo, "commit", "-qam", "second", when="2024-04-06T10:00:00+00:00")
    found = git.read(sources)
    assert found is not None and found.commit == git_cmd(repo, "rev-parse", "HEAD") and found.clean
    assert found.last_changed([sources / "glossary" / "a b.yml"]) == date(2024, 3, 5)
    assert found.last_changed([sources / "glossary" / "a b.yml", sources / "site.yml"]) == date(2024, 4, 6)
    link = found.permalink(TEST_REPO, "sources/site.yml")
    assert link == f"{TEST_REPO}/tree/{found.commit}/sources/site.yml"
    assert found.permalink(None, "sources/site.yml") is None
    first = git_cmd(repo, "rev-parse", "HEAD~1")  # a page's link names the newest commit of its inputs
    assert found.permalink(TEST_REPO, "sources/site.yml", [sources / "glossary" / "a b.yml"]).endswith(
        f"/tree/{first}/sources/site.yml"
    )
    both = [sources / "glossary" / "a b.yml", sources / "site.yml"]
    assert found.permalink(TEST_REPO, "sources/site.yml", both) == link

    (sources / "site.yml").write_text("uncommitted\n", encoding="utf-8")
    dirty = git.read(sources)
    assert not dirty.clean and dirty.permalink(TEST_REPO, "sources/site.yml") is None
    assert dirty.permalink(TEST_REPO, "sources/site.yml", [sources / "glossary" / "a b.yml"]).endswith(
        f"/tree/{first}/sources/site.yml"
    )  # another file's change not committed leaves this page alone
    assert dirty.last_changed([sources / "site.yml"]) is None  # its last change is not a commit
    assert dirty.last_changed([sources / "glossary" / "a b.yml"]) == date(2024, 3, 5)


def test_no_history_outside_a_checkout(tmp_path):
    (tmp_path / "sources").mkdir()
    assert git.read(tmp_path / "sources") is None
