"""The site's configuration: languages, words about the site, cleaning rules, vocabularies.

Actor kinds, relation verbs, figure units and certainties are configuration, not code: see
``generator/model/vocabulary.py``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.model.vocabulary import Vocabulary

Text = dict[str, str]
"""A text in several languages, keyed by language code (``{"id": ..., "en": ...}``)."""

DOCUMENT_TYPES = ("news", "opinion")

ENTRY_KINDS = ("term", "actor")

PAGE_LAYOUTS = ("article", "cards", "questions", "timeline", "figures", "network", "method")


@dataclass(frozen=True, eq=False)
class Rule:
    """One kind of site furniture and how to recognise it."""

    id: str
    where: str
    label: Text
    patterns: tuple[re.Pattern[str], ...]

    def matches(self, text: str) -> bool:
        return any(pattern.search(text) for pattern in self.patterns)


@dataclass(frozen=True)
class Cleaning:
    """The rules of a collection; a paragraph longer than ``max_length`` is never removed."""

    rules: tuple[Rule, ...] = ()
    max_length: int = 400
    path: Path | None = field(default=None, compare=False)


EARLIER_ADDRESSES = ("default-language-slugs",)
"""``earlier_addresses:`` values: ``default-language-slugs``, the addresses that the pages of
languages other than the default had when every language used the default language's slugs."""


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
    cleaning: Cleaning = field(default_factory=lambda: Cleaning())
    """The collection's cleaning rules, from ``sources/cleaning.yml``."""
    vocabulary: Vocabulary = field(default_factory=lambda: Vocabulary())
    """Actor kinds, relation verbs, figure units and certainties, from ``generator/vocabulary.yml``
    and ``sources/vocabulary.yml``."""
    data_licence: dict[str, str] | None = None
    """The open data's licence (``data_licence:``, ``{"name": ..., "url": ...}``); None: none set."""
    earlier_addresses: str | None = None
    """Which earlier addresses get redirect pages besides renamed sources (``earlier_addresses:``,
    one of :data:`EARLIER_ADDRESSES`); None: no others."""
    intro_lines: dict[str, int] = field(default_factory=dict)
    """The line of each language's ``intro``, for messages: its sentences cite or are marked."""

    @property
    def default_language(self) -> str:
        return self.languages[0]
