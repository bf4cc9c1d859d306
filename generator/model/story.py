"""Story pages (``sources/pages/``) and their parts: sections, timeline events, figures, charts."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.model.config import Text
from generator.model.dates import PartialDate
from generator.model.entry import Statement


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
    voice: str = "sources"
    """``sources``: every sentence cites a source or carries the editors' mark; ``editors``: the
    page is the editors' own (how the site is made), says so at its top, and needs no citations."""

    @property
    def factual(self) -> bool:
        """Every sentence must cite a source or carry the editors' mark (``voice: sources``)."""
        return self.voice != "editors"
