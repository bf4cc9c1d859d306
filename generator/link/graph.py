"""What the collection's parts say about each other: which entries cite a paragraph, related entries
both ways, and the who-is-who diagram's edges with how firmly each stands."""

from __future__ import annotations

import re
from collections import defaultdict

from generator.model import (
    Cited,
    DiagramEdge,
    Document,
    Entry,
    Event,
    PageKey,
    PageKind,
    Resolver,
    fold,
    refs_in,
    statements,
)


def cited_by(entries: list[Entry], resolver: Resolver) -> dict[tuple[str, str], list[PageKey]]:
    """``(document id, paragraph key)`` -> the entries whose text or quotes cite it."""
    found: dict[tuple[str, str], set[PageKey]] = defaultdict(set)
    for entry in entries:
        refs = [ref for s in statements(entry) for text in s.text.values() for ref in refs_in(text)]
        refs += [quote.source for quote in entry.quotes]
        for ref in refs:
            resolved = resolver.resolve(ref)
            if isinstance(resolved, Cited) and resolved.paragraph:
                found[resolved.document.id, resolved.paragraph.key].add(entry.key)
    return {key: sorted(value) for key, value in found.items()}


def related(entries: list[Entry]) -> dict[PageKey, list[PageKey]]:
    """Declared relations made symmetric: if A lists B, B's page shows A too."""
    found: dict[PageKey, set[PageKey]] = defaultdict(set)
    for entry in entries:
        for kind, items in entry.related.items():
            for target, _ in items:
                other = PageKey(PageKind(kind), target)
                if other != entry.key:
                    found[entry.key].add(other)
                    found[other].add(entry.key)
    return {key: sorted(value) for key, value in found.items()}


def certainty(written: str | None, docs: list[Document]) -> str:
    """How firmly a relation or event stands: as written, else ``opinion`` when everything it
    cites is an opinion piece and ``reported`` otherwise."""
    if written:
        return written
    return "opinion" if docs and all(doc.meta.type == "opinion" for doc in docs) else "reported"


def event_certainty(event: Event, resolver: Resolver) -> str:
    """How firmly a timeline event stands: as written, else from what its text cites."""
    refs = [ref for text in event.text.text.values() for ref in refs_in(text)]
    return certainty(event.certainty, cited_documents(refs, resolver))


def cited_documents(refs: list[str], resolver: Resolver) -> list[Document]:
    return [found.document for found in map(resolver.resolve, refs) if isinstance(found, Cited)]


def diagram_edges(entries: list[Entry], resolver: Resolver) -> list[DiagramEdge]:
    """Typed relations, which document quotes whom, and who speaks about a term: a quote on
    the term's page that names the term."""
    edges: dict[tuple[PageKey, str, PageKey], tuple[str, str]] = {}
    for entry in entries:
        for relation in entry.relations:
            sure = certainty(relation.certainty, cited_documents([relation.cite], resolver))
            edges.setdefault((relation.source, relation.type, relation.target), (relation.cite, sure))
        for quote in entry.quotes:
            resolved = resolver.resolve(quote.source)
            if quote.speaker is None or not isinstance(resolved, Cited):
                continue
            speaker = PageKey(PageKind.actor, quote.speaker)
            document = PageKey(PageKind.source, resolved.document.id)
            edges.setdefault((document, "quotes", speaker), (quote.source, "reported"))
            if entry.kind == "term" and names_in(entry, quote.text):
                edges.setdefault((speaker, "speaks-about", entry.key), (quote.source, "reported"))
    return [DiagramEdge(a, kind, b, cite, sure) for (a, kind, b), (cite, sure) in edges.items()]


def names_in(entry: Entry, text: str) -> bool:
    """True when ``text`` names ``entry`` (by its name or an alias, as a whole word)."""
    folded = fold(text)
    return any(re.search(rf"(?<!\w){re.escape(fold(name))}(?!\w)", folded) for name in entry.names())
