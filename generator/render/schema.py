"""What search engines and reference managers read in a page's head: schema.org JSON-LD of the
page's kind, and Highwire ``citation_*`` fields for a source, with only what the sources establish.

Both go into the page's front matter as JSON (``schema:``, ``citation:``), which the theme prints
(generator/publish/overrides/main.html). Addresses are relative to the page: JSON-LD in HTML
resolves them against the page's own address, so nothing here depends on where the site is
published. An actor's type is its kind's ``schema:`` in the vocabulary (``generator/vocabulary.yml``,
``sources/vocabulary.yml``).
"""

from __future__ import annotations

from markupsafe import Markup

from generator.model import INDEX, PageKey, PageKind, inline
from generator.model.words import ui
from generator.render import open_data
from generator.render.addresses import relative, root, url_path
from generator.render.writers import json_text

CONTEXT = "https://schema.org"
MAIN = "#main-entity"
"""The fragment naming the thing a page is about (beside the page itself, ``./``)."""
INDEX_TITLES = {"term": "glossary_title", "actor": "actors_title", "source": "sources_title"}


def front_matter(page, title: str, description: str) -> Markup:
    """The ``schema:`` line of a page's front matter, and ``citation:`` on a source's page."""
    lines = [f"schema: {dump(page_data(page, title, description))}"]
    doc = document(page)
    if doc is not None:
        lines.append(f"citation: {dump(citation(doc))}")
    return Markup("\n".join(lines))


def dump(data) -> str:
    """One line of JSON, which is also YAML."""
    return json_text.line(data)


def href(page, key: PageKey, fragment: str = "") -> str:
    """The address of the page ``key`` in this page's language, relative to this page."""
    here = url_path(page.site, page.key, page.lang)
    return relative(here, url_path(page.site, key, page.lang)) + fragment


def page_type(key: PageKey) -> str:
    return "CollectionPage" if key[1] == "index" else "WebPage"


def page_data(page, title: str, description: str) -> dict:
    """The page as a ``WebPage`` (a ``CollectionPage`` for an index) about its main entity, with
    its versions in the other languages."""
    site, lang = page.site, page.lang
    data = {
        "@context": CONTEXT,
        "@type": page_type(page.key),
        "@id": "./",
        "url": "./",
        "name": title,
        "description": description,
        "inLanguage": lang,
        "isPartOf": website(page),
    }
    entity = main_entity(page, title, description)
    if entity:
        data["mainEntity"] = entity
    default = site.config.default_language
    versions = [
        {"@type": data["@type"], "@id": alt["href"], "url": alt["href"], "inLanguage": alt["lang"]}
        for alt in page.alternates()
        if alt["lang"] != lang
    ]
    if lang == default and versions:
        data["workTranslation"] = versions
    elif lang != default:
        data["translationOfWork"] = next(v for v in versions if v["inLanguage"] == default)
    return data


def website(page) -> dict:
    here = relative(url_path(page.site, page.key, page.lang), root(page.site, page.lang))
    return {
        "@type": "WebSite",
        "@id": here + "#website",
        "url": here,
        "name": page.site.config.title[page.lang],
        "inLanguage": page.lang,
    }


def main_entity(page, title: str, description: str) -> dict | None:
    """What the page is about, of its kind; None for a removed source's notice."""
    kind, item = page.key
    site, lang = page.site, page.lang
    if kind == "home":
        return website(page)
    if item == "index":
        return term_set(page) if kind == "term" else item_list(page, kind)
    if kind == "source":
        doc = document(page)
        return news_article(doc) if doc else None
    if kind in ("term", "actor"):
        return entry_node(page, site.entry(page.key))
    if kind == "ledger":
        return dataset(page, title, description) | {"distribution": downloads(page, open_data.LEDGER_FILES)}
    if (
        kind == "print"
    ):  # the story, the glossary and the actors in one document (generator/render/print_version.py)
        return {"@type": "Article", "@id": MAIN, "headline": title} | described(description, lang)
    if kind == "updates":  # the list of changes (generator/render/kinds/updates.py)
        return {"@type": "WebPage", "@id": MAIN, "name": title} | described(description, lang)
    story = next(p for p in site.pages if p.id == item)
    if story.layout == "figures":
        figures = [
            {"@type": "PropertyValue", "name": f.label[lang], "value": number(f.value)}
            | {"description": page.value(f)}
            for f in story.figures
        ]
        files = [f for f in open_data.FILES if f[0].startswith("figures.")]
        return dataset(page, title, description) | {
            "variableMeasured": figures,
            "distribution": downloads(page, files),
        }
    return {"@type": "Article", "@id": MAIN, "headline": title} | described(description, lang)


def number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def document(page):
    """The source document a page shows, if it is a source's page."""
    kind, item = page.key
    if kind != "source" or item == "index" or item in page.site.removed:
        return None
    return page.site.document(item)


def news_article(doc) -> dict:
    """A ``NewsArticle`` or ``OpinionNewsArticle`` with what its metadata says, unknowns left out."""
    meta = doc.meta
    data = {"@type": "OpinionNewsArticle" if meta.type == "opinion" else "NewsArticle", "@id": MAIN}
    if meta.title:
        data["headline"] = meta.title[meta.language]
    if meta.author:
        data["author"] = meta.author  # as printed: whether a person or a desk is not established
    if meta.publisher:
        data["publisher"] = meta.publisher
    if meta.date:
        data["datePublished"] = meta.date.isoformat()
    data["inLanguage"] = meta.language
    return data


def citation(doc) -> dict:
    """Highwire ``citation_*`` fields (without the prefix) of the original document."""
    meta = doc.meta
    fields = {
        "title": meta.title[meta.language] if meta.title else None,
        "author": meta.author,
        "publication_date": meta.date.strftime("%Y/%m/%d") if meta.date else None,
        "publisher": meta.publisher,
        "language": meta.language,
    }
    return {name: value for name, value in fields.items() if value}


def entry_node(page, entry) -> dict:
    """A glossary term as a ``DefinedTerm`` of the glossary; an actor as the type of its kind."""
    lang = page.lang
    if entry.kind == "term":
        node_type = "DefinedTerm"
    else:
        node_type = page.site.config.vocabulary.schema_type(entry.category)
    data = {
        "@type": node_type,
        "@id": MAIN,
        "name": entry.name[lang],
        "description": inline.plain(entry.summary.text[lang]),
    }
    if entry.other_names(lang):
        data["alternateName"] = entry.other_names(lang)
    if entry.kind == "term":
        data["url"] = "./"
        data["inDefinedTermSet"] = term_set(page, terms=False)
    return data


def term_set(page, terms: bool = True) -> dict:
    """The glossary as a ``DefinedTermSet``, with its terms on the glossary's own page."""
    index = PageKey(PageKind.term, INDEX)
    data = {
        "@type": "DefinedTermSet",
        "@id": href(page, index, MAIN),
        "url": href(page, index),
        "name": ui(page.lang)["glossary_title"],
    }
    if terms:
        entries = sorted(
            (e for e in page.site.entries if e.kind == "term"), key=lambda e: e.name[page.lang].casefold()
        )
        data["hasDefinedTerm"] = [
            {"@type": "DefinedTerm", "@id": href(page, e.key, MAIN), "url": href(page, e.key)}
            | {"name": e.name[page.lang]}
            for e in entries
        ]
    return data


def item_list(page, kind: str) -> dict:
    """The pages an index lists (actors or sources), in their order on the site."""
    if kind == "source":
        keys = [PageKey(PageKind.source, d.id) for d in page.site.documents]
        items = [(key, page.node_name(key)) for key in keys]
    else:
        actors = sorted(
            (e for e in page.site.entries if e.kind == kind), key=lambda e: e.name[page.lang].casefold()
        )
        items = [(e.key, e.name[page.lang]) for e in actors]
    return {
        "@type": "ItemList",
        "@id": MAIN,
        "name": ui(page.lang)[INDEX_TITLES[kind]],
        "numberOfItems": len(items),
        "itemListElement": [
            {"@type": "ListItem", "position": n, "name": name, "url": href(page, key)}
            for n, (key, name) in enumerate(items, 1)
        ],
    }


def dataset(page, title: str, description: str) -> dict:
    """A dataset of the open data, with its licence when ``data_licence:`` sets one."""
    licence = open_data.licence(page.site)
    return (
        {"@type": "Dataset", "@id": MAIN, "name": title}
        | described(description, page.lang)
        | ({"license": licence["url"]} if licence else {})
    )


def described(description: str, lang: str) -> dict:
    return {"description": description, "inLanguage": lang}


def downloads(page, files) -> list[dict]:
    """Open data files (``(name, media type)``) as the dataset's downloads."""
    here = url_path(page.site, page.key, page.lang)
    base = root(page.site, page.lang) + "assets/data/"
    return [
        {"@type": "DataDownload", "encodingFormat": media, "contentUrl": relative(here, base + name)}
        for name, media in files
    ]
