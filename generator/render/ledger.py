"""The claims ledger: every cited sentence of the site beside the paragraphs it cites.

What a fact-checker reviews. One page per language, grouped by the page a sentence stands on, and
the same rows as CSV and JSON for researchers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from generator.link.graph import event_certainty
from generator.model import (
    BuildFacts,
    Cited,
    Document,
    Paragraph,
    Resolver,
    Site,
    Statement,
    inline,
    page_statements,
    refs_in,
    site_intro,
    statements,
)
from generator.model.story import StoryPage
from generator.model.updates import LATEST
from generator.model.words import ui
from generator.render import cite_this, reads
from generator.render.formats import calendar_check, node_name
from generator.render.writers import json_text
from generator.render.writers.table import table


@dataclass(frozen=True)
class Claim:
    """A sentence that cites a source or is the editors' own, where it stands, and what it cites."""

    kind: str
    """``home``, ``page``, ``term`` or ``actor``: the kind of page the sentence stands on."""
    item: str
    """The id of that page (a story page's id, or an entry's; empty for the home page)."""
    title: str
    sentence: str
    cited: tuple[Cited, ...]
    own: bool = False
    """The sentence carries the editors' mark: background or reckoning that no source states."""
    certainty: str | None = None
    """How firmly it stands, where the site says so (a diagram relation, a timeline event)."""


def texts(site: Site) -> list[tuple[str, str, dict, list[Statement]]]:
    """Every page's texts in the site's order: ``(kind, id, title, statements)``; the home page's
    introduction first."""
    found = [("home", "", ui_titles(site, "home"), [site_intro(site.config)])]
    for page in sorted(site.pages, key=lambda p: p.order):
        headings = [Statement(section.heading, {}) for section in page.sections]
        found.append(("page", page.id, page.title, headings + page_statements(page)))
    for kind in ("term", "actor"):
        for entry in sorted((e for e in site.entries if e.kind == kind), key=lambda e: e.id):
            found.append((kind, entry.id, entry.name, list(statements(entry))))
    return found


def ui_titles(site: Site, key: str) -> dict[str, str]:
    return {lang: str(ui(lang)[key]) for lang in site.config.languages}


_MADE: list[tuple[Site, Resolver, str, list[Claim]]] = []
"""The last rows made, with the site they were made from: the ledger's parts, its pages and its
open data all read the same rows, made once per site and language."""


def claims(site: Site, resolver: Resolver, lang: str) -> list[Claim]:
    """One row per sentence of the site in ``lang`` that cites a source or is the editors' own (on
    a page of the sources' voice, that is every sentence), the diagram's relations and the
    timeline's calendar checks included. A page that asks reads the whole site (``reads.whole``)."""
    site, resolver = reads.whole(site), reads.whole(resolver)
    for made_site, made_resolver, made_lang, rows in _MADE:
        if made_site is site and made_resolver is resolver and made_lang == lang:
            return list(rows)
    rows = make_claims(site, resolver, lang)
    _MADE[:] = [*_MADE[-3:], (site, resolver, lang, rows)]
    return list(rows)


def make_claims(site: Site, resolver: Resolver, lang: str) -> list[Claim]:
    """:func:`claims`, made."""
    rows = []
    pages = {page.id: page for page in site.pages}
    for kind, item, title, parts in texts(site):
        for statement in parts:
            for sentence in inline.sentences(statement.text.get(lang, "")):
                cited = tuple(
                    found for found in map(resolver.resolve, refs_in(sentence)) if isinstance(found, Cited)
                )
                own = inline.own(sentence)
                if cited or own:
                    sure = text_certainty(pages[item], statement, resolver) if item in pages else None
                    shown = inline.without_acks(sentence)
                    rows.append(Claim(kind, item, title[lang], shown, cited, own, sure))
        page = pages.get(item) if kind == "page" else None
        if page is not None:
            rows += reckonings(page, lang) + relations(site, page, resolver, lang)
    return rows


def text_certainty(page: StoryPage, statement: Statement, resolver: Resolver) -> str | None:
    """The certainty of the timeline event whose text ``statement`` is; None for other texts."""
    event = next((event for event in page.events if event.text is statement), None)
    return event_certainty(event, resolver) if event else None


def reckonings(page: StoryPage, lang: str) -> list[Claim]:
    """The calendar checks behind the page's inferred dates: the editors' own reckoning."""
    title = page.title[lang]
    checks = (calendar_check(event, lang) for event in page.events)
    return [Claim("page", page.id, title, check, (), own=True) for check in checks if check]


def relations(site: Site, page: StoryPage, resolver: Resolver, lang: str) -> list[Claim]:
    """The who-is-who diagram's relations, on the page that draws them, each as a sentence."""
    if page.layout != "network":
        return []
    words = ui(lang)
    rows = []
    for edge in site.diagram:
        found = resolver.resolve(edge.cite)
        sentence = f"{node_name(site, edge.source, lang)} {words['relations'][edge.type]} "
        sentence += node_name(site, edge.target, lang)
        cited = (found,) if isinstance(found, Cited) else ()
        rows.append(Claim("page", page.id, page.title[lang], sentence, cited, certainty=edge.certainty))
    return rows


FIELDS = (
    "language",
    "page",
    "page_kind",
    "sentence",
    "editors_own",
    "certainty",
    "citations",
    "document_types",
    "paragraph_texts",
    "original_texts",
    "last_changed",
)


def records(site: Site, resolver: Resolver, facts: BuildFacts) -> list[dict]:
    """The ledger of every language as plain records (for JSON), one per cited sentence, each with
    the day its page last changed (as the page's cite block gives it)."""
    out = []
    changed: dict[tuple[str, str], date | None] = {}
    for lang in site.config.languages:
        for claim in claims(site, resolver, lang):
            where = (claim.kind, claim.item)
            if where not in changed:
                changed[where] = cite_this.claim_changed(site, facts, claim.kind, claim.item, LATEST)
            day = changed[where]
            out.append(
                {
                    "language": lang,
                    "page": claim.title,
                    "page_kind": claim.kind,
                    "page_id": claim.item,
                    "sentence": inline.plain(claim.sentence),
                    "editors_own": claim.own,
                    "certainty": claim.certainty,
                    "cites": [cited_record(site, c.document, c.paragraph, lang) for c in claim.cited],
                    "last_changed": day.isoformat() if day else None,
                }
            )
    return out


def cited_record(site: Site, doc: Document, para: Paragraph | None, lang: str) -> dict:
    text = translated(site, doc, para, lang) if para else None
    return {
        "document": doc.id,
        "paragraph": para.key if para else None,
        "document_type": doc.meta.type,
        "text": text,
        "original": para.text if para else None,
        "original_language": doc.meta.language,
    }


def translated(site: Site, doc: Document, para: Paragraph, lang: str) -> str | None:
    """The paragraph in ``lang``: itself, its translation, or None while it awaits one."""
    if lang == doc.meta.language:
        return para.text
    for status in site.translations.get((doc.id, lang), []):
        if status.paragraph.key == para.key:
            return status.text
    return None


def as_json(rows: list[dict]) -> str:
    return json_text.file({"claims": rows}, indent=None)


def as_csv(rows: list[dict]) -> str:
    """One line per cited sentence; several citations are joined by ``; `` (paragraphs by a blank
    line), in the same order."""
    lines = []
    for row in rows:
        cites = row["cites"]
        lines.append(
            [
                row["language"],
                row["page"],
                row["page_kind"],
                row["sentence"],
                "yes" if row["editors_own"] else "no",
                row["certainty"] or "",
                "; ".join(
                    f"{c['document']}#p{c['paragraph']}" if c["paragraph"] else c["document"] for c in cites
                ),
                "; ".join(c["document_type"] for c in cites),
                "\n\n".join(c["text"] or "" for c in cites),
                "\n\n".join(c["original"] or "" for c in cites),
                row["last_changed"] or "",
            ]
        )
    return table(FIELDS, lines)


# The ledger in parts: a page per story page, the glossary and the actors in pages of a bounded size.
PART_BUDGET = 40_000
"""About how many characters of sentences and cited paragraphs one part of the ledger holds (its
page then stays well under 150 KB of HTML); a story page's rows are always one part."""


@dataclass(frozen=True)
class Part:
    """One page of the ledger: the groups of rows it holds (``(kind, item)``, as in :class:`Claim`)."""

    id: str
    """``page-<story page id>``, ``term-<n>``, ``actor-<n>`` or ``home``: the page's key item."""
    kind: str
    groups: tuple[tuple[str, str], ...]
    number: int = 0
    """The part's number among the glossary's or the actors' parts; 0 for a story page."""


def size(claim: Claim) -> int:
    """About how much a row shows: the sentence, and each cited paragraph (with its original)."""
    cited = sum(len(c.paragraph.text) * 2 if c.paragraph else 40 for c in claim.cited)
    return len(claim.sentence) + cited + 60


def parts(site: Site, resolver: Resolver) -> list[Part]:
    """The ledger's parts, the same in every language: the home page's introduction with the
    home story page (or alone), each story page, then the glossary's and the actors' entries in
    order, packed into parts of about :data:`PART_BUDGET` (the largest language decides)."""
    sizes: dict[tuple[str, str], int] = {}
    order: list[tuple[str, str]] = []
    for lang in site.config.languages:
        here: dict[tuple[str, str], int] = {}
        for claim in claims(site, resolver, lang):
            here[claim.kind, claim.item] = here.get((claim.kind, claim.item), 0) + size(claim)
        order += [key for key in here if key not in sizes]
        sizes |= {key: max(sizes.get(key, 0), value) for key, value in here.items()}
    home = site.config.home_page
    out: list[Part] = []
    if ("home", "") in sizes and ("page", home or "") not in sizes:
        out.append(Part("home", "home", (("home", ""),)))
    for kind, item in order:
        if kind == "page":
            groups = (
                (("home", ""), (kind, item)) if item == home and ("home", "") in sizes else ((kind, item),)
            )
            out.append(Part(f"page-{item}", "page", groups))
    for kind in ("term", "actor"):
        packed: list[list[tuple[str, str]]] = []
        total = PART_BUDGET
        for key in (k for k in order if k[0] == kind):
            if total + sizes[key] > PART_BUDGET and (not packed or packed[-1]):
                packed.append([])
                total = 0
            packed[-1].append(key)
            total += sizes[key]
        out += [Part(f"{kind}-{n}", kind, tuple(keys), n) for n, keys in enumerate(packed, 1)]
    return out
