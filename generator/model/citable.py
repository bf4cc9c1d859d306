"""The texts of the model that may cite, and the citations in a text."""

from __future__ import annotations

from collections.abc import Iterator

from generator.model import inline
from generator.model.config import SiteConfig
from generator.model.entry import Entry, Statement
from generator.model.story import StoryPage


def page_statements(page: StoryPage) -> list[Statement]:
    """Every text of a story page that may cite."""
    texts = [page.intro] if page.intro else []
    texts += [item for section in page.sections for item in section.items]
    texts += [event.text for event in page.events] + [e.reasoning for e in page.events if e.reasoning]
    texts += [figure.note for figure in page.figures if figure.note]
    return texts + [
        Statement(chart.description, {lang: chart.line for lang in chart.description})
        for chart in page.charts
    ]


def site_intro(config: SiteConfig) -> Statement:
    """The home page's introduction (``site.yml`` ``intro:``): it cites like any page."""
    return Statement(config.intro, config.intro_lines)


def statements(entry: Entry) -> Iterator[Statement]:
    """Every citable text of an entry: its summary and the items of its sections."""
    yield entry.summary
    for items in entry.sections.values():
        yield from items


def refs_in(text: str) -> list[str]:
    return [ref for token in inline.parse(text) if isinstance(token, inline.Cite) for ref in token.refs]
