"""Link stage: resolve citations, find where entries are mentioned, and who cites what."""

from __future__ import annotations

import re
from collections import defaultdict

from generator import inline
from generator.models import Document, Entry, Mention


class Resolver:
    """Finds documents by id or unique id prefix (``001`` for ``001_9325e6259af9a897``)."""

    def __init__(self, documents: list[Document], unreadable: set[str] = frozenset()):
        self.documents = {doc.id: doc for doc in documents}
        self.unreadable = unreadable
        """Ids of documents that exist but could not be loaded: citations to them are not checked."""

    def document(self, name: str) -> Document | None:
        if name in self.documents:
            return self.documents[name]
        matches = [
            d for i, d in self.documents.items() if i.startswith(name + "_") or i.startswith(name + "-")
        ]
        return matches[0] if len(matches) == 1 else None

    def resolve(self, ref: str) -> tuple[Document, int] | str | None:
        """``(document, paragraph)`` for ``001#p5``, a message saying what is wrong, or None
        when the document exists but has problems of its own (already reported)."""
        parsed = inline.parse_ref(ref)
        if parsed is None:
            return f"'{ref}' is not a citation of the form <document>#p<number> or <document>"
        name, number = parsed
        if any(i == name or i.startswith((name + "_", name + "-")) for i in self.unreadable):
            return None
        doc = self.document(name)
        if doc is None:
            return f"no source document '{name}'"
        if number > len(doc.paragraphs):
            return f"{doc.id} has {len(doc.paragraphs)} paragraphs, not {number}"
        return doc, number


def statements(entry: Entry):
    """Every citable text of an entry: its summary and the items of its sections."""
    yield entry.summary
    for items in entry.sections.values():
        yield from items


def refs_in(text: str) -> list[str]:
    return [ref for token in inline.parse(text) if isinstance(token, inline.Cite) for ref in token.refs]


def cited_by(entries: list[Entry], resolver: Resolver) -> dict[tuple[str, int], list[tuple[str, str]]]:
    """``(document id, paragraph)`` -> the entries whose text or quotes cite it."""
    found: dict[tuple[str, int], set] = defaultdict(set)
    for entry in entries:
        refs = [ref for s in statements(entry) for text in s.text.values() for ref in refs_in(text)]
        refs += [quote.source for quote in entry.quotes]
        for ref in refs:
            resolved = resolver.resolve(ref)
            if isinstance(resolved, tuple) and resolved[1]:
                found[resolved[0].id, resolved[1]].add(entry.key)
    return {key: sorted(value) for key, value in found.items()}


def name_pattern(entries: list[Entry]) -> tuple[re.Pattern | None, dict[str, tuple[str, str]]]:
    """One regex matching every name and alias, longest first, and a map back to entries."""
    owners = {}
    for entry in entries:
        for name in entry.names():
            owners.setdefault(name.casefold(), entry.key)
    if not owners:
        return None, owners
    names = sorted(owners, key=len, reverse=True)
    alternation = "|".join(re.escape(name) for name in names)
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE), owners


def related(entries: list[Entry]) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """Declared relations made symmetric: if A lists B, B's page shows A too."""
    found: dict[tuple[str, str], set] = defaultdict(set)
    for entry in entries:
        for kind, items in entry.related.items():
            for target, _ in items:
                if (kind, target) != entry.key:
                    found[entry.key].add((kind, target))
                    found[kind, target].add(entry.key)
    return {key: sorted(value) for key, value in found.items()}


def find_mentions(documents: list[Document], pattern: re.Pattern | None, owners: dict) -> list[Mention]:
    """Every place a source paragraph names an entry; a longer name wins over a shorter one."""
    if pattern is None:
        return []
    mentions = []
    for doc in documents:
        for para in doc.paragraphs:
            for match in pattern.finditer(para.text):
                key = owners[match[0].casefold()]
                mentions.append(Mention(key, doc.id, para.number, match.start(), match.end()))
    return mentions


DiagramEdge = tuple[tuple[str, str], str, tuple[str, str], str]
"""``(from key, relation type, to key, citation)``; documents are keyed ``("source", id)``."""


def diagram_edges(entries: list[Entry], resolver: Resolver) -> list[DiagramEdge]:
    """Typed relations, who spoke about which term, and which document quotes whom."""
    edges: dict[tuple, str] = {}
    for entry in entries:
        for relation in entry.relations:
            edges.setdefault((relation.source, relation.type, relation.target), relation.cite)
        for quote in entry.quotes:
            resolved = resolver.resolve(quote.source)
            if quote.speaker is None or not isinstance(resolved, tuple):
                continue
            speaker = ("actor", quote.speaker)
            edges.setdefault((("source", resolved[0].id), "quotes", speaker), quote.source)
            if entry.kind == "term":
                edges.setdefault((speaker, "speaks-about", entry.key), quote.source)
    return [(a, kind, b, cite) for (a, kind, b), cite in edges.items()]
