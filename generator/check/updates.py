"""Check what the update records (``generator/read/updates.py``) refer to: each source, paragraph
and page they name is in the collection, or was (a removed source, a removed paragraph, a
renamed source's earlier id): an update may tell of what is gone."""

from __future__ import annotations

from generator.model import Collection, PageKey, PageKind, short_key
from generator.model.problems import Problems
from generator.model.updates import Update, with_ids


def source_ids(collection: Collection) -> dict[str, str]:
    """What an update may call a source, -> its id: the ids of the documents there are and were
    (removed, renamed), and their citation keys (``001``) where no two share one."""
    renamed = {old for doc in collection.documents if doc.record for old in doc.record.renamed_from}
    known = {doc.id for doc in collection.documents} | set(collection.removed) | set(collection.unreadable)
    keys: dict[str, list[str]] = {}
    for doc_id in known | renamed:
        keys.setdefault(short_key(doc_id), []).append(doc_id)
    names = {key: found[0] for key, found in keys.items() if len(found) == 1}
    return names | {doc_id: doc_id for doc_id in known | renamed}


def check_updates(collection: Collection, problems: Problems) -> None:
    ids = source_ids(collection)
    documents = {doc.id: doc for doc in collection.documents}
    entries = {entry.key for entry in collection.entries} | collection.entry_files
    pages = {page.id for page in collection.pages}
    for written in collection.updates:
        update = with_ids(written, ids)
        for number, doc_id in enumerate(update.sources):
            if doc_id not in ids:
                report(update, f"sources.{number}", problems, f"'{doc_id}' is not a source", HINT)
        for number, (doc_id, key) in enumerate(update.paragraphs):
            doc = documents.get(doc_id)
            if doc is None:
                if doc_id not in ids:
                    report(update, f"paragraphs.{number}", problems, f"'{doc_id}' is not a source", HINT)
                continue
            removed = doc.record is not None and doc.record.removal(key) is not None
            if key not in {paragraph.key for paragraph in doc.paragraphs} and not removed:
                report(
                    update,
                    f"paragraphs.{number}",
                    problems,
                    f"{doc_id} has no paragraph p{key}",
                    f"make paragraphs lists the paragraphs of {doc_id} with their keys",
                )
        for number, page in enumerate(update.pages):
            if not exists(page, entries, pages, ids):
                report(
                    update,
                    f"pages.{number}",
                    problems,
                    f"there is no page {page.kind}/{page.item}",
                    "name a story page, term, actor or source by its id",
                )


HINT = "use a document's id, or its citation key (the part before the first '_')"


def exists(page: PageKey, entries: set[PageKey], pages: set[str], sources: dict[str, str]) -> bool:
    if page.kind == PageKind.home:
        return True
    if page.kind == PageKind.page:
        return page.item in pages
    if page.kind == PageKind.source:
        return page.item in sources
    return page in entries


def report(update: Update, field: str, problems: Problems, message: str, hint: str) -> None:
    """``field``: ``pages.1`` (the list's item), else the field."""
    line = update.lines.get(field) or update.lines.get(field.split(".")[0], 1)
    problems.add(update.path, line, message, hint)
