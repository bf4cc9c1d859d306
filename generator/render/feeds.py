"""The updates as an Atom feed per language (``<lang>/<updates slug>/atom.xml``), written by
``writers/atom.py``. A feed reader needs absolute addresses, and a feed needs a date: so a feed is
made only when the site's published address is known and there is an update to tell of."""

from __future__ import annotations

from generator.model import BuildFacts, PageKey, PageKind, Site
from generator.model.words import ui
from generator.render.addresses import url_path
from generator.render.output import Page
from generator.render.writers import atom

NAME = "atom.xml"


def feed_path(lang: str) -> str:
    """The feed in ``lang``'s tree of ``docs/``: beside the updates page."""
    return f"{ui(lang)['slugs']['updates']}/{NAME}"


def has_feed(site: Site, facts: BuildFacts) -> bool:
    return bool(facts.address and site.updates)


def feeds(site: Site, facts: BuildFacts) -> list[Page]:
    if not has_feed(site, facts):
        return []
    out = []
    for lang in site.config.languages:
        words = site.config.vocabulary.words(lang)
        page = facts.address + url_path(site, PageKey(PageKind.updates), lang)
        entries = [
            atom.FeedEntry(
                id=f"{page}#{update.id}",
                title=f"{words['update_kinds'][update.kind]} \u00b7 {update.date.isoformat()}",
                updated=update.date,
                link=f"{page}#{update.id}",
                summary=update.note[lang],
                categories=(update.kind,),
            )
            for update in site.updates
        ]
        feed = atom.Feed(
            id=page + NAME,
            title=f"{site.config.title[lang]}: {words['updates']['title']}",
            link=page,
            self_link=page + NAME,
            lang=lang,
            author=site.config.title[lang],
        )
        out.append(Page(f"{lang}/{feed_path(lang)}", atom.document(feed, entries)))
    return out
