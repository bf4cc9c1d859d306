"""The pipeline from ``sources/`` to pages: load -> clean -> validate -> render -> write."""

from __future__ import annotations

from pathlib import Path

from generator.clean import clean
from generator.load import load_documents, load_site
from generator.models import Site
from generator.problems import InputError, Problems
from generator.render import Page, render
from generator.validate import validate
from generator.write import WriteReport, write


def build(sources: Path) -> tuple[Site, Problems]:
    """Load, clean and validate ``sources``; raise :class:`InputError` if anything is wrong."""
    problems = Problems()
    config = load_site(sources / "site.yml", problems)
    if config is None:
        raise InputError(problems)
    documents = [clean(raw) for raw in load_documents(sources, config, problems)]
    translations = validate(documents, config, problems)
    if problems.errors:
        raise InputError(problems)
    return Site(config, documents, translations), problems


def generate(sources: Path, out: Path) -> tuple[WriteReport, Problems]:
    """Build every page from ``sources`` and write the changed ones to ``out``."""
    site, problems = build(sources)
    pages: list[Page] = render(site)
    return write(pages, out), problems
