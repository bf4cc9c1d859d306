"""Source documents: as read, as cleaned into paragraphs, and the state of their translations."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path

from generator.model.config import Rule, Text
from generator.model.inline import Ack
from generator.model.records import Correction, Record


def fingerprint(text: str) -> str:
    """Short stable hash of a paragraph, used to tell whether a translation is stale."""
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class DocumentMeta:
    """What is known about a source document, only as far as it establishes it."""

    title: Text | None
    label: Text | None
    publisher: str | None
    author: str | None
    date: date | None
    type: str
    language: str
    description: Text


@dataclass(frozen=True)
class TranslationEntry:
    """A translated paragraph: the key and fingerprint of the original it translates."""

    paragraph: str
    fingerprint: str
    text: str
    line: int
    acks: tuple[Ack, ...] = ()
    """False alarms of the translator check acknowledged in the text (``inline.Ack``)."""


@dataclass(frozen=True)
class RawDocument:
    """A source document as read from disk, before cleaning."""

    id: str
    path: Path
    meta_path: Path
    data: bytes
    meta: DocumentMeta
    translations: dict[str, list[TranslationEntry]] = field(default_factory=dict)
    translation_paths: dict[str, Path] = field(default_factory=dict)
    record: Record | None = None
    """The paragraph record of a corrected document, else None."""
    checksum_problem: bool = False
    """The file's bytes differ from the checksum recorded for it."""


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of a cleaned document: its place (``number``), its stable ``key`` (what
    citations and addresses use), its text, and ``line``, its line in the original file."""

    number: int
    text: str
    line: int
    key: str = ""

    @property
    def anchor(self) -> str:
        return f"p{self.key}"

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.text)


@dataclass(frozen=True)
class Removal:
    """Something the cleaner took out or repaired, for the source page's cleaning note."""

    kind: str
    count: int
    lines: tuple[int, ...] = ()
    rule: Rule | None = None
    """For site furniture, the rule of ``sources/cleaning.yml`` that removed it."""


@dataclass(frozen=True)
class Byline:
    """A byline line such as ``Redaksi Example News | 31 July 2023``."""

    name: str
    date: date | None
    line: int


@dataclass(frozen=True)
class RemovedPlace:
    """Where a paragraph stood that a correction removed: its key and that correction."""

    key: str
    correction: Correction | None


@dataclass(frozen=True)
class Document:
    """A cleaned source document, split into paragraphs."""

    raw: RawDocument
    paragraphs: list[Paragraph]
    removals: list[Removal]
    byline: Byline | None = None
    drift: list[str] = field(default_factory=list)
    """How the cleaned paragraphs differ from the record, when they do."""
    unread_byline: tuple[int, str] | None = None
    """A first line (number, text) that looks like a byline but matches none of the language's
    byline forms: ``make check`` warns about it."""

    @property
    def id(self) -> str:
        return self.raw.id

    @property
    def record(self) -> Record | None:
        return self.raw.record

    @cached_property
    def _by_key(self) -> dict[str, Paragraph]:
        return {p.key: p for p in self.paragraphs}

    def paragraph(self, key: str) -> Paragraph | None:
        return self._by_key.get(key)

    def sequence(self) -> list[Paragraph | RemovedPlace]:
        """Every place of the document in order: a :class:`Paragraph`, or for a removed one,
        its key with the correction that removed it."""
        if self.record is None:
            return list(self.paragraphs)
        places: list[Paragraph | RemovedPlace] = []
        for slot in self.record.slots:
            if slot.fingerprint:
                found = self.paragraph(slot.key)
                if found is not None:
                    places.append(found)
            else:
                removal = self.record.removal(slot.key)
                places.append(RemovedPlace(slot.key, removal[0] if removal else None))
        return places

    @property
    def meta(self) -> DocumentMeta:
        return self.raw.meta


@dataclass(frozen=True)
class TranslationStatus:
    """The state of one paragraph's translation into one language."""

    paragraph: Paragraph
    text: str | None
    state: str  # "done", "missing" or "stale"
