"""Link stage: what the collection's parts say about each other (who cites what, related entries,
mentions, the who-is-who diagram), found once and joined with the checked collection into the
:class:`~generator.model.Site` the render stage reads."""

from __future__ import annotations

from generator.check.collection import Checked
from generator.check.updates import source_ids
from generator.link.graph import cited_by, diagram_edges, related
from generator.link.mentions import find_mentions
from generator.model import Collection, Site
from generator.model.updates import Update, newest_first, with_ids


def link(collection: Collection, checked: Checked) -> Site:
    """The site, built once: nothing changes it after."""
    return Site(
        config=collection.config,
        documents=collection.documents,
        translations=checked.translations,
        entries=collection.entries,
        pages=collection.pages,
        removed=collection.removed,
        resolver=checked.resolver,
        name_index=checked.names,
        mentions=find_mentions(collection.documents, checked.names),
        cited_by=cited_by(collection.entries, checked.resolver),
        related=related(collection.entries),
        diagram=diagram_edges(collection.entries, checked.resolver),
        updates=updates(collection),
    )


def updates(collection: Collection) -> tuple[Update, ...]:
    """The update records, the newest first, each naming its documents by their ids."""
    ids = source_ids(collection)
    home = collection.config.home_page
    return tuple(newest_first([with_ids(update, ids, home) for update in collection.updates]))
