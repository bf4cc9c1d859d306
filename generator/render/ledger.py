"""The claims ledger: every cited sentence of the site beside the paragraphs it cites.

What a fact-checker reviews. One page per language, grouped by the page a sentence stands on, and
the same rows as CSV and JSON for researchers.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import (
    Cited,
    Document,
    Paragraph,
    Resolver,
    Site,
    Statement,
    inline,
    page_statements,
    refs_in,
    statements,
)
from generator.render.writers import json_text
from generator.render.writers.table import table


@dataclass(frozen=True)
class Claim:
    """A cited sentence, where it stands, and what it cites."""

    kind: str
    """``page``, ``term`` or ``actor``: the kind of page the sentence stands on."""
    item: str
    """The id of that page (a story page's id, or an entry's)."""
    title: str
    sentence: str
    cited: tuple[Cited, ...]


def texts(site: Site) -> list[tuple[str, str, dict, list[Statement]]]:
    """Every page's cited texts in the site's order: ``(kind, id, title, statements)``."""
    found = []
    for page in sorted(site.pages, key=lambda p: p.order):
        if not page.factual:
            continue
        headings = [Statement(section.heading, {}) for section in page.sections]
        found.append(("page", page.id, page.title, headings + page_statements(page)))
    for kind in ("term", "actor"):
        for entry in sorted((e for e in site.entries if e.kind == kind), key=lambda e: e.id):
            found.append((kind, entry.id, entry.name, list(statements(entry))))
    return found


def claims(site: Site, resolver: Resolver, lang: str) -> list[Claim]:
    """One row per cited sentence of the site in ``lang``."""
    rows = []
    for kind, item, title, parts in texts(site):
        for statement in parts:
            for sentence in inline.sentences(statement.text.get(lang, "")):
                cited = tuple(
                    found for found in map(resolver.resolve, refs_in(sentence)) if isinstance(found, Cited)
                )
                if cited:
                    rows.append(Claim(kind, item, title[lang], inline.without_acks(sentence), cited))
    return rows


FIELDS = (
    "language",
    "page",
    "page_kind",
    "sentence",
    "citations",
    "document_types",
    "paragraph_texts",
    "original_texts",
)


def records(site: Site, resolver: Resolver) -> list[dict]:
    """The ledger of every language as plain records (for JSON), one per cited sentence."""
    out = []
    for lang in site.config.languages:
        for claim in claims(site, resolver, lang):
            out.append(
                {
                    "language": lang,
                    "page": claim.title,
                    "page_kind": claim.kind,
                    "page_id": claim.item,
                    "sentence": inline.plain(claim.sentence),
                    "cites": [cited_record(site, c.document, c.paragraph, lang) for c in claim.cited],
                }
            )
    return out


def cited_record(site: Site, doc: Document, para: Paragraph | None, lang: str) -> dict:
    text = translated(site, doc, para, lang) if para else None
    return {
        "document": doc.id,
        "paragraph": para.key if para else None,
        "document_type": doc.meta.type,
        "text": text,
        "original": para.text if para else None,
        "original_language": doc.meta.language,
    }


def translated(site: Site, doc: Document, para: Paragraph, lang: str) -> str | None:
    """The paragraph in ``lang``: itself, its translation, or None while it awaits one."""
    if lang == doc.meta.language:
        return para.text
    for status in site.translations.get((doc.id, lang), []):
        if status.paragraph.key == para.key:
            return status.text
    return None


def as_json(rows: list[dict]) -> str:
    return json_text.file({"claims": rows}, indent=None)


def as_csv(rows: list[dict]) -> str:
    """One line per cited sentence; several citations are joined by ``; `` (paragraphs by a blank
    line), in the same order."""
    lines = []
    for row in rows:
        cites = row["cites"]
        lines.append(
            [
                row["language"],
                row["page"],
                row["page_kind"],
                row["sentence"],
                "; ".join(
                    f"{c['document']}#p{c['paragraph']}" if c["paragraph"] else c["document"] for c in cites
                ),
                "; ".join(c["document_type"] for c in cites),
                "\n\n".join(c["text"] or "" for c in cites),
                "\n\n".join(c["original"] or "" for c in cites),
            ]
        )
    return table(FIELDS, lines)
