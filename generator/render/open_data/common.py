"""Pieces every open data file uses: the files' names, addresses, citations, plain text."""

from __future__ import annotations

from generator.model import (
    Cited,
    Document,
    PageKey,
    PageKind,
    Paragraph,
    Resolver,
    Site,
    Statement,
    StoryPage,
    inline,
    refs_in,
)
from generator.render.addresses import url_path
from generator.render.writers import json_text

DATA = "assets/data"
README = "README.txt"
FILES = (
    ("figures.csv", "text/csv"),
    ("figures.json", "application/json"),
    ("timeline.json", "application/json"),
    ("timeline.ics", "text/calendar"),
    ("glossary.json", "application/json"),
    ("actors.json", "application/json"),
    ("updates.json", "application/json"),
    ("updates.csv", "text/csv"),
)
"""The files this module writes, beside ``README.txt``, with their media types."""
LEDGER_FILES = (("claims.csv", "text/csv"), ("claims.json", "application/json"))
"""The claims ledger's files (``generator/render/ledger.py``), listed with the others."""


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
        "address": addresses(site, PageKey(PageKind.source, doc.id), para.anchor if para else ""),
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


def statement(site: Site, resolver: Resolver, text: Statement) -> dict:
    """A text as the reader sees it in every language, with the paragraphs it cites, and, per
    language, its sentences marked as the editors' own (no source states them; such a sentence
    cites nothing, or what it was worked out from)."""
    refs = [ref for lang in site.config.languages for ref in refs_in(text.text.get(lang, ""))]
    return {
        "text": {lang: inline.plain(text.text.get(lang, "")) for lang in site.config.languages},
        "cites": cites(site, resolver, refs),
        "editors_own": {
            lang: [inline.plain(s) for s in inline.sentences(text.text.get(lang, "")) if inline.own(s)]
            for lang in site.config.languages
        },
    }


def per_language(site: Site, value) -> dict[str, str]:
    """``{lang: value(lang)}`` for every language of the site."""
    return {lang: value(lang) for lang in site.config.languages}


def stories(site: Site, layout: str) -> list[StoryPage]:
    return [p for p in site.pages if p.layout == layout]  # in navigation order (load_pages)


def as_json(data: dict) -> str:
    return json_text.file(data)


def number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value
