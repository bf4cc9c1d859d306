"""Incremental builds equal clean ones: after each kind of edit, `make` builds only what changed,
and site/ is byte for byte what a clean build of the same sources makes."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import MAKE_STATE, TEST_REPO, add_document, project_copy

# MkDocs again and again in one copy, each test starting from where the one before left it: on one
# worker, in order.
pytestmark = [pytest.mark.build, pytest.mark.xdist_group("incremental")]
ENV = {k: v for k, v in os.environ.items() if k not in MAKE_STATE} | {
    "REPO_URL": TEST_REPO,
    "SOURCE_DATE_EPOCH": "1700000000",  # the sitemap's dates
}


def make(project: Path) -> str:
    result = subprocess.run(["make"], cwd=project, capture_output=True, text=True, env=ENV, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout


def digests(site: Path) -> dict[str, str]:
    return {
        str(p.relative_to(site)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in site.rglob("*")
        if p.is_file()
    }


def clean_site(project: Path) -> None:
    """Only what a clean build starts from: site/, its stamp and its state gone."""
    shutil.rmtree(project / "site")
    for name in ("site", "site-state.json"):
        (project / ".build" / name).unlink()


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    target = project_copy(tmp_path_factory.mktemp("incremental") / "copy")
    make(target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (old, path)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def source_edit(sources: Path) -> None:
    edit(sources / "002_8b216c02d635696e.en.yml", "Let's briefly dissect", "Let us briefly dissect")


def term_edit(sources: Path) -> None:  # its definition is the tooltip on every page naming it
    edit(
        sources / "glossary/big-data.yml",
        "Dalam sebuah tulisan opini, *big data* disebut",
        "Dalam sebuah tulisan opini, *big data* dinamai",
    )


def title_edit(sources: Path) -> None:
    edit(sources / "glossary/algoritma.yml", "  en: Algorithm\n", "  en: Algorithms\n")


def nav_title_edit(sources: Path) -> None:
    edit(sources / "pages/linimasa.yml", "en: Timeline", "en: Timeline of events")


TERM = """\
name: {id: Istilah uji, en: Test term}
definition:
  id: Menurut berita Tabuka News, Project S adalah agenda TikTok Shop [@003#p5].
  en: According to Tabuka News, Project S is an agenda of TikTok Shop [@003#p5].
explanation:
  - id: Menurut berita Tabuka News, agenda itu untuk memperbesar bisnis TikTok Shop [@003#p5].
    en: According to Tabuka News, the agenda is to expand TikTok Shop's business [@003#p5].
"""


def added_entry(sources: Path) -> None:
    (sources / "glossary/istilah-uji.yml").write_text(TERM, encoding="utf-8")


def removed_entry(sources: Path) -> None:
    (sources / "glossary/istilah-uji.yml").unlink()


@pytest.mark.parametrize(
    ("change", "incremental"),
    [
        (source_edit, True),
        (term_edit, True),
        (title_edit, True),
        (nav_title_edit, False),
        (added_entry, False),
        (removed_entry, False),
    ],
    ids=[
        "edited-source",
        "edited-term-tooltip",
        "renamed-title",
        "renamed-nav-title",
        "added-entry",
        "removed-entry",
    ],
)
def test_an_incremental_build_equals_a_clean_one(project, change, incremental):
    change(project / "sources")
    said = make(project)
    assert ("only the changed pages" in said) == incremental, said
    after_edit = digests(project / "site")
    clean_site(project)
    assert "every page" in make(project)
    assert digests(project / "site") == after_edit


def test_an_added_document_builds_every_page_and_equals_a_clean_build(project):
    sources = project / "sources"
    data = (sources / "003_5c094b5689ed37a0.txt").read_bytes()
    meta = (sources / "003_5c094b5689ed37a0.yml").read_text(encoding="utf-8")
    add_document(sources, "900_salinan", data.replace(b"Tabuka", b"Tabuka Salinan"), meta)
    said = make(project)
    assert "every page" in said
    after_edit = digests(project / "site")
    clean_site(project)
    assert "every page" in make(project)
    assert digests(project / "site") == after_edit


def test_nothing_changed_means_no_search_index_again(project):
    (project / ".build/site").unlink()
    pagefind = {p: p.stat().st_ino for p in (project / "site/pagefind").rglob("*") if p.is_file()}
    assert "search index unchanged" in make(project)
    assert pagefind == {p: p.stat().st_ino for p in (project / "site/pagefind").rglob("*") if p.is_file()}


def test_a_translation_edit_builds_and_indexes_only_its_language(project):
    """MkDocs and Pagefind run only for the languages whose generated files changed; a paragraph
    translation is not on the original's pages, so the original's source page stays as it was.
    The result equals a clean build."""
    docs = project / "docs"
    before = {lang: digests(docs / lang) for lang in ("id", "en")}
    edit(project / "sources/004_b525c05275177155.en.yml", "two opposing trends", "two opposite trends")
    said = make(project)
    changed = [lang for lang in ("id", "en") if digests(docs / lang) != before[lang]]
    assert "en" in changed, said
    assert (
        before["id"]["sumber/004_b525c05275177155.md"]
        == digests(docs / "id")["sumber/004_b525c05275177155.md"]
    )
    assert "only the changed pages" in said, said
    assert (f", {len(changed)} of 2 languages" in said) == (len(changed) < 2), (changed, said)
    after_edit = digests(project / "site")
    clean_site(project)
    assert "every page" in make(project)
    assert digests(project / "site") == after_edit
