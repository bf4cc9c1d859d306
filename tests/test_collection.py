"""Invariants of the real collection in sources/, whatever documents, translations, terms and
actors it holds: a valid contribution must never make these fail. Tests that need fixed content
use the frozen collection in tests/fixtures/collection/ instead."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys

import pytest

from generator import pipeline
from generator.model import PageKey, PageKind, RemovedPlace
from generator.render.addresses import relative, url_path
from tests.conftest import REAL_SOURCES, ROOT
from tests.test_build import paragraph_anchors
from tests.test_pages import check_entry_quotes, check_footnote_links, check_footnote_quotes

DOCUMENTS = sorted(REAL_SOURCES.glob("*.txt"))


@pytest.fixture(scope="module")
def model():
    """The site model of the real sources/."""
    built, _ = pipeline.build(REAL_SOURCES)
    return built


def page(model, real_site, lang: str, key: PageKey) -> str:
    """The built page of ``key`` in ``lang``, wherever the collection's languages put it."""
    return (real_site / url_path(model, key, lang) / "index.html").read_text(encoding="utf-8")


def test_every_document_has_its_metadata():
    for path in DOCUMENTS:
        assert path.with_suffix(".yml").is_file(), f"{path.name} has no {path.stem}.yml"


def test_sha256sums_lists_every_document_with_its_checksum():
    listed: dict[str, str] = {}
    for number, line in enumerate((REAL_SOURCES / "SHA256SUMS").read_text().splitlines(), 1):
        match = re.fullmatch(r"([0-9a-f]{64})  (\S+)", line)
        assert match, f"SHA256SUMS:{number}: not '<sha256>  <file name>': {line!r}"
        assert match[2] not in listed, f"SHA256SUMS:{number}: {match[2]} is listed twice"
        listed[match[2]] = match[1]
    unlisted = {p.name for p in DOCUMENTS} - set(listed)
    assert not unlisted, f"not in SHA256SUMS: {sorted(unlisted)}"
    for name, digest in listed.items():
        path = REAL_SOURCES / name
        assert path.is_file(), f"SHA256SUMS names a missing file: {name}"
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest, f"{name} differs from its checksum"


def test_generator_check_passes():
    command = [sys.executable, "-m", "generator", "--sources", str(REAL_SOURCES), "check"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "check: sources are valid" in result.stdout


def test_every_source_page_has_an_anchor_per_paragraph_place(model, real_site):
    for doc in model.documents:
        for lang in model.config.languages:
            anchors = paragraph_anchors(page(model, real_site, lang, PageKey(PageKind.source, doc.id)))
            places = [f"p{p.key}" if isinstance(p, RemovedPlace) else p.anchor for p in doc.sequence()]
            assert anchors == places, (doc.id, lang)  # paragraphs, and notes where some were removed


def test_home_and_source_index_list_every_document(model, real_site):
    home_key, index_key = PageKey(PageKind.home, ""), PageKey(PageKind.source, "index")
    for lang in model.config.languages:
        home, index = page(model, real_site, lang, home_key), page(model, real_site, lang, index_key)
        for doc in model.documents:
            doc_path = url_path(model, PageKey(PageKind.source, doc.id), lang)
            from_home = relative(url_path(model, home_key, lang), doc_path)
            from_index = relative(url_path(model, index_key, lang), doc_path)
            assert f'href="{from_home}"' in home and f'href="{from_index}"' in index, (doc.id, lang)


def test_every_footnote_link_resolves(real_site):
    check_footnote_links(real_site)


def test_every_footnote_shows_its_paragraph_word_for_word(real_site):
    check_footnote_quotes(real_site)


def test_every_entry_quote_is_verbatim_in_its_paragraph_and_shown(real_site):
    check_entry_quotes(real_site, REAL_SOURCES)
