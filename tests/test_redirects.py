"""Redirect pages at earlier addresses: a renamed source's old address always; in the languages
other than the default, the addresses pages had under the default language's slugs only when
site.yml asks for them (earlier_addresses: default-language-slugs). Each names the page it leads
to by its title, says "source document" only for a source document, and keeps the anchor."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator import pipeline
from generator.cli import main as run_command
from generator.model import PageKind
from generator.render.formats import front_title
from generator.render.run import jobs
from generator.render.site_files import redirects
from tests.conftest import copy_collection, render_pages, write_notes


def main(args: list[str]) -> int:
    """The command line, then the note of any draft update record it wrote, written as a
    contributor would (tests/conftest.py, ``write_notes``): a draft's empty note fails make check."""
    status = run_command(args)
    write_notes(Path(args[args.index("--sources") + 1]))
    return status


DOC = "001_9325e6259af9a897"
SHOWN = ("en/glossary/umkm.md", "en/sources/index.md", f"en/sources/{DOC}.md")


@pytest.fixture
def sources(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return copy_collection(tmp_path / "sources")


def forwards(sources: Path) -> dict[str, str]:
    """The redirect pages of the collection in ``sources``, by path."""
    site, problems = pipeline.build(sources)
    assert site is not None and not problems.errors, problems.errors
    keys = [job.key for job in jobs(site) if job.key.kind != PageKind.print]
    titles = {path: front_title(str(text)) for path, text in render_pages(site, *SHOWN).items()}
    return {page.path: str(page.content) for page in redirects(site, keys, titles)}


def without_earlier_addresses(sources: Path) -> None:
    site = sources / "site.yml"
    text = site.read_text()
    assert "earlier_addresses: default-language-slugs\n" in text
    site.write_text(text.replace("earlier_addresses: default-language-slugs\n", ""))


def title(page: str) -> str:
    return re.search(r"<title>(.*)</title>", page)[1]


def test_default_language_slugs_lead_to_the_page_by_its_title_and_words_that_fit(sources):
    found = forwards(sources)
    term = found["en/glosarium/umkm/index.html"]
    assert title(term) == "UMKM"
    assert '<p>This page has a new address: <a href="../../glossary/umkm/">UMKM</a></p>' in term
    index = found["en/sumber/index.html"]
    assert title(index) == "Source documents" and "This page has a new address:" in index
    source = found[f"en/sumber/{DOC}/index.html"]
    assert "This source document has a new address:" in source
    assert title(source) != f"sources/{DOC}" and title(source) in source.split("<body>")[1]
    for page in (term, index, source):
        target = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', page)[1]
        assert f"location.replace({target!r} + location.hash)".replace("'", '"') in page
        assert page.index("location.replace") < page.index(
            "http-equiv"
        )  # the script, with the anchor, runs first
    assert not any(path.startswith("id/") for path in found)  # the default language never moved


def test_without_the_key_a_site_has_no_redirects_but_its_renamed_sources(sources, capsys):
    without_earlier_addresses(sources)
    assert forwards(sources) == {}
    assert main(["--sources", str(sources), "rename-source", "002", "020_renamed"]) == 0
    found = forwards(sources)
    assert set(found) == {
        "id/sumber/002_8b216c02d635696e/index.html",
        "en/sources/002_8b216c02d635696e/index.html",
    }
    assert "This source document has a new address:" in found["en/sources/002_8b216c02d635696e/index.html"]
    assert "Dokumen sumber ini pindah ke alamat baru:" in found["id/sumber/002_8b216c02d635696e/index.html"]


def test_an_unknown_earlier_addresses_value_is_named_at_its_line(sources, capsys):
    site = sources / "site.yml"
    site.write_text(
        site.read_text().replace("earlier_addresses: default-language-slugs", "earlier_addresses: yes")
    )
    line = next(n for n, text in enumerate(site.read_text().splitlines(), 1) if text.startswith("earlier_"))
    assert main(["--sources", str(sources), "check"]) == 1
    assert (
        f"sources/site.yml:{line}: 'earlier_addresses' is True -- use default-language-slugs, or leave it out"
        in capsys.readouterr().err
    )
