"""Link stage: resolve citations, find where entries are mentioned, and who cites what."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from generator.model import inline
from generator.model.site import Document, Entry, Mention, Paragraph, Statement, StoryPage


def short_key(doc_id: str) -> str:
    """The key a document is cited by: its id up to the first ``_`` or ``-``."""
    return re.split(r"[_-]", doc_id, maxsplit=1)[0]


@dataclass(frozen=True)
class Unresolved:
    """Why a citation does not resolve; ``name`` is set when the document key itself is wrong
    (it names no document, or several), a problem reported once for all its citations."""

    message: str
    name: str | None = None


class Resolver:
    """Finds documents by id or key (``001`` for ``001_9325e6259af9a897``), and paragraphs by key."""

    def __init__(
        self,
        documents: list[Document],
        unreadable: set[str] = frozenset(),
        folder: Path | None = None,
        removed: dict | None = None,
    ):
        self.documents = {doc.id: doc for doc in documents}
        self.folder = folder
        self.renamed = {old: doc for doc in documents if doc.record for old in doc.record.renamed_from}
        """Earlier ids of renamed documents -> the document."""
        self.removed = removed or {}
        """Ids of documents taken out of the collection -> their records."""
        self.names: dict[str, list[str]] = defaultdict(list)
        """Every id and key -> the ids of the documents it names (readable or not)."""
        for doc_id in sorted({*self.documents, *unreadable}):
            self.names[doc_id].append(doc_id)
            if short_key(doc_id) != doc_id:
                self.names[short_key(doc_id)].append(doc_id)
        self.unreadable = unreadable
        """Ids of documents that exist but could not be loaded: citations to them are not checked."""

    def ambiguous(self) -> dict[str, list[str]]:
        """Keys that name more than one document."""
        return {name: ids for name, ids in self.names.items() if len(ids) > 1}

    def path(self, doc_id: str) -> Path:
        return self.folder / f"{doc_id}.txt" if self.folder else Path(f"{doc_id}.txt")

    def hint(self, name: str) -> str:
        """What to do about a key that names no document."""
        doc = self.renamed.get(name) or next(
            (d for o, d in self.renamed.items() if short_key(o) == name), None
        )
        if doc is not None:
            return f"the document was renamed to {doc.id}: cite it as [@{self.key(doc)}#p...]"
        gone = next((i for i in self.removed if name in (i, short_key(i))), None)
        if gone is not None:
            when = self.removed[gone].removed.date
            return f"the document {gone} was removed from the collection on {when}: cite another document"
        return "cite a document by its key; make paragraphs lists them all"

    def key(self, doc: Document) -> str:
        """The shortest name that cites ``doc`` alone."""
        return short_key(doc.id) if len(self.names[short_key(doc.id)]) == 1 else doc.id

    def resolve(self, ref: str) -> tuple[Document, Paragraph | None] | Unresolved | None:
        """``(document, paragraph)`` for ``001#p5`` (paragraph None for ``003``, the document's
        own data), what is wrong, or None when the document exists but has problems of its own
        (already reported)."""
        parsed = inline.parse_ref(ref)
        if parsed is None:
            return Unresolved(f"'{ref}' is not a citation of the form <document>#p<number> or <document>")
        name, key = parsed
        ids = self.names.get(name, [])
        if len(ids) > 1:
            return Unresolved(f"the key '{name}' names {len(ids)} documents", name)
        if not ids:
            return Unresolved(f"no source document '{name}'", name)
        if ids[0] in self.unreadable:
            return None
        doc = self.documents[ids[0]]
        if not key:
            return doc, None
        para = doc.paragraph(key)
        if para is not None:
            return doc, para
        removal = doc.record.removal(key) if doc.record else None
        if removal:
            return Unresolved(
                f"paragraph {key} of {doc.id} was removed in the correction of {removal[0].date}"
            )
        return Unresolved(f"{doc.id} has {len(doc.paragraphs)} paragraphs, not {key}")


def page_statements(page: StoryPage) -> list[Statement]:
    """Every text of a story page that may cite."""
    texts = [page.intro] if page.intro else []
    texts += [item for section in page.sections for item in section.items]
    texts += [event.text for event in page.events] + [e.reasoning for e in page.events if e.reasoning]
    return texts + [figure.note for figure in page.figures if figure.note]


def statements(entry: Entry):
    """Every citable text of an entry: its summary and the items of its sections."""
    yield entry.summary
    for items in entry.sections.values():
        yield from items


def refs_in(text: str) -> list[str]:
    return [ref for token in inline.parse(text) if isinstance(token, inline.Cite) for ref in token.refs]


def cited_by(entries: list[Entry], resolver: Resolver) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """``(document id, paragraph key)`` -> the entries whose text or quotes cite it."""
    found: dict[tuple[str, int], set] = defaultdict(set)
    for entry in entries:
        refs = [ref for s in statements(entry) for text in s.text.values() for ref in refs_in(text)]
        refs += [quote.source for quote in entry.quotes]
        for ref in refs:
            resolved = resolver.resolve(ref)
            if isinstance(resolved, tuple) and resolved[1]:
                found[resolved[0].id, resolved[1].key].add(entry.key)
    return {key: sorted(value) for key, value in found.items()}


WORD = re.compile(r"\w+")


class NameIndex:
    """Finds every entry name and alias in a text, case-insensitively, at word boundaries,
    the longest name first. Work grows with the text, not with the number of names: names are
    looked up by their first word."""

    def __init__(self, entries: list[Entry]):
        self.by_first_word: dict[str, list[tuple[str, int, tuple[str, str]]]] = defaultdict(list)
        seen = set()
        for entry in entries:
            for name in sorted(entry.names()):
                folded = fold(name)
                words = WORD.findall(folded)
                if words and folded not in seen:
                    seen.add(folded)
                    self.by_first_word[words[0]].append((folded, len(words), entry.key))
        for candidates in self.by_first_word.values():
            candidates.sort(key=lambda c: -len(c[0]))

    def finditer(self, text: str):
        """``(start, end, entry key)`` for each name in ``text``, left to right, never overlapping;
        where names overlap, the one starting first (then the longest) wins."""
        folded = fold(text)
        found = []
        for word in set(WORD.findall(folded)) & self.by_first_word.keys():
            for name, _, key in self.by_first_word[word]:
                start = folded.find(name)
                while start >= 0:
                    end = start + len(name)
                    if (start == 0 or not folded[start - 1].isalnum()) and (
                        end == len(folded) or not folded[end].isalnum()
                    ):
                        found.append((start, -len(name), key))
                    start = folded.find(name, start + 1)
        last_end = 0
        for start, negative_length, key in sorted(found):
            if start >= last_end:
                last_end = start - negative_length
                yield start, last_end, key

    def keys_in(self, text: str) -> set[tuple[str, str]]:
        """The entries whose names occur in ``text`` (a quick, slightly generous test)."""
        folded = fold(text)
        return {
            key
            for word in set(WORD.findall(folded)) & self.by_first_word.keys()
            for name, _, key in self.by_first_word[word]
            if name in folded
        }


def fold(text: str) -> str:
    """Lower case with the same length as ``text``, so positions carry over."""
    lowered = text.lower()
    return (
        lowered
        if len(lowered) == len(text)
        else "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    )


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


def find_mentions(documents: list[Document], names: NameIndex) -> list[Mention]:
    """Every place a source paragraph names an entry; a longer name wins over a shorter one."""
    return [
        Mention(key, doc.id, para.key, start, end)
        for doc in documents
        for para in doc.paragraphs
        for start, end, key in names.finditer(para.text)
    ]


class DiagramEdge(NamedTuple):
    """An edge of the who-is-who diagram; documents are keyed ``("source", id)``."""

    source: tuple[str, str]
    type: str
    target: tuple[str, str]
    cite: str
    certainty: str


def certainty(written: str | None, docs: list[Document]) -> str:
    """How firmly a relation or event stands: as written, else ``opinion`` when everything it
    cites is an opinion piece and ``reported`` otherwise."""
    if written:
        return written
    return "opinion" if docs and all(doc.meta.type == "opinion" for doc in docs) else "reported"


def cited_documents(refs: list[str], resolver: Resolver) -> list[Document]:
    return [found[0] for found in map(resolver.resolve, refs) if isinstance(found, tuple)]


def diagram_edges(entries: list[Entry], resolver: Resolver) -> list[DiagramEdge]:
    """Typed relations, which document quotes whom, and who speaks about a term: a quote on
    the term's page that names the term."""
    edges: dict[tuple, tuple[str, str]] = {}
    for entry in entries:
        for relation in entry.relations:
            sure = certainty(relation.certainty, cited_documents([relation.cite], resolver))
            edges.setdefault((relation.source, relation.type, relation.target), (relation.cite, sure))
        for quote in entry.quotes:
            resolved = resolver.resolve(quote.source)
            if quote.speaker is None or not isinstance(resolved, tuple):
                continue
            speaker = ("actor", quote.speaker)
            edges.setdefault((("source", resolved[0].id), "quotes", speaker), (quote.source, "reported"))
            if entry.kind == "term" and names_in(entry, quote.text):
                edges.setdefault((speaker, "speaks-about", entry.key), (quote.source, "reported"))
    return [DiagramEdge(a, kind, b, *found) for (a, kind, b), found in edges.items()]


def names_in(entry: Entry, text: str) -> bool:
    """True when ``text`` names ``entry`` (by its name or an alias, as a whole word)."""
    folded = fold(text)
    return any(re.search(rf"(?<!\w){re.escape(fold(name))}(?!\w)", folded) for name in entry.names())
