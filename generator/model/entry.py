"""Glossary terms and actors, what they say (statements, quotes) and how they relate."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.model.config import Text
from generator.model.keys import PageKey, PageKind


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
    def key(self) -> PageKey:
        return PageKey(PageKind(self.kind), self.id)

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

    entry: PageKey
    document: str
    paragraph: str
    start: int
    end: int


@dataclass(frozen=True)
class Relation:
    """A typed, cited link between two entries, drawn in the who-is-who diagram."""

    source: PageKey
    type: str
    target: PageKey
    cite: str
    line: int
    certainty: str | None = None
    """One of ``CERTAINTIES`` when written; else it follows from the cited document's type."""
