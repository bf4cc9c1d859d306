"""Page keys: which page of the site, in any language (its address differs per language)."""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple


class PageKind(StrEnum):
    """The kinds of page. A member equals (and hashes as) its value, so a key read from a
    template (``("actor", id)``) finds the same page."""

    home = "home"
    page = "page"
    """A story page (``sources/pages/<id>.yml``)."""
    source = "source"
    term = "term"
    actor = "actor"
    ledger = "ledger"
    print = "print"
    updates = "updates"
    """The updates page (``sources/updates/``)."""


class PageKey(NamedTuple):
    """``(kind, item)``: ``(home, "")``, ``(page, "linimasa")``, ``(term, "bikes")``, ``(term, "index")``
    for the glossary's index, ``(ledger, "")``, ``(print, "")``. A diagram node that is a source
    document is keyed ``(source, <document id>)``."""

    kind: PageKind
    item: str = ""


def shown_as(key: PageKey, home_page: str | None) -> PageKey:
    """The page a key is shown on: the story page named by ``home_page:`` is the home page."""
    if key.kind == PageKind.page and home_page and key.item == home_page:
        return PageKey(PageKind.home)
    return key


INDEX = "index"
"""The item of a section's index page: ``PageKey(PageKind.term, INDEX)``."""
