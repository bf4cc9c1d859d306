"""The built glossary, actor and source pages: footnotes resolve, quotes are verbatim, tooltips
speak the page's language."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from urllib.parse import urldefrag

import pytest

from generator import inline
from generator.validate import quote_found
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
    assert 'href="glosarium/"' in home and 'href="aktor/"' in home
    glossary, actors = page(built, lang, "glosarium"), page(built, lang, "aktor")
    for term in REQUIRED_TERMS:
        assert f'href="{term}/"' in glossary
    for actor in REQUIRED_ACTORS:
        assert f'href="{actor}/"' in actors


def test_every_footnote_link_resolves_to_an_existing_element(built):
    cache: dict[Path, set[str]] = {}
    checked = 0
    for path in html_pages(built):
        html = path.read_text(encoding="utf-8")
        footer = html[html.find('<div class="footnote">') :] if 'class="footnote"' in html else ""
        for tag, attrs in tags(footer):
            href = attrs.get("href", "")
            if tag != "a" or not href or href.startswith(("http", "mailto")):
                continue
            url, anchor = urldefrag(href)
            target = path if not url else (path.parent / url / "index.html").resolve()
            assert target.is_file(), (path, href)
            if anchor:
                assert anchor in cache.setdefault(target, ids_in(target)), (path, href)
            checked += 1
    assert checked > 500


def test_every_quote_shown_is_verbatim_in_its_cited_paragraph(built):
    from generator import pipeline
    from tests.conftest import SOURCES

    model, _ = pipeline.build(SOURCES)
    from generator.link import Resolver

    resolver = Resolver(model.documents)
    count = 0
    for entry in model.entries:
        for quote in entry.quotes:
            doc, number = resolver.resolve(quote.source)
            assert quote_found(quote.text, doc.paragraphs[number - 1].text), (entry.path, quote.text)
            shown = page(built, "id", f"{'glosarium' if entry.kind == 'term' else 'aktor'}/{entry.id}")
            assert " ".join(quote.text.split()) in unescape(re.sub(r"<[^>]+>", "", shown))
            count += 1
    assert count >= 10


def test_term_tooltips_speak_the_page_language(built):
    from generator import pipeline
    from tests.conftest import SOURCES

    model, _ = pipeline.build(SOURCES)
    umkm = model.entry(("term", "umkm"))
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
    assert re.search(r'class="src-citedby"[^>]*>Dirujuk oleh: .*?href="../../aktor/teten-masduki/"', html)
    links = [a["href"] for t, a in tags(html) if t == "a" and "aktor/teten-masduki" in a.get("href", "")]
    assert links  # the first mention of Teten in the text links to his profile
