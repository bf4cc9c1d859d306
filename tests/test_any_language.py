"""Sources in any language of the site: `make new-source LANGUAGE=xx` stubs the metadata and the
translations from the document's own language, and bylines are read in that language's forms.
Every article here is invented for the test."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from generator.cli import main as run_command
from generator.read.clean_text import read_byline
from tests.conftest import copy_collection, write_notes


def main(args: list[str]) -> int:
    """The command line, then the note of any draft update record it wrote, written as a
    contributor would (tests/conftest.py, ``write_notes``): a draft's empty note fails make check."""
    status = run_command(args)
    write_notes(Path(args[args.index("--sources") + 1]))
    return status


ENGLISH = "Bike Lanes Open\n\nThe city opened two new bike lanes on Monday.\n\nRiders welcomed them.\n"
"""An invented English article: a headline and two paragraphs."""


@pytest.fixture
def sources(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return copy_collection(tmp_path / "sources")


def english_first(sources: Path) -> None:
    site = sources / "site.yml"
    site.write_text(re.sub(r"languages: \[id, en\]", "languages: [en, id]", site.read_text()))


def new_source(sources: Path, text: str, *language: str) -> int:
    article = sources.parent / "bike-lanes.txt"
    article.write_text(text, encoding="utf-8")
    extra = ["--language", *language] if language else []
    return main(["--sources", str(sources), "new", "source", str(article), *extra])


def fill_in(sources: Path, language: str) -> None:
    """Metadata as a contributor fills it in (invented), so that the document is checked."""
    (sources / "bike-lanes.yml").write_text(
        "title: {en: Bike Lanes Open, id: Jalur Sepeda Dibuka}\nlabel: null\npublisher: null\n"
        f"author: null\ndate: null\ntype: news\nlanguage: {language}\n"
        "description: {en: An invented note., id: Catatan rekaan.}\n"
    )


def test_an_english_source_on_an_indonesian_first_site_is_stubbed_from_english(sources):
    assert new_source(sources, ENGLISH, "en") == 0
    meta = yaml.safe_load((sources / "bike-lanes.yml").read_text())
    assert meta["language"] == "en"
    assert meta["title"] == {"en": "Bike Lanes Open", "id": "TODO"}
    assert meta["description"] == {"id": "TODO", "en": "TODO"}
    assert "  en: >-\n    TODO\n" in (sources / "bike-lanes.yml").read_text()  # free text: a folded block
    assert not (sources / "bike-lanes.en.yml").exists()
    stub = (sources / "bike-lanes.id.yml").read_text()
    assert "language: id" in stub and "# original: The city opened" in stub and "Bike Lanes" not in stub


def test_the_default_language_is_the_sites_first(sources):
    english_first(sources)
    assert new_source(sources, ENGLISH) == 0
    assert yaml.safe_load((sources / "bike-lanes.yml").read_text())["language"] == "en"
    assert (sources / "bike-lanes.id.yml").exists() and not (sources / "bike-lanes.en.yml").exists()


def test_an_indonesian_source_on_an_english_first_site_gets_an_english_stub(sources):
    english_first(sources)
    text = "Jalur Sepeda Dibuka\n\nKota membuka dua jalur sepeda baru.\n\nPesepeda menyambutnya.\n"
    assert new_source(sources, text, "id") == 0
    meta = yaml.safe_load((sources / "bike-lanes.yml").read_text())
    assert meta["language"] == "id" and meta["title"]["id"] == "Jalur Sepeda Dibuka"
    assert (sources / "bike-lanes.en.yml").exists() and not (sources / "bike-lanes.id.yml").exists()


def test_an_unknown_language_is_refused_and_nothing_written(sources, capsys):
    before = sorted(p.name for p in sources.iterdir())
    assert new_source(sources, ENGLISH, "fr") == 2
    err = capsys.readouterr().err
    assert (
        "LANGUAGE=fr is not one of the site's languages -- use one of: id, en (languages: in sources/" in err
    )
    assert sorted(p.name for p in sources.iterdir()) == before


def test_a_translation_into_the_documents_own_language_is_reported(sources, capsys):
    assert new_source(sources, ENGLISH, "en") == 0
    fill_in(sources, "en")
    (sources / "bike-lanes.en.yml").write_text("language: en\nparagraphs: []\n")
    capsys.readouterr()
    assert main(["--sources", str(sources), "check"]) == 1
    err = capsys.readouterr().err
    assert "sources/bike-lanes.en.yml:1: translates bike-lanes.txt into its own language ('en'" in err
    assert "-- delete bike-lanes.en.yml" in err
    assert "'en' translation" not in err  # no translation of its own language is asked for


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Jane Doe | July 31, 2023", ("Jane Doe", date(2023, 7, 31))),
        ("Jane Doe | Monday, Jul 31, 2023", ("Jane Doe", date(2023, 7, 31))),
        ("By Jane Doe | 31 July 2023", ("Jane Doe", date(2023, 7, 31))),
        ("By Jane Doe | Juli 31, 2023", None),  # an Indonesian month name is not an English form
        ("By Jane Doe | February 30, 2023", None),
        ("BY JANE DOE | July 31, 2023, 10:00 AM", ("JANE DOE", date(2023, 7, 31))),
    ],
)
def test_english_bylines_are_read_in_the_english_forms(line, expected):
    assert read_byline(line, "en") == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Redaksi Contoh | 31 Juli 2023", ("Redaksi Contoh", date(2023, 7, 31))),
        ("Oleh Budi Santoso | Senin, 31 Juli 2023", ("Budi Santoso", date(2023, 7, 31))),
        ("Budi Santoso | 31 Juli 2023 14:30 WIB", ("Budi Santoso", date(2023, 7, 31))),
        ("Budi Santoso | Juli 2023", None),
    ],
)
def test_indonesian_bylines_are_read_in_the_indonesian_forms(line, expected):
    assert read_byline(line, "id") == expected


def test_an_english_byline_fills_the_documents_data(sources, capsys):
    english_first(sources)
    text = "By Jane Doe | July 31, 2023\n\n" + ENGLISH
    assert new_source(sources, text) == 0
    fill_in(sources, "en")
    capsys.readouterr()
    main(["--sources", str(sources), "check"])
    err = capsys.readouterr().err
    # The byline was read: check asks for its author and date in the metadata, not about the line.
    assert "sources/bike-lanes.yml:1: 'date' is null, but the byline on line 1 of bike-lanes.txt" in err
    assert "write author: Jane Doe" in err and "looks like a byline" not in err
    assert "Jane Doe" not in (sources / "bike-lanes.id.yml").read_text()


def test_new_source_fills_author_and_date_from_the_byline_it_reads(sources):
    english_first(sources)
    assert new_source(sources, "Bike Lanes Open\n\nBy Jane Doe | July 31, 2023\n\n" + ENGLISH) == 0
    meta = yaml.safe_load((sources / "bike-lanes.yml").read_text(encoding="utf-8"))
    assert meta["author"] == "Jane Doe" and str(meta["date"]) == "2023-07-31"
    assert "# from the byline on line 3; check it" in (sources / "bike-lanes.yml").read_text()


def test_a_line_like_a_byline_in_no_configured_form_is_a_warning_at_its_line(sources, capsys):
    english_first(sources)
    assert new_source(sources, "Bike Lanes Open\n\nJane Doe -- 2023-07-31\n\n" + ENGLISH) == 0
    fill_in(sources, "en")
    capsys.readouterr()
    main(["--sources", str(sources), "check"])
    err = capsys.readouterr().err
    assert (
        "sources/bike-lanes.txt:3: warning: this line looks like a byline but is in none of the byline "
        "forms for 'en': \"Jane Doe -- 2023-07-31\" -- if it is one, write its author and date in "
        "bike-lanes.yml yourself, or add its form to byline_forms in generator/locales/en.yml "
        "(a form read today: 'By Jane Doe | July 31, 2023')"
    ) in err


def test_the_frozen_collection_has_no_byline_warning(sources, capsys):
    main(["--sources", str(sources), "check"])
    assert "looks like a byline" not in capsys.readouterr().err


def test_the_original_is_named_in_the_documents_own_language(sources, capsys):
    """An invented English article on the Indonesian-first collection, cited by a term: its
    Indonesian pages and ledger call the original English, and the Indonesian documents' English
    pages still call theirs Indonesian."""
    from generator import pipeline
    from generator.model import PageKey, PageKind
    from generator.render.addresses import stem
    from generator.render.ledger import parts
    from tests.conftest import render_pages

    article = sources.parent / "900_bike-lanes.txt"
    article.write_text(ENGLISH, encoding="utf-8")
    assert main(["--sources", str(sources), "new", "source", str(article), "--language", "en"]) == 0
    meta = (sources / "900_bike-lanes.yml").read_text().replace("  id: TODO", "  id: Jalur Sepeda Dibuka")
    meta = re.sub(r"type: TODO", "type: news", meta).replace(">-\n    TODO", "Catatan rekaan.")
    (sources / "900_bike-lanes.yml").write_text(meta)
    stub = (sources / "900_bike-lanes.id.yml").read_text()
    answers = iter(["Kota membuka dua jalur sepeda baru pada hari Senin.", "Para pesepeda menyambutnya."])
    translated = re.sub("TODO", lambda _: next(answers), stub)
    # Paragraph 2 left untranslated: its footnote shows the original, named.
    (sources / "900_bike-lanes.id.yml").write_text(translated[: translated.index("  - paragraph: 2")])
    term = sources / "glossary/umkm.yml"
    text = term.read_text()
    cited = (
        "  - id: Sebuah catatan menyebut jalur sepeda dibuka [@900#p1].\n"
        "    en: A note says bike lanes opened [@900#p1].\n"
        "  - id: Para pesepeda menyambutnya [@900#p2].\n"
        "    en: Riders welcomed them [@900#p2].\n"
    )
    term.write_text(text.replace("explanation:\n", "explanation:\n" + cited, 1))
    site, problems = pipeline.build(sources)
    assert not problems.errors, problems.errors
    indonesian = next(d for d in site.documents if d.meta.language == "id").id
    part = next(p for p in parts(site, site.resolver) if ("term", "umkm") in p.groups)
    ledger = {
        lang: f"{lang}/{stem(site, PageKey(PageKind.ledger, part.id), lang)}.md" for lang in ("id", "en")
    }
    pages = render_pages(
        site,
        "id/glosarium/umkm.md",
        "id/sumber/900_bike-lanes.md",
        f"en/sources/{indonesian}.md",
        ledger["id"],
        ledger["en"],
    )
    assert (
        "lalu teks aslinya dalam bahasa Inggris, dengan warna abu-abu" in pages["id/sumber/900_bike-lanes.md"]
    )
    assert "then the Indonesian original in grey" in pages[f"en/sources/{indonesian}.md"]
    assert "(teks asli dalam bahasa Inggris)" in pages[ledger["id"]]
    assert (
        '<span lang="en">“Riders welcomed them.”</span> (teks asli dalam bahasa Inggris, menunggu terjemahan)'
        in (pages["id/glosarium/umkm.md"])
    )
    assert "(original in Indonesian)" in pages[ledger["en"]]
    assert "(original in English)" not in pages[ledger["en"]]  # an English original needs no label there


def test_new_term_and_actor_are_stubbed_in_the_sites_languages_with_folded_free_text(sources):
    english_first(sources)
    assert main(["--sources", str(sources), "new", "term", "bike-lane"]) == 0
    assert main(["--sources", str(sources), "new", "actor", "jane-doe"]) == 0
    term = (sources / "glossary/bike-lane.yml").read_text()
    assert "name:\n  en: TODO\n  id: TODO\n" in term
    assert "definition:" in term and "  en: >-\n    TODO\n  id: >-\n    TODO\n" in term
    assert "explanation:\n  - en: >-\n      TODO\n    id: >-\n      TODO\n" in term
    actor = yaml.safe_load((sources / "actors/jane-doe.yml").read_text())
    assert actor["summary"] == {"en": "TODO", "id": "TODO"} and actor["aliases"] == {"en": [], "id": []}
