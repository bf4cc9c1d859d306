"""The read stage in one call: ``sources/`` into a :class:`~generator.model.Collection`."""

from __future__ import annotations

from pathlib import Path

from generator.model import Collection, PageKey, PageKind
from generator.model.problems import InputError, Problems
from generator.read.clean_text import clean
from generator.read.documents import load_documents, load_site, removed_records, unlisted
from generator.read.entries import entry_files, load_entries
from generator.read.merges import conflict_markers
from generator.read.pages import load_pages
from generator.read.updates import load_updates


def read_collection(sources: Path, problems: Problems, with_entries: bool = True) -> Collection:
    """Read and clean everything in ``sources``, adding every problem to ``problems``; raise
    :class:`InputError` only when ``site.yml`` itself cannot be read (nothing else can be), or a
    merge left its conflict markers in a file."""
    if conflict_markers(sources, problems):
        raise InputError(problems)  # the files' other problems would only be the markers' echo
    config = load_site(sources / "site.yml", problems)
    if config is None:
        raise InputError(problems)
    documents = [clean(raw, config.cleaning) for raw in load_documents(sources, config, problems)]
    read_ids = {doc.id for doc in documents}
    return Collection(
        folder=sources,
        config=config,
        documents=documents,
        entries=load_entries(sources, config, problems) if with_entries else [],
        pages=load_pages(sources, config, problems) if with_entries else [],
        removed=removed_records(sources),
        unreadable=frozenset(path.stem for path in sources.glob("*.txt")) - read_ids,
        unlisted=frozenset(unlisted(sources)),
        entry_files=frozenset(PageKey(PageKind(kind), item) for kind, item in entry_files(sources)),
        updates=tuple(load_updates(sources, config, problems)) if with_entries else (),
        with_entries=with_entries,
    )
