"""A hostile article end to end: an invented article whose paragraphs begin with spreadsheet formulas,
whose publisher holds a brace and CR/LF and whose title holds ``</script>``, added by the documented
path (``new source``, its metadata filled in, cited by a glossary entry), renders; every CSV cell of
the downloads is neutralised, every ``.bib`` parses with its entries and nothing else, every ``.ris``
has one record per entry, and the JSON-LD and calendars parse."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import bibtexparser
import icalendar
import jinja2
import pytest
import rispy
import yaml
from bibtexparser.bparser import BibTexParser

from generator import pipeline
from generator.cli import main
from generator.model import BuildFacts
from generator.render.run import render
from tests.conftest import copy_collection
from tests.test_writers import scripts_in

pytestmark = pytest.mark.filterwarnings(
    "ignore::DeprecationWarning:bibtexparser", "ignore::DeprecationWarning:pyparsing"
)
FORMULAS = ['=HYPERLINK("http://example.invalid","x")', "@SUM(1+1)", "+cmd|' /C calc'!A0", "-1+1"]
ARTICLE = "An invented headline\n\n" + "".join(
    f"{formula} starts invented paragraph {n}.\n\n" for n, formula in enumerate(FORMULAS, 1)
)
"""An invented article: a headline and four paragraphs that begin with formulas."""
META = (
    'title: {id: "Judul rekaan </script><b>x", en: "Invented title </script><b>x"}\n'
    'label: null\npublisher: "Invented } Press\\r\\nER  - \\r\\nTY  - JOUR"\nauthor: null\n'
    "date: 2024-01-02\ntype: news\nlanguage: en\n"
    "description: {en: An invented note., id: Catatan rekaan.}\n"
)
FORMULA = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture
def pages(tmp_path: Path, monkeypatch) -> dict[str, str]:
    monkeypatch.chdir(tmp_path)
    sources = copy_collection(tmp_path / "sources")
    article = tmp_path / "900_hostile.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert main(["--sources", str(sources), "new", "source", str(article), "--language", "en"]) == 0
    (sources / "900_hostile.yml").write_text(META, encoding="utf-8")
    stub = sources / "900_hostile.id.yml"
    stub.write_text(stub.read_text(encoding="utf-8").split("  - paragraph:")[0], encoding="utf-8")
    term = sources / "glossary/umkm.yml"
    cited = "".join(
        f"  - id: Sebuah catatan rekaan menyebutnya [@900#p{n}].\n"
        f"    en: An invented note says so [@900#p{n}].\n"
        for n in range(2, len(FORMULAS) + 2)  # paragraph 1 is the headline
    )
    term.write_text(term.read_text(encoding="utf-8").replace("explanation:\n", "explanation:\n" + cited, 1))
    figures = sources / "pages/angka.yml"
    figure = (
        "  - id: invented-figure\n    value: 2\n    unit: count\n"
        '    label: {id: "=1+1 angka rekaan", en: "-1 invented figure"}\n'
        "    source: 900#p3\n"
        '    quote: "@SUM(1+1) starts invented paragraph 2"\n'
    )
    figures.write_text(figures.read_text(encoding="utf-8").replace("figures:\n", "figures:\n" + figure, 1))
    (draft,) = (sources / "updates").glob("*.yml")  # new source's draft update record: a hostile note
    note = json.dumps('=HYPERLINK("http://example.invalid","x") </script><b>x } \r\nER  - ')  # YAML too
    text = draft.read_text(encoding="utf-8")
    draft.write_text(re.sub(r'(?m)^(\s+\w+): ""$', lambda line: f"{line[1]}: {note}", text), encoding="utf-8")
    assert main(["--sources", str(sources), "check"]) == 0
    site, problems = pipeline.build(sources)
    assert not problems.errors, problems.errors
    return {
        page.path: page.content if isinstance(page.content, str) else page.content.decode("utf-8", "replace")
        for page in render(site, BuildFacts(), parallel=False)
    }


def files(pages: dict[str, str], suffix: str) -> dict[str, str]:
    found = {path: text for path, text in pages.items() if path.endswith(suffix)}
    assert found, f"no {suffix} file"
    return found


def test_a_hostile_article_cannot_inject_into_any_download(pages):
    for path, text in files(pages, ".csv").items():
        rows = list(csv.reader(io.StringIO(text, newline="")))
        assert len({len(row) for row in rows}) == 1, f"{path}: a row split or merged"
        bad = [cell for row in rows for cell in row if cell[:1] in FORMULA and cell]
        assert not bad, f"{path}: live formulas {bad[:3]}"
    for lang in ("en", "id"):
        claims = pages[f"{lang}/assets/data/claims.csv"]
        cells = [cell for row in csv.reader(io.StringIO(claims, newline="")) for cell in row]
        for n, formula in enumerate(FORMULAS, 1):
            assert f"'{formula} starts invented paragraph {n}." in cells
        figures = list(csv.DictReader(io.StringIO(pages[f"{lang}/assets/data/figures.csv"], newline="")))
        invented = next(row for row in figures if row["id"] == "invented-figure")
        assert invented["quote"] == "'@SUM(1+1) starts invented paragraph 2"
        assert (invented["label_id"], invented["label_en"], invented["value"]) == (
            "'=1+1 angka rekaan",
            "'-1 invented figure",
            "2",
        )

    parser_args = {"ignore_nonstandard_types": False, "common_strings": False, "interpolate_strings": False}
    for path, text in files(pages, ".bib").items():
        entries = bibtexparser.loads(text, BibTexParser(**parser_args)).entries
        assert len(entries) == text.count("\n@") + text.startswith("@") > 0, path
    hostile = [text for path, text in files(pages, ".bib").items() if "900_hostile" in path]
    assert hostile
    for text in hostile:
        entries = bibtexparser.loads(text, BibTexParser(**parser_args)).entries
        assert len(entries) == 2 + len(FORMULAS)  # the article, its headline and each paragraph
        assert {e["organization"] for e in entries} == {"Invented \\textbraceright{} Press ER  -  TY  - JOUR"}

    for path, text in files(pages, ".ris").items():
        records = rispy.loads(text)
        assert len(records) == len(re.findall(r"^TY  - ", text, re.M)) == text.count("\nER  -")
        if "900_hostile" in path:
            assert len(records) == 2 + len(FORMULAS)
            assert {r["publisher"] for r in records} == {"Invented } Press ER  -  TY  - JOUR"}

    for text in files(pages, ".json").values():
        json.loads(text)
    for text in files(pages, ".ics").values():
        assert len(icalendar.Calendar.from_ical(text).walk("VEVENT")) == text.count("BEGIN:VEVENT")
    hostile_pages = [text for path, text in pages.items() if path.endswith(".md") and "900_hostile" in path]
    assert len(hostile_pages) == 2  # its page in each language
    template = jinja2.Environment(autoescape=True).from_string(
        '<script type="application/ld+json">{{ schema | tojson }}</script>'
    )
    for text in hostile_pages:
        schema = yaml.safe_load(text.split("---\n")[1])["schema"]
        assert "</script>" in json.dumps(schema, ensure_ascii=False)
        (script,) = scripts_in(template.render(schema=schema))  # as the theme prints it
        assert json.loads(script) == schema
