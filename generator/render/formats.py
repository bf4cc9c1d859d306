"""How the interface writes dates, names, numbers and paths, in a page's language."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from generator.model import Document, Event, PageKey, PageKind, Site, Vocabulary
from generator.model.dates import WEEKDAYS, PartialDate
from generator.model.words import ui


def format_date(value: date | None, lang: str) -> str:
    if value is None:
        return str(ui(lang)["unknown"])
    return f"{value.day} {ui(lang)['months'][value.month - 1]} {value.year}"


def calendar_check(event: Event, lang: str) -> str:
    """The calendar check behind an inferred date (the editors' own reckoning), as the timeline
    page, the open data and the claims ledger word it; empty when the event has none."""
    if not event.between or event.date.month is None or event.date.day is None or not event.weekday:
        return ""
    words = ui(lang)
    day_month = PartialDate(2000, event.date.month, event.date.day).format(words["months"])[:-5]
    return str(words["calendar_check"]).format(
        start=event.between[0],
        end=event.between[1],
        day=day_month,
        weekday=words["weekdays"][WEEKDAYS.index(event.weekday)],
        years=", ".join(str(y) for y in event.candidate_years()),
    )


def node_name(site: Site, key: PageKey, lang: str) -> str:
    """A node of a diagram by name: a document's title (or label), an entry's name."""
    if key.kind == PageKind.source:
        return document_name(site.document(key.item), lang)
    return site.entry(key).name[lang]


def document_name(doc: Document, lang: str) -> str:
    """The printed title in ``lang``, or the editors' label in square brackets."""
    meta = doc.meta
    if meta.title:
        return meta.title[lang]
    assert meta.label is not None, "the read stage requires a title or a label"
    return f"[{meta.label[lang]}]"


def project_path(path: Path) -> str:
    """``sources/...`` path of an input file, as a contributor sees it in the repository."""
    parts = Path(path).parts
    return "/".join(parts[parts.index("sources") :]) if "sources" in parts else Path(path).name


def format_value(value: float, unit: str, lang: str, vocabulary: Vocabulary) -> str:
    """``125 juta`` / ``125 million``, ``USD62 miliar`` / ``USD 62 billion``, ``ke-2`` / ``2nd``:
    the unit's format in ``lang`` from the vocabulary, the number as the locale's ``numerals:``
    write it."""
    numerals = ui(lang)["numerals"]
    word = vocabulary.word("units", unit)
    style = word.style if word else ""
    if style == "year":
        return str(int(value))
    form = word.label.get(lang, "{n}") if word else "{n}"
    if style == "ordinal":
        return form.format(
            n=int(value), suffix=ordinal_suffix(int(value), numerals.get("ordinal_suffixes") or {})
        )
    number, scale = value, ""
    written: dict[float, str] = {}
    for name, size in numerals["scales"].items():
        written.setdefault(float(size), name)
    for size in sorted((s for s in written if s >= 1e6), reverse=True):
        if value >= size:
            number, scale = value / size, written[size]
            break
    text = f"{number:,.1f}".rstrip("0").rstrip(".") if number % 1 else f"{int(number):,}"
    text = text.replace(",", "\0").replace(".", numerals["decimal"]).replace("\0", numerals["thousands"])
    return form.format(n=f"{text} {scale}".strip())


def ordinal_suffix(n: int, suffixes: dict[str, str]) -> str:
    """The ending of rank ``n`` by its last digit (``1: st``), ``other`` for the rest and for
    11-20 (11th, 12th, 13th); none when the language writes ranks without one."""
    if not suffixes:
        return ""
    other = str(suffixes.get("other", ""))
    return other if 10 <= n % 100 <= 20 else str(suffixes.get(str(n % 10), other))


def case_variants(name: str) -> set[str]:
    """``Bike lane`` and ``bike lane``: a name at the start of a sentence or inside one."""
    variants = {name[:1].upper() + name[1:]}
    if name[1:2].islower():
        variants.add(name[:1].lower() + name[1:])
    return variants


def front_title(content: str) -> str:
    """The ``title`` of a generated page's front matter, as written there (HTML-escaped)."""
    match = re.search(r'^title: (".*")$', content, re.MULTILINE)
    return json.loads(match[1]) if match else ""


def svg_size(svg: str) -> tuple[int, int]:
    match = re.search(r"<svg [^>]*width='(\d+)' height='(\d+)'", svg)
    return (int(match[1]), int(match[2])) if match else (0, 0)
