"""Property-based tests of the output writers (generator/render/writers): hostile text of every kind
(any Unicode, control characters, CR/LF, braces, backslashes, ``</script>``, formula starts,
citations, Markdown) goes through every text field a contributor or an article sets into every
format, and a real parser reads it back. The text comes back equal, except for the documented
changes, which are asserted exactly:

- CSV: a text cell beginning with ``=``, ``+``, ``-``, ``@``, tab or CR comes back with ``'`` in front;
- BibTeX: LaTeX commands stand for ``\\ { } @ & % $ # _ ~ ^`` (undone here by an independent table),
  and each line break (CR LF is one) or tab is a space;
- RIS: each line break (CR LF is one) is a space, and rispy drops the spaces at a value's ends;
- iCalendar: CR LF and a lone CR are LF (a text value has one kind of line break).

Nothing else is created: as many rows, entries, records, fields and events as were written.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import UTC, date, datetime
from html.parser import HTMLParser
from types import SimpleNamespace

import bibtexparser
import icalendar
import jinja2
import pytest
import rispy
import yaml
from bibtexparser.bparser import BibTexParser
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.render import cite_this, ledger, schema
from generator.render.open_data import figures
from generator.render.writers import bibtex, ics, json_text, ris, table

pytestmark = pytest.mark.filterwarnings(
    "ignore::DeprecationWarning:bibtexparser", "ignore::DeprecationWarning:pyparsing"
)
"""bibtexparser 1.x (the reader here) calls pyparsing's old names; nothing of ours."""
SETTINGS = settings(max_examples=120, deadline=None)
FIELDS = ("title", "publisher", "author", "paragraph", "statement", "quote", "name", "alias", "reason")
HOSTILE = [
    "}",
    "{",
    "\\",
    "</script>",
    "<!--",
    "=",
    "@",
    "+",
    "-",
    "[@x]",
    "[@a-1, p. 2]",
    "*",
    "**",
    "\r\n",
    "\r",
    "\n",
    "\t",
    "\x00",
    "\x0b",
    "\u2028",
    "\x85",
    "ER  - ",
    "TY  - JOUR",
    "@online{x,",
    '=HYPERLINK("http://example.invalid","x")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)",
    '"',
    ",",
    "%",
    "&",
    "#",
    "_",
    "~",
    "^",
    "$",
    "'",
]
CHARACTERS = st.characters(blacklist_categories=("Cs",))
TEXT = st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(CHARACTERS, max_size=8)), max_size=8).map("".join)
VALUES = st.fixed_dictionaries({name: TEXT for name in FIELDS})

FORMULA = ("=", "+", "-", "@", "\t", "\r")
BREAKS = "\t\n\v\f\r\x1c\x1d\x1e\x85\u2028\u2029"
UNLATEX = {
    "\\textbackslash{}": "\\",
    "\\textbraceleft{}": "{",
    "\\textbraceright{}": "}",
    "\\symbol{64}": "@",
    "\\textasciitilde{}": "~",
    "\\textasciicircum{}": "^",
    **{f"\\{c}": c for c in "&%$#_"},
}


# What each format is documented to change -------------------------------------------------------
def csv_shown(text: str) -> str:
    return "'" + text if text[:1] in FORMULA and text else text


def bibtex_shown(text: str) -> str:
    return "".join(" " if c in BREAKS else c for c in text.replace("\r\n", "\n"))


def ris_shown(text: str) -> str:
    return "".join(" " if c in BREAKS and c != "\t" else c for c in text.replace("\r\n", "\n")).strip()


def ics_shown(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def unlatex(text: str) -> str:
    pattern = "|".join(re.escape(k) for k in sorted(UNLATEX, key=len, reverse=True))
    return re.sub(pattern, lambda m: UNLATEX[m[0]], text)


# Parsers ----------------------------------------------------------------------------------------
def read_csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def read_bib(text: str) -> list[dict]:
    parser = BibTexParser(ignore_nonstandard_types=False, common_strings=False, interpolate_strings=False)
    return bibtexparser.loads(text, parser).entries


class ScriptData(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts: list[str] = []
        self.inside = False

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.inside = True
            self.scripts.append("")

    def handle_endtag(self, tag):
        self.inside = tag != "script" and self.inside

    def handle_data(self, data):
        if self.inside:
            self.scripts[-1] += data


def scripts_in(html: str) -> list[str]:
    parser = ScriptData()
    parser.feed(html)
    parser.close()
    return parser.scripts


# The writers themselves -------------------------------------------------------------------------
@SETTINGS
@given(st.lists(VALUES, min_size=1, max_size=4), st.integers(-5, 5))
def test_csv_neutralises_formulas_and_keeps_the_rest(rows, number):
    text = table.table([*FIELDS, "number"], [[row[f] for f in FIELDS] + [number] for row in rows])
    back = read_csv(text)
    assert back[0] == [*FIELDS, "number"]
    assert len(back) == len(rows) + 1
    for row, read in zip(rows, back[1:], strict=True):
        assert read == [csv_shown(row[f]) for f in FIELDS] + [str(number)]
        assert not any(cell[:1] in FORMULA and cell for cell in read[:-1])


@SETTINGS
@given(st.lists(VALUES, min_size=1, max_size=4))
def test_json_gives_back_every_text(rows):
    for indent in (None, 1):
        assert json.loads(json_text.file(rows, indent)) == rows
    assert yaml.safe_load("x: " + json_text.line(rows))["x"] == rows


@SETTINGS
@given(VALUES)
def test_json_in_a_script_element_stays_in_it(values):
    page = f'<p>a</p><script type="application/ld+json">{json_text.in_script(values)}</script><p>b</p>'
    found = scripts_in(page)
    assert len(found) == 1
    assert json.loads(found[0]) == values


@SETTINGS
@given(st.lists(VALUES, min_size=1, max_size=4))
def test_bibtex_gives_back_every_entry_and_field(rows):
    items = [
        bibtex.Online(
            key=f"k{i}{row['name']}",
            title=row["title"],
            authors=[row["author"], row["name"]],
            organization=row["publisher"],
            note=row["paragraph"],
            language=row["alias"],
        )
        for i, row in enumerate(rows)
    ]
    entries = read_bib(bibtex.entries(items))
    assert [e["ID"] for e in entries] == [bibtex.KEY_UNSAFE.sub("-", item.key) for item in items]
    for row, entry in zip(rows, entries, strict=True):
        assert set(entry) == {"ENTRYTYPE", "ID", "title", "author", "organization", "note", "language"}
        assert unlatex(entry["title"]) == bibtex_shown(row["title"])
        assert unlatex(entry["organization"]) == bibtex_shown(row["publisher"])
        assert unlatex(entry["note"]) == bibtex_shown(row["paragraph"])
        assert unlatex(entry["language"]) == bibtex_shown(row["alias"])
        names = [bibtex_shown(row["author"]), bibtex_shown(row["name"])]
        assert unlatex(entry["author"]) == " and ".join("{" + name + "}" for name in names)


@SETTINGS
@given(st.lists(VALUES, min_size=1, max_size=4))
def test_ris_gives_one_record_per_reference(rows):
    refs = [
        {
            "type_of_reference": "ELEC",
            "id": f"k{i}",
            "title": row["title"],
            "authors": [row["author"], row["name"]],
            "publisher": row["publisher"],
            "notes": [row["paragraph"], row["reason"]],
        }
        for i, row in enumerate(rows)
    ]
    text = ris.records(refs)
    assert text.count("\nER  -") == len(rows)
    back = rispy.loads(text)
    assert [r["id"] for r in back] == [f"k{i}" for i in range(len(rows))]
    for row, read in zip(rows, back, strict=True):
        expected = {
            "title": ris_shown(row["title"]),
            "authors": [ris_shown(row["author"]), ris_shown(row["name"])],
            "publisher": ris_shown(row["publisher"]),
            "notes": [ris_shown(row["paragraph"]), ris_shown(row["reason"])],
        }
        assert read == {"type_of_reference": "ELEC", "id": read["id"], **expected}


@SETTINGS
@given(st.lists(VALUES, min_size=1, max_size=4))
def test_ics_gives_back_every_event(rows):
    events = [
        [
            ("uid", f"e{i}"),
            ("dtstamp", datetime(2024, 1, 1, tzinfo=UTC)),
            ("dtstart", date(2024, 1, 2)),
            ("summary", row["statement"]),
            ("description", row["paragraph"] + "\n" + row["quote"]),
        ]
        for i, row in enumerate(rows)
    ]
    text = ics.calendar([("prodid", "-//x//y//EN"), ("version", "2.0"), ("x-wr-calname", "n")], events)
    back = icalendar.Calendar.from_ical(text)
    found = back.walk("VEVENT")
    assert len(found) == len(rows)
    for row, event in zip(rows, found, strict=True):
        assert str(event["summary"]) == ics_shown(row["statement"])
        assert str(event["description"]) == ics_shown(row["paragraph"] + "\n" + row["quote"])


# Through the modules that use them ---------------------------------------------------------------
def cited_item(row: dict, i: int) -> dict:
    return {
        "id": f"doc{i}",
        "type": "webpage",
        "title": row["title"],
        "author": [{"literal": row["author"]}],
        "container-title": row["publisher"],
        "publisher": row["publisher"],
        "issued": {"date-parts": [[2024, 1, 2]]},
        "language": "en",
        "URL": "https://example.invalid/a/#p1",
        "note": row["paragraph"],
    }


@SETTINGS
@given(st.lists(VALUES, min_size=1, max_size=3))
def test_cite_files_give_back_one_entry_per_item(rows):
    items = [cited_item(row, i) for i, row in enumerate(rows)]
    entries = read_bib(cite_this.as_bibtex(items))
    assert len(entries) == len(items)
    for row, entry in zip(rows, entries, strict=True):
        assert unlatex(entry["title"]) == bibtex_shown(row["title"])
        assert unlatex(entry["organization"]) == bibtex_shown(row["publisher"])
        assert entry["url"] == "https://example.invalid/a/#p1"
    records = rispy.loads(cite_this.as_ris(items))
    assert [r["id"] for r in records] == [item["id"] for item in items]
    assert [r.get("publisher", "") for r in records] == [ris_shown(row["publisher"]) for row in rows]
    assert json.loads(cite_this.as_csl_json(items)) == items


@SETTINGS
@given(st.lists(VALUES, min_size=1, max_size=3))
def test_the_claims_ledger_neutralises_every_cell(rows):
    records = [
        {
            "language": "en",
            "page": row["title"],
            "page_kind": "term",
            "page_id": "x",
            "sentence": row["statement"],
            "editors_own": False,
            "certainty": row["title"],
            "cites": [
                {
                    "document": "doc",
                    "paragraph": "1",
                    "document_type": "news",
                    "text": row["paragraph"],
                    "original": row["quote"],
                    "original_language": "id",
                }
            ],
            "last_changed": "2024-05-01",
        }
        for row in rows
    ]
    back = read_csv(ledger.as_csv(records))
    assert len(back) == len(rows) + 1
    for row, read in zip(rows, back[1:], strict=True):
        assert len(read) == len(ledger.FIELDS)
        assert read[1] == csv_shown(row["title"])
        assert read[3] == csv_shown(row["statement"])
        assert read[5] == csv_shown(row["title"])
        assert read[8] == csv_shown(row["paragraph"])
        assert read[9] == csv_shown(row["quote"])
        assert read[10] == "2024-05-01"
    assert json.loads(ledger.as_json(records)) == {"claims": records}


@SETTINGS
@given(VALUES)
def test_json_ld_of_front_matter_parses_back_from_the_page(values):
    """The page's path: schema.dump writes the front matter line, YAML reads it, the theme prints it
    with Jinja's ``tojson`` in a script element (generator/publish/overrides/main.html)."""
    front = yaml.safe_load("schema: " + schema.dump(values))["schema"]
    template = jinja2.Environment(autoescape=True).from_string(
        '<script type="application/ld+json">{{ schema | tojson }}</script><p>{{ schema.title }}</p>'
    )
    found = scripts_in(template.render(schema=front))
    assert len(found) == 1
    assert json.loads(found[0]) == values


@SETTINGS
@given(st.lists(VALUES, min_size=1, max_size=3), st.integers(-9, 9))
def test_figures_csv_neutralises_every_text_cell(rows, value):
    languages = ("xx", "yy")  # invented language codes: any site's languages
    site = SimpleNamespace(config=SimpleNamespace(languages=languages))
    records = [
        {
            "id": "f",
            "page": "p",
            "value": value,
            "unit": "count",
            "quote": row["quote"],
            "quote_language": "xx",
            "shown": dict.fromkeys(languages, row["name"]),
            "label": dict.fromkeys(languages, row["alias"]),
            "note": {"text": dict.fromkeys(languages, row["reason"])},
            "source": {
                "document": "doc",
                "paragraph": "1",
                "document_type": "news",
                "publisher": row["publisher"],
            },
        }
        for row in rows
    ]
    back = read_csv(figures.figures_csv(site, records))
    header = figures.columns(site)
    assert back[0] == header and len(back) == len(rows) + 1
    for row, read in zip(rows, back[1:], strict=True):
        cells = dict(zip(header, read, strict=True))
        assert cells["value"] == str(value)
        assert cells["quote"] == csv_shown(row["quote"])
        assert cells["publisher"] == csv_shown(row["publisher"])
        for lang in languages:
            assert cells[f"shown_{lang}"] == csv_shown(row["name"])
            assert cells[f"label_{lang}"] == csv_shown(row["alias"])
            assert cells[f"note_{lang}"] == csv_shown(row["reason"])
