"""The glossary and the actors as ``glossary.json`` and ``actors.json``."""

from __future__ import annotations

from generator.link.graph import certainty, cited_documents
from generator.model import Cited, Entry, Resolver, Site
from generator.render.open_data.common import addresses, as_json, cites, licence, per_language, statement

ENTRY_FILES = {
    "term": ("glossary.json", "terms", "definition"),
    "actor": ("actors.json", "actors", "summary"),
}
"""Entry kind -> (file, the list's name, the name of the entry's one-sentence text)."""


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
            per_language(
                site, lambda lang: site.config.vocabulary.labels("actor_kinds", lang)[entry.category]
            )
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
                "label": per_language(
                    site, lambda lang, r=relation: site.config.vocabulary.labels("relations", lang)[r.type]
                ),
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
