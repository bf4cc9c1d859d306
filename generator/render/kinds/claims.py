"""The claims ledger page: every cited sentence beside the paragraphs it cites
(the rows come from ``generator/render/ledger.py``)."""

from __future__ import annotations

from types import SimpleNamespace

from markupsafe import Markup

from generator.model import Document, PageKey, PageKind, Site, inline, short_key, shown_as
from generator.model.updates import LATEST
from generator.model.words import ui
from generator.render import cite_this, markdown_text
from generator.render.formats import document_name, format_date
from generator.render.ledger import Claim, Part, claims, parts, translated
from generator.render.page import PageBase, RenderJob


class ClaimsHelpers(PageBase):
    """What the ledger's template calls."""

    def source_option(self, doc: Document) -> str:
        """A source as the ledger's filter lists it: its key and its name."""
        return f"{short_key(doc.id)} \u00b7 {document_name(doc, self.lang)}"

    def ledger_groups(self, claims: list[Claim]) -> list[SimpleNamespace]:
        """The ledger's rows grouped by the page they stand on, each group with its link."""
        groups: dict[tuple[str, str], SimpleNamespace] = {}
        for claim in claims:
            key = (claim.kind, claim.item)
            if key not in groups:
                page = shown_as(PageKey(PageKind(claim.kind), claim.item), self.site.config.home_page)
                url = self.url(page.kind, page.item) if page.item else self.url("home")
                day = cite_this.claim_changed(self.site, self.facts, claim.kind, claim.item, LATEST)
                changed = format_date(day, self.lang) if day else ""
                groups[key] = SimpleNamespace(title=claim.title, url=url, claims=[], changed=changed)
            groups[key].claims.append(claim)
        return list(groups.values())

    def ledger_sentence(self, claim: Claim) -> Markup:
        """The sentence as the reader sees it, with its certainty where the site states one."""
        words = markdown_text.escape(inline.plain(claim.sentence))
        sure = self.ui["certainty"].get(claim.certainty or "")
        return Markup(f"{words} *({markdown_text.escape(sure)})*" if sure else words)

    def ledger_cited(self, claim: Claim) -> Markup:
        """Each cited paragraph: its link, its kind of source, its text in this page's language
        and, when that is a translation, the original marked with its language."""
        parts: list[str] = []
        if claim.own:
            own = markdown_text.escape(self.ui["ledger_own"])
            parts.append(f'<span class="ledger-cite ledger-own" data-doc="" data-type="editors">{own}</span>')
        for found in claim.cited:
            doc, para = found.document, found.paragraph
            kind = self.ui["types"][doc.meta.type]
            tag = f'<span class="ledger-cite" data-doc="{doc.id}" data-type="{doc.meta.type}">{kind}</span>'
            if para is None:
                parts.append(
                    f"{tag} {markdown_text.link(document_name(doc, self.lang), self.url('source', doc.id))}"
                )
                continue
            where = markdown_text.link(
                f"{short_key(doc.id)} \u00b6 {para.key}", self.url("source", doc.id, para.anchor)
            )
            text = translated(self.site, doc, para, self.lang)
            shown = (
                markdown_text.escape(f"\u201c{text}\u201d")
                if text
                else markdown_text.escape(self.ui["awaiting_short"])
            )
            if doc.meta.language != self.lang:
                original = markdown_text.escape(f"\u201c{para.text}\u201d")
                said = markdown_text.escape(f"({self.original_in(doc)})")
                shown = Markup(f'{shown}<br><span lang="{doc.meta.language}">{original}</span> {said}')
            parts.append(f"{tag} {where}: {shown}")
        return Markup("<br><br>".join(parts))


def part_title(site: Site, part: Part, lang: str) -> str:
    """A part of the ledger by name: the story page's title, or the glossary's or the actors'
    first and last entry."""
    words = ui(lang)
    if part.kind == "page":
        return next(p for p in site.pages if p.id == part.id.removeprefix("page-")).title[lang]
    if part.kind == "home":
        return str(words["home"])
    names = [site.entry(PageKey(PageKind(kind), item)).name[lang] for kind, item in part.groups]
    section = words["glossary_title" if part.kind == "term" else "actors_title"]
    return f"{section}: {names[0]} \u2013 {names[-1]}" if len(names) > 1 else f"{section}: {names[0]}"


def jobs(site: Site, lang: str) -> list[RenderJob]:
    """The claims ledger of ``lang``: its index, and each of its parts."""
    inputs = (site.config.path,)
    rows = claims(site, site.resolver, lang)
    shown = []
    out = []
    for part in parts(site, site.resolver):
        groups = set(part.groups)
        mine = [row for row in rows if (row.kind, row.item) in groups]
        title = part_title(site, part, lang)
        key = PageKey(PageKind.ledger, part.id)
        values = {"claims": mine, "part_title": title}
        out.append(RenderJob("ledger.md.j2", key, lang, site.config.path, inputs, values, tooltips=False))
        shown.append(SimpleNamespace(key=key, title=title, count=len(mine), own=sum(r.own for r in mine)))
    index = RenderJob(
        "ledger_index.md.j2",
        PageKey(PageKind.ledger),
        lang,
        site.config.path,
        inputs,
        {"parts": shown},
        tooltips=False,
    )
    return [index, *out]
