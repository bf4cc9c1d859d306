"""Typed models that flow through the pipeline."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator.model.dates import PartialDate

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
    home_page: str | None = None
    """Id of the story page shown as the home page's main content."""
    cleaning: object = None
    """The collection's cleaning rules (``cleaning.Cleaning``), from ``sources/cleaning.yml``."""
    schema_types: dict[str, str] = field(default_factory=dict)
    """Actor kind -> its schema.org type (``schema_types:``); a kind not listed is a ``Thing``."""
    data_licence: dict[str, str] | None = None
    """The open data's licence (``data_licence:``, ``{"name": ..., "url": ...}``); None: none set."""

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
    """A translated paragraph: the key and fingerprint of the original it translates."""

    paragraph: str
    fingerprint: str
    text: str
    line: int
    acks: tuple = ()
    """False alarms of the translator check acknowledged in the text (``inline.Ack``)."""


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
    record: object = None
    """The paragraph record (``record.Record``) of a corrected document, else None."""
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
    rule: object = None
    """For site furniture, the rule of ``sources/cleaning.yml`` that removed it."""


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
    drift: list[str] = field(default_factory=list)
    """How the cleaned paragraphs differ from the record, when they do."""

    @property
    def id(self) -> str:
        return self.raw.id

    @property
    def record(self):
        return self.raw.record

    def paragraph(self, key: str) -> Paragraph | None:
        if len(getattr(self, "_by_key", ())) != len(self.paragraphs):
            self._by_key = {p.key: p for p in self.paragraphs}
        return self._by_key.get(key)

    def sequence(self) -> list:
        """Every place of the document in order: a :class:`Paragraph`, or for a removed one,
        its key with the correction that removed it (``(key, Correction)``)."""
        if self.record is None:
            return list(self.paragraphs)
        places = [
            self.paragraph(slot.key)
            if slot.fingerprint
            else (slot.key, (self.record.removal(slot.key) or [None])[0])
            for slot in self.record.slots
        ]
        return [place for place in places if place is not None]

    @property
    def meta(self) -> DocumentMeta:
        return self.raw.meta


@dataclass(frozen=True)
class TranslationStatus:
    """The state of one paragraph's translation into one language."""

    paragraph: Paragraph
    text: str | None
    state: str  # "done", "missing" or "stale"


ENTRY_KINDS = ("term", "actor")
PAGE_LAYOUTS = ("article", "cards", "questions", "timeline", "figures", "network", "method")
FIGURE_UNITS = ("count", "usd", "seconds", "minutes", "rank", "year")
RELATION_TYPES = (
    "leads",
    "part-of",
    "owns",
    "founded",
    "regulates",
    "assigns",
    "forms",
    "talks-with",
    "meets",
    "criticises",
    "warns-about",
    "blocks",
    "competes-with",
    "publishes",
    "reports-on",
)
CERTAINTIES = ("reported", "planned", "claimed", "opinion")
"""How firmly a source states a relation or event: reported as done, planned, a party's own
claim, or argued by an opinion writer."""
ACTOR_KINDS = ("person", "ministry", "state", "company", "platform", "media", "report")


@dataclass(frozen=True)
class Statement:
    """A text field in every language, as written (inline syntax not yet resolved)."""

    text: Text
    lines: dict[str, int]
    """Line of each language's text, for messages."""


@dataclass(frozen=True)
class Quote:
    """A verbatim quote from a source paragraph, with its translations."""

    source: str
    text: str
    translation: Text
    speaker: str | None
    line: int


@dataclass
class Entry:
    """A glossary term or an actor, from ``sources/glossary/`` or ``sources/actors/``."""

    kind: str
    id: str
    path: Path
    name: Text
    aliases: dict[str, tuple[str, ...]]
    category: str | None
    summary: Statement
    sections: dict[str, list[Statement]]
    quotes: list[Quote]
    related: dict[str, list[tuple[str, int]]]
    """``{"term": [(id, line), ...], "actor": [...]}``."""
    relations: list[Relation] = field(default_factory=list)
    expansions: dict[str, Text] = field(default_factory=dict)
    """Alias -> what it stands for, when that differs from the entry's name (``UKM``)."""

    @property
    def key(self) -> tuple[str, str]:
        return (self.kind, self.id)

    def names(self) -> set[str]:
        """Every way of writing the entry, in any language."""
        found = set(self.name.values())
        for aliases in self.aliases.values():
            found.update(aliases)
        return found

    def other_names(self, lang: str) -> list[str]:
        """Every name but the one shown as the page title in ``lang``, A-Z."""
        return sorted(self.names() - {self.name[lang]}, key=str.casefold)


@dataclass(frozen=True)
class Mention:
    """An entry named in a source paragraph (by its key)."""

    entry: tuple[str, str]
    document: str
    paragraph: str
    start: int
    end: int


@dataclass(frozen=True)
class Relation:
    """A typed, cited link between two entries, drawn in the who-is-who diagram."""

    source: tuple[str, str]
    type: str
    target: tuple[str, str]
    cite: str
    line: int
    certainty: str | None = None
    """One of ``CERTAINTIES`` when written; else it follows from the cited document's type."""


@dataclass(frozen=True)
class Section:
    """A headed part of a story page: a list of cited items."""

    heading: Text
    items: list[Statement]
    line: int


@dataclass(frozen=True)
class Event:
    """A timeline event: its date as precise as the source gives it, stated or inferred."""

    date: PartialDate
    text: Statement
    reasoning: Statement | None
    """Set when the date is worked out rather than printed: how it was worked out."""
    weekday: str | None
    between: tuple[int, int] | None
    """Years to search for the weekday: the calendar check runs over this range."""
    line: int
    certainty: str | None = None
    """One of ``CERTAINTIES`` when written; else it follows from the cited documents' type."""

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return self.date.sort_key()

    def candidate_years(self) -> list[int]:
        """Years in ``between`` in which this day and month fell on ``weekday``."""
        if not (self.weekday and self.between and self.date.day):
            return []
        first, last = self.between
        day, month = self.date.day, self.date.month
        return [y for y in range(first, last + 1) if PartialDate(y, month, day).weekday() == self.weekday]


@dataclass(frozen=True)
class Figure:
    """A number a source gives, with the verbatim words that give it."""

    id: str
    value: float
    unit: str
    label: Text
    source: str
    quote: str
    note: Statement | None
    line: int


@dataclass(frozen=True)
class Chart:
    """A bar chart comparing figures that share a unit."""

    id: str
    title: Text
    description: Text
    figures: list[str]
    line: int


@dataclass
class StoryPage:
    """A page of the story (``sources/pages/<id>.yml``); its layout decides which parts it has."""

    id: str
    path: Path
    layout: str
    order: int
    slug: Text
    """The page's address in each language."""
    title: Text
    description: Text
    intro: Statement | None
    sections: list[Section] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)

    @property
    def factual(self) -> bool:
        """Every sentence must be cited, except on the page about method."""
        return self.layout != "method"


@dataclass
class Site:
    """Everything the renderer needs."""

    config: SiteConfig
    documents: list[Document]
    translations: dict[tuple[str, str], list[TranslationStatus]]
    """``(document id, language)`` -> status of each paragraph."""
    entries: list[Entry] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    cited_by: dict[tuple[str, str], list[tuple[str, str]]] = field(default_factory=dict)
    """``(document id, paragraph key)`` -> keys of the entries that cite it."""
    related: dict[tuple[str, str], list[tuple[str, str]]] = field(default_factory=dict)
    """Entry key -> keys of related entries, both ways."""
    pages: list[StoryPage] = field(default_factory=list)
    diagram: list = field(default_factory=list)
    """Edges of the who-is-who diagram, see ``link.diagram_edges``."""
    name_index: object = None
    """Finds entry names in a text: a ``link.NameIndex``."""
    removed: dict = field(default_factory=dict)
    """Ids of documents taken out of the collection -> their records (``record.Record``)."""
    repo: str | None = None
    """The project's repository (``repository.repository_url``): where mistakes are reported."""
    address: str = ""
    """The published address, ending in ``/`` (``cite.site_address``); '' when unknown or a
    preview's loopback address: citations then give no address."""
    history: object = None
    """What git knows of ``sources/`` (``history.History``): commit, clean or not, dates."""

    def document(self, doc_id: str) -> Document:
        if len(getattr(self, "_document_index", ())) != len(self.documents):
            self._document_index = {doc.id: doc for doc in self.documents}
        return self._document_index[doc_id]

    def entry(self, key: tuple[str, str]) -> Entry:
        if len(getattr(self, "_entry_index", ())) != len(self.entries):
            self._entry_index = {entry.key: entry for entry in self.entries}
        return self._entry_index[key]

    def mentioned_in(self, key: tuple[str, str]) -> list[tuple[Document, list[str]]]:
        """The paragraphs naming the entry ``key``, grouped by document, in the site's order."""
        if not hasattr(self, "_mention_index"):
            index: dict[tuple, dict[str, list[str]]] = {}
            for mention in self.mentions:
                numbers = index.setdefault(mention.entry, {}).setdefault(mention.document, [])
                if not numbers or numbers[-1] != mention.paragraph:
                    numbers.append(mention.paragraph)
            self._mention_index = index
        return [
            (self.document(doc_id), numbers) for doc_id, numbers in self._mention_index.get(key, {}).items()
        ]
