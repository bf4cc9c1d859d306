"""The built glossary, actor and source pages: footnotes resolve, quotes are verbatim, tooltips
speak the page's language."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from urllib.parse import urldefrag

import pytest

from generator import pipeline
from generator.check.verbatim import quote_found
from generator.model import PageKey, PageKind, inline
from generator.render.addresses import url_path
from tests.conftest import address
from tests.test_build import page, tags

REQUIRED_TERMS = ["social-commerce", "project-s", "umkm", "geopolitik-digital"]
REQUIRED_ACTORS = [
    "teten-masduki",
    "budi-arie-setiadi",
    "joko-widodo",
    "shou-zi-chew",
    "zhang-yiming",
    "tiktok",
    "bytedance",
    "kementerian-perdagangan",
    "kementerian-koperasi-dan-ukm",
    "kementerian-komunikasi-dan-informatika",
    "tokopedia",
    "bukalapak",
    "blibli",
    "shopee",
    "lazada",
    "meta",
    "youtube",
    "reuters",
    "laporan-ekonomi-internet-asia-tenggara",
    "tiongkok",
    "indonesia",
]


def html_pages(site: Path):
    return [p for p in site.rglob("index.html") if "assets" not in p.parts]


def ids_in(path: Path) -> set[str]:
    return {a["id"] for _, a in tags(path.read_text(encoding="utf-8")) if "id" in a}


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize(
    "kind_path", [f"glosarium/{t}" for t in REQUIRED_TERMS] + [f"aktor/{a}" for a in REQUIRED_ACTORS]
)
def test_required_pages_exist_in_both_languages(built, kind_path, lang):
    html = page(built, lang, kind_path)
    assert 'class="footnote"' in html  # every entry page carries citations


@pytest.mark.parametrize("lang", ["id", "en"])
def test_entries_reachable_from_the_nav_and_index_pages(built, lang):
    home = page(built, lang, "")
    assert f'href="{address(lang, "glosarium")}/"' in home and f'href="{address(lang, "aktor")}/"' in home
    glossary, actors = page(built, lang, "glosarium"), page(built, lang, "aktor")
    for term in REQUIRED_TERMS:
        assert f'href="{term}/"' in glossary
    for actor in REQUIRED_ACTORS:
        assert f'href="{actor}/"' in actors


def footer(html: str) -> str:
    """The footnote list at the end of a page ("" when the page has none)."""
    return html[html.find('<div class="footnote">') :] if 'class="footnote"' in html else ""


def text_of(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", "", html)).split())


def check_footnote_links(site: Path) -> int:
    """Asserts every link in every footnote of ``site`` leads to an existing page and element;
    returns how many were checked."""
    cache: dict[Path, set[str]] = {}
    checked = 0
    for path in html_pages(site):
        for tag, attrs in tags(footer(path.read_text(encoding="utf-8"))):
            href = attrs.get("href", "")
            if tag != "a" or not href or href.startswith(("http", "mailto")):
                continue
            url, anchor = urldefrag(href)
            target = path if not url else (path.parent / url / "index.html").resolve()
            assert target.is_file(), (path, href)
            if anchor:
                if target not in cache:  # each page parsed once (setdefault would parse it every time)
                    cache[target] = ids_in(target)
                assert anchor in cache[target], (path, href)
            checked += 1
    return checked


def check_footnote_quotes(site: Path) -> int:
    """Asserts the paragraph text every footnote shows is word for word the text of the paragraph
    it links to, on that paragraph's own page in the same language; returns how many."""
    checked = 0
    cache: dict[Path, str] = {}
    for path in html_pages(site):
        for note in re.findall(r"<li id=\"fn:.*?</li>", footer(path.read_text(encoding="utf-8")), re.S):
            shown = re.search(
                r'<a href="([^"]+#[^"]+)">[^<]*</a>: (.*?)<a class="footnote-backref"', note, re.S
            )
            if not shown:  # a citation of a whole document shows no text
                continue
            url, anchor = urldefrag(shown[1])
            text = text_of(shown[2])
            quote = text[text.index("\u201c") + 1 : text.rindex("\u201d")]
            file = (path.parent / url / "index.html").resolve()
            target = cache.get(file) or cache.setdefault(file, file.read_text(encoding="utf-8"))
            start = target.index(f'id="{anchor}"')
            end = target.find('class="src-para"', start)
            assert quote in text_of(target[start : end if end > 0 else None]), (path, shown[1])
            checked += 1
    return checked


def check_entry_quotes(site: Path, sources: Path) -> int:
    """Asserts every quote of every entry is word for word in its cited paragraph and shown on
    the entry's page; returns how many."""
    model, _ = pipeline.build(sources)
    default = model.config.default_language
    count = 0
    for entry in model.entries:
        for quote in entry.quotes:
            name, anchor = quote.source.split("#")
            doc = next(d for d in model.documents if name in (d.id, re.split(r"[_-]", d.id)[0]))
            paragraph = next(p for p in doc.paragraphs if p.anchor == anchor)
            assert quote_found(quote.text, paragraph.text), (entry.path, quote.text)
            where = site / url_path(model, PageKey(PageKind(entry.kind), entry.id), default) / "index.html"
            shown = where.read_text(encoding="utf-8")
            assert " ".join(quote.text.split()) in text_of(shown), (entry.path, quote.text)
            count += 1
    return count


def test_every_footnote_link_resolves_to_an_existing_element(built):
    assert check_footnote_links(built) > 500


def test_every_footnote_shows_its_paragraph_word_for_word(built):
    assert check_footnote_quotes(built) > 300


def test_every_quote_shown_is_verbatim_in_its_cited_paragraph(project, built):
    assert check_entry_quotes(built, project / "sources") >= 10


def test_term_tooltips_speak_the_page_language(site, built):
    umkm = site.entry(("term", "umkm"))
    for lang, path in (("id", "aktor/teten-masduki"), ("en", "aktor/teten-masduki")):
        titles = {a.get("title") for t, a in tags(page(built, lang, path)) if t == "abbr"}
        assert inline.plain(umkm.summary.text[lang]) in titles
        other = "en" if lang == "id" else "id"
        assert inline.plain(umkm.summary.text[other]) not in titles


def test_footnotes_name_publisher_type_date_and_paragraph(built):
    html = page(built, "en", "aktor/teten-masduki")
    notes = unescape(re.sub(r"<[^>]+>", "", html[html.find('<div class="footnote">') :]))
    assert "News: FirstIndonesiaMagz.id" in notes and "undated" in notes and "Paragraph 13" in notes
    html = page(built, "id", "glosarium/umkm")
    notes = unescape(re.sub(r"<[^>]+>", "", html[html.find('<div class="footnote">') :]))
    assert "Berita: Tabuka News" in notes and "31 Juli 2023" in notes
    assert "Opini: Kompasiana" in notes and "tanpa tanggal" in notes


def test_source_pages_show_who_cites_each_paragraph_and_link_first_mentions(built):
    html = page(built, "id", "sumber/001_9325e6259af9a897")
    cited_by = (
        r'class="src-citedby"[^>]*>\s*<p>Dirujuk oleh:</p>\s*<ul>\s*<li>.*?href="../../aktor/teten-masduki/"'
    )
    assert re.search(cited_by, html, re.DOTALL)  # a list of links
    links = [a["href"] for t, a in tags(html) if t == "a" and "aktor/teten-masduki" in a.get("href", "")]
    assert links  # the first mention of Teten in the text links to his profile
