"""The print version: one page per language (``/cetak/``, ``/en/print/``) holding the story, the
glossary and the actors, with every footnote, to print or to read offline.

Each part is the body of its own page's template, rendered with the print page's one
``PageContext``: footnotes are collected once for the whole document (numbered through it, each
source paragraph once), links are relative to the print page and lead to the real pages, and
anchors are unique across the document. Each part's front matter is dropped and its headings move
down under the heading of its part (story, glossary, actors). ``generator/render/run.py`` only
registers the page (``job``) and the template functions (``GLOBALS``).
"""

from __future__ import annotations

import re
from types import SimpleNamespace

import jinja2
from markupsafe import Markup

from generator.model import PageKey, PageKind, Site
from generator.model.words import ui
from generator.render.kinds.entries import alphabetical, by_kind
from generator.render.page import RenderJob
from generator.render.site_files import navigation

TEMPLATE = "print.md.j2"
LEVELS = 2
"""A page's title (``#``) becomes a third-level heading: under the document's title and its part's."""
FRONT = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
HEADING = re.compile(r"^(#{1,6}) ", re.MULTILINE)
"""Headings of a generated page: text that starts a line with ``#`` is always escaped (``\\#``)."""
TITLE = re.compile(r"^# .*$", re.MULTILINE)
MENTIONS = 10
"""An entry's source documents listed in print (the rest are on its page): a term that a
collection of a thousand documents names would otherwise fill a hundred printed pages."""


def job(site: Site, lang: str) -> RenderJob:
    """The print page of ``lang``."""
    sources = site.config.path.parent
    folders = [sources / name for name in ("pages", "glossary", "actors")]
    values = {"parts": parts(site, lang), "print_mentions": MENTIONS}
    key = PageKey(PageKind.print)
    inputs = (site.config.path, *folders)
    return RenderJob(TEMPLATE, key, lang, sources, inputs, values, tooltips=False, whole=True)


def parts(site: Site, lang: str) -> list[SimpleNamespace]:
    """The story (every story page in navigation order), the glossary (A-Z) and the actors (by
    kind, as on their index), each page with the template and values of its own page."""
    words, slugs = ui(lang), ui(lang)["slugs"]
    stories = {story.id: story for story in site.pages}
    story = []
    for kind, item in navigation(site):
        wanted = site.config.home_page if kind == "home" else item
        page = stories.get(wanted) if wanted is not None else None
        if kind in ("home", "page") and page:
            template = {"questions": "article"}.get(page.layout, page.layout)
            story.append(section(f"page_{template}.md.j2", page.title[lang], page.slug[lang], story=page))
    terms = [entry for _, entries in alphabetical(site.entries, lang) for entry in entries]
    actors = [
        entry
        for _, entries in by_kind(site.entries, lang, site.config.vocabulary.ids("actor_kinds"))
        for entry in entries
    ]
    return [
        SimpleNamespace(title=title, anchor=slug(title), items=items)
        for title, items in (
            (words["print"]["story"], story),
            (words["glossary_title"], [entry_section(e, lang, slugs) for e in terms]),
            (words["actors_title"], [entry_section(e, lang, slugs) for e in actors]),
        )
        if items
    ]


def section(template: str, title: str, anchor: str, **values) -> SimpleNamespace:
    return SimpleNamespace(template=template, title=title, anchor=anchor, values=values)


def entry_section(entry, lang: str, slugs: dict) -> SimpleNamespace:
    return section(f"{entry.kind}.md.j2", entry.name[lang], f"{slugs[entry.kind]}-{entry.id}", entry=entry)


def slug(title: str) -> str:
    """``Catatan kaki`` -> ``catatan-kaki``."""
    return re.sub(r"[^\w]+", "-", title.casefold()).strip("-") or "part"


@jinja2.pass_context
def contents(context, wanted: list[SimpleNamespace]) -> list[SimpleNamespace]:
    """The parts with the anchors they get on the page: the page's own (``PageContext.anchor``),
    so that none is taken twice, whatever the parts' pages use themselves."""
    page = context["page"]
    return [
        SimpleNamespace(
            title=part.title,
            anchor=page.anchor(part.anchor),
            items=[
                SimpleNamespace(**vars(item) | {"anchor": page.anchor(item.anchor)}) for item in part.items
            ],
        )
        for part in wanted
    ]


@jinja2.pass_context
def body(context, item: SimpleNamespace) -> Markup:
    """A page's body rendered by its own template into the print page: without its front matter,
    its headings moved down under its part's, its title carrying the anchor of the contents."""
    text = context.environment.get_template(item.template).render(context.get_all() | item.values)
    text = FRONT.sub("", text, count=1).strip("\n")
    text = TITLE.sub(lambda title: f"{title[0]} {{ #{item.anchor} }}", text, count=1)
    return Markup(HEADING.sub(lambda match: "#" * min(6, len(match[1]) + LEVELS) + " ", text))


@jinja2.pass_context
def anchor(context, title: str) -> str:
    """An anchor of the page for a heading of its own: ``Catatan kaki`` -> ``catatan-kaki``."""
    return context["page"].anchor(slug(title))


GLOBALS = {"print_contents": contents, "print_body": body, "print_anchor": anchor}
"""Functions the print page's template calls."""
