"""Render the site model into Markdown pages, one Jinja2 template per page kind."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import jinja2
from markupsafe import Markup

from generator import inline, markdown
from generator.link import Resolver
from generator.locale import ui
from generator.models import ACTOR_KINDS, Document, Entry, Site

TEMPLATES = Path(__file__).parent / "templates"
SECTIONS = {"source": "sumber", "term": "glosarium", "actor": "aktor"}


@dataclass(frozen=True)
class Page:
    """A generated page: where it goes and what it says."""

    path: str
    content: str


def page_file(stem: str, lang: str, default: str) -> str:
    """``stem.md`` for the default language, ``stem.<lang>.md`` for the others."""
    return f"{stem}.md" if lang == default else f"{stem}.{lang}.md"


def format_date(value: date | None, lang: str) -> str:
    if value is None:
        return ui(lang)["unknown"]
    return f"{value.day} {ui(lang)['months'][value.month - 1]} {value.year}"


def document_name(doc: Document, lang: str) -> str:
    """The printed title in ``lang``, or the editors' label in square brackets."""
    meta = doc.meta
    return meta.title[lang] if meta.title else f"[{meta.label[lang]}]"


def project_path(path: Path) -> str:
    """``sources/...`` path of an input file, as a contributor sees it in the repository."""
    parts = Path(path).parts
    return "/".join(parts[parts.index("sources") :]) if "sources" in parts else Path(path).name


class PageContext:
    """One page being rendered: its language, its links, and the footnotes it collects."""

    def __init__(self, site: Site, resolver: Resolver, lang: str, path: str):
        self.site, self.resolver, self.lang, self.path = site, resolver, lang, path
        self.ui = ui(lang)
        self.notes: dict[str, Markup] = {}
        self.linked: set[tuple[str, str]] = set()

    # Links -------------------------------------------------------------------------------
    def url(self, kind: str, item: str = "index", anchor: str = "") -> str:
        """Relative link from this page to a page of ``kind`` in the same language."""
        stem = "index" if kind == "home" else f"{SECTIONS[kind]}/{item}"
        target = page_file(stem, self.lang, self.site.config.default_language)
        link = Path(os.path.relpath(target, Path(self.path).parent)).as_posix()
        return f"{link}#{anchor}" if anchor else link

    def entry_link(self, key: tuple[str, str], label: str | None = None) -> Markup:
        """A link to an entry's page; a label written as ``*words*`` is shown in italics."""
        entry = self.site.entry(key)
        label = label or entry.name[self.lang]
        url = self.url(entry.kind, entry.id)
        if len(label) > 2 and label[0] == label[-1] == "*":
            return Markup(f"[*{markdown.escape(label[1:-1])}*]({url})")
        return markdown.link(label, url)

    # Citations ---------------------------------------------------------------------------
    def cite(self, ref: str) -> Markup:
        """A footnote reference for ``ref``; its definition is collected for the page's end."""
        doc, number = self.resolver.resolve(ref)
        label = f"{doc.id}-p{number}" if number else doc.id
        if label not in self.notes:
            self.notes[label] = self.footnote(doc, number)
        return Markup(f"[^{label}]")

    def footnote(self, doc: Document, number: int) -> Markup:
        """Source, type, date and paragraph, with the paragraph's text to read in place."""
        ui_ = self.ui
        if not number:
            anchor = markdown.link(ui_["document_data"], self.url("source", doc.id))
            return Markup(f"{self.source_label(doc)}, {anchor}.")
        para = doc.paragraphs[number - 1]
        text, pending = self.paragraph_text(doc, number)
        anchor = markdown.link(f"{ui_['paragraph']} {number}", self.url("source", doc.id, para.anchor))
        quoted = markdown.escape(f"\u201c{text}\u201d")
        if pending:
            quoted = Markup(f"{quoted} ({markdown.escape(ui_['awaiting_short'])})")
        return Markup(f"{self.source_label(doc)}, {anchor}: {quoted}")

    def source_label(self, doc: Document) -> Markup:
        """``**News** FirstIndonesiaMagz.id, “Title”, undated`` with unknowns said plainly."""
        ui_, meta = self.ui, doc.meta
        kind = markdown.escape(ui_["types"][meta.type])
        publisher = markdown.escape(meta.publisher or ui_["publisher_unknown"])
        if meta.title:
            title = f"\u201c{meta.title[meta.language]}\u201d"
            if self.lang != meta.language:
                title += f" [{meta.title[self.lang]}]"
        else:
            title = f"[{meta.label[self.lang]}]"
        when = format_date(meta.date, self.lang) if meta.date else ui_["undated"]
        return Markup(f"**{kind}**: {publisher}, {markdown.escape(title)}, {markdown.escape(when)}")

    def paragraph_text(self, doc: Document, number: int) -> tuple[str, bool]:
        """The paragraph in this page's language, or the original and True if untranslated."""
        para = doc.paragraphs[number - 1]
        if self.lang == doc.meta.language:
            return para.text, False
        status = self.site.translations[doc.id, self.lang][number - 1]
        return (status.text, False) if status.text else (para.text, True)

    def footnotes(self) -> Markup:
        return Markup("".join(f"[^{label}]: {note}\n" for label, note in self.notes.items()))

    # Contributor text --------------------------------------------------------------------
    def rich(self, text: str) -> Markup:
        """Inline syntax to Markdown: escaped text, emphasis, entry links, footnote references."""
        out = []
        for token in inline.parse(text):
            if isinstance(token, inline.Text):
                out.append(markdown.escape(token.value))
            elif isinstance(token, inline.Emphasis):
                out.append(f"*{markdown.escape(token.value)}*")
            elif isinstance(token, inline.Link):
                out.append(self.entry_link((token.kind, token.target), token.label))
            else:
                out.append("".join(self.cite(ref) for ref in token.refs))
        return Markup("".join(out).replace(" [^", "[^"))

    def linkify(self, text: str) -> Markup:
        """Escaped source text in which the page's first mention of each entry is a link."""
        pattern, owners = self.site.name_index
        out, position = [], 0
        for match in pattern.finditer(text) if pattern else ():
            key = owners[match[0].casefold()]
            if key in self.linked:
                continue
            self.linked.add(key)
            out += [markdown.escape(text[position : match.start()]), self.entry_link(key, match[0])]
            position = match.end()
        out.append(markdown.escape(text[position:]))
        return Markup("".join(out))

    def abbreviations(self, own: tuple[str, str] | None = None) -> Markup:
        """Abbreviation definitions: each term's names get its definition in this language.

        A term's own page (``own``) does not repeat its definition as a tooltip.
        """
        lines = []
        for entry in self.site.entries:
            if entry.kind != "term" or entry.key == own:
                continue
            title = inline.plain(entry.summary.text[self.lang])
            for name in sorted(entry.names() | {v for n in entry.names() for v in case_variants(n)}):
                lines.append(f"*[{name}]: {title}\n\n")
        return Markup("".join(lines))


def alphabetical(entries: list[Entry], lang: str) -> list[tuple[str, list[Entry]]]:
    """Glossary terms A-Z by their name in ``lang``, grouped by first letter."""
    terms = sorted((e for e in entries if e.kind == "term"), key=lambda e: e.name[lang].casefold())
    groups: dict[str, list[Entry]] = {}
    for entry in terms:
        groups.setdefault(entry.name[lang][:1].upper(), []).append(entry)
    return list(groups.items())


def by_kind(entries: list[Entry], lang: str) -> list[tuple[str, list[Entry]]]:
    """Actors grouped by kind (in the order of ``ACTOR_KINDS``), A-Z within each."""
    actors = sorted((e for e in entries if e.kind == "actor"), key=lambda e: e.name[lang].casefold())
    return [(k, items) for k in ACTOR_KINDS if (items := [e for e in actors if e.category == k])]


def case_variants(name: str) -> set[str]:
    """``Big data`` and ``big data``: a name at the start of a sentence or inside one."""
    variants = {name[:1].upper() + name[1:]}
    if name[1:2].islower():
        variants.add(name[:1].lower() + name[1:])
    return variants


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        finalize=markdown.escape,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        date=format_date,
        link=markdown.link,
        plain=markdown.plain,
        yaml=markdown.yaml_string,
        name=document_name,
        project_path=project_path,
        text=inline.plain,
    )
    return env


def render(site: Site) -> list[Page]:
    """Every page of the site in every language."""
    env = environment()
    resolver = Resolver(site.documents)
    default = site.config.default_language
    pages = []

    def add(template: str, stem: str, lang: str, **values) -> None:
        path = page_file(stem, lang, default)
        page = PageContext(site, resolver, lang, path)
        body = env.get_template(template).render(
            site=site, config=site.config, lang=lang, ui=page.ui, page=page, **values
        )
        own = values["entry"].key if "entry" in values else None
        extras = [page.footnotes(), page.abbreviations(own)]
        pages.append(Page(path, body.rstrip("\n") + "\n\n" + "\n".join(e for e in extras if e)))

    config_inputs = [site.config.path]
    for lang in site.config.languages:
        add("home.md.j2", "index", lang, inputs=config_inputs)
        add("source_index.md.j2", f"{SECTIONS['source']}/index", lang, inputs=config_inputs)
        add(
            "glossary_index.md.j2",
            f"{SECTIONS['term']}/index",
            lang,
            inputs=config_inputs,
            groups=alphabetical(site.entries, lang),
        )
        add(
            "actor_index.md.j2",
            f"{SECTIONS['actor']}/index",
            lang,
            inputs=config_inputs,
            groups=by_kind(site.entries, lang),
        )
        for doc in site.documents:
            add(
                "source.md.j2",
                f"{SECTIONS['source']}/{doc.id}",
                lang,
                doc=doc,
                inputs=[doc.raw.path, doc.raw.meta_path, *doc.raw.translation_paths.values()],
                statuses=site.translations.get((doc.id, lang)),
            )
        for entry in site.entries:
            stem = f"{SECTIONS[entry.kind]}/{entry.id}"
            add(f"{entry.kind}.md.j2", stem, lang, entry=entry, inputs=[entry.path])
    return pages
