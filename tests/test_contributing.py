"""The contributor's path: scaffolding commands, TODO markers that block, translation lists,
and edit links that lead to the files in sources/."""

from __future__ import annotations

import hashlib
import re

from tests.conftest import TEST_REPO, make
from tests.test_build import tags


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
    assert "sources/berita-baru.yml:3: 'title' in 'id' is still a TODO" in check.stderr
    assert "sources/berita-baru.yml:9: 'type' is 'TODO' -- use one of: news, opinion" in check.stderr
    assert re.search(r"sources/berita-baru.en.yml:\d+: paragraph 1 is still a TODO stub", check.stderr)


def test_translations_lists_missing_and_stale_per_file(scratch):
    path = scratch / "sources/004_b525c05275177155.txt"
    path.write_bytes(path.read_bytes().replace(b"15 detik", b"20 detik"))
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
    pages = [p for p in built.rglob("index.html") if "assets" not in p.parts]
    assert len(pages) > 100
    for page in pages:
        links = [a["href"] for t, a in tags(page.read_text()) if "md-content__button" in a.get("class", "")]
        assert links, page
        for href in links:
            assert href.startswith(f"{TEST_REPO}/edit/main/sources/") or href.startswith(
                f"{TEST_REPO}/tree/main/sources"
            ), (page, href)
            assert "/docs/" not in href
