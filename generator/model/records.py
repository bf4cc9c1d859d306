"""Paragraph records (``sources/<id>.record.yml``): the places a corrected document ever had, its
corrections log, its earlier ids, and the notice of a document taken out of the collection.
Read and written by ``generator/read/records.py``."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from generator.model.config import Text


@dataclass(frozen=True)
class Slot:
    """A place in the document: a paragraph's key, and its fingerprint unless it was removed."""

    key: str
    fingerprint: str | None


@dataclass(frozen=True)
class Change:
    """A paragraph a correction changed or removed, with its earlier wording when known."""

    key: str
    before: str | None
    pending: bool = False
    """Changed words not yet reviewed: what cites this paragraph must be confirmed or re-pointed."""


@dataclass(frozen=True)
class Correction:
    """One entry of the corrections log."""

    date: date
    reason: Text
    sha256: str
    previous_sha256: str
    added: tuple[str, ...] = ()
    changed: tuple[Change, ...] = ()
    removed: tuple[Change, ...] = ()
    moved: tuple[str, ...] = ()


@dataclass(frozen=True)
class DocumentRemoval:
    """A whole document taken out of the collection: its record stays as a notice."""

    date: date
    reason: Text
    title: Text
    sha256: str


@dataclass
class Record:
    """The contents of ``<id>.record.yml``."""

    slots: list[Slot] = field(default_factory=list)
    corrections: list[Correction] = field(default_factory=list)
    renamed_from: list[str] = field(default_factory=list)
    removed: DocumentRemoval | None = None

    def removal(self, key: str) -> tuple[Correction, Change] | None:
        """The correction that removed paragraph ``key``, and its earlier wording."""
        return next(((c, ch) for c in self.corrections for ch in c.removed if ch.key == key), None)

    def last_change(self, key: str) -> tuple[Correction, Change] | None:
        """The latest correction that changed the words of paragraph ``key``."""
        found = [(c, ch) for c in self.corrections for ch in c.changed if ch.key == key]
        return found[-1] if found else None

    def pending(self, key: str) -> tuple[Correction, Change] | None:
        """The latest change of paragraph ``key`` if it is not reviewed yet."""
        change = self.last_change(key)
        return change if change and change[1].pending else None
