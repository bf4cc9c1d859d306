"""What the render stage produces: files for the builder's ``docs/`` folder."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    """A generated page: where it goes (``<lang>/...``) and what it says; ``group`` is the same
    for a page's versions in every language."""

    path: str
    content: str | bytes
    """Text, or the bytes of a picture."""
    group: str = ""
