"""Where each page lives, in each language.

Every language is a site of its own: ``docs/<lang>/`` is built into the site's root for the
default language and into ``/<lang>/`` for the others. Section names come from the locale files
(``slugs:``), story pages' names from their ``slug:`` (their file name by default); entries and
sources keep their ids.
"""

from __future__ import annotations

import posixpath

from generator.model import PageKey, PageKind, Site
from generator.model.words import ui


def stem(site: Site, key: PageKey, lang: str) -> str:
    """The page's file in its language's tree, without ``.md``: ``glossary/bikes``."""
    kind, item = key
    if kind == PageKind.home:
        return "index"
    if kind == PageKind.page:
        page = next(p for p in site.pages if p.id == item)
        return "index" if item == site.config.home_page else page.slug[lang]
    if kind == PageKind.ledger and item:
        return f"{ui(lang)['slugs'][kind]}/{ledger_part(site, item, lang)}"
    if kind in (PageKind.ledger, PageKind.print, PageKind.updates):
        return ui(lang)["slugs"][kind]
    return f"{ui(lang)['slugs'][kind]}/{item}"


def ledger_part(site: Site, item: str, lang: str) -> str:
    """A part of the claims ledger by name: a story page's slug, ``glossary-2``, ``actors-1``, or
    the word for the home page."""
    kind, _, rest = item.partition("-")
    if kind == "page" and rest != site.config.home_page:
        return next(p for p in site.pages if p.id == rest).slug[lang]
    if kind in ("term", "actor"):
        return f"{ui(lang)['slugs'][kind]}-{rest}"
    return "-".join(str(ui(lang)["home"]).lower().split())


def url_path(site: Site, key: PageKey, lang: str) -> str:
    """The page's address from the site's root: ``""``, ``"glosarium/bikes/"``, ``"en/glossary/bikes/"``."""
    return root(site, lang) + directory(stem(site, key, lang))


def directory(page_stem: str) -> str:
    """``glossary/bikes`` -> ``glossary/bikes/``; ``glossary/index`` -> ``glossary/``; ``index`` -> ``""``."""
    return page_stem.removesuffix("index") if page_stem.endswith("index") else page_stem + "/"


def root(site: Site, lang: str) -> str:
    """Where a language's site starts: ``""`` for the default language, ``"en/"`` for others."""
    return "" if lang == site.config.default_language else f"{lang}/"


def relative(source: str, target: str) -> str:
    """The link from the page at address ``source`` to address ``target`` (both from the root,
    folders ending in ``/``): ``relative("sumber/a/", "sumber/b/") == "../b/"``."""
    link = posixpath.relpath("/" + target, "/" + source)
    if link == ".":
        return "./"
    return link + "/" if target == "" or target.endswith("/") else link
