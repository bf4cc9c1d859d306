"""The vocabularies a site writes with: actor kinds, relation verbs, figure units, certainties,
kinds of update.

The engine's defaults are ``generator/vocabulary.yml`` (their words per language in
``generator/locales/<lang>.yml``); a site extends or replaces them in ``sources/vocabulary.yml``.
``generator/read/vocabulary.py`` joins the two into one :class:`Vocabulary`, with every label
resolved for every site language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.model.words import Words, ui

Text = dict[str, str]

SECTIONS = ("actor_kinds", "relations", "units", "certainties", "update_kinds")
SITE_FILE = "sources/vocabulary.yml"
LINES = ("solid", "dashed", "dotted")
UNIT_STYLES = ("number", "ordinal", "year")
DERIVED_CERTAINTIES = ("reported", "opinion")
"""Certainties the engine gives a relation or event that states none (see ``link.graph``)."""


@dataclass(frozen=True)
class Word:
    """One entry of a vocabulary: its id and what the site says about it."""

    id: str
    label: Text = field(default_factory=dict)
    """Per language: a kind's or verb's label, a unit's format (``{n} euros``), a certainty's
    short note (none for a reported one)."""
    plural: Text = field(default_factory=dict)
    """Actor kinds: the heading of the kind's group on the actor index."""
    legend: Text = field(default_factory=dict)
    """Certainties: what the diagram's line pattern means."""
    schema: str | None = None
    """Actor kinds: the schema.org type search engines are told the actor is (None: a Thing)."""
    symbols: tuple[str, ...] = ()
    """Units: how a currency is written next to its numbers (``USD``, ``Rp``, ``€``)."""
    style: str = ""
    """Units: number, ordinal or year; certainties: the line, solid, dashed or dotted."""


@dataclass(frozen=True)
class Vocabulary:
    """Every vocabulary of a site, in order, the engine's defaults first."""

    actor_kinds: tuple[Word, ...] = ()
    relations: tuple[Word, ...] = ()
    units: tuple[Word, ...] = ()
    certainties: tuple[Word, ...] = ()
    update_kinds: tuple[Word, ...] = ()
    """Kinds of update (``sources/updates/``): what the updates page filters by."""
    extra_relations: tuple[Word, ...] = ()
    """Labels of the relations the engine draws itself (``quotes``, ``speaks-about``): not
    written in sources, so not in ``relations``."""
    path: Path | None = field(default=None, compare=False)

    def ids(self, section: str) -> tuple[str, ...]:
        return tuple(word.id for word in getattr(self, section))

    def word(self, section: str, item: str) -> Word | None:
        return next((w for w in getattr(self, section) if w.id == item), None)

    def unknown(self, section: str, note: str = "") -> str:
        """The hint for a value not in ``section``: the configured ids (and ``note``), and where
        to add one."""
        if not self.ids(section):
            return f"none is configured: add it to {section}: in {SITE_FILE}"
        listed = ", ".join(self.ids(section)) + (f" {note}" if note else "")
        return f"use one of: {listed}; or add it to {section}: in {SITE_FILE}"

    def labels(self, section: str, lang: str, part: str = "label") -> dict[str, str]:
        """``{id: label}`` in ``lang`` (``part``: label, plural or legend)."""
        words = getattr(self, section) + (self.extra_relations if section == "relations" else ())
        return {w.id: getattr(w, part)[lang] for w in words if lang in getattr(w, part)}

    def schema_type(self, kind: str | None) -> str:
        word = self.word("actor_kinds", kind or "")
        return (word.schema if word else None) or "Thing"

    def line(self, certainty: str) -> str:
        word = self.word("certainties", certainty)
        return word.style if word and word.style else "solid"

    def symbols(self) -> tuple[str, ...]:
        return tuple(symbol for unit in self.units for symbol in unit.symbols)

    def words(self, lang: str) -> Words:
        """The interface words of ``lang`` with this vocabulary's labels in place of the locale's,
        as templates read them (``ui.actor_kinds[kind]``, ``ui.relations[type]``)."""
        return {
            **ui(lang),
            "actor_kinds": self.labels("actor_kinds", lang),
            "actor_kinds_plural": self.labels("actor_kinds", lang, "plural"),
            "relations": self.labels("relations", lang),
            "certainty": self.labels("certainties", lang),
            "certainty_legend": self.labels("certainties", lang, "legend"),
        }
