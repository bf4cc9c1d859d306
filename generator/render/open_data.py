"""Open data: the key figures, the timeline, the glossary and the actors as files to reuse.

Written into each language's tree at ``assets/data/`` beside the claims ledger's files
(``generator/render/ledger.py``). The figures, timeline, glossary and actors files hold every language
at once (names, labels and texts keyed by language code), so they are the same bytes in every
tree; ``timeline.ics`` (a calendar shows one language) and ``README.txt`` are in the tree's
language. Every file is made from the site model alone, so two builds of the same sources give
the same bytes: no clock is read.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace

import icalendar
from markupsafe import Markup

from generator.link.graph import certainty, cited_documents
from generator.model import (
    Cited,
    Document,
    Entry,
    Event,
    PageKey,
    Paragraph,
    Resolver,
    Site,
    Statement,
    StoryPage,
    inline,
    refs_in,
)
from generator.model.dates import WEEKDAYS, PartialDate
from generator.model.words import ui
from generator.render import ledger, markdown_text
from generator.render.addresses import url_path
from generator.render.formats import format_value

DATA = "assets/data"
README = "README.txt"
FILES = (
    ("figures.csv", "text/csv"),
    ("figures.json", "application/json"),
    ("timeline.json", "application/json"),
    ("timeline.ics", "text/calendar"),
    ("glossary.json", "application/json"),
    ("actors.json", "application/json"),
)
"""The files this module writes, beside ``README.txt``, with their media types."""
LEDGER_FILES = (("claims.csv", "text/csv"), ("claims.json", "application/json"))
"""The claims ledger's files (``generator/render/ledger.py``), listed with the others."""

FIGURE_COLUMNS = (
    "id",
    "page",
    "value",
    "unit",
    "shown_{lang}",
    "label_{lang}",
    "note_{lang}",
    "document",
    "paragraph",
    "document_type",
    "publisher",
    "address_{lang}",
    "quote",
    "quote_language",
)
"""Columns of ``figures.csv``; ``{lang}`` stands for one column per language of the site."""

FIELDS = {
    "claims.csv": ledger.FIELDS,
    "claims.json": (
        "claims[].language",
        "claims[].page",
        "claims[].page_kind",
        "claims[].page_id",
        "claims[].sentence",
        "claims[].cites",
    ),
    "figures.json": (
        "licence",
        "figures[].id",
        "figures[].page",
        "figures[].value",
        "figures[].unit",
        "figures[].shown",
        "figures[].label",
        "figures[].note",
        "figures[].source",
        "figures[].quote",
        "figures[].quote_language",
        "figures[].address",
        "charts[]",
    ),
    "timeline.json": (
        "licence",
        "events[].page",
        "events[].anchor",
        "events[].address",
        "events[].date",
        "events[].year",
        "events[].month",
        "events[].day",
        "events[].precision",
        "events[].date_kind",
        "events[].date_label",
        "events[].shown",
        "events[].certainty",
        "events[].text",
        "events[].reasoning",
        "events[].weekday",
        "events[].calendar_years",
        "events[].in_calendar",
    ),
    "entries": (
        "licence",
        "{items}[].id",
        "{items}[].kind",
        "{items}[].category",
        "{items}[].category_label",
        "{items}[].name",
        "{items}[].aliases",
        "{items}[].expansions",
        "{items}[].address",
        "{items}[].{summary}",
        "{items}[].sections",
        "{items}[].quotes",
        "{items}[].related",
        "{items}[].relations",
    ),
}
"""What README.txt describes for each JSON file (described in the locales, ``open_data.fields``)."""
ENTRY_FILES = {
    "term": ("glossary.json", "terms", "definition"),
    "actor": ("actors.json", "actors", "summary"),
}
"""Entry kind -> (file, the list's name, the name of the entry's one-sentence text)."""


# Shared pieces ---------------------------------------------------------------------------


def addresses(site: Site, key: PageKey, anchor: str = "") -> dict[str, str]:
    """Where a page (and an anchor on it) is in every language, from the site's root."""
    return {
        lang: url_path(site, key, lang) + (f"#{anchor}" if anchor else "") for lang in site.config.languages
    }


def licence(site: Site) -> dict | None:
    """``data_licence:`` of ``sources/site.yml`` (``{"name", "url"}``), None when none is set."""
    return dict(site.config.data_licence) if site.config.data_licence else None


def cite(site: Site, doc: Document, para: Paragraph | None) -> dict:
    """A cited paragraph (or a document's own data): what it is and where it is on the site."""
    return {
        "document": doc.id,
        "paragraph": para.key if para else None,
        "document_type": doc.meta.type,
        "publisher": doc.meta.publisher,
        "address": addresses(site, ("source", doc.id), para.anchor if para else ""),
    }


def cites(site: Site, resolver: Resolver, refs: list[str]) -> list[dict]:
    """The citations ``refs`` resolve to, each once, in the order written."""
    out, seen = [], set()
    for ref in refs:
        found = resolver.resolve(ref)
        if not isinstance(found, Cited):
            continue
        key = (found.document.id, found.paragraph.key if found.paragraph else None)
        if key not in seen:
            seen.add(key)
            out.append(cite(site, found.document, found.paragraph))
    return out


def plain(text: str) -> str:
    """The words a reader sees, without footnotes or markup (a link written ``[*words*](...)``
    shows its words in italics: here, just the words)."""
    parts = []
    for token in inline.parse(text):
        if isinstance(token, inline.Text | inline.Emphasis):
            parts.append(token.value)
        elif isinstance(token, inline.Link):
            label = token.label
            parts.append(label[1:-1] if len(label) > 2 and label[0] == label[-1] == "*" else label)
    return re.sub(r"\s+([.,;:!?])", r"\1", " ".join("".join(parts).split()))


def statement(site: Site, resolver: Resolver, text: Statement) -> dict:
    """A text as the reader sees it in every language, with the paragraphs it cites."""
    refs = [ref for lang in site.config.languages for ref in refs_in(text.text.get(lang, ""))]
    return {
        "text": {lang: plain(text.text.get(lang, "")) for lang in site.config.languages},
        "cites": cites(site, resolver, refs),
    }


def per_language(site: Site, value) -> dict[str, str]:
    """``{lang: value(lang)}`` for every language of the site."""
    return {lang: value(lang) for lang in site.config.languages}


def stories(site: Site, layout: str) -> list[StoryPage]:
    return [p for p in site.pages if p.layout == layout]  # in navigation order (load_pages)


def as_json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


# Figures ---------------------------------------------------------------------------------


def figure_records(site: Site, resolver: Resolver) -> list[dict]:
    """Every figure of every figures page, in the pages' order."""
    out = []
    for story in stories(site, "figures"):
        for figure in story.figures:
            found = resolver.resolve(figure.source)
            source = cite(site, found.document, found.paragraph) if isinstance(found, Cited) else None
            out.append(
                {
                    "id": figure.id,
                    "page": story.id,
                    "value": number(figure.value),
                    "unit": figure.unit,
                    "shown": per_language(site, lambda lang, f=figure: format_value(f.value, f.unit, lang)),
                    "label": {lang: figure.label.get(lang, "") for lang in site.config.languages},
                    "note": statement(site, resolver, figure.note) if figure.note else None,
                    "source": source,
                    "quote": figure.quote,
                    "quote_language": found.document.meta.language if isinstance(found, Cited) else None,
                    "address": addresses(site, ("page", story.id)),
                }
            )
    return out


def chart_records(site: Site) -> list[dict]:
    return [
        {
            "id": chart.id,
            "page": story.id,
            "title": dict(chart.title),
            "description": dict(chart.description),
            "figures": list(chart.figures),
        }
        for story in stories(site, "figures")
        for chart in story.charts
    ]


def columns(site: Site) -> list[str]:
    """The header of ``figures.csv``, one column per language where a column has ``{lang}``."""
    out = []
    for name in FIGURE_COLUMNS:
        out += [name.format(lang=lang) for lang in site.config.languages] if "{lang}" in name else [name]
    return out


def figures_csv(site: Site, records: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns(site))
    for record in records:
        source = record["source"] or {}
        values = {
            "id": record["id"],
            "page": record["page"],
            "value": record["value"],
            "unit": record["unit"],
            "document": source.get("document", ""),
            "paragraph": source.get("paragraph") or "",
            "document_type": source.get("document_type", ""),
            "publisher": source.get("publisher") or "",
            "quote": record["quote"],
            "quote_language": record["quote_language"] or "",
        }
        for lang in site.config.languages:
            values[f"shown_{lang}"] = record["shown"][lang]
            values[f"label_{lang}"] = record["label"][lang]
            values[f"note_{lang}"] = record["note"]["text"][lang] if record["note"] else ""
            values[f"address_{lang}"] = source.get("address", {}).get(lang, "")
        writer.writerow([values[name] for name in columns(site)])
    return out.getvalue()


# Timeline --------------------------------------------------------------------------------


def anchors(story: StoryPage) -> list[tuple[Event, str]]:
    """The page's events in the order the timeline shows them, each with its anchor there
    (``d-2023-10``, a second event of that date ``d-2023-10-2``), as the template gives them."""
    taken, out = set(), []
    for event in sorted(story.events, key=lambda e: e.sort_key):
        wanted = name = f"d-{event.date.iso()}"
        n = 1
        while name in taken:
            n += 1
            name = f"{wanted}-{n}"
        taken.add(name)
        out.append((event, name))
    return out


def date_kind(event: Event) -> str:
    """``inferred`` when the date was worked out (the page says how), ``stated`` when printed."""
    return "inferred" if event.reasoning else "stated"


def event_certainty(event: Event, resolver: Resolver) -> str:
    refs = [ref for text in event.text.text.values() for ref in refs_in(text)]
    return certainty(event.certainty, cited_documents(refs, resolver))


def calendar_check(event: Event, lang: str) -> str:
    """The calendar check behind an inferred date, as the timeline page words it."""
    if not event.between:
        return ""
    words = ui(lang)
    day_month = PartialDate(2000, event.date.month, event.date.day).format(words["months"])[:-5]
    return words["calendar_check"].format(
        start=event.between[0],
        end=event.between[1],
        day=day_month,
        weekday=words["weekdays"][WEEKDAYS.index(event.weekday)],
        years=", ".join(str(y) for y in event.candidate_years()),
    )


def event_records(site: Site, resolver: Resolver) -> list[dict]:
    """Every event of every timeline page, in the order the pages show them."""
    out = []
    for story in stories(site, "timeline"):
        for event, anchor in anchors(story):
            kind = date_kind(event)
            out.append(
                {
                    "page": story.id,
                    "anchor": anchor,
                    "address": addresses(site, ("page", story.id), anchor),
                    "date": event.date.iso(),
                    "year": event.date.year,
                    "month": event.date.month or None,
                    "day": event.date.day or None,
                    "precision": event.date.precision,
                    "date_kind": kind,
                    "date_label": per_language(
                        site, lambda lang, k=kind, e=event: ui(lang)[f"date_{k}"][e.date.precision]
                    ),
                    "shown": per_language(site, lambda lang, e=event: e.date.format(ui(lang)["months"])),
                    "certainty": event_certainty(event, resolver),
                    "text": statement(site, resolver, event.text),
                    "reasoning": (
                        statement(site, resolver, event.reasoning)
                        | {
                            "calendar_check": per_language(
                                site, lambda lang, e=event: calendar_check(e, lang)
                            )
                        }
                        if event.reasoning
                        else None
                    ),
                    "weekday": event.weekday,
                    "calendar_years": event.candidate_years(),
                    "in_calendar": event.date.precision == "day",
                }
            )
    return out


def stamp(site: Site, records: list[dict]) -> datetime:
    """DTSTAMP of every calendar event: not the time of the build (two builds must give the same
    bytes) but the newest date the collection itself records, a publication, correction or
    removal date, else the latest event; midnight UTC."""
    dates = [doc.meta.date for doc in site.documents if doc.meta.date]
    dates += [c.date for doc in site.documents if doc.record for c in doc.record.corrections]
    dates += [record.removed.date for record in site.removed.values() if record.removed]
    dates = dates or [date(r["year"], r["month"], r["day"]) for r in records if r["in_calendar"]]
    newest = max(dates, default=date(1970, 1, 1))
    return datetime(newest.year, newest.month, newest.day, tzinfo=UTC)


def first_sentence(text: str) -> str:
    parts = inline.sentences(text)
    return parts[0] if parts else text


def timeline_ics(site: Site, records: list[dict], lang: str) -> str:
    """The events dated to the day as all-day calendar events in ``lang``. An event dated only to
    a month or a year has no day to put in a calendar: it is left out (README.txt says so),
    never given a day of our making. Inferred dates say so in SUMMARY, DESCRIPTION and
    ``X-EXPLAINER-DATE-KIND``."""
    words = ui(lang)
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//{site.config.title[lang]}//{words['open_data']['heading']}//{lang.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    pages = {p.id: p for p in site.pages}
    names = sorted({pages[r["page"]].title[lang] for r in records})
    calendar.add("x-wr-calname", " \u00b7 ".join([*names, site.config.title[lang]]))
    dtstamp = stamp(site, records)
    for record in records:
        if not record["in_calendar"]:
            continue
        day = date(record["year"], record["month"], record["day"])
        markers = [record["date_label"][lang]] if record["date_kind"] == "inferred" else []
        markers += (
            [words["certainty"][record["certainty"]]] if record["certainty"] in words["certainty"] else []
        )
        text = record["text"]["text"][lang]
        summary = first_sentence(text)
        if markers:
            summary = f"[{', '.join(markers)}] {summary}"
        label = record["date_label"][lang]
        lines = [text, "", f"{label[:1].upper()}{label[1:]}: {record['shown'][lang]}."]
        if record["reasoning"]:
            check = record["reasoning"]["calendar_check"][lang]
            lines.append(
                " ".join(p for p in (words["inferred_how"], record["reasoning"]["text"][lang], check) if p)
            )
        sources = record["text"]["cites"] + (record["reasoning"]["cites"] if record["reasoning"] else [])
        sources = [c for i, c in enumerate(sources) if c not in sources[:i]]
        if sources:
            lines += ["", words["open_data"]["ics_sources"]]
            lines += [f"- {c['address'][lang]}" for c in sources]
        lines += ["", f"{words['open_data']['ics_page']}: {record['address'][lang]}"]
        event = icalendar.Event()
        event.add("uid", f"{record['page']}-{record['anchor']}")
        event.add("dtstamp", dtstamp)
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        event.add("summary", summary)
        event.add("description", "\n".join(lines))
        event.add("x-explainer-date-kind", record["date_kind"])
        event.add("x-explainer-certainty", record["certainty"])
        calendar.add_component(event)
    return calendar.to_ical().decode("utf-8")


# Glossary and actors ---------------------------------------------------------------------


def entry_record(site: Site, resolver: Resolver, entry: Entry) -> dict:
    """An entry with everything its page shows: names, texts and their citations, quotes,
    related entries and relations with how sure each is."""
    summary = ENTRY_FILES[entry.kind][2]
    related = site.related.get(entry.key, [])
    return {
        "id": entry.id,
        "kind": entry.kind,
        "category": entry.category,
        "category_label": (
            per_language(site, lambda lang: ui(lang)["actor_kinds"][entry.category])
            if entry.category
            else None
        ),
        "name": {lang: entry.name.get(lang, "") for lang in site.config.languages},
        "aliases": {lang: list(entry.aliases.get(lang, ())) for lang in site.config.languages},
        "expansions": {alias: dict(text) for alias, text in sorted(entry.expansions.items())},
        "address": addresses(site, entry.key),
        summary: statement(site, resolver, entry.summary),
        "sections": {
            name: [statement(site, resolver, item) for item in items]
            for name, items in entry.sections.items()
        },
        "quotes": [quote_record(site, resolver, quote) for quote in entry.quotes],
        "related": {
            "terms": sorted(item for kind, item in related if kind == "term"),
            "actors": sorted(item for kind, item in related if kind == "actor"),
        },
        "relations": [
            {
                "type": relation.type,
                "label": per_language(site, lambda lang, r=relation: ui(lang)["relations"][r.type]),
                "source": {"kind": relation.source[0], "id": relation.source[1]},
                "target": {"kind": relation.target[0], "id": relation.target[1]},
                "certainty": certainty(relation.certainty, cited_documents([relation.cite], resolver)),
                "cites": cites(site, resolver, [relation.cite]),
            }
            for relation in entry.relations
        ],
    }


def quote_record(site: Site, resolver: Resolver, quote) -> dict:
    found = resolver.resolve(quote.source)
    return {
        "text": quote.text,
        "language": found.document.meta.language if isinstance(found, Cited) else None,
        "translation": {lang: text for lang, text in sorted(quote.translation.items())},
        "speaker": {"kind": "actor", "id": quote.speaker} if quote.speaker else None,
        "cites": cites(site, resolver, [quote.source]),
    }


def entries_json(site: Site, resolver: Resolver, kind: str) -> str:
    _, items, _ = ENTRY_FILES[kind]
    found = sorted((e for e in site.entries if e.kind == kind), key=lambda e: e.id)
    return as_json({"licence": licence(site), items: [entry_record(site, resolver, e) for e in found]})


# README and the method page --------------------------------------------------------------


def catalogue(site: Site, lang: str) -> list[SimpleNamespace]:
    """Every file of the open data with what it holds in ``lang``: the ledger's first, then
    this module's, then the README."""
    words = ui(lang)["open_data"]["files"]
    names = [name for name, _ in LEDGER_FILES + FILES] + [README]
    return [SimpleNamespace(name=name, what=words[name]) for name in names]


def field_lines(site: Site, name: str, lang: str) -> list[str]:
    """README lines describing each column or field of the file ``name``."""
    words = ui(lang)["open_data"]
    languages = site.config.languages
    if name == "figures.csv":
        return [
            "  "
            + ", ".join(spec.format(lang=code) for code in languages)
            + ": "
            + words["fields"]["figures.csv"][spec]
            if "{lang}" in spec
            else f"  {spec}: {words['fields']['figures.csv'][spec]}"
            for spec in FIGURE_COLUMNS
        ]
    if name in FIELDS:
        return [f"  {spec}: {words['fields'][name][spec]}" for spec in FIELDS[name]]
    if name in ("glossary.json", "actors.json"):
        kind = next(k for k, (file, _, _) in ENTRY_FILES.items() if file == name)
        _, items, summary = ENTRY_FILES[kind]
        lines = []
        for spec in FIELDS["entries"]:
            path = spec.format(items=items, summary=summary)
            lines.append(
                f"  {path}: {words['fields']['entries'][spec.format(items='items', summary='summary')]}"
            )
        return lines
    return []


def readme(site: Site, lang: str, left_out: int) -> str:
    """``README.txt`` of the bundle in ``lang``: every file and field, where the data come from,
    the licence (or that none is set) and that quoted words stay their publishers'."""
    words = ui(lang)["open_data"]
    title = f"{site.config.title[lang]}: {words['heading']}"
    found = licence(site)
    parts = [title, "=" * len(title), "", words["readme_intro"], "", words["readme_origin"], ""]
    parts += [words["readme_addresses"], "", words["readme_languages"], ""]
    parts += [words["licence_heading"], "-" * len(words["licence_heading"])]
    parts += [
        words["licence"].format(licence=f"{found['name']} ({found['url']})") if found else words["no_licence"]
    ]
    parts += ["", words["quotes_note"], ""]
    parts += [words["readme_files"], "-" * len(words["readme_files"]), "", words["readme_cites"]]
    for item in catalogue(site, lang):
        parts += ["", f"{item.name}: {item.what}"]
        if item.name == "timeline.ics":
            parts.append("  " + words["readme_ics"].format(count=left_out))
        parts += field_lines(site, item.name, lang)
    parts += ["", words["readme_cite"], ""]
    return "\n".join(parts)


def with_link(sentence: str, slot: str, label: str, url: str) -> Markup:
    """``sentence`` as Markdown with ``{slot}`` a link to ``url``; the words stay escaped."""
    before, _, after = sentence.partition("{" + slot + "}")
    return Markup(markdown_text.escape(before) + markdown_text.link(label, url) + markdown_text.escape(after))


def licence_markdown(site: Site, lang: str) -> Markup:
    """The licence statement of a page: the licence named with its link, or that none is set."""
    words = ui(lang)["open_data"]
    found = licence(site)
    if not found:
        return markdown_text.escape(words["no_licence"])
    return with_link(words["licence"], "licence", found["name"], found["url"])


def download_line(page, names: list[str]) -> Markup:
    """``This page's data for download: CSV, JSON (what each file holds).``"""
    words = page.ui["open_data"]
    links = ", ".join(
        markdown_text.link(name.rsplit(".", 1)[1].upper(), page.data_url(name)) for name in names
    )
    readme = markdown_text.link(words["readme_link"], page.data_url(README))
    return Markup(f"{markdown_text.escape(words['download'])}: {links} ({readme}).")


# Every file ------------------------------------------------------------------------------


def files(site: Site) -> list[tuple[str, str]]:
    """``(path in the docs tree, text)`` of every open data file in every language."""
    resolver = site.resolver
    figures = figure_records(site, resolver)
    events = event_records(site, resolver)
    shared = {
        "figures.csv": figures_csv(site, figures),
        "figures.json": as_json(
            {"licence": licence(site), "figures": figures, "charts": chart_records(site)}
        ),
        "timeline.json": as_json({"licence": licence(site), "events": events}),
        "glossary.json": entries_json(site, resolver, "term"),
        "actors.json": entries_json(site, resolver, "actor"),
    }
    left_out = sum(1 for event in events if not event["in_calendar"])
    out = []
    for lang in site.config.languages:
        own = dict(shared) | {
            "timeline.ics": timeline_ics(site, events, lang),
            README: readme(site, lang, left_out),
        }
        out += [(f"{lang}/{DATA}/{name}", own[name]) for name, _ in FILES] + [
            (f"{lang}/{DATA}/{README}", own[README])
        ]
    return out
