"""Cite this page, and cite a source paragraph: APA and Chicago (author-date) citations in the
page's language, written by ``citation_styles`` (the text the CSL styles give for these items,
without a CSL processor), and the same reference as BibTeX, RIS and CSL-JSON (``writers``)
files to download.

What is cited is what is known, nothing more: a page of this site is a web page of the site
(its title, the site's title, its language, its address when the published address is known, the
date its input files last changed in git); a source page cites the source article with what its
metadata establishes (title, author, publisher, date; unknowns left to the styles, which print
their locale's "no date", "n.d." in English), read at this site's page. The access date is the
reader's: where a style asks for one, it shows a placeholder.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from markupsafe import Markup

from generator.model import BuildFacts, PageKey, PageKind, Site, shown_as
from generator.model.words import ui
from generator.render import citation_styles
from generator.render.addresses import relative, root, stem, url_path
from generator.render.writers import bibtex, json_text, ris

STYLES = citation_styles.STYLES
"""The styles shown, in order (``citation_styles``: APA 7th edition and Chicago author-date)."""
FILES = (("bib", "BibTeX"), ("ris", "RIS"), ("json", "CSL-JSON"))
FOLDER = "assets/cite"
TOKEN = "987654321"
"""Stands for a paragraph's key while a document's paragraph citation is rendered once: the
styles place it (in the locator and the address), and each paragraph's key replaces it."""


def render(item: dict, name: str, lang: str, locator: str | None = None) -> tuple[Markup, Markup]:
    """The reference-list entry of a CSL item in style ``name`` and ``lang``'s CSL locale, as HTML,
    and, for a paragraph (``locator``), its in-text citation with the paragraph as locator (else
    '': a page's in-text citation is left out)."""
    words = ui(lang)["cite"]
    entry, cite = citation_styles.render(item, name, words["csl_locale"], words["access_date"], locator)
    return Markup(entry), Markup(cite)


# What is cited --------------------------------------------------------------------------------
def issued(day: date | None) -> dict:
    return {"issued": {"date-parts": [[day.year, day.month, day.day]]}} if day else {}


def page_url(site: Site, facts: BuildFacts, key: PageKey, lang: str) -> str | None:
    return facts.address + url_path(site, key, lang) if facts.address else None


def item_id(site, key: PageKey, lang: str) -> str:
    return stem(site, key, lang).replace("/", "-")


def document_of(site, key: PageKey):
    kind, item = key
    if kind != "source" or item == "index" or item in site.removed:
        return None
    return site.document(item)


def document_title(doc, lang: str) -> str:
    """The title as printed, with its translation in square brackets on a page in another
    language (APA 9.38); an untitled work is described in square brackets (APA 9.29)."""
    meta = doc.meta
    if not meta.title:
        return f"[{meta.label[lang]}]"
    title = meta.title[meta.language]
    translated = meta.title.get(lang)
    return (
        f"{title} [{translated}]" if lang != meta.language and translated and translated != title else title
    )


def page_item(
    site: Site, facts: BuildFacts, key: PageKey, lang: str, title: str, changed: date | None
) -> dict:
    """The CSL item of a page: the source article on a source's page, else the page itself."""
    url = page_url(site, facts, key, lang)
    doc = document_of(site, key)
    item: dict[str, Any]
    if doc is None:
        item = {"id": item_id(site, key, lang), "type": "webpage", "title": title}
        item |= {"container-title": site.config.title[lang], "language": lang} | issued(changed)
    else:
        meta = doc.meta
        item = {"id": doc.id, "type": "webpage", "title": document_title(doc, lang)}
        if meta.author:
            item["author"] = [{"literal": meta.author}]
        if meta.publisher:
            item["container-title"] = meta.publisher
            item["publisher"] = meta.publisher
        item |= issued(meta.date) | {"language": meta.language}
    if url:
        item["URL"] = url
    return item


def paragraph_item(item: dict, key: str, lang: str) -> dict:
    """A source paragraph: the article, at the paragraph's stable address."""
    out = item | {"id": f"{item['id']}-p{key}", "note": ui(lang)["cite"]["paragraph_note"].format(key=key)}
    if "URL" in item:
        out["URL"] = f"{item['URL']}#p{key}"
    return out


def paragraph_keys(doc) -> list[str]:
    return [para.key for para in doc.paragraphs]


# Files ----------------------------------------------------------------------------------------
def as_csl_json(items: list[dict]) -> str:
    return json_text.file(items)


def as_bibtex(items: list[dict]) -> str:
    """biblatex ``@online`` entries; a name that is not a person's is braced whole."""
    entries = []
    for item in items:
        parts = item["issued"]["date-parts"][0] if "issued" in item else None
        entries.append(
            bibtex.Online(
                key=item["id"],
                title=item["title"],
                authors=[name["literal"] for name in item.get("author", [])],
                organization=item.get("container-title"),
                date=date(*parts).isoformat() if parts else None,
                year=str(parts[0]) if parts else None,
                url=item.get("URL"),
                language=item.get("language"),
                note=item.get("note"),
            )
        )
    return bibtex.entries(entries)


def as_ris(items: list[dict]) -> str:
    references = []
    for item in items:
        ref = {"type_of_reference": "ELEC", "id": item["id"], "title": item["title"]}
        if "author" in item:
            ref["authors"] = [name["literal"] for name in item["author"]]
        if "container-title" in item:
            ref["secondary_title"] = item["container-title"]
        if "publisher" in item:
            ref["publisher"] = item["publisher"]
        if "issued" in item:
            parts = item["issued"]["date-parts"][0]
            ref["year"] = str(parts[0])
            ref["date"] = date(*parts).strftime("%Y/%m/%d")
        if "URL" in item:
            ref["urls"] = [item["URL"]]
        ref["language"] = item["language"]
        if "note" in item:
            ref["notes"] = [item["note"]]
        references.append(ref)
    return ris.records(references)


def file_stem(site, key: PageKey, lang: str) -> str:
    return f"{FOLDER}/{stem(site, key, lang)}"


def files(
    site: Site, facts: BuildFacts, key: PageKey, lang: str, title: str, inputs: list[Path]
) -> list[tuple[str, str]]:
    """``(path in the language's tree, text)`` of the page's BibTeX, RIS and CSL-JSON files; a
    source's page adds one entry per paragraph."""
    item = page_item(site, facts, key, lang, title, last_changed(facts, inputs, site, key))
    items = [item]
    doc = document_of(site, key)
    if doc is not None:
        items += [paragraph_item(item, para_key, lang) for para_key in paragraph_keys(doc)]
    base = file_stem(site, key, lang)
    return [
        (f"{base}.bib", as_bibtex(items)),
        (f"{base}.ris", as_ris(items)),
        (f"{base}.json", as_csl_json(items)),
    ]


def own_inputs(site: Site, key: PageKey) -> tuple[Path, ...]:
    """The files a page of the story, the glossary or the actors shows (its last-changed date
    and permanent link come from them): the home page's are ``site.yml`` and its story page."""
    if key.kind == PageKind.home:
        shown = next((page for page in site.pages if page.id == site.config.home_page), None)
        return (site.config.path, shown.path) if shown else (site.config.path,)
    if key.kind == PageKind.page:
        return (next(page for page in site.pages if page.id == key.item).path,)
    return (site.entry(key).path,)


def update_inputs(site: Site, key: PageKey, latest: int) -> tuple[Path, ...]:
    """The files of the updates a page shows: those that changed it, and on the home page the
    ``latest``."""
    shown = site.updates_of(key)
    if key.kind == PageKind.home:
        shown = [*shown, *site.updates[:latest]]
    return tuple(dict.fromkeys(update.path for update in shown))


def claim_changed(site: Site, facts: BuildFacts, kind: str, item: str, latest: int) -> date | None:
    """When the page a sentence of the claims ledger stands on last changed, as its own cite
    block says: ``kind``/``item`` as the ledger names the page (a story page that is the home
    page is the home page)."""
    key = shown_as(PageKey(PageKind(kind), item), site.config.home_page)
    inputs = own_inputs(site, key) + update_inputs(site, key, latest)
    return last_changed(facts, list(inputs), site, key)


def last_changed(facts: BuildFacts, inputs: list[Path], site: Site, key: PageKey) -> date | None:
    """The last day the page changed: its input files' last commit, or the latest update that
    changed it (``sources/updates/``) when that is later, so that the two never disagree."""
    committed = facts.history.last_changed(inputs) if facts.history else None
    updated = [update.date for update in site.updates_of(key)]
    return max([day for day in (committed, *updated) if day is not None], default=None)


# What the page shows -------------------------------------------------------------------------
@dataclass
class Shown:
    """A citation block: each style's entry and in-text citation, and what goes beside them."""

    styles: list[tuple[str, Markup, Markup]]
    placeholder: bool
    downloads: list[tuple[str, str, str]]
    bibtex: Markup = Markup("")
    changed: str = ""
    permalink: str | None = None


def page_block(page, title: str, inputs, edit_path: str) -> Shown:
    """Cite this page: APA and Chicago, the files, the last-changed date and the permanent link."""
    site, key, lang = page.site, page.key, page.lang
    words = page.ui["cite"]
    changed = last_changed(page.facts, inputs, site, key)
    item = page_item(site, page.facts, key, lang, title, changed)
    styles = [(words[name], *render(item, name, lang)) for name in STYLES]
    here = url_path(site, key, lang)
    base = root(site, lang) + file_stem(site, key, lang)
    downloads = [
        (label, relative(here, f"{base}.{suffix}"), f"{item['id']}.{suffix}") for suffix, label in FILES
    ]
    history = page.facts.history
    return Shown(
        styles=styles,
        placeholder=any(words["access_date"] in str(entry) for _, entry, _ in styles),
        downloads=downloads,
        bibtex=Markup(html.escape(as_bibtex([item]).strip())),
        changed=f"{changed.day} {page.ui['months'][changed.month - 1]} {changed.year}" if changed else "",
        permalink=history.permalink(page.facts.repository, edit_path, list(inputs)) if history else None,
    )


def paragraph_block(page, doc, para) -> Shown:
    """Cite this paragraph: the article's entry at the paragraph's address, and the in-text
    citation with the paragraph as locator. Rendered once per document and page, with a stand-in
    for the key that each paragraph's key replaces."""
    cached = getattr(page, "_paragraph_citation", None)
    if cached is None or cached[0] != doc.id:
        item = page_item(page.site, page.facts, PageKey(PageKind.source, doc.id), page.lang, "", None)
        styles = [
            (page.ui["cite"][name], *render(paragraph_item(item, TOKEN, page.lang), name, page.lang, TOKEN))
            for name in STYLES
        ]
        cached = page._paragraph_citation = (doc.id, styles)
    key = html.escape(para.key)
    styles = [
        (label, Markup(entry.replace(TOKEN, key)), Markup(cite.replace(TOKEN, key)))
        for label, entry, cite in cached[1]
    ]
    placeholder = any(page.ui["cite"]["access_date"] in str(entry) for _, entry, _ in styles)
    return Shown(styles=styles, placeholder=placeholder, downloads=[])
