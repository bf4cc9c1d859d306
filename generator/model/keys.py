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


INDEX = "index"
"""The item of a section's index page: ``PageKey(PageKind.term, INDEX)``."""
