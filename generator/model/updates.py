"""Updates readers should know of (``sources/updates/<date>-<slug>.yml``, one file each so that two
pull requests adding one never conflict): a source added, corrected, renamed or removed, claims
added, reworded or withdrawn, translations completed. Read by ``generator/read/updates.py``,
checked by ``generator/check/updates.py``; the updates page, the "Updated" line of each page they
touched, the feeds and the open data show them."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from generator.model.config import Text
from generator.model.keys import PageKey, shown_as

FOLDER = "updates"
"""The folder of ``sources/`` that holds the update files."""
WITHDRAWN = "claims-withdrawn"
"""The kind whose records keep what each withdrawn claim said."""
RENAMED = "source-renamed"
"""The kind whose records name the source's earlier id."""
LATEST = 3
"""How many updates the home page lists (they are among its inputs)."""


@dataclass(frozen=True)
class Update:
    """One update: when, what kind, what it touched, and one sentence for readers per language."""

    id: str
    """The file's name without ``.yml``: ``2026-12-07-source-corrected-001``; the anchor of its
    entry on the updates page."""
    path: Path
    date: date
    kind: str
    """An id of the vocabulary ``update_kinds``."""
    note: Text
    sources: tuple[str, ...] = ()
    """Ids of the source documents it touched."""
    paragraphs: tuple[tuple[str, str], ...] = ()
    """``(document id, paragraph key)`` of the source paragraphs it touched (``("001", "8")`` for
    ``001#p8``)."""
    pages: tuple[PageKey, ...] = ()
    """The pages whose content it changed."""
    renamed_from: str | None = None
    withdrawn: tuple[Text, ...] = ()
    """What each withdrawn claim said, per language."""
    lines: dict[str, int] = field(default_factory=dict, compare=False)
    """The line of each field in the file, for the check stage's messages."""

    def touches(self, key: PageKey) -> bool:
        """Whether the update changed the page ``key``: it names the page, or the page is a source
        page of a document it names."""
        return key in self.pages or (key.kind == "source" and key.item in self.sources)


def with_ids(update: Update, ids: dict[str, str], home_page: str | None = None) -> Update:
    """The update with each document named by its id (``ids``: what a record may write, a
    document's id or its citation key, -> the id; names not in ``ids`` stay as written), and the
    story page shown as the home page named as the home page."""
    pages = tuple(
        PageKey(key.kind, ids.get(key.item, key.item)) if key.kind == "source" else shown_as(key, home_page)
        for key in update.pages
    )
    return replace(
        update,
        sources=tuple(ids.get(doc_id, doc_id) for doc_id in update.sources),
        paragraphs=tuple((ids.get(doc_id, doc_id), key) for doc_id, key in update.paragraphs),
        pages=pages,
    )


def newest_first(updates: list[Update] | tuple[Update, ...]) -> list[Update]:
    """The updates by date, the newest first; on one day, by id (the file's name), last first."""
    return sorted(updates, key=lambda update: (update.date, update.id), reverse=True)
