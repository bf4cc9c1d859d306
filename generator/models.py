"""Typed models that flow through the pipeline."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

Text = dict[str, str]
"""A text in several languages, keyed by language code (``{"id": ..., "en": ...}``)."""

DOCUMENT_TYPES = ("news", "opinion")


def fingerprint(text: str) -> str:
    """Short stable hash of a paragraph, used to tell whether a translation is stale."""
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class SiteConfig:
    """The site's own words and languages, from ``sources/site.yml``."""

    path: Path
    languages: tuple[str, ...]
    title: Text
    description: Text
    intro: Text

    @property
    def default_language(self) -> str:
        return self.languages[0]


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
    """A translated paragraph and the fingerprint of the original it translates."""

    paragraph: int
    fingerprint: str
    text: str
    line: int


@dataclass
class RawDocument:
    """A source document as read from disk, before cleaning."""

    id: str
    path: Path
    meta_path: Path
    data: bytes
    meta: DocumentMeta
    translations: dict[str, list[TranslationEntry]] = field(default_factory=dict)
    translation_paths: dict[str, Path] = field(default_factory=dict)


@dataclass(frozen=True)
class Paragraph:
    """A numbered paragraph of a cleaned document; ``line`` is its line in the original file."""

    number: int
    text: str
    line: int

    @property
    def anchor(self) -> str:
        return f"p{self.number}"

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.text)


@dataclass(frozen=True)
class Removal:
    """Something the cleaner took out or repaired, for the source page's cleaning note."""

    kind: str
    count: int
    lines: tuple[int, ...] = ()


@dataclass(frozen=True)
class Byline:
    """A byline line such as ``Redaksi Example News | 31 July 2023``."""

    name: str
    date: date | None
    line: int


@dataclass
class Document:
    """A cleaned source document, split into paragraphs."""

    raw: RawDocument
    paragraphs: list[Paragraph]
    removals: list[Removal]
    byline: Byline | None = None

    @property
    def id(self) -> str:
        return self.raw.id

    @property
    def meta(self) -> DocumentMeta:
        return self.raw.meta


@dataclass(frozen=True)
class TranslationStatus:
    """The state of one paragraph's translation into one language."""

    paragraph: Paragraph
    text: str | None
    state: str  # "done", "missing" or "stale"


@dataclass
class Site:
    """Everything the renderer needs."""

    config: SiteConfig
    documents: list[Document]
    translations: dict[tuple[str, str], list[TranslationStatus]]
    """``(document id, language)`` -> status of each paragraph."""
