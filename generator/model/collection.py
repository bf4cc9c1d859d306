"""``sources/`` as the read stage found it, before the checks and the link stage."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.model.config import SiteConfig
from generator.model.document import Document
from generator.model.entry import Entry
from generator.model.keys import PageKey
from generator.model.records import Record
from generator.model.story import StoryPage
from generator.model.updates import Update


@dataclass(frozen=True)
class Collection:
    """Every file of ``sources/`` that could be read, as typed values; what could not be read is
    already a problem reported against its file and line."""

    folder: Path
    config: SiteConfig
    documents: list[Document]
    """Cleaned, split into paragraphs, with their paragraph keys."""
    entries: list[Entry]
    pages: list[StoryPage]
    removed: dict[str, Record]
    """Ids of documents taken out of the collection -> their records (notices)."""
    unreadable: frozenset[str]
    """Ids of documents whose files exist but could not be read: citations of them are not checked."""
    unlisted: frozenset[str]
    """Ids of documents that ``SHA256SUMS`` does not list: the likely newcomers in a clash of keys."""
    entry_files: frozenset[PageKey]
    """The keys of every entry file, readable or not: no cascade of messages for a broken one."""
    updates: tuple[Update, ...] = ()
    """The update records (``sources/updates/``), in the order of their names."""
    with_entries: bool = True
    """False when only the documents and their translations were read."""
