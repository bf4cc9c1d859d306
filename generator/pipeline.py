"""The pipeline from ``sources/`` to pages: load -> clean -> validate -> link -> render -> write."""

from __future__ import annotations

from pathlib import Path

from generator.check.attribution import check_attribution
from generator.check.citations import Citations
from generator.check.validate import validate, validate_entries, validate_pages
from generator.link.resolve import NameIndex, Resolver, cited_by, diagram_edges, find_mentions, related
from generator.model.problems import InputError, Problems
from generator.model.site import Site
from generator.publish.write import WriteReport, write
from generator.read import git
from generator.read.clean_text import clean
from generator.read.documents import load_documents, load_site, removed_records, unlisted
from generator.read.entries import entry_files, load_entries
from generator.read.git import repository_url
from generator.read.pages import load_pages
from generator.render.cite_this import site_address
from generator.render.core import Page, render
from generator.render.social_image import images


def build(sources: Path, with_entries: bool = True) -> tuple[Site, Problems]:
    """Load, clean and validate ``sources``; raise :class:`InputError` if anything is wrong.

    ``with_entries=False`` reads only the documents and their translations.
    """
    problems = Problems()
    config = load_site(sources / "site.yml", problems)
    if config is None:
        raise InputError(problems)
    documents = [clean(raw, config.cleaning) for raw in load_documents(sources, config, problems)]
    entries = load_entries(sources, config, problems) if with_entries else []
    pages = load_pages(sources, config, problems) if with_entries else []
    translations = validate(documents, config, problems)
    unreadable = {path.stem for path in sources.glob("*.txt")} - {doc.id for doc in documents}
    removed = removed_records(sources)
    resolver = Resolver(documents, unreadable, sources, removed)
    cites = Citations(resolver, problems, unlisted(sources))
    # Entries whose file exists but has problems of its own count as known: no cascade of messages.
    known = {entry.key for entry in entries} | entry_files(sources)
    validate_entries(entries, cites, config, problems, known)
    validate_pages(pages, cites, known, problems)
    names = NameIndex(entries)
    if with_entries:
        check_attribution(documents, entries, pages, resolver, names, problems)
    cites.finish()
    if config.home_page and config.home_page not in {page.id for page in pages} and with_entries:
        problems.add(
            config.path,
            1,
            f"home_page '{config.home_page}' is not in sources/pages/",
            "create the page or remove home_page",
        )
    if problems.errors:
        raise InputError(problems)
    site = Site(config, documents, translations, entries, pages=pages, removed=removed)
    site.name_index = names
    site.mentions = find_mentions(documents, site.name_index)
    site.cited_by = cited_by(entries, resolver)
    site.related = related(entries)
    site.diagram = diagram_edges(entries, resolver)
    return site, problems


def generate(sources: Path, out: Path, parallel: bool = True) -> tuple[WriteReport, Problems]:
    """Build every page from ``sources`` and write the changed ones to ``out``."""
    site, problems = build(sources)
    site.repo = repository_url(sources.resolve().parent)
    site.address = site_address(sources.resolve().parent)
    site.history = git.read(sources)
    pages: list[Page] = render(site, parallel) + images(site)
    return write(pages, out), problems
