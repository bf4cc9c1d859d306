"""Indexes over the model, built once: documents by id or key (the citation resolver) and entry
names in a text. Pure lookups: they read the model and change nothing."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.model import inline
from generator.model.document import Document, Paragraph
from generator.model.entry import Entry
from generator.model.keys import PageKey
from generator.model.records import Record


def short_key(doc_id: str) -> str:
    """The key a document is cited by: its id up to the first ``_`` or ``-``."""
    return re.split(r"[_-]", doc_id, maxsplit=1)[0]


@dataclass(frozen=True)
class Cited:
    """What a citation resolves to: a document, and the paragraph cited (None: the document's
    own data, as ``[@003]`` cites it)."""

    document: Document
    paragraph: Paragraph | None


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
        unreadable: frozenset[str] | set[str] = frozenset(),
        folder: Path | None = None,
        removed: dict[str, Record] | None = None,
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
            return f"the document was renamed to {doc.id}: cite it as [@{self.key(doc.id)}#p...]"
        gone = next((i for i in self.removed if name in (i, short_key(i))), None)
        if gone is not None:
            notice = self.removed[gone].removed
            when = notice.date if notice else "an unknown date"
            return f"the document {gone} was removed from the collection on {when}: cite another document"
        return "cite a document by its key; make paragraphs lists them all"

    def key(self, doc_id: str) -> str:
        """The shortest name that cites the document ``doc_id`` alone."""
        return short_key(doc_id) if len(self.names[short_key(doc_id)]) == 1 else doc_id

    def resolve(self, ref: str) -> Cited | Unresolved | None:
        """The document and paragraph ``001#p5`` cites (paragraph None for ``003``, the document's
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
            return Cited(doc, None)
        para = doc.paragraph(key)
        if para is not None:
            return Cited(doc, para)
        removal = doc.record.removal(key) if doc.record else None
        if removal:
            return Unresolved(
                f"paragraph {key} of {doc.id} was removed in the correction of {removal[0].date}"
            )
        return Unresolved(f"{doc.id} has {len(doc.paragraphs)} paragraphs, not {key}")

    def cited(self, ref: str) -> Cited:
        """What ``ref`` cites, in a collection the checks accepted (where every citation resolves)."""
        found = self.resolve(ref)
        if not isinstance(found, Cited):
            raise LookupError(f"citation {ref!r} does not resolve: the checks should have said so")
        return found


WORD = re.compile(r"\w+")


class NameIndex:
    """Finds every entry name and alias in a text, case-insensitively, at word boundaries,
    the longest name first. Work grows with the text, not with the number of names: names are
    looked up by their first word."""

    def __init__(self, entries: list[Entry]):
        self.by_first_word: dict[str, list[tuple[str, int, PageKey]]] = defaultdict(list)
        seen: set[str] = set()
        for entry in entries:
            for name in sorted(entry.names()):
                folded = fold(name)
                words = WORD.findall(folded)
                if words and folded not in seen:
                    seen.add(folded)
                    self.by_first_word[words[0]].append((folded, len(words), entry.key))
        for candidates in self.by_first_word.values():
            candidates.sort(key=lambda c: -len(c[0]))

    def finditer(self, text: str) -> Iterator[tuple[int, int, PageKey]]:
        """``(start, end, entry key)`` for each name in ``text``, left to right, never overlapping;
        where names overlap, the one starting first (then the longest) wins."""
        folded = fold(text)
        found: list[tuple[int, int, PageKey]] = []
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

    def keys_in(self, text: str) -> set[PageKey]:
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
