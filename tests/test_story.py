"""Story pages: dates stated vs inferred, figures read from their quotes, chart files."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator import pipeline
from generator.check.numerals import read_numbers
from generator.model.dates import PartialDate, parse_partial
from generator.model.problems import InputError, Problems
from generator.read.vocabulary import load_vocabulary
from generator.render.formats import format_value
from tests.conftest import SOURCES, copy_documents, write_configuration
from tests.test_build import page

SVG = "{http://www.w3.org/2000/svg}"
DEFAULTS = load_vocabulary(Path("/nonexistent"), ("id", "en"), Problems())
"""The engine's default vocabulary (no site adds to it)."""
STORY_PAGES = ["linimasa", "angka", "perspektif", "siapa-siapa", "tanya-jawab", "metode"]


@pytest.fixture
def story(tmp_path: Path) -> Path:
    """A sources folder with two documents and a timeline and figures page to break."""
    root = tmp_path / "sources"
    (root / "pages").mkdir(parents=True)
    write_configuration(root)
    copy_documents(SOURCES, root, ["001_9325e6259af9a897", "004_b525c05275177155"])
    (root / "pages/t.yml").write_text(TIMELINE)
    (root / "pages/f.yml").write_text(FIGURES)
    return root


TIMELINE = """\
layout: timeline
title: {id: Linimasa, en: Timeline}
description: {id: x, en: x}
events:
  - date: 2021-04-17
    text:
      id: "Menurut tulisan opini, TikTok Shop hadir [@004#p10]."
      en: "An opinion piece says TikTok Shop launched [@004#p10]."
  - date: 2023-11-13
    text: {id: "Laporan Reuters [@001#p2].", en: "The Reuters report [@001#p2]."}
    inferred:
      weekday: monday
      between: [2021, 2026]
      reasoning: {id: 'Hanya "Senin (13/11)" [@001#p2].', en: 'Only "Monday (13/11)" [@001#p2].'}
"""

FIGURES = """\
layout: figures
title: {id: Angka, en: Figures}
description: {id: x, en: x}
figures:
  - {id: users, value: 125000000, unit: count, label: {id: Pengguna, en: Users}, source: 001#p8,
     quote: sedikitnya 125 juta pengguna}
  - {id: parcels, value: 3000000, unit: count, label: {id: Paket, en: Parcels}, source: 001#p17,
     quote: sekitar tiga juta paket}
  - {id: short, value: 15, unit: seconds, label: {id: Video, en: Video}, source: 004#p7, quote: 15 detik}
charts:
  - {id: c, title: {id: T, en: T}, description: {id: "D [@001#p8].", en: "D [@001#p8]."},
     figures: [users, parcels]}
"""


def errors(root: Path) -> list[str]:
    with pytest.raises(InputError) as caught:
        pipeline.build(root)
    return [str(p) for p in caught.value.problems.errors]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def test_partial_dates_keep_their_precision():
    assert parse_partial("2016") == PartialDate(2016) and parse_partial("2016").precision == "year"
    assert parse_partial("2023-10").precision == "month"
    assert parse_partial("2021-04-17").format(["Januari", "Februari", "Maret", "April"] + [""] * 8) == (
        "17 April 2021"
    )
    assert parse_partial("2023-02-30") is None and parse_partial("13/11") is None
    order = sorted(
        [PartialDate(2023), PartialDate(2023, 11, 13), PartialDate(2023, 11)], key=PartialDate.sort_key
    )
    assert order == [PartialDate(2023, 11, 13), PartialDate(2023, 11), PartialDate(2023)]  # unknown = late


def test_valid_story_builds(story):
    site, _ = pipeline.build(story)
    timeline = next(p for p in site.pages if p.id == "t")
    stated, inferred = timeline.events
    assert stated.reasoning is None and inferred.reasoning is not None
    assert inferred.candidate_years() == [2023]


def test_a_stated_date_must_be_printed_in_the_cited_paragraph(story):
    edit(story / "pages/t.yml", "date: 2021-04-17", "date: 2021-04-18")
    assert any(
        "t.yml:5: the date 2021-04-18 is not printed in the paragraphs this event cites" in e
        for e in errors(story)
    )


def test_an_inferred_date_must_match_its_weekday(story):
    edit(story / "pages/t.yml", "date: 2023-11-13", "date: 2023-11-14")
    assert any("2023-11-14 was a tuesday, not a monday" in e for e in errors(story))


def test_an_inferred_date_must_lie_in_its_calendar_range(story):
    edit(story / "pages/t.yml", "between: [2021, 2026]", "between: [2024, 2030]")
    assert any(
        "the weekday fits these years: 2028; the calendar does not single out 2023" in e
        for e in errors(story)
    )


def test_an_inferred_date_the_calendar_cannot_single_out(story):
    edit(story / "pages/t.yml", "between: [2021, 2026]", "between: [2021, 2030]")
    assert any("fits these years: 2023, 2028" in e for e in errors(story))


def test_an_inferred_date_needs_reasoning(story):
    edit(story / "pages/t.yml", "      reasoning: {id: 'Hanya", "      reasonin: {id: 'Hanya")
    found = errors(story)
    assert any("unknown field 'reasonin' -- did you mean 'reasoning'?" in e for e in found)
    assert not any("'reasoning' is missing" in e for e in found)  # the typo says it all


def test_reading_indonesian_numbers():
    symbols = DEFAULTS.symbols()
    assert read_numbers("sedikitnya 125 juta pengguna", "id") == [125e6]
    assert read_numbers("sekitar tiga juta paket", "id") == [3e6]
    assert read_numbers("USD160 miliar pada 2030, dari semula USD62 miliar", "id", symbols) == [
        160e9,
        2030,
        62e9,
    ]
    assert read_numbers('terbesar "kedua" di dunia', "id") == [2]
    assert read_numbers("1.500 orang dan 2,5 juta", "id") == [1500, 2.5e6]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "value: 125000000",
            "value: 12500000",
            '"sedikitnya 125 juta pengguna" does not give the value 1.25e+07',
        ),
        (
            "quote: sekitar tiga juta paket",
            "quote: sekitar 3 juta paket",
            'the words "sekitar 3 juta paket" are not in 001_9325e6259af9a897 paragraph 17',
        ),
        (
            "source: 001#p8",
            "source: 001#p30",
            "figure source '001#p30': 001_9325e6259af9a897 has 19 paragraphs",
        ),
        ("figures: [users, parcels]", "figures: [users, short]", "chart 'c' mixes units"),
        ("figures: [users, parcels]", "figures: [users, nobody]", "chart 'c' names unknown figures: nobody"),
    ],
)
def test_each_figure_check(story, old, new, expected):
    edit(story / "pages/f.yml", old, new)
    found = errors(story)
    assert any(expected in e for e in found), found


def test_figures_format_in_each_language():
    assert (format_value(125e6, "count", "id", DEFAULTS), format_value(125e6, "count", "en", DEFAULTS)) == (
        "125 juta",
        "125 million",
    )
    assert (format_value(62e9, "usd", "id", DEFAULTS), format_value(62e9, "usd", "en", DEFAULTS)) == (
        "USD62 miliar",
        "USD 62 billion",
    )
    assert (format_value(2, "rank", "id", DEFAULTS), format_value(2, "rank", "en", DEFAULTS)) == (
        "ke-2",
        "2nd",
    )
    assert format_value(15, "seconds", "en", DEFAULTS) == "15 seconds"


# Built site ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("path", STORY_PAGES)
def test_story_pages_exist_in_both_languages(built, path, lang):
    assert f'<html lang="{lang}"' in page(built, lang, path)


def test_home_page_tells_what_happened(built):
    assert "Apa yang terjadi?" in page(built, "id", "") or "ringkasan" in page(built, "id", "")


def test_timeline_shows_key_dates_stated_and_inferred(built):
    text = re.sub(r"<[^>]+>", "", page(built, "en", "linimasa"))
    assert re.search(r"17 April 2021 · date stated in the source", text)
    assert re.search(r"31 July 2023 · date stated in the source", text)
    assert re.search(r"13 November 2023 · date inferred", text)
    assert "By the calendar, from 2021 to 2026, 13 November fell on a Monday only in 2023." in text
    text_id = re.sub(r"<[^>]+>", "", page(built, "id", "linimasa"))
    assert re.search(r"31 Juli 2023 · tanggal tertulis di sumber", text_id)
    assert re.search(r"13 November 2023 · tanggal disimpulkan", text_id)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_market_chart_is_accessible_svg_matching_the_cited_figures(built, lang):
    svg_path = built / ("" if lang == "id" else lang) / "assets" / "charts" / f"e-commerce-market-{lang}.svg"
    root = ET.parse(svg_path).getroot()
    assert root.get("role") == "img" and root.get("aria-labelledby")
    title, desc = root.find(f"{SVG}title").text, root.find(f"{SVG}desc").text
    assert title and desc
    texts = [t.text for t in root.iter(f"{SVG}text") if t.text]
    expected = ["USD62 miliar", "USD160 miliar"] if lang == "id" else ["USD 62 billion", "USD 160 billion"]
    assert all(value in texts for value in expected)
    html = page(built, lang, "angka")
    assert f"e-commerce-market-{lang}.svg" in html
    assert all(value in html for value in expected)  # the numbers also in a table
    assert "<script" not in svg_path.read_text() and "http" not in svg_path.read_text().replace(
        "http://www.w3.org/2000/svg", ""
    )


def test_every_figure_on_the_page_is_cited(built):
    html = page(built, "id", "angka")
    table = html[html.find("<table>") : html.find("</table>")]
    rows = table.count("<tr>") - 1
    assert rows >= 8 and table.count('class="footnote-ref"') >= rows


def test_a_list_field_that_is_not_a_list_is_reported(story):
    (story / "pages/t.yml").write_text(TIMELINE + "sections: not a list\n")
    line = TIMELINE.count("\n") + 1
    assert any(f"t.yml:{line}: 'sections' must be a list -- see CONTRIBUTING.md" in e for e in errors(story))


def test_a_page_address_taken_by_the_site_or_another_page_is_refused(story):
    """A story page at ``en/glossary`` would share its address with the glossary (and at
    ``index``, ``claims`` or ``print`` with the home page, the ledger or the print version); two
    pages at one address would overwrite each other: the check names the file and line."""
    edit(
        story / "pages/t.yml",
        "description: {id: x, en: x}\n",
        "description: {id: x, en: x}\nslug: {en: glossary}\n",
    )
    edit(
        story / "pages/f.yml", "description: {id: x, en: x}\n", "description: {id: x, en: x}\nslug: {id: t}\n"
    )
    found = errors(story)
    assert any(
        e.startswith(f"{story / 'pages/t.yml'}:4: ") and "'glossary'" in e and " -- " in e for e in found
    ), found
    twice = f"{story / 'pages/t.yml'}:4: the page's 'id' address 't' is also that of f.yml -- "
    assert any(e.startswith(twice) for e in found), found
    (story / "pages/t.yml").rename(story / "pages/klaim.yml")
    found = errors(story)
    assert any(e.startswith(f"{story / 'pages/klaim.yml'}:1: ") and "'klaim'" in e for e in found), found
