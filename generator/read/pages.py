"""Read the story pages (``sources/pages/<id>.yml``): overview, timeline, figures and the rest."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from generator.model import (
    PAGE_LAYOUTS,
    Chart,
    Event,
    Figure,
    Section,
    SiteConfig,
    StoryPage,
    Vocabulary,
)
from generator.model.dates import WEEKDAYS, calendar_error, parse_partial
from generator.model.problems import Problems
from generator.model.words import LOCALES, ui
from generator.read.documents import ID_PATTERN
from generator.read.entries import statement, statements
from generator.read.yaml_reader import Reader

COMMON_FIELDS = ("title", "description", "layout", "order", "slug", "intro", "sections", "voice")
VOICES = ("sources", "editors")
"""Whose words a page is: the sources' (every sentence cited or marked) or the editors' own."""
LAYOUT_FIELDS = {"timeline": ("events",), "figures": ("figures", "charts")}
SECTION_FIELDS = ("heading", "items")
EVENT_FIELDS = ("date", "text", "inferred", "certainty")
INFERRED_FIELDS = ("weekday", "between", "reasoning")
FIGURE_FIELDS = ("id", "value", "unit", "label", "source", "quote", "note")
CHART_FIELDS = ("id", "title", "description", "figures")


def nested(reader: Reader, path: tuple) -> Reader:
    """Point ``reader`` at a mapping nested at ``path`` (for line numbers)."""
    reader.prefix = path
    return reader


def load_sections(reader: Reader, data: dict) -> list[Section]:
    sections = []
    message = "each section needs a heading and items"
    for where, item in reader.mappings(
        data, "sections", SECTION_FIELDS, message, "start it with '- heading:'"
    ):
        nested(reader, where)
        heading = reader.text(item, "heading")
        items = statements(reader, item, "items")
        nested(reader, ())
        sections.append(Section(heading or {}, items, reader.doc.line(*where)))
    return sections


def years_range(reader: Reader, value: object) -> tuple[int, int] | None:
    """``between: [2021, 2026]``: the years an inferred date's calendar check searches."""
    if value is None:
        return None
    if isinstance(value, list) and len(value) == 2 and all(isinstance(y, int) for y in value):
        return (value[0], value[1])
    reader.error(("between",), "'between' must be two years", "e.g. between: [2021, 2026]")
    return None


def load_events(reader: Reader, data: dict, vocabulary: Vocabulary) -> list[Event]:
    events = []
    message = "each event needs a date and a text"
    for where, item in reader.mappings(
        data, "events", EVENT_FIELDS, message, "start it with '- date: 2023-10'"
    ):
        nested(reader, where)
        when = parse_partial(item.get("date"))
        if when is None:
            wrong = calendar_error(item.get("date"))
            reader.error(
                ("date",),
                f"'date' is {item.get('date')!r}" + (f": {wrong}" if wrong else ""),
                "write YYYY, YYYY-MM or YYYY-MM-DD",
            )
        text = statement(reader, item, "text")
        certainty = item.get("certainty")
        if certainty is not None and certainty not in vocabulary.ids("certainties"):
            reader.error(
                ("certainty",), f"certainty {certainty!r} is unknown", vocabulary.unknown("certainties")
            )
        reasoning, weekday, between = None, None, None
        inferred = item.get("inferred")
        if inferred is not None:
            if not isinstance(inferred, dict):
                texts = ", ".join(f"{lang}: ..." for lang in reader.languages)
                reader.error(("inferred",), "'inferred' needs a 'reasoning'", f"write reasoning: {{{texts}}}")
            else:
                nested(reader, (*where, "inferred")).check_fields(inferred, INFERRED_FIELDS)
                reasoning = statement(reader, inferred, "reasoning")
                weekday = inferred.get("weekday")
                if weekday is not None and weekday not in WEEKDAYS:
                    reader.error(
                        ("weekday",), f"'weekday' is {weekday!r}", f"use one of: {', '.join(WEEKDAYS)}"
                    )
                between = years_range(reader, inferred.get("between"))
        nested(reader, ())
        if when and text and (inferred is None or reasoning):  # else a stated date would be checked
            line = reader.doc.line(*where)
            events.append(Event(when, text, reasoning, weekday, between, line, certainty))
    return events


def load_figures(reader: Reader, data: dict, vocabulary: Vocabulary) -> list[Figure]:
    figures = []
    message = "each figure needs id, value, unit, label, source and quote"
    before = len(reader.problems)
    for where, item in reader.mappings(data, "figures", FIGURE_FIELDS, message, "start it with '- id:'"):
        nested(reader, where)
        value, unit = item.get("value"), item.get("unit")
        if not isinstance(value, int | float) or isinstance(value, bool):
            reader.error(("value",), f"'value' is {value!r}", "write the number, e.g. 125000000")
        if unit not in vocabulary.ids("units"):
            reader.error(("unit",), f"'unit' is {unit!r}", vocabulary.unknown("units"))
        label = reader.text(item, "label")
        note = statement(reader, item, "note", required=False)
        figure_id, source, quote = item.get("id"), item.get("source"), item.get("quote")
        for key, val in (("id", figure_id), ("source", source), ("quote", quote)):
            if not isinstance(val, str) or not val.strip():
                reader.missing((key,), f"a figure needs '{key}'", "see CONTRIBUTING.md")
        reader.uncut(("quote",), "quote")
        nested(reader, ())
        if len(reader.problems) == before and label is not None:  # no label is reported above
            line = reader.doc.line(*where)
            figures.append(
                Figure(figure_id, float(value), unit, label, source, " ".join(quote.split()), note, line)
            )
        before = len(reader.problems)
    return figures


def load_charts(reader: Reader, data: dict) -> list[Chart]:
    charts = []
    message = "each chart needs id, title, description and figures"
    for where, item in reader.mappings(data, "charts", CHART_FIELDS, message, "start it with '- id:'"):
        nested(reader, where)
        title, description = reader.text(item, "title"), reader.text(item, "description")
        ids = item.get("figures")
        if not (isinstance(ids, list) and len(ids) >= 2 and all(isinstance(x, str) for x in ids)):
            reader.error(("figures",), "a chart needs a list of at least two figure ids", "e.g. [a, b]")
            ids = []
        chart_id = str(item.get("id", ""))
        if not re.fullmatch(r"[a-z0-9-]+", chart_id):
            reader.error(("id",), f"chart id {chart_id!r} must use a-z, 0-9 and '-'", "e.g. id: market")
        nested(reader, ())
        if title and description and ids and re.fullmatch(r"[a-z0-9-]+", chart_id):
            charts.append(Chart(chart_id, title, description, ids, reader.doc.line(*where)))
    return charts


def load_slug(reader: Reader, data: dict, default: str) -> dict[str, str]:
    """``slug: {en: timeline}``: the page's address in each language (the file name by default)."""
    value = data.get("slug") or {}
    if not isinstance(value, dict):
        reader.error(("slug",), "'slug' must give an address per language", "e.g. slug: {en: timeline}")
        value = {}
    reader.check_fields(value, reader.languages, ("slug",))
    for lang, slug in value.items():
        if not (isinstance(slug, str) and re.fullmatch(r"[a-z0-9][a-z0-9-]*", slug)):
            reader.error(("slug", lang), f"slug {slug!r} must use a-z, 0-9 and '-'", "e.g. timeline")
        elif slug in taken_addresses():
            reader.error(("slug", lang), *taken_message(slug))
    if default in taken_addresses() and any(lang not in value for lang in reader.languages):
        reader.error((), *taken_message(default, f"its file name {default}.yml"))
    return {lang: str(value.get(lang) or default) for lang in reader.languages}


@functools.cache
def taken_addresses() -> frozenset[str]:
    """Addresses a story page may not have: the site's sections and pages of its own in every
    language (``glossary``, ``glosarium``, ``claims``, ``print``...), the home page, the
    pictures and data, and the language folders."""
    codes = sorted(path.stem for path in LOCALES.glob("*.yml"))
    return frozenset(
        {"index", "assets", *codes, *(slug for code in codes for slug in ui(code)["slugs"].values())}
    )


def taken_message(slug: str, what: str = "") -> tuple[str, str]:
    where = f" ({what})" if what else ""
    return (
        f"the page's address '{slug}'{where} is taken by the site's own pages",
        f"choose another slug: not {', '.join(sorted(taken_addresses()))}",
    )


def check_addresses(pages: list[StoryPage], languages: tuple[str, ...], problems: Problems) -> None:
    """Two story pages at one address in a language would overwrite each other."""
    for lang in languages:
        first: dict[str, StoryPage] = {}
        for page in pages:
            other = first.setdefault(page.slug[lang], page)
            if other is not page:
                line = slug_line(page.path)
                problems.add(
                    page.path,
                    line,
                    f"the page's '{lang}' address '{page.slug[lang]}' is also that of {other.path.name}",
                    f"give one of them another slug: {{{lang}: ...}}",
                )


def slug_line(path: Path) -> int:
    """The line of a page file's ``slug:``, else 1."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next((n for n, line in enumerate(lines, 1) if line.startswith("slug:")), 1)


def load_page(path: Path, problems: Problems, site: SiteConfig) -> StoryPage | None:
    reader = Reader(path, problems, site.languages)
    data = reader.read()
    if data is None:
        return None
    layout = data.get("layout")
    if layout not in PAGE_LAYOUTS:
        reader.error(("layout",), f"'layout' is {layout!r}", f"use one of: {', '.join(PAGE_LAYOUTS)}")
        return None
    reader.check_fields(data, COMMON_FIELDS + LAYOUT_FIELDS.get(layout, ()))
    order = data.get("order", 100)
    if not isinstance(order, int):
        reader.error(("order",), f"'order' is {order!r}", "write a whole number (lower comes first)")
        order = 100
    voice = data.get("voice", "sources")
    if voice not in VOICES:
        reader.error(
            ("voice",),
            f"'voice' is {voice!r}",
            "leave it out (every sentence cites) or write voice: editors for a page about the site itself",
        )
        voice = "sources"
    return StoryPage(
        id=path.stem,
        path=path,
        layout=layout,
        order=order,
        slug=load_slug(reader, data, path.stem),
        title=reader.text(data, "title") or {},
        description=reader.text(data, "description") or {},
        intro=statement(reader, data, "intro", required=False),
        sections=load_sections(reader, data),
        events=load_events(reader, data, site.vocabulary),
        figures=load_figures(reader, data, site.vocabulary),
        charts=load_charts(reader, data),
        voice=voice,
    )


def load_pages(folder: Path, site: SiteConfig, problems: Problems) -> list[StoryPage]:
    """Every ``pages/*.yml``, in their ``order``."""
    pages = []
    for path in sorted((folder / "pages").glob("*.yml")):
        if not ID_PATTERN.match(path.stem):
            problems.add(
                path, 1, f"'{path.stem}' is not a usable page id", "rename it using a-z, 0-9 and '-'"
            )
            continue
        page = load_page(path, problems, site)
        if page:
            pages.append(page)
    check_addresses(pages, site.languages, problems)
    return sorted(pages, key=lambda p: (p.order, p.id))
