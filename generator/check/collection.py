"""The check stage in one call: how the collection's pieces fit together. Every problem is
collected; the build stops only after all of them are known."""

from __future__ import annotations

from dataclasses import dataclass

from generator.check.attribution import check_attribution
from generator.check.citations import Citations
from generator.check.documents import validate
from generator.check.entry_checks import validate_entries
from generator.check.page_checks import validate_pages
from generator.check.statements import check_statement
from generator.check.updates import check_updates
from generator.model import Collection, NameIndex, Resolver, TranslationStatus, site_intro
from generator.model.problems import InputError, Problems


@dataclass(frozen=True)
class Checked:
    """What the checks established, for the link stage: the state of every translation and the
    indexes they built (built once, used by every later stage)."""

    translations: dict[tuple[str, str], list[TranslationStatus]]
    resolver: Resolver
    names: NameIndex


def check_collection(collection: Collection, problems: Problems) -> Checked:
    """Run every check over ``collection``; raise :class:`InputError` when any found an error."""
    config = collection.config
    translations = validate(collection.documents, config, problems)
    resolver = Resolver(collection.documents, collection.unreadable, collection.folder, collection.removed)
    cites = Citations(resolver, problems, set(collection.unlisted))
    known = {entry.key for entry in collection.entries} | collection.entry_files
    validate_entries(collection.entries, cites, config, problems, known)
    validate_pages(collection.pages, cites, known, problems, collection.config.vocabulary.symbols())
    names = NameIndex(collection.entries)
    if collection.with_entries:
        documents, entries = collection.documents, collection.entries
        check_statement(config.path, site_intro(config), cites, known, problems)
        check_attribution(documents, entries, collection.pages, resolver, names, problems)
    check_updates(collection, problems)
    cites.finish()
    pages = {page.id for page in collection.pages}
    if collection.with_entries and config.home_page and config.home_page not in pages:
        problems.add(
            config.path,
            1,
            f"home_page '{config.home_page}' is not in sources/pages/",
            "create the page or remove home_page",
        )
    if problems.errors:
        raise InputError(problems)
    return Checked(translations, resolver, names)
