"""The texts of the model that may cite, and the citations in a text."""

from __future__ import annotations

from collections.abc import Iterator

from generator.model import inline
from generator.model.entry import Entry, Statement
from generator.model.story import StoryPage


def page_statements(page: StoryPage) -> list[Statement]:
    """Every text of a story page that may cite."""
    texts = [page.intro] if page.intro else []
    texts += [item for section in page.sections for item in section.items]
    texts += [event.text for event in page.events] + [e.reasoning for e in page.events if e.reasoning]
    return texts + [figure.note for figure in page.figures if figure.note]


def statements(entry: Entry) -> Iterator[Statement]:
    """Every citable text of an entry: its summary and the items of its sections."""
    yield entry.summary
    for items in entry.sections.values():
        yield from items


def refs_in(text: str) -> list[str]:
    return [ref for token in inline.parse(text) if isinstance(token, inline.Cite) for ref in token.refs]
