"""Invariants of the real collection in sources/, whatever documents, translations, terms and
actors it holds: a valid contribution must never make these fail. The ones about the built site
also run on the invented English-first collection (tests/fixtures/english-first/), so that none
assumes a language order. Tests that need fixed content use the frozen collection in
tests/fixtures/collection/ instead."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
from html import unescape
from pathlib import Path

import pytest

from generator import pipeline
from generator.model import PageKey, PageKind, RemovedPlace
from generator.model.words import ui
from generator.render.addresses import relative, stem, url_path
from tests.conftest import ENGLISH_FIRST, REAL_SOURCES, ROOT, built_pages, render_pages
from tests.test_build import paragraph_anchors
from tests.test_pages import check_entry_quotes, check_footnote_links, check_footnote_quotes

DOCUMENTS = sorted(REAL_SOURCES.glob("*.txt"))
COLLECTIONS = {"sources": (REAL_SOURCES, "real_site"), "english-first": (ENGLISH_FIRST, "english_first")}


@pytest.fixture(scope="module", params=list(COLLECTIONS))
def collection(request):
    """``(sources folder, site model, built site/)`` of the real collection and of the invented
    English-first one."""
    sources, fixture = COLLECTIONS[request.param]
    model, _ = pipeline.build(sources)
    return sources, model, request.getfixturevalue(fixture)


def built_page(site_dir, model, lang: str, key: PageKey) -> str:
    """The built page of ``key`` in ``lang``, found where the site puts it (the default language
    at the root, whichever language that is)."""
    return (site_dir / url_path(model, key, lang) / "index.html").read_text(encoding="utf-8")


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


def test_every_source_page_has_an_anchor_per_paragraph_place(collection):
    _, model, site_dir = collection
    for doc in model.documents:
        for lang in model.config.languages:
            anchors = paragraph_anchors(built_page(site_dir, model, lang, PageKey(PageKind.source, doc.id)))
            places = [f"p{p.key}" if isinstance(p, RemovedPlace) else p.anchor for p in doc.sequence()]
            assert anchors == places, (doc.id, lang)  # paragraphs, and notes where some were removed


def test_home_and_source_index_list_every_document(collection):
    _, model, site_dir = collection
    home_key, index_key = PageKey(PageKind.home, ""), PageKey(PageKind.source, "index")
    for lang in model.config.languages:
        home = built_page(site_dir, model, lang, home_key)
        index = built_page(site_dir, model, lang, index_key)
        for doc in model.documents:
            doc_page = url_path(model, PageKey(PageKind.source, doc.id), lang)
            from_home = relative(url_path(model, home_key, lang), doc_page)
            from_index = relative(url_path(model, index_key, lang), doc_page)
            assert f'href="{from_home}"' in home and f'href="{from_index}"' in index, (doc.id, lang)


def test_every_footnote_link_resolves(collection):
    check_footnote_links(collection[2])


def test_every_footnote_shows_its_paragraph_word_for_word(collection):
    check_footnote_quotes(collection[2])


def test_every_entry_quote_is_verbatim_in_its_paragraph_and_shown(collection):
    sources, _, site_dir = collection
    check_entry_quotes(site_dir, sources)


def test_each_language_is_served_at_its_own_root(collection):
    """The first language at the site's root, each other one under /<code>/: every page built
    from a template says the language of the tree it is in."""
    _, model, site_dir = collection
    default, others = model.config.languages[0], model.config.languages[1:]
    pages = list(built_pages(site_dir))
    assert pages
    for lang, where, _ in pages:
        top = where.split("/", 1)[0]
        assert lang == (top if top in others else default), where
    for lang in model.config.languages:
        assert any(page_lang == lang for page_lang, _, _ in pages), lang


def interface_phrases(words) -> set[str]:
    """The interface's phrases of several words (a single word may also be content)."""
    if isinstance(words, dict):
        return set().union(*(interface_phrases(value) for value in words.values())) if words else set()
    if isinstance(words, list):
        return set().union(*(interface_phrases(value) for value in words)) if words else set()
    text = " ".join(str(words).split())
    return {text} if " " in text and "{" not in text and len(text) >= 10 else set()


def test_no_page_shows_another_languages_interface_words(collection):
    """A page in one language shows none of the interface phrases that only another language
    has. The language switcher names each language in its own words, so those are left out, and
    so is text in quotation marks (the method page may quote what a page in another language says).
    The titles of the links the Markdown extensions make are in the page's language too."""
    _, model, site_dir = collection
    languages = model.config.languages
    own_names = {" ".join(str(ui(lang)["language_name"]).split()) for lang in languages}
    phrases = {lang: interface_phrases(ui(lang)) - own_names for lang in languages}
    for lang, where, html in built_pages(site_dir):
        text = " ".join(
            unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<script.*?</script>", "", html, flags=re.S))).split()
        )
        text = re.sub(r'"[^"]*"|\u201c[^\u201d]*\u201d', " ", text)  # content may quote the interface
        titles = [unescape(title) for title in re.findall(r'\btitle="([^"]*)"', html)]
        for other in languages:
            for phrase in phrases[other] - phrases[lang] if other != lang else ():
                assert not re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text), (where, other, phrase)
            for word in ("permalink_title", "footnote_backlink"):  # the Markdown extensions' own
                theirs = str(ui(other)[word]).split("%d")[0].strip()
                if other != lang and theirs != str(ui(lang)[word]).split("%d")[0].strip():
                    assert not [t for t in titles if t.startswith(theirs)], (where, other, word)


def test_forwarding_pages_only_for_addresses_the_site_had(collection):
    """A page that forwards the reader exists only for a renamed source, or for the first
    language's slugs when site.yml asks for those (``earlier_addresses:``)."""
    _, model, site_dir = collection
    forwarding = [
        p for p in site_dir.rglob("index.html") if 'http-equiv="refresh"' in p.read_text(encoding="utf-8")
    ]
    renamed = any(doc.record and doc.record.renamed_from for doc in model.documents)
    if model.config.earlier_addresses is None and not renamed:
        assert forwarding == []


MARKUP = re.compile(r"\*\w[^*\n]{0,60}?\w\*|\[@[^\]]*\]|\]\((?:term|actor):|\[\^[\w-]+\]|\\\[")
"""Contributor markup, or generated Markdown left unconverted: emphasis, a citation, an entry link,
a footnote reference, an escaped bracket (``*words*``, ``[@001#p5]``, ``](term:``, ``[^001-p5]``, ``\\[``)."""


def test_no_page_shows_contributor_markup(collection):
    """Contributor markup becomes italics, footnotes and links: none is left in any page's text,
    tooltips, titles or descriptions (the articles' own words may hold such characters: those
    are allowed where a source paragraph or translation has them)."""
    _, model, site_dir = collection
    articles = " ".join(
        [p.text for doc in model.documents for p in doc.paragraphs]
        + [e.text for doc in model.documents for entries in doc.raw.translations.values() for e in entries]
    )
    for path in site_dir.rglob("*.html"):
        html = re.sub(
            r"<(script|style|pre|code|svg)\b.*?</\1>", "", path.read_text(encoding="utf-8"), flags=re.S
        )
        shown = unescape(re.sub(r"<[^>]+>", "", html))
        attributes = [unescape(v) for v in re.findall(r'\b(?:title|content|alt|aria-label)="([^"]*)"', html)]
        for text in (shown, *attributes):
            left = [m for m in MARKUP.findall(text) if m not in articles]
            assert not left, (path.relative_to(site_dir).as_posix(), left[:3])
    data = [p for p in site_dir.rglob("assets/data/*") if p.suffix in (".json", ".csv", ".ics", ".txt")]
    assert data
    for path in data:
        left = [m for m in MARKUP.findall(path.read_text(encoding="utf-8")) if m not in articles]
        assert not left, (path.relative_to(site_dir).as_posix(), left[:3])


def test_a_chart_caption_cites_like_any_text(tmp_path):
    """A chart's description may cite: its citations become footnotes on the page (the picture's
    text alternative and the open data get the words without them), and one that names no
    paragraph is reported at its line."""
    from generator.model.problems import InputError

    sources = Path(shutil.copytree(ENGLISH_FIRST, tmp_path / "sources"))
    model, _ = pipeline.build(sources)
    chart = next(c for page in model.pages for c in page.charts if "[@" in c.description["en"])
    page = next(p for p in model.pages if chart in p.charts)
    key = PageKey(PageKind.page, page.id)
    built = render_pages(model, f"en/{stem(model, key, 'en')}.md")
    figure = str(next(iter(built.values())))
    caption = re.search(r"<figcaption[^>]*>(.*?)</figcaption>", figure, re.S)[1]
    assert "[^" in caption and "[@" not in caption and "\\[@" not in figure
    figures = sources / "pages" / page.path.name
    text = figures.read_text(encoding="utf-8")
    figures.write_text(text.replace(chart.description["en"].split("[@")[1].split("]")[0], "001#p99", 1))
    with pytest.raises(InputError) as caught:
        pipeline.build(sources)
    assert any("citation [@001#p99]" in str(problem) for problem in caught.value.problems.errors)


def test_source_pages_name_their_files_only_for_editors(collection):
    """A reader's table of a source names no file; the block for editors names the original, its
    data and (on a translated page) its translation."""
    _, model, site_dir = collection
    for doc in model.documents:
        for lang in model.config.languages:
            html = built_page(site_dir, model, lang, PageKey(PageKind.source, doc.id))
            editors = re.search(r'<details class="info">.*?</details>', html, re.S)
            assert editors and f"sources/{doc.id}.txt" in editors[0] and f"sources/{doc.id}.yml" in editors[0]
            translated = lang in doc.raw.translation_paths  # a translation file into this language
            assert (f"sources/{doc.id}.{lang}.yml" in editors[0]) == translated, (doc.id, lang)
            rest = html.replace(editors[0], "")
            assert f"sources/{doc.id}.txt" not in re.sub(r"<(script|details)\b.*?</\1>", "", rest, flags=re.S)


def test_the_ledger_holds_every_statement_of_the_model(collection):
    """One ledger row per statement, counted from the model (``tests/test_ledger.py``), read back
    from the built claims.json of each language, on both collections."""
    import json

    from tests.test_ledger import cited_sentences

    sources, model, site_dir = collection
    for lang in model.config.languages:
        home = site_dir / url_path(model, PageKey(PageKind.home), lang)
        rows = json.loads((home / "assets/data/claims.json").read_text(encoding="utf-8"))["claims"]
        assert len(rows) == len(cited_sentences(sources, lang)), lang
        assert not any("[@" in row["sentence"] for row in rows), lang  # the words as readers see them
