"""End to end: `make` in a copy of the project (with the frozen collection), then look into the
built site/."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import PUBLISHED, SEED_IDS, address, make


def page(site: Path, lang: str, path: str) -> str:
    """The built page at Indonesian address ``path``, in ``lang``."""
    prefix = "" if lang == "id" else f"{lang}/"
    return (site / prefix / address(lang, path) / "index.html").read_text(encoding="utf-8")


class Links(HTMLParser):
    """Collects the attributes of every tag, for checking links and ids."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags(html: str) -> list[tuple[str, dict]]:
    parser = Links()
    parser.feed(html)
    return parser.tags


PAGES = ["", "sumber", "glosarium/umkm", "aktor", "linimasa", "klaim"] + [
    f"sumber/{doc_id}" for doc_id in SEED_IDS
]


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_page_exists_with_its_language(built, lang, path):
    html = page(built, lang, path)
    assert re.search(rf'<html lang="{lang}"', html)


def paragraph_anchors(html: str) -> list[str]:
    """The ids of a source page's paragraphs, in page order."""
    return [a.get("id") for _, a in tags(html) if "src-para" in a.get("class", "").split()]


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_every_paragraph_has_its_anchor(site, built, doc_id, lang):
    doc = next(d for d in site.documents if d.id == doc_id)
    anchors = paragraph_anchors(page(built, lang, f"sumber/{doc_id}"))
    assert anchors == [p.anchor for p in doc.paragraphs] and anchors[:2] == ["p1", "p2"]


@pytest.mark.parametrize("path", PAGES)
def test_language_switcher_and_hreflang_lead_to_the_same_page(built, path):
    for lang, other in (("id", "en"), ("en", "id")):
        here = built / ("" if lang == "id" else "en") / address(lang, path)
        found = {
            (tag, attrs["hreflang"]): attrs["href"]
            for tag, attrs in tags(page(built, lang, path))
            if "hreflang" in attrs
        }
        for tag in ("a", "link"):
            href = found[tag, other]  # relative, or the full published address
            full = href.startswith(PUBLISHED)
            target = (built / href.removeprefix(PUBLISHED) if full else here / href).resolve()
            expected = (built / ("" if other == "id" else "en") / address(other, path)).resolve()
            assert target == expected, (tag, path, lang)


def test_no_stray_characters_or_boilerplate_anywhere_in_site(built):
    banned = [
        "\u00c2",
        "LEAVE A REPLY",
        "Please enter your",
        "whatsapp.com/channel",
        "Follow channel WhatsApp",
    ]
    for path in built.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".json", ".xml", ".js", ".css", ".txt"}:
            text = path.read_text(encoding="utf-8", errors="replace")
            for needle in banned:
                assert needle not in text, (path, needle)


def test_home_lists_sources_with_unknowns(built):
    home_id, home_en = page(built, "id", ""), page(built, "en", "")
    assert home_id.count("tidak diketahui") >= 4 and home_en.count("unknown") >= 4
    assert "31 Juli 2023" in home_id and "31 July 2023" in home_en
    assert "Opini" in home_id and "Berita" in home_id and "Opinion" in home_en and "News" in home_en
    for doc_id in SEED_IDS:
        assert f'href="sumber/{doc_id}/"' in home_id and f'href="sources/{doc_id}/"' in home_en


def test_english_source_page_shows_translation_and_original(built):
    html = page(built, "en", "sumber/003_5c094b5689ed37a0")
    text = re.sub(r"<[^>]+>", "", html)
    assert "The Minister of Communication and Informatics, Budi Arie Setiadi, considers" in text
    originals = [a for t, a in tags(html) if "src-original" in a.get("class", "")]
    assert len(originals) == 6 and all(a["lang"] == "id" for a in originals)


def test_source_page_notes_what_cleaning_removed(built):
    assert "7 karakter liar U+00C2" in page(built, "id", "sumber/000_f46436b26b41dcd8")
    english = page(built, "en", "sumber/001_9325e6259af9a897")
    assert "comment form (3 paragraphs) at the end of the text, by the rule “comment-form”" in english


def test_generated_files_name_their_sources(project):
    head = (project / "docs/en/sources/002_8b216c02d635696e.md").read_text().splitlines()[:3]
    assert head[0] == "---"
    assert "sources/002_8b216c02d635696e.txt" in head[1] and "sources/002_8b216c02d635696e.en.yml" in head[1]


def test_second_make_does_nothing(scratch):
    result = make(scratch)
    assert result.returncode == 0
    assert "generate" not in result.stdout and "mkdocs" not in result.stdout and "site:" not in result.stdout


def test_make_skips_mkdocs_when_no_page_changed(scratch):
    (scratch / "sources/site.yml").touch()
    result = make(scratch)
    assert "generate: 0 written" in result.stdout and "mkdocs" not in result.stdout


def test_editing_a_source_regenerates_and_rebuilds(scratch):
    meta = scratch / "sources/000_f46436b26b41dcd8.yml"
    meta.write_text(meta.read_text().replace("Tulisan opini:", "Tulisan opini (ringkas):"))
    result = make(scratch)
    assert result.returncode == 0, result.stderr
    assert "generate: 1 written" in result.stdout and "site: built" in result.stdout, result.stdout
    assert "Tulisan opini (ringkas):" in page(scratch / "site", "id", "sumber/000_f46436b26b41dcd8")


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        (
            "sources/glossary/umkm.yml",
            "[@003#p5]",
            "[@003#p9]",
            "sources/glossary/umkm.yml:{line}: citation [@003#p9]: 003_5c094b5689ed37a0 has 6 paragraphs",
        ),
        (
            "sources/actors/teten-masduki.yml",
            "telah berbicara dengan TikTok",
            "telah bertemu TikTok",
            "sources/actors/teten-masduki.yml:{line}: the quote",
        ),
    ],
)
def test_a_broken_entry_makes_make_fail_naming_the_file(scratch, file, old, new, message):
    path = scratch / file
    original = path.read_text()
    before = (scratch / "site/index.html").read_bytes()
    path.write_text(original.replace(old, new, 1))
    try:
        result = make(scratch)
    finally:
        path.write_text(original)
    assert result.returncode != 0
    line = next(n for n, text in enumerate(original.splitlines(), 1) if old in text)
    if "quote" in message:  # quotes are reported at the start of their list item
        line = max(n for n, text in enumerate(original.splitlines()[:line], 1) if "- source:" in text)
    assert message.format(line=line) in result.stderr and "Traceback" not in result.stderr
    assert (scratch / "site/index.html").read_bytes() == before


@pytest.mark.parametrize(
    ("lang", "own", "other"),
    [("id", "/glosarium/umkm/", "/en/glossary/umkm/"), ("en", "/en/glossary/umkm/", "/glosarium/umkm/")],
)
def test_each_language_has_its_sitemap_with_hreflang(built, lang, own, other):
    sitemap = (built / ("" if lang == "id" else "en") / "sitemap.xml").read_text()
    locations = re.findall(r"<loc>([^<]*)</loc>", sitemap)
    assert any(loc.endswith(own) for loc in locations) and not any(loc.endswith(other) for loc in locations)
    assert 'hreflang="id"' in sitemap and 'hreflang="en"' in sitemap and f'{other}"/>' in sitemap


@pytest.mark.parametrize("lang", ["id", "en"])
def test_pages_carry_description_and_open_graph(built, lang):
    html = page(built, lang, "glosarium/umkm")
    found = {(a.get("name") or a.get("property")): a.get("content") for t, a in tags(html) if t == "meta"}
    assert found["description"] and found["og:description"] == found["description"]
    assert found["og:title"] == "UMKM" and found["og:locale"] == ("id_ID" if lang == "id" else "en_US")
    assert found["og:url"].endswith("/glosarium/umkm/" if lang == "id" else "/en/glossary/umkm/")


def test_404_page_in_each_language(built):
    assert (
        'lang="id"' in (built / "404.html").read_text()
        and "Halaman tidak ditemukan" in (built / "404.html").read_text()
    )
    english = (built / "en" / "404.html").read_text()
    assert 'lang="en"' in english and "Page not found" in english and 'href="/explainer/en/"' in english


def test_print_styles_keep_the_footnotes(built):
    css = (built / "assets/stylesheets/explainer.css").read_text()
    assert "@media print" in css and ".footnote { display: block" in css.replace("\n", " ").replace("  ", " ")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("glosarium/umkm", "glossary/umkm"),
        ("sumber", "sources"),
        ("linimasa", "timeline"),
        ("klaim", "claims"),
    ],
)
def test_english_pages_live_at_english_addresses_and_the_old_ones_lead_there(built, old, new):
    assert 'lang="en"' in (built / "en" / new / "index.html").read_text()
    forward = (built / "en" / old / "index.html").read_text()
    target = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', forward)[1]
    assert (built / "en" / old / target).resolve() == (built / "en" / new).resolve()
    assert "location.hash" in forward and 'name="robots" content="noindex"' in forward
    assert f"/en/{old}/" not in (built / "en" / "sitemap.xml").read_text()


def test_the_published_address_comes_from_the_github_origin_and_x_default_is_the_default_language(built):
    page = (built / "en/glossary/umkm/index.html").read_text()
    assert f'<link rel="canonical" href="{PUBLISHED}en/glossary/umkm/">' in page
    assert f'<link rel="alternate" href="{PUBLISHED}glosarium/umkm/" hreflang="x-default">' in page
    robots = (built / "robots.txt").read_text()
    assert f"Sitemap: {PUBLISHED}sitemap.xml" in robots and f"Sitemap: {PUBLISHED}en/sitemap.xml" in robots
    assert not any("127.0.0.1" in p.read_text(errors="replace") for p in built.rglob("*.html"))
