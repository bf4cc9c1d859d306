"""The typed model that flows through the stages: the configuration, documents, entries, story
pages, page keys, the indexes built once over them, and the linked site. Imports no stage.

Import model types from here (``from generator.model import Site``); ``dates``, ``inline``,
``problems`` and ``words`` are modules of their own.
"""

from generator.model.citable import (
    page_statements,
    refs_in,
    site_intro,
    statements,
)
from generator.model.collection import Collection
from generator.model.config import (
    DOCUMENT_TYPES,
    ENTRY_KINDS,
    PAGE_LAYOUTS,
    Cleaning,
    Rule,
    SiteConfig,
    Text,
)
from generator.model.document import (
    Byline,
    Document,
    DocumentMeta,
    Paragraph,
    RawDocument,
    Removal,
    RemovedPlace,
    TranslationEntry,
    TranslationStatus,
    fingerprint,
)
from generator.model.entry import (
    Entry,
    Mention,
    Quote,
    Relation,
    Statement,
)
from generator.model.indexes import (
    Cited,
    NameIndex,
    Resolver,
    Unresolved,
    fold,
    short_key,
)
from generator.model.keys import (
    INDEX,
    PageKey,
    PageKind,
    shown_as,
)
from generator.model.records import (
    Change,
    Correction,
    DocumentRemoval,
    Record,
    Slot,
)
from generator.model.site import (
    BuildFacts,
    DiagramEdge,
    History,
    Site,
)
from generator.model.story import (
    Chart,
    Event,
    Figure,
    Section,
    StoryPage,
)
from generator.model.vocabulary import Vocabulary, Word

__all__ = [
    "Vocabulary",
    "Word",
    "Collection",
    "Cleaning",
    "DOCUMENT_TYPES",
    "ENTRY_KINDS",
    "PAGE_LAYOUTS",
    "Rule",
    "SiteConfig",
    "Text",
    "Change",
    "Correction",
    "DocumentRemoval",
    "Record",
    "Slot",
    "Byline",
    "Document",
    "DocumentMeta",
    "Paragraph",
    "RawDocument",
    "Removal",
    "RemovedPlace",
    "TranslationEntry",
    "TranslationStatus",
    "fingerprint",
    "Entry",
    "Mention",
    "Quote",
    "Relation",
    "Statement",
    "Chart",
    "Event",
    "Figure",
    "Section",
    "StoryPage",
    "INDEX",
    "PageKey",
    "PageKind",
    "shown_as",
    "Cited",
    "NameIndex",
    "Resolver",
    "Unresolved",
    "fold",
    "short_key",
    "page_statements",
    "refs_in",
    "site_intro",
    "statements",
    "BuildFacts",
    "DiagramEdge",
    "History",
    "Site",
]
