"""Files about the site as a whole: each language's description for the builder (navigation,
titles, interface words), redirects from earlier addresses, and the open data files."""

from __future__ import annotations

import html

from generator.model import INDEX, BuildFacts, PageKey, PageKind, Site
from generator.model.words import ui
from generator.render import open_data
from generator.render.addresses import directory, relative, root, stem
from generator.render.feeds import feed_path, has_feed
from generator.render.formats import document_name
from generator.render.ledger import as_csv, as_json, records
from generator.render.output import Page
from generator.render.page import DATA
from generator.render.writers import json_text

TEMPLATE_WORDS = (
    "close",
    "menu",
    "home",
    "not_found_title",
    "not_found_text",
    "og_locale",
    "language_name",
    "permalink_title",
    "footnote_backlink",
)
"""Interface words the builder needs: its page templates' (404 page, search dialog, link
previews) and its Markdown extensions' (heading links, footnote back-links)."""


def navigation(site: Site) -> list[PageKey]:
    """The pages of the navigation, in order: the home page, the story, the glossary, the actors,
    the sources, the method, the claims ledger and the updates."""
    stories = sorted((p for p in site.pages if p.id != site.config.home_page), key=lambda p: p.order)
    nav = [PageKey(PageKind.home)] + [PageKey(PageKind.page, p.id) for p in stories if p.layout != "method"]
    nav += [PageKey(kind, INDEX) for kind in (PageKind.term, PageKind.actor, PageKind.source)]
    method = [PageKey(PageKind.page, p.id) for p in stories if p.layout == "method"]
    return nav + method + [PageKey(PageKind.ledger), PageKey(PageKind.updates)]


def descriptions(site: Site, titles: dict[str, str], facts: BuildFacts) -> list[Page]:
    """``<lang>.site.json`` for each language: what a builder needs to make it a site of its own
    (title, description, the pages of the navigation in order with their titles, the sections
    reached from their index pages, every language's home, interface words). ``titles``: each
    page's title as its front matter has it, by its path."""
    nav = navigation(site)
    out = []
    for lang in site.config.languages:
        words = ui(lang)
        description = {
            "language": lang,
            "default": lang == site.config.default_language,
            "root": root(site, lang),
            "title": site.config.title[lang],
            "description": site.config.description[lang],
            "nav": [
                {"title": titles[f"{lang}/{stem(site, key, lang)}.md"], "path": stem(site, key, lang) + ".md"}
                for key in nav
            ],
            "not_in_nav": sorted(
                {f"/{words['slugs'][kind]}/" for kind in ("source", "term", "actor", "ledger")}
                | {f"/{words['slugs']['print']}.md"}
            ),
            "languages": [
                {"lang": other, "name": ui(other)["language_name"], "path": root(site, other)}
                for other in site.config.languages
            ],
            "words": {word: words[word] for word in TEMPLATE_WORDS},
            # the updates' Atom feed, for the pages' heads; None without one (generator/render/feeds.py)
            "feed": {"path": feed_path(lang), "title": words["updates"]["feed"]}
            if has_feed(site, facts)
            else None,
        }
        text = json_text.file(description)
        out.append(Page(f"{lang}.site.json", text))
    return out


def open_data_pages(site: Site, facts: BuildFacts) -> list[Page]:
    """The claims ledger of each language as CSV and JSON, in that language's tree, and the
    figures, timeline, glossary and actors with their README (``generator/render/open_data/``)."""
    rows = records(site, site.resolver, facts)
    out = []
    for lang in site.config.languages:
        own = [row for row in rows if row["language"] == lang]
        out += [
            Page(f"{lang}/{DATA}/claims.csv", as_csv(own)),
            Page(f"{lang}/{DATA}/claims.json", as_json(own)),
        ]
    out += [Page(path, text) for path, text in open_data.files(site)]
    return out


def redirects(site: Site, keys: list[PageKey], titles: dict[str, str]) -> list[Page]:
    """A page at each earlier address, sending the reader (and the paragraph anchor they asked
    for) on: the earlier ids of renamed sources, and, when ``earlier_addresses:`` in site.yml is
    ``default-language-slugs``, in the languages other than the default, the addresses pages had
    when every language used the default language's names. ``titles``: as for :func:`descriptions`."""
    titles = {path: html.unescape(title) for path, title in titles.items()}
    taken = {doc.id for doc in site.documents} | set(site.removed)
    default = site.config.default_language
    out = []
    for doc in site.documents:
        for old in doc.record.renamed_from if doc.record else ():
            if old in taken:
                continue
            for lang in site.config.languages:
                now = stem(site, PageKey(PageKind.source, doc.id), lang)
                title = titles.get(f"{lang}/{now}.md") or document_name(doc, lang)
                old_stem = stem(site, PageKey(PageKind.source, old), lang)
                out.append(redirect(lang, old_stem, now, title, ui(lang)["moved_to"]["source"]))
    if site.config.earlier_addresses != "default-language-slugs":
        return out
    for lang in site.config.languages:
        own = {stem(site, key, lang) for key in set(keys)}
        for key in dict.fromkeys(keys):
            earlier, now = stem(site, key, default), stem(site, key, lang)
            if earlier != now and earlier not in own:
                title = titles.get(f"{lang}/{now}.md") or now
                words = ui(lang)["moved_to"]
                said = words["source"] if key.kind == PageKind.source and key.item != INDEX else words["page"]
                out.append(redirect(lang, earlier, now, title, said))
    return out


def redirect(lang: str, old: str, new: str, title: str, said: str) -> Page:
    """An HTML page at ``old`` (a page stem in ``lang``'s tree) that forwards to ``new``, titled
    ``title``. The script keeps the anchor asked for (``#p5``); without scripts, the refresh
    can only lead to the top of the new page (a page cannot read its own anchor without them)."""
    target = relative(directory(old), directory(new))
    title = html.escape(title)
    body = (
        f'<!doctype html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n"
        '<meta name="robots" content="noindex">\n'
        f'<link rel="canonical" href="{target}">\n'
        f"<script>location.replace({json_text.in_script(target)} + location.hash)</script>\n"
        f'<meta http-equiv="refresh" content="0; url={target}">\n</head>\n<body>\n'
        f'<p>{html.escape(said)} <a href="{target}">{title}</a></p>\n'
        "</body>\n</html>\n"
    )
    return Page(f"{lang}/{directory(old)}index.html", body)
