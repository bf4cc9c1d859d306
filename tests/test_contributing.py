"""The contributor's path: scaffolding commands, TODO markers that block, translation lists,
edit links that lead to the files in sources/, and a new article added end to end."""

from __future__ import annotations

import hashlib
import re

from generator import pipeline
from tests.conftest import TEST_REPO, address, make, write_notes
from tests.test_build import page, paragraph_anchors, tags
from tests.test_pages import check_footnote_links, check_footnote_quotes


def test_new_term_is_stubbed_rejected_then_accepted(scratch):
    result = make(scratch, "new-term", "ID=live-shopping")
    assert result.returncode == 0 and "created: sources/glossary/live-shopping.yml" in result.stdout
    check = make(scratch, "check")
    assert check.returncode != 0
    assert "sources/glossary/live-shopping.yml:4: 'name' in 'id' is still a TODO" in check.stderr
    # What CONTRIBUTING.md asks for: both languages, one-sentence definition, a citation per sentence.
    (scratch / "sources/glossary/live-shopping.yml").write_text(
        "name: {id: belanja langsung, en: live shopping}\n"
        "aliases: {id: [], en: []}\n"
        "definition:\n"
        "  id: Menurut sebuah tulisan opini, orang berbisnis melalui *live* TikTok [@004#p8].\n"
        "  en: According to an opinion piece, people do business through TikTok live [@004#p8].\n"
        "explanation: []\nquotes: []\nrelated: {terms: [live-selling], actors: [tiktok]}\n"
    )
    check = make(scratch, "check")
    assert check.returncode == 0, check.stderr
    assert "check: sources are valid" in check.stdout


def test_new_actor_refuses_a_bad_or_existing_id(scratch):
    assert "already exists" in make(scratch, "new-actor", "ID=tiktok").stderr
    assert "is not a usable id" in make(scratch, "new-actor", "ID=../x").stderr
    assert "usage: make new-actor ID=<id>" in make(scratch, "new-actor").stdout


def test_new_source_copies_byte_for_byte_and_stubs_metadata_and_translation(scratch, tmp_path):
    article = tmp_path / "Berita Baru.txt"
    article.write_bytes(b"Judul\r\n\r\nParagraf satu.\r\n\r\nParagraf dua.\r\n")
    result = make(scratch, "new-source", f"FILE={article}")
    assert result.returncode == 0, result.stderr
    copy = scratch / "sources/berita-baru.txt"
    assert copy.read_bytes() == article.read_bytes()
    digest = hashlib.sha256(article.read_bytes()).hexdigest()
    assert f"{digest}  berita-baru.txt" in (scratch / "sources/SHA256SUMS").read_text()
    check = make(scratch, "check")
    assert check.returncode != 0
    # The short first line is taken for the headline: the title gets it, the translation skips it.
    assert 'id: "Judul"' in (scratch / "sources/berita-baru.yml").read_text()
    assert "sources/berita-baru.yml:5: 'title' in 'en' is still a TODO" in check.stderr
    assert "sources/berita-baru.yml:10: 'type' is 'TODO' -- use one of: news, opinion" in check.stderr
    stub = (scratch / "sources/berita-baru.en.yml").read_text()
    assert "# original: Paragraf satu." in stub and "Judul" not in stub and "paragraph: 3" not in stub
    assert re.search(r"sources/berita-baru.en.yml:\d+: paragraph 1 is still a TODO stub", check.stderr)


def test_translations_lists_missing_and_stale_per_file(scratch, tmp_path):
    corrected = tmp_path / "004.txt"
    corrected.write_bytes(
        (scratch / "sources/004_b525c05275177155.txt").read_bytes().replace(b"15 detik", b"20 detik")
    )
    update = make(scratch, "update-source", "ID=004", f"FILE={corrected}", "REASON=Salah ketik")
    assert "recorded in sources/004_b525c05275177155.record.yml" in update.stdout, update.stderr
    translation = scratch / "sources/003_5c094b5689ed37a0.en.yml"
    text = translation.read_text()
    translation.write_text(text[: text.index("  - paragraph: 6")])
    result = make(scratch, "translations")
    assert "sources/004_b525c05275177155.en.yml" in result.stderr and "paragraph 7 is stale" in result.stderr
    assert (
        "sources/003_5c094b5689ed37a0.en.yml:1: warning: paragraph 6 has no 'en' translation" in result.stderr
    )
    assert "translations (en): 59 done, 1 missing, 1 stale" in result.stdout
    update = make(scratch, "translations", "UPDATE=1")
    assert "added TODO entries to sources/003_5c094b5689ed37a0.en.yml" in update.stdout
    assert "fingerprint:" in translation.read_text().split("  - paragraph: 6")[1]


def test_every_edit_link_points_into_sources(built):
    pages = [
        p
        for p in built.rglob("index.html")
        if "assets" not in p.parts and 'content="noindex"' not in p.read_text()
    ]
    assert len(pages) > 100
    for path in pages:
        links = [a["href"] for t, a in tags(path.read_text()) if "md-content__button" in a.get("class", "")]
        assert links, path
        for href in links:
            assert href.startswith(f"{TEST_REPO}/edit/main/sources/") or href.startswith(
                f"{TEST_REPO}/tree/main/sources"
            ), (path, href)
            assert "/docs/" not in href


ARTICLE = """\
Pasar desa di Sukamaju buka setiap hari Kamis sejak pukul enam pagi.

Para pedagang menjual sayur, buah, dan kue basah dari kebun dan dapur mereka sendiri.

Kepala desa mengatakan pasar itu membantu warga menjual hasil panen tanpa perantara.

Pada musim hujan, sebagian pedagang berjualan di bawah tenda bersama.
"""
TRANSLATION = [
    "The village market in Sukamaju opens every Thursday from six in the morning.",
    "The traders sell vegetables, fruit and cakes from their own gardens and kitchens.",
    "The village head says the market helps residents sell their harvest without middlemen.",
    "In the rainy season, some traders sell under a shared tent.",
]
META = """\
title: null
label: {id: Catatan tentang pasar desa, en: A note about a village market}
publisher: null
author: null
date: null
type: news
language: id
description:
  id: Catatan singkat tentang pasar mingguan di sebuah desa.
  en: A short note about the weekly market of a village.
"""
EXPLANATION = """\
  - id: Sebuah catatan menyebut pasar desa buka setiap hari Kamis [@900#p1].
    en: A note says the village market opens every Thursday [@900#p1].
"""


def test_a_sixth_article_added_as_contributing_md_says_is_built_and_cited(scratch, tmp_path):
    """The documented path end to end: new-source, metadata, translation, a citing term, make."""
    article = tmp_path / "900_pasar-desa.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = make(scratch, "new-source", f"FILE={article}")
    assert result.returncode == 0, result.stderr
    sources, doc_id = scratch / "sources", "900_pasar-desa"
    assert len(write_notes(sources)) == 1  # the draft update record new-source wrote
    (sources / f"{doc_id}.yml").write_text(META, encoding="utf-8")
    stub = (sources / f"{doc_id}.en.yml").read_text(encoding="utf-8")
    assert stub.count("TODO") == len(TRANSLATION) and stub.count("fingerprint:") == len(TRANSLATION)
    answers = iter(TRANSLATION)
    (sources / f"{doc_id}.en.yml").write_text(re.sub("TODO", lambda _: next(answers), stub), encoding="utf-8")
    term = sources / "glossary/umkm.yml"
    text = term.read_text(encoding="utf-8")
    end = re.search(r"^explanation:\n(?:[ -].*\n)*", text, re.M).end()
    term.write_text(text[:end] + EXPLANATION + text[end:], encoding="utf-8")

    check = make(scratch, "check")
    assert check.returncode == 0, check.stderr
    assert "check: sources are valid" in check.stdout and "0 missing, 0 stale" in check.stdout
    build = make(scratch)
    assert build.returncode == 0, build.stderr

    site = scratch / "site"
    model, _ = pipeline.build(sources)
    doc = next(d for d in model.documents if d.id == doc_id)
    assert len(doc.paragraphs) == len(TRANSLATION)
    for lang in ("id", "en"):
        html = page(site, lang, f"sumber/{doc_id}")
        assert paragraph_anchors(html) == [p.anchor for p in doc.paragraphs]
        assert f'href="{address(lang, "sumber")}/{doc_id}/"' in page(site, lang, "")
        assert f'href="{doc_id}/"' in page(site, lang, "sumber")
        glossary = page(site, lang, "glosarium/umkm")
        assert f'href="../../{address(lang, "sumber")}/{doc_id}/#{doc.paragraphs[0].anchor}"' in glossary
    assert TRANSLATION[2] in page(site, "en", f"sumber/{doc_id}")
    assert check_footnote_links(site) and check_footnote_quotes(site)


def test_a_new_source_and_a_correction_each_leave_an_update_readers_see(scratch, tmp_path):
    """Issue 24 end to end: `make new-source` and `make update-source` each draft an update record;
    `make check` refuses it until its note is written in every language; then the updates page,
    the "Updated" line of each page it changed (and of no other), the feed and the open data show
    both, in both languages."""
    import csv
    import io
    import json

    import feedparser
    import yaml

    sources = scratch / "sources"
    article = tmp_path / "900_pasar-desa.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert make(scratch, "new-source", f"FILE={article}").returncode == 0
    (sources / "900_pasar-desa.yml").write_text(META, encoding="utf-8")
    stub = (sources / "900_pasar-desa.en.yml").read_text(encoding="utf-8")
    answers = iter(TRANSLATION)
    (sources / "900_pasar-desa.en.yml").write_text(
        re.sub("TODO", lambda _: next(answers), stub), encoding="utf-8"
    )
    corrected = tmp_path / "004.txt"
    blocks = (sources / "004_b525c05275177155.txt").read_text(encoding="utf-8").split("\n\n")
    cited = next(n for n, block in enumerate(blocks) if "15 detik" in block)  # cited by a story page
    blocks[cited] = blocks[cited].rstrip() + " Kalimat rekaan untuk uji."  # its quoted words stay
    corrected.write_text("\n\n".join(blocks), encoding="utf-8")
    update = make(scratch, "update-source", "ID=004", f"FILE={corrected}", "REASON=Salah ketik")
    assert "recorded in sources/004_b525c05275177155.record.yml" in update.stdout, update.stderr
    make(scratch, "confirm-paragraph", "ID=004", "PARAGRAPH=all")
    drafts = sorted((sources / "updates").glob("*.yml"))
    assert len(drafts) == 2
    refused = make(scratch, "check")
    assert refused.returncode != 0
    for draft in drafts:
        for lang in ("id", "en"):
            assert (
                f"sources/updates/{draft.name}:" in refused.stderr
                and f"'note' has no text in '{lang}'" in refused.stderr
            )
    notes = {}
    for draft in drafts:  # the contributor writes each note, in every language
        kind = yaml.safe_load(draft.read_text(encoding="utf-8"))["kind"]
        notes[kind] = {lang: f"Invented note for a test: {kind} ({lang})." for lang in ("id", "en")}
        text = draft.read_text(encoding="utf-8")
        for lang, said in notes[kind].items():
            text = text.replace(f'  {lang}: ""', f'  {lang}: "{said}"', 1)
        draft.write_text(text, encoding="utf-8")
    assert set(notes) == {"source-added", "source-corrected"}
    built = make(scratch)
    assert built.returncode == 0, built.stderr

    site = scratch / "site"
    correction = yaml.safe_load(
        next(d for d in drafts if "source-corrected" in d.name).read_text(encoding="utf-8")
    )
    touched = [ref for ref in correction["pages"] if ref.startswith(("page/", "term/", "actor/"))]
    assert touched, "the corrected paragraph is cited somewhere"
    for lang in ("id", "en"):
        updates = page(site, lang, "pembaruan")
        for kind in notes:
            assert notes[kind][lang] in updates
        assert notes["source-added"][lang] in page(site, lang, "sumber/900_pasar-desa")
        assert notes["source-corrected"][lang] in page(site, lang, "sumber/004_b525c05275177155")
        slugs = {"page": None, "term": "glosarium", "actor": "aktor"}
        for ref in touched:
            kind, item = ref.split("/")
            story = yaml.safe_load((sources / "pages" / f"{item}.yml").read_text()) if kind == "page" else {}
            path = (story.get("slug") or {}).get("id", item) if kind == "page" else f"{slugs[kind]}/{item}"
            assert notes["source-corrected"][lang] in page(site, lang, path), ref
        assert "page-updates" not in page(site, lang, "sumber/000_f46436b26b41dcd8")  # no update names it
        prefix = "" if lang == "id" else f"{lang}/"
        feed = feedparser.parse((site / prefix / address(lang, "pembaruan") / "atom.xml").read_bytes())
        assert not feed.bozo and {entry.summary for entry in feed.entries} == {
            n[lang] for n in notes.values()
        }
        data = json.loads((site / prefix / "assets/data/updates.json").read_text(encoding="utf-8"))
        assert {record["kind"] for record in data["updates"]} == set(notes)
        rows = list(
            csv.DictReader(
                io.StringIO((site / prefix / "assets/data/updates.csv").read_text(encoding="utf-8"))
            )
        )
        assert {row[f"note_{lang}"] for row in rows} == {n[lang] for n in notes.values()}
