"""Open data: every file parses, says what its page shows, cites paragraphs that exist, and is
offered by its page, listed on the method page with the licence and described in the README.

Built from the frozen collection; counts of figures, events, terms and actors are never assumed.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import urljoin

import icalendar
import pytest
import yaml

from generator.cli import main
from generator.model import refs_in, statements
from generator.model.words import ui
from generator.pipeline import build
from generator.render import open_data
from generator.render.addresses import url_path
from tests.conftest import ENGLISH_FIRST, SOURCES, copy_collection

LANGS = ("id", "en")
SHARED = ("figures.csv", "figures.json", "timeline.json", "glossary.json", "actors.json")
"""Files that hold every language and so are the same bytes in every language's tree."""


def data(built: Path, lang: str, name: str) -> Path:
    return built / root_of(lang) / "assets/data" / name


def root_of(lang: str) -> str:
    return "" if lang == LANGS[0] else f"{lang}/"


def load(built: Path, lang: str, name: str):
    return json.loads(data(built, lang, name).read_text(encoding="utf-8"))


def page_html(built: Path, address: str) -> str:
    """The built page at ``address`` (from the site's root, anchor ignored)."""
    path = address.split("#", 1)[0]
    return (built / path / "index.html").read_text(encoding="utf-8")


def text_of(fragment: str) -> str:
    """The words of an HTML fragment, without its tags and heading permalink."""
    fragment = re.sub(r'<a class="headerlink".*?</a>', "", fragment)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def story(site, layout: str):
    found = [p for p in site.pages if p.layout == layout]
    assert found, f"the frozen collection has a {layout} page"
    return found


def all_cites(value) -> list[dict]:
    """Every citation object anywhere in a JSON value."""
    if isinstance(value, dict):
        own = [value] if {"document", "paragraph", "address"} <= value.keys() else []
        return own + [c for v in value.values() for c in all_cites(v)]
    if isinstance(value, list):
        return [c for v in value for c in all_cites(v)]
    return []


def nested(value) -> list[dict]:
    """Every object in a JSON value, itself included."""
    if isinstance(value, dict):
        return [value] + [n for v in value.values() for n in nested(v)]
    if isinstance(value, list):
        return [n for v in value for n in nested(v)]
    return []


def fields_of(value: dict, name: str) -> set[str]:
    """The README's names for the fields of a JSON file: top-level keys, ``list[].key`` for the
    items of a list of objects, ``list[]`` for a list described as a whole."""
    found = set()
    for key, item in value.items():
        if isinstance(item, list) and item and isinstance(item[0], dict) and key != "charts":
            found |= {f"{key}[].{sub}" for element in item for sub in element}
        elif isinstance(item, list):
            found.add(f"{key}[]")
        else:
            found.add(key)
    return found


# Files -------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_every_file_is_written_and_parses(built, lang):
    for item in open_data.catalogue(None, lang):
        path = data(built, lang, item.name)
        assert path.is_file() and path.stat().st_size > 0, path
        text = path.read_text(encoding="utf-8")
        if item.name.endswith(".json"):
            json.loads(text)
        elif item.name.endswith(".csv"):
            rows = list(csv.reader(io.StringIO(text)))
            assert rows and all(len(row) == len(rows[0]) for row in rows), item.name
        elif item.name.endswith(".ics"):
            assert icalendar.Calendar.from_ical(text).name == "VCALENDAR"


def test_bilingual_files_are_the_same_in_every_language_and_the_rest_are_not(built):
    for name in SHARED:
        assert data(built, "id", name).read_bytes() == data(built, "en", name).read_bytes(), name
    for name in ("timeline.ics", open_data.README):
        assert data(built, "id", name).read_bytes() != data(built, "en", name).read_bytes(), name


def test_the_same_sources_give_the_same_bytes_and_no_clock_is_read(site):
    again, _ = build(SOURCES)
    assert open_data.files(site) == open_data.files(again)
    calendar = icalendar.Calendar.from_ical(dict(open_data.files(site))["en/assets/data/timeline.ics"])
    newest = max(doc.meta.date for doc in site.documents if doc.meta.date)
    stamps = {vevent.decoded("DTSTAMP") for vevent in calendar.walk("VEVENT")}
    assert stamps == {datetime(newest.year, newest.month, newest.day, tzinfo=UTC)}


# Figures -----------------------------------------------------------------------------------


def test_figures_are_the_figures_the_page_shows(site, built):
    records = load(built, "id", "figures.json")["figures"]
    expected = [(page.id, figure) for page in story(site, "figures") for figure in page.figures]
    assert [(r["page"], r["id"]) for r in records] == [(p, f.id) for p, f in expected]
    resolver = site.resolver
    for record, (_, figure) in zip(records, expected, strict=True):
        found = resolver.cited(figure.source)
        doc, para = found.document, found.paragraph
        assert record["value"] == figure.value and record["unit"] == figure.unit
        assert record["quote"] == figure.quote and figure.quote in para.text
        assert record["quote_language"] == doc.meta.language
        assert (record["source"]["document"], record["source"]["paragraph"]) == (doc.id, para.key)
        assert record["label"] == {lang: figure.label[lang] for lang in LANGS}
    for lang in LANGS:
        for page in story(site, "figures"):
            shown = page_html(built, url_path(site, ("page", page.id), lang))
            cells = [text_of(c) for c in re.findall(r"<td><strong>(.*?)</strong>", shown)]
            own = [r for r in records if r["page"] == page.id]
            assert cells == [r["shown"][lang] for r in own], lang
            assert all(html.escape(r["label"][lang], quote=False) in shown for r in own)


def test_the_csv_holds_the_json_figures_row_for_row(built):
    records = load(built, "en", "figures.json")["figures"]
    rows = list(csv.DictReader(io.StringIO(data(built, "en", "figures.csv").read_text(encoding="utf-8"))))
    assert len(rows) == len(records) > 0
    for row, record in zip(rows, records, strict=True):
        assert row["id"] == record["id"] and float(row["value"]) == record["value"]
        assert (row["document"], row["paragraph"]) == (
            record["source"]["document"],
            record["source"]["paragraph"],
        )
        assert row["quote"] == record["quote"]
        for lang in LANGS:
            assert row[f"label_{lang}"] == record["label"][lang]
            assert row[f"shown_{lang}"] == record["shown"][lang]
            assert row[f"address_{lang}"] == record["source"]["address"][lang]
            assert row[f"note_{lang}"] == (record["note"]["text"][lang] if record["note"] else "")


# Timeline ----------------------------------------------------------------------------------


def test_timeline_events_keep_their_dates_as_precise_as_given_and_stated_or_inferred(site, built):
    events = load(built, "id", "timeline.json")["events"]
    expected = [event for page in story(site, "timeline") for event in page.events]
    assert sorted((e["date"], e["date_kind"]) for e in events) == sorted(
        (e.date.iso(), "inferred" if e.reasoning else "stated") for e in expected
    )
    assert {"stated", "inferred"} <= {e["date_kind"] for e in events}, "the fixture has both kinds"
    assert any(e["precision"] != "day" for e in events), "the fixture has partial dates"
    for event in events:
        assert event["precision"] == ("day" if event["day"] else "month" if event["month"] else "year")
        assert event["date"].count("-") == {"year": 0, "month": 1, "day": 2}[event["precision"]]
        assert (event["reasoning"] is not None) == (event["date_kind"] == "inferred")
        assert event["certainty"] in site.config.vocabulary.ids("certainties")
        assert event["in_calendar"] == (event["precision"] == "day")


@pytest.mark.parametrize("lang", LANGS)
def test_each_event_is_on_the_timeline_page_with_its_date_and_label(built, lang):
    for event in load(built, lang, "timeline.json")["events"]:
        shown = page_html(built, event["address"][lang])
        anchor = event["address"][lang].split("#", 1)[1]
        line = re.search(rf'<p class="event-date" id="{re.escape(anchor)}">(.*?)</p>', shown)
        assert line, anchor
        assert event["shown"][lang] in text_of(line[1]) and event["date_label"][lang] in text_of(line[1])
        words = ui(lang)["date_inferred" if event["date_kind"] == "inferred" else "date_stated"]
        assert event["date_label"][lang] == words[event["precision"]]


@pytest.mark.parametrize("lang", LANGS)
def test_the_calendar_has_every_event_dated_to_the_day_and_no_other(built, lang):
    events = load(built, lang, "timeline.json")["events"]
    calendar = icalendar.Calendar.from_ical(data(built, lang, "timeline.ics").read_bytes())
    found = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    wanted = {f"{e['page']}-{e['anchor']}": e for e in events if e["in_calendar"]}
    assert found.keys() == wanted.keys() and wanted
    marker = ui(lang)["date_inferred"]["day"]
    for uid, vevent in found.items():
        event = wanted[uid]
        start = vevent.decoded("DTSTART")
        assert type(start) is date, "an all-day event, no invented time"
        assert start == date(event["year"], event["month"], event["day"])
        assert str(vevent["X-EXPLAINER-DATE-KIND"]) == event["date_kind"]
        assert str(vevent["X-EXPLAINER-CERTAINTY"]) == event["certainty"]
        summary, description = str(vevent["SUMMARY"]), str(vevent["DESCRIPTION"])
        assert (marker in summary) == (event["date_kind"] == "inferred")
        assert event["date_label"][lang][1:] in description
    left_out = sum(1 for e in events if not e["in_calendar"])
    readme = " ".join(data(built, lang, open_data.README).read_text(encoding="utf-8").split())
    assert " ".join(ui(lang)["open_data"]["readme_ics"].format(count=left_out).split()) in readme


# Glossary and actors -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "name", "items"), [("term", "glossary.json", "terms"), ("actor", "actors.json", "actors")]
)
def test_every_entry_is_there_with_the_names_its_pages_show(site, built, kind, name, items):
    records = {r["id"]: r for r in load(built, "id", name)[items]}
    entries = {e.id: e for e in site.entries if e.kind == kind}
    assert records.keys() == entries.keys() and records
    for lang in LANGS:
        index = page_html(built, url_path(site, (kind, "index"), lang))
        listed = {text_of(dt) for dt in re.findall(r"<dt>(.*?)</dt>", index, re.DOTALL)}
        for entry_id, record in records.items():
            entry = entries[entry_id]
            assert record["name"][lang] == entry.name[lang] and record["name"][lang] in listed
            assert record["aliases"][lang] == list(entry.aliases.get(lang, ()))
            assert record["category"] == entry.category and record["kind"] == kind
            title = re.search(r"<h1[^>]*>(.*?)</h1>", page_html(built, record["address"][lang]), re.DOTALL)
            assert text_of(title[1]) == entry.name[lang]


@pytest.mark.parametrize(
    ("kind", "name", "items"), [("term", "glossary.json", "terms"), ("actor", "actors.json", "actors")]
)
def test_every_statement_carries_its_citations_and_relations_their_certainty(site, built, kind, name, items):
    resolver = site.resolver
    summary = open_data.ENTRY_FILES[kind][2]
    for record in load(built, "en", name)[items]:
        entry = site.entry((kind, record["id"]))
        texts = [record[summary]] + [s for group in record["sections"].values() for s in group]
        model = list(statements(entry))
        assert len(texts) == len(model)
        for text, statement in zip(texts, model, strict=True):
            refs = [ref for lang in LANGS for ref in refs_in(statement.text[lang])]
            wanted = set()
            for ref in refs:
                found = resolver.cited(ref)
                doc, para = found.document, found.paragraph
                wanted.add((doc.id, para.key if para else None))
            assert {(c["document"], c["paragraph"]) for c in text["cites"]} == wanted
            assert all("[@" not in text["text"][lang] for lang in LANGS)
        assert len(record["relations"]) == len(entry.relations)
        for relation, model_relation in zip(record["relations"], entry.relations, strict=True):
            assert relation["type"] == model_relation.type
            assert relation["certainty"] in site.config.vocabulary.ids("certainties")
            assert relation["cites"] and relation["target"]["id"] == model_relation.target[1]
        related = {(k, i) for k, i in site.related.get(entry.key, [])}
        assert {("term", i) for i in record["related"]["terms"]} | {
            ("actor", i) for i in record["related"]["actors"]
        } == related


# Citations and links -----------------------------------------------------------------------


def test_every_citation_leads_to_an_existing_paragraph_anchor(site, built):
    checked = 0
    for name in ("figures.json", "timeline.json", "glossary.json", "actors.json"):
        for cite in all_cites(load(built, "id", name)):
            doc = site.document(cite["document"])
            assert cite["document_type"] == doc.meta.type
            for lang in LANGS:
                address = cite["address"][lang]
                assert address == url_path(site, ("source", doc.id), lang) + (
                    f"#p{cite['paragraph']}" if cite["paragraph"] else ""
                )
                shown = page_html(built, address)
                if cite["paragraph"]:
                    assert doc.paragraph(cite["paragraph"]) is not None
                    assert f'id="p{cite["paragraph"]}"' in shown, address
                checked += 1
    assert checked > 0


PAGES = {
    "figures": ["figures.csv", "figures.json"],
    "timeline": ["timeline.json", "timeline.ics"],
    "term": ["glossary.json"],
    "actor": ["actors.json"],
}


def offered(built: Path, address: str) -> dict[str, Path]:
    """The open data files a built page links to, by name, with the file each link reaches."""
    links = re.findall(r'href="([^"]*assets/data/[^"]+)"', page_html(built, address))
    return {link.rsplit("/", 1)[1]: built / urljoin("/" + address, link).lstrip("/") for link in links}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("which", PAGES)
def test_each_page_offers_its_files_and_the_links_lead_to_them(site, built, lang, which):
    if which in ("term", "actor"):
        addresses = [url_path(site, (which, "index"), lang)]
    else:
        addresses = [url_path(site, ("page", p.id), lang) for p in story(site, which)]
    for address in addresses:
        links = offered(built, address)
        assert set(PAGES[which]) | {open_data.README} <= links.keys(), address
        for target in links.values():
            assert target.is_file(), target
            assert target.parent == data(built, lang, "x").parent


@pytest.mark.parametrize("lang", LANGS)
def test_the_method_page_lists_every_file_and_the_licence(site, built, lang):
    address = url_path(site, ("page", story(site, "method")[0].id), lang)
    links = offered(built, address)
    assert set(links) == {item.name for item in open_data.catalogue(site, lang)}
    assert all(target.is_file() for target in links.values())
    licence = yaml.safe_load((SOURCES / "site.yml").read_text(encoding="utf-8"))["data_licence"]
    shown = page_html(built, address)
    assert f'<a href="{licence["url"]}">{html.escape(licence["name"])}</a>' in shown
    assert html.escape(ui(lang)["open_data"]["quotes_note"].split(":")[0], quote=False) in shown


@pytest.mark.parametrize("lang", LANGS)
def test_the_figures_dataset_names_its_downloads_and_licence_for_search_engines(site, built, lang):
    from tests.test_schema import head

    licence = yaml.safe_load((SOURCES / "site.yml").read_text(encoding="utf-8"))["data_licence"]
    for page in story(site, "figures"):
        address = url_path(site, ("page", page.id), lang)
        graphs = [json.loads(block) for block in head(built / address / "index.html").jsonld]
        nodes = [n for n in nested(graphs) if n.get("@type") == "Dataset"]
        assert len(nodes) == 1
        assert nodes[0]["license"] == licence["url"]
        urls = {d["contentUrl"]: d["encodingFormat"] for d in nodes[0]["distribution"]}
        assert {url.rsplit("/", 1)[1] for url in urls} == {"figures.csv", "figures.json"}
        for url in urls:
            assert (built / urljoin("/" + address, url).lstrip("/")).is_file(), url


# README ------------------------------------------------------------------------------------


def readme_sections(readme: str) -> dict[str, set[str]]:
    """``file name -> the fields its README section describes`` (``shown_id, shown_en: ...``
    describes two columns)."""
    sections: dict[str, set[str]] = {}
    current = None
    for line in readme.splitlines():
        head = re.match(r"^([\w.]+\.(?:csv|json|ics|txt)): ", line)
        if head:
            current = sections.setdefault(head[1], set())
        elif current is not None and line.startswith("  ") and re.match(r"^  [\w\[\]., {}]+: ", line):
            current |= {name.strip() for name in line.split(": ", 1)[0].split(",")}
        elif line.strip() and not line.startswith("  "):
            current = None  # the text after the last file
    return sections


@pytest.mark.parametrize("lang", LANGS)
def test_the_readme_describes_every_file_and_field_and_no_other(built, lang):
    readme = data(built, lang, open_data.README).read_text(encoding="utf-8")
    sections = readme_sections(readme)
    assert sections.keys() == {item.name for item in open_data.catalogue(None, lang)}
    for name in ("figures.csv", "claims.csv"):
        header = next(csv.reader(io.StringIO(data(built, lang, name).read_text(encoding="utf-8"))))
        assert sections[name] == set(header), name
    for name in ("figures.json", "timeline.json", "glossary.json", "actors.json", "claims.json"):
        assert sections[name] == fields_of(load(built, lang, name), name), name
    assert ui(lang)["open_data"]["quotes_note"] in readme
    licence = yaml.safe_load((SOURCES / "site.yml").read_text(encoding="utf-8"))["data_licence"]
    assert licence["name"] in readme and licence["url"] in readme


# Licence configuration ---------------------------------------------------------------------


def generate(sources: Path, out: Path) -> int:
    return main(["--sources", str(sources), "generate", "--out", str(out)])


def test_without_a_licence_the_site_says_none_is_set(tmp_path):
    sources = copy_collection(tmp_path / "sources")
    config = sources / "site.yml"
    config.write_text(re.sub(r"\ndata_licence:\n(  .*\n)+", "\n", config.read_text(encoding="utf-8")))
    assert "data_licence" not in config.read_text(encoding="utf-8")
    assert generate(sources, tmp_path / "docs") == 0
    site, _ = build(sources)
    method = next(p for p in site.pages if p.layout == "method")
    for lang in LANGS:
        words = ui(lang)["open_data"]
        page = (tmp_path / "docs" / lang / f"{method.slug[lang]}.md").read_text(encoding="utf-8")
        readme = (tmp_path / "docs" / lang / "assets/data" / open_data.README).read_text(encoding="utf-8")
        assert " ".join(words["no_licence"].split()) in " ".join(readme.split())
        assert words["no_licence"].split(":")[0] in page and "creativecommons" not in page + readme
        assert (
            json.loads((tmp_path / "docs" / lang / "assets/data/figures.json").read_text())["licence"] is None
        )


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("CC BY 4.0", "must give the licence's name and url"),
        ("{name: CC BY 4.0, url: nowhere}", "not a web address"),
    ],
)
def test_a_malformed_licence_is_refused_with_its_line(tmp_path, capsys, value, message):
    sources = copy_collection(tmp_path / "sources")
    config = sources / "site.yml"
    text = re.sub(r"\ndata_licence:\n(  .*\n)+", "\n", config.read_text(encoding="utf-8"))
    config.write_text(text + f"data_licence: {value}\n", encoding="utf-8")
    assert generate(sources, tmp_path / "docs") != 0
    err = capsys.readouterr().err
    assert "site.yml:" in err and message in err


@pytest.mark.parametrize("collection", [SOURCES, ENGLISH_FIRST], ids=["indonesian-first", "english-first"])
def test_the_editors_own_sentences_are_marked_in_the_entries_data_as_in_the_ledger(collection):
    """Each text of glossary.json and actors.json lists the sentences that carry the editors' mark
    (``editors_own``): they are the ledger's own rows of the terms and actors, sentence for
    sentence, each standing in its text."""
    from generator.render.ledger import claims

    site, _ = build(collection)
    files = dict(open_data.files(site))
    for lang in site.config.languages:
        marked = []
        for name in ("glossary.json", "actors.json"):
            data = json.loads(files[f"{lang}/assets/data/{name}"])
            texts = [value for value in walk(data) if isinstance(value, dict) and "editors_own" in value]
            assert texts, name
            for text in texts:
                for sentence in text["editors_own"][lang]:
                    assert sentence in text["text"][lang]
                marked += text["editors_own"][lang]
        rows = [c for c in claims(site, site.resolver, lang) if c.own and c.kind in ("term", "actor")]
        assert len(marked) == len(rows)


def walk(value):
    """Every value nested in ``value``, itself first."""
    yield value
    children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    for child in children:
        yield from walk(child)
