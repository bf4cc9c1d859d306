"""Vocabularies are configuration and numbers are read in the document's language.

The collections here are small and made up in the test: an English-first site with one INVENTED
English article on an invented city bike-sharing scheme (no real place, body or figure), and the
same site with an INVENTED Indonesian article. Its own actor kind, relation verb and figure units
are in its ``sources/vocabulary.yml``.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from generator import pipeline
from generator.check.numerals import read_numbers
from generator.model import PageKey, PageKind
from generator.model.problems import InputError, Problems
from generator.read.vocabulary import load_vocabulary
from generator.render.addresses import stem, url_path
from generator.render.formats import format_value
from tests.conftest import SOURCES, render_pages

SITE = """\
languages: [en, id]
title: {en: Invented bikes explained, id: Penjelasan sepeda rekaan}
description: {en: An invented test site., id: Situs uji rekaan.}
intro: {en: "An invented test site [@editors].", id: "Situs uji rekaan [@editors]."}
"""

ARTICLES = {
    "en": (
        "Riverton, an invented city, opened its bike-sharing scheme in spring.\n\n"
        "The invented Riverton Transport Authority said riders made 48,000 trips in the first month.\n\n"
        "The authority funds the scheme with 4.2 million euros a year, it said.\n\n"
        "The Riverton Transport Authority runs the scheme.\n"
    ),
    "id": (
        "Riverton, kota rekaan, membuka layanan sepeda sewa pada musim semi.\n\n"
        "Otoritas Transportasi Riverton yang rekaan menyebut pengguna melakukan 48.000 perjalanan "
        "pada bulan pertama.\n\n"
        "Otoritas itu mendanai layanan tersebut dengan 4,2 juta euro per tahun, katanya.\n\n"
        "Otoritas Transportasi Riverton menjalankan layanan itu.\n"
    ),
}
QUOTES = {
    "en": ("48,000 trips", "4.2 million euros"),
    "id": ("48.000 perjalanan", "4,2 juta euro"),
}

VOCABULARY = """\
# Invented test vocabulary.
actor_kinds:
  transport-authority:
    label: {en: Transport authority, id: Otoritas transportasi}
    plural: {en: Transport authorities, id: Otoritas transportasi}
    schema: GovernmentOrganization
relations:
  funds:
    label: {en: funds, id: mendanai}
units:
  trips:
    label: {en: "{n} trips", id: "{n} perjalanan"}
  eur:
    label: {en: "{n} euros", id: "{n} euro"}
    symbols: [EUR, €]
"""

AUTHORITY = """\
name: {en: Riverton Transport Authority, id: Otoritas Transportasi Riverton}
kind: transport-authority
aliases: {en: [], id: []}
summary:
  en: The Riverton Transport Authority runs the invented city's bike-sharing scheme [@001#p4].
  id: Otoritas Transportasi Riverton menjalankan layanan sepeda sewa kota rekaan itu [@001#p4].
relations:
  - {type: funds, target: actor:riverton-bikes, source: 001#p3}
"""

SCHEME = """\
name: {en: Riverton Bikes, id: Sepeda Riverton}
kind: company
aliases: {en: [], id: []}
summary:
  en: Riverton Bikes is the invented city's bike-sharing scheme [@001#p1].
  id: Sepeda Riverton adalah layanan sepeda sewa kota rekaan itu [@001#p1].
"""

FIGURES = """\
layout: figures
title: {en: Figures, id: Angka}
description: {en: x, id: x}
figures:
  - {id: trips, value: 48000, unit: trips, label: {en: Trips, id: Perjalanan}, source: 001#p2,
     quote: "QUOTE_TRIPS"}
  - {id: money, value: 4200000, unit: eur, label: {en: Money, id: Dana}, source: 001#p3,
     quote: "QUOTE_MONEY"}
"""


def collection(root: Path, language: str = "en", vocabulary: str = VOCABULARY) -> Path:
    """An English-first collection with one invented article in ``language``."""
    sources = root / "sources"
    for folder in ("actors", "glossary", "pages"):
        (sources / folder).mkdir(parents=True)
    (sources / "site.yml").write_text(SITE, encoding="utf-8")
    (sources / "cleaning.yml").write_bytes((SOURCES / "cleaning.yml").read_bytes())
    if vocabulary:
        (sources / "vocabulary.yml").write_text(vocabulary, encoding="utf-8")
    data = ARTICLES[language].encode("utf-8")
    (sources / "001_riverton-bikes.txt").write_bytes(data)
    (sources / "001_riverton-bikes.yml").write_text(
        f"title: {{en: Invented bikes, id: Sepeda rekaan}}\nlabel: null\npublisher: null\nauthor: null\n"
        f"date: null\ntype: news\nlanguage: {language}\n"
        "description: {en: An invented article., id: Artikel rekaan.}\n",
        encoding="utf-8",
    )
    (sources / "SHA256SUMS").write_text(f"{hashlib.sha256(data).hexdigest()}  001_riverton-bikes.txt\n")
    (sources / "actors/riverton-transport-authority.yml").write_text(AUTHORITY, encoding="utf-8")
    (sources / "actors/riverton-bikes.yml").write_text(SCHEME, encoding="utf-8")
    trips, money = QUOTES[language]
    figures = FIGURES.replace("QUOTE_TRIPS", trips).replace("QUOTE_MONEY", money)
    (sources / "pages/figures.yml").write_text(figures, encoding="utf-8")
    return sources


def errors(sources: Path) -> list[str]:
    with pytest.raises(InputError) as caught:
        pipeline.build(sources)
    return [str(problem) for problem in caught.value.problems.errors]


def page_path(site, kind: str, item: str, lang: str) -> str:
    """The generated file of a page, as ``render_pages`` names it."""
    return f"{lang}/{stem(site, PageKey(PageKind(kind), item), lang)}.md"


# Numbers in the document's language -------------------------------------------------------------


def test_english_and_indonesian_numbers_read_in_their_own_language():
    symbols = ("USD", "US$", "EUR", "€", "Rp")
    assert read_numbers("48,000 trips and 4.2 million euros", "en", symbols) == [48000, 4.2e6]
    assert read_numbers("48.000 perjalanan dan 4,2 juta euro", "id", symbols) == [48000, 4.2e6]
    assert read_numbers("dua belas, dua ratus, kedua belas", "id", symbols) == [12, 200, 12]
    assert read_numbers("twelve, two hundred, the twelfth", "en", symbols) == [12, 200, 12]
    assert read_numbers("€4.2 million, EUR 3 billion, the second", "en", symbols) == [4.2e6, 3e9, 2]
    # Read the other way, each is wrong: the language decides.
    assert read_numbers("48,000 trips", "id", symbols) != [48000]
    assert read_numbers("4,2 juta", "en", symbols) != [4.2e6]


@pytest.mark.parametrize("language", ["en", "id"])
def test_a_site_unit_figure_checks_and_renders_on_an_english_first_site(tmp_path, language):
    site, problems = pipeline.build(collection(tmp_path, language))
    assert not problems.errors
    story = next(page for page in site.pages if page.id == "figures")
    vocabulary = site.config.vocabulary
    shown = {
        lang: [format_value(f.value, f.unit, lang, vocabulary) for f in story.figures]
        for lang in ("en", "id")
    }
    assert shown == {
        "en": ["48,000 trips", "4.2 million euros"],
        "id": ["48.000 perjalanan", "4,2 juta euro"],
    }
    path = page_path(site, "page", "figures", "en")
    assert not url_path(site, PageKey(PageKind.page, "figures"), "en").startswith("en/"), "English at /"
    made = render_pages(site, path)
    assert "48,000 trips" in made[path] and "4.2 million euros" in made[path]


@pytest.mark.parametrize("language", ["en", "id"])
def test_a_quote_that_does_not_give_the_value_is_refused_in_its_language(tmp_path, language):
    sources = collection(tmp_path, language)
    figures = sources / "pages/figures.yml"
    figures.write_text(figures.read_text().replace("value: 48000", "value: 48"))
    found = errors(sources)
    assert any("does not give the value 48" in e and f"read as '{language}'" in e for e in found), found


# Site-defined actor kinds and relation verbs --------------------------------------------------


def test_a_site_actor_kind_and_relation_verb_render_with_their_labels_and_schema_type(tmp_path):
    site, _ = pipeline.build(collection(tmp_path))
    paths = {lang: page_path(site, "actor", "riverton-transport-authority", lang) for lang in ("en", "id")}
    index = {lang: page_path(site, "actor", "index", lang) for lang in ("en", "id")}
    made = render_pages(site, *paths.values(), *index.values())
    assert "**Transport authority**" in made[paths["en"]] and "**Otoritas transportasi**" in made[paths["id"]]
    assert " funds " in made[paths["en"]] and " mendanai " in made[paths["id"]]
    assert "## Transport authorities" in made[index["en"]]
    assert '"@type": "GovernmentOrganization"' in made[paths["en"]]


def test_a_default_label_can_be_changed_and_replace_drops_the_defaults(tmp_path):
    vocabulary = VOCABULARY + '  count:\n    label: {en: "{n} things", id: "{n} hal"}\n'
    vocabulary = vocabulary.replace("units:\n", "units:\n  replace: true\n")
    sources = collection(tmp_path, vocabulary=vocabulary)
    site, _ = pipeline.build(sources)
    assert site.config.vocabulary.ids("units") == ("trips", "eur", "count")
    assert format_value(3, "count", "en", site.config.vocabulary) == "3 things"
    assert site.config.vocabulary.ids("actor_kinds")[:2] == ("person", "ministry")  # not replaced
    figures = sources / "pages/figures.yml"
    figures.write_text(figures.read_text().replace("unit: trips", "unit: usd"))
    found = errors(sources)
    assert any(
        "'unit' is 'usd' -- use one of: trips, eur, count; or add it to units: in sources/vocabulary.yml" in e
        for e in found
    ), found


def test_an_unknown_kind_names_the_configured_ones_and_where_to_add_one(tmp_path):
    sources = collection(tmp_path)
    actor = sources / "actors/riverton-bikes.yml"
    actor.write_text(actor.read_text().replace("kind: company", "kind: scheme"))
    found = errors(sources)
    assert any(
        "riverton-bikes.yml:2: 'kind' is 'scheme'" in e
        and "transport-authority" in e
        and "sources/vocabulary.yml" in e
        for e in found
    ), found


# A bad vocabulary is a located problem ------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("    label: {en: funds, id: mendanai}", "    label: {en: funds}", "has no text in 'id'"),
        ("    label: {en: funds, id: mendanai}", "    labl: {en: funds, id: x}", "unknown field 'labl'"),
        ('    label: {en: "{n} trips", id: "{n} perjalanan"}', "    label: {en: trips, id: x}", "has no {n}"),
        ("    symbols: [EUR, €]", "    symbols: EUR", "'symbols' must list"),
        ("  funds:", "  Funds:", "relations: id 'Funds' is not a-z, 0-9 and '-'"),
        ("  funds:", "  replace: yes please\n  funds:", "'replace' is 'yes please'"),
        ("relations:", "relations: [funds]\nunused:", "'relations' must map ids to entries"),
        (
            "    schema: GovernmentOrganization",
            "    schema: a body",
            "'a body' is not a schema.org type name",
        ),
        ("units:", "relations: {}\nunits:", "invalid YAML: the key 'relations' appears twice"),
    ],
)
def test_a_bad_vocabulary_is_reported_at_its_line(tmp_path, old, new, message):
    changed = VOCABULARY.replace(old, new)
    line = next(n for n, text in enumerate(changed.splitlines(), 1) if text in new.splitlines())
    sources = collection(tmp_path, vocabulary=changed)
    found = [e for e in errors(sources) if "/vocabulary.yml:" in e]
    assert any(f"vocabulary.yml:{line}: " in e and message in e and " -- " in e for e in found), found


def test_a_site_entry_needs_its_words_and_certainties_keep_reported_and_opinion(tmp_path):
    vocabulary = VOCABULARY + "certainties:\n  replace: true\n  rumoured: {legend: {en: x, id: x}}\n"
    vocabulary = vocabulary.replace(
        "    plural: {en: Transport authorities, id: Otoritas transportasi}\n", ""
    )
    found = [str(p) for p in load(collection(tmp_path, vocabulary=vocabulary))]
    assert any("vocabulary.yml:3: actor_kinds: 'transport-authority' has no plural" in e for e in found), (
        found
    )
    assert any("certainties: 'reported' is missing" in e for e in found), found
    assert any("certainties: 'opinion' is missing" in e for e in found), found


def load(sources: Path) -> Problems:
    problems = Problems()
    load_vocabulary(sources, ("en", "id"), problems)
    return problems


def test_a_vocabulary_of_comments_only_adds_nothing(tmp_path):
    sources = collection(tmp_path, vocabulary=VOCABULARY)
    (sources / "vocabulary.yml").write_text("# Nothing of our own yet.\n\n")
    problems = load(sources)
    assert not problems.errors
    vocabulary = load_vocabulary(sources, ("en", "id"), Problems())
    assert "transport-authority" not in vocabulary.ids("actor_kinds") and "person" in vocabulary.ids(
        "actor_kinds"
    )


def test_ranks_take_the_endings_their_locale_gives():
    vocabulary = load_vocabulary(Path("/nonexistent"), ("en", "id"), Problems())
    endings = [format_value(n, "rank", "en", vocabulary) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 111)]
    assert endings == ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "111th"]
    assert format_value(21, "rank", "id", vocabulary) == "ke-21"
    assert format_value(2023, "year", "en", vocabulary) == "2023"


def test_a_default_without_words_in_a_locale_file_is_reported_there(monkeypatch):
    """A language whose locale file lacks a default's words (say, a new one half filled in)."""
    import generator.read.vocabulary as reading
    from generator.model.words import ui

    def lacking(lang: str) -> dict:
        words = dict(ui(lang))
        if lang == "id":
            words["relations"] = {k: v for k, v in words["relations"].items() if k != "owns"}
        return words

    monkeypatch.setattr(reading, "ui", lacking)
    problems = Problems()
    load_vocabulary(Path("/nonexistent"), ("en", "id"), problems)
    line = next(n for n, text in enumerate((reading.LOCALES / "id.yml").open(), 1) if text == "relations:\n")
    assert [str(p) for p in problems.errors] == [
        f"generator/locales/id.yml:{line}: relations: 'owns' has no words under 'relations:' in id.yml -- "
        "add 'owns:' there, or give label: {id: ...} in sources/vocabulary.yml"
    ]
