"""The page core: one page being rendered (its language, its links, the footnotes it collects)
and the job that renders it. What only one kind of page needs lives in that kind's module under
``generator/render/kinds/``; ``generator/render/context.py`` joins them for the templates."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from generator.model import BuildFacts, Document, PageKey, PageKind, Paragraph, Site, inline
from generator.model.words import ui
from generator.read.git import issue_url
from generator.render import cite_this, markdown_text, schema
from generator.render.addresses import relative, stem, url_path
from generator.render.formats import case_variants, document_name, format_date, node_name

DATA = "assets/data"


@dataclass(frozen=True)
class RenderJob:
    """One page to render: its template, its key and language, the file a reader edits it in,
    the input files it shows (for its last-changed date), and the template's own values."""

    template: str
    key: PageKey
    lang: str
    edit: Path
    inputs: tuple[Path, ...]
    values: Mapping[str, object] = field(default_factory=dict)
    tooltips: bool = True
    """Abbreviation definitions (tooltips) for the terms the page names; the ledger and the print
    version go without."""
    own: PageKey | None = None
    """The entry whose page this is: its own names get no tooltip there."""
    whole: bool = False
    """The page reads the whole site (the print version): it is rendered against the site itself,
    recorded as reading all of it, without the cost of noting each read."""


EDITORS_MARK = '<sup class="editors-mark">'
EDITORS_ANCHOR = "editors-notes"
"""The method page's section on the editors' own sentences, where their mark links."""


class PageBase:
    """One page being rendered: its language, its links, and the footnotes it collects."""

    def __init__(
        self,
        site: Site,
        facts: BuildFacts,
        lang: str,
        key: PageKey,
        sizes: dict[str, tuple[int, int]] | None = None,
    ):
        self.site, self.facts, self.lang, self.key = site, facts, lang, key
        self.resolver = site.resolver
        self.path = stem(site, key, lang) + ".md"
        """The page's file in its language's tree: links from it are relative to it."""
        self.sizes = sizes or {}
        """``{drawing path: (width, height)}`` of the SVG files made for the site."""
        self.ui = site.config.vocabulary.words(lang)
        """The interface words of the page's language, with the vocabulary's labels."""
        self.notes: dict[str, Markup] = {}
        """Footnote label -> its text, in the order the page cites them."""
        self.linked: set[PageKey] = set()
        """Entries the page has linked already (only a first mention is a link)."""
        self.links: dict[tuple[str, str], str] = {}
        self.anchors: set[str] = set()

    def url(self, kind: str, item: str = "index", anchor: str = "") -> str:
        """Relative link from this page to a page of ``kind`` in the same language."""
        link = self.links.get((kind, item))
        if link is None:
            blank = kind == "home" or (kind == "ledger" and item == "index")
            key = PageKey(PageKind(kind), "" if blank else item)
            link = self.links[kind, item] = (
                "../" * self.path.count("/") + stem(self.site, key, self.lang) + ".md"
            )
        return f"{link}#{anchor}" if anchor else link

    def entry_link(self, key: PageKey | tuple[str, str], label: str | None = None) -> Markup:
        """A link to an entry's page; words of the label written as ``*words*`` are shown in
        italics as a foreign term, whether they are the whole label or a part of it."""
        entry = self.site.entry(key)
        url = self.url(entry.kind, entry.id)
        if not label:
            return markdown_text.link(entry.name[self.lang], url)
        shown = "".join(
            self.foreign(markdown_text.escape(token.value))
            if isinstance(token, inline.Emphasis)
            else markdown_text.escape(token.value if isinstance(token, inline.Text) else str(token))
            for token in inline.parse(label)
        )
        return Markup(f"[{shown}]({url})")

    def node_name(self, key: PageKey) -> str:
        """A node of a diagram by name: a document's title (or label), an entry's name."""
        return node_name(self.site, key, self.lang)

    def node_link(self, key: PageKey) -> Markup:
        """A link to a node's page: a source document's, or an entry's."""
        if key.kind == PageKind.source:
            return markdown_text.link(self.node_name(key), self.url("source", key.item))
        return self.entry_link(key)

    def cite(self, ref: str) -> Markup:
        """A footnote reference for ``ref``; its definition is collected for the page's end."""
        cited = self.resolver.cited(ref)
        doc, para = cited.document, cited.paragraph
        label = f"{doc.id}-p{para.key}" if para else doc.id
        if label not in self.notes:
            self.notes[label] = self.footnote(doc, para)
        return Markup(f"[^{label}]")

    def footnote(self, doc: Document, para: Paragraph | None) -> Markup:
        """Source, type, date and paragraph, with the paragraph's text to read in place."""
        ui_ = self.ui
        if para is None:
            anchor = markdown_text.link(ui_["document_data"], self.url("source", doc.id))
            return Markup(f"{self.source_label(doc)}, {anchor}.")
        text, pending = self.paragraph_text(doc, para)
        anchor = markdown_text.link(f"{ui_['paragraph']} {para.key}", self.url("source", doc.id, para.anchor))
        quoted = markdown_text.escape(f"\u201c{text}\u201d")
        if pending:
            original = f'<span lang="{doc.meta.language}">{quoted}</span>'
            said = f"{self.original_in(doc)}, {ui_['awaiting_short']}"
            quoted = Markup(f"{original} ({markdown_text.escape(said)})")
        return Markup(f"{self.source_label(doc)}, {anchor}: {quoted}")

    def original_in(self, doc: Document) -> str:
        """``original in Indonesian``: the document's own language named in this page's."""
        lang = doc.meta.language
        return str(self.ui["original_in"]).format(language=self.ui["languages"].get(lang, lang))

    def source_label(self, doc: Document) -> Markup:
        """``**News** Example Daily, “Title”, undated`` with unknowns said plainly."""
        ui_, meta = self.ui, doc.meta
        kind = markdown_text.escape(ui_["types"][meta.type])
        publisher = markdown_text.escape(meta.publisher or ui_["publisher_unknown"])
        if meta.title:
            title = f"\u201c{meta.title[meta.language]}\u201d"
            if self.lang != meta.language:
                title += f" [{meta.title[self.lang]}]"
        else:
            title = document_name(doc, self.lang)
        when = format_date(meta.date, self.lang) if meta.date else ui_["undated"]
        return Markup(f"**{kind}**: {publisher}, {markdown_text.escape(title)}, {markdown_text.escape(when)}")

    def paragraph_text(self, doc: Document, para: Paragraph) -> tuple[str, bool]:
        """The paragraph in this page's language, or the original and True if untranslated."""
        if self.lang == doc.meta.language:
            return para.text, False
        status = self.site.translations[doc.id, self.lang][para.number - 1]
        return (status.text, False) if status.text else (para.text, True)

    def footnotes(self) -> Markup:
        return Markup("".join(f"[^{label}]: {note}\n" for label, note in self.notes.items()))

    def anchor(self, wanted: str) -> str:
        """``wanted``, or ``wanted-2``, ``-3``... if the page already uses it."""
        name, n = wanted, 1
        while name in self.anchors:
            n += 1
            name = f"{wanted}-{n}"
        self.anchors.add(name)
        return name

    def image(self, target: str, alt: str) -> Markup:
        """An image with its width and height, so the page does not shift while it loads."""
        width, height = self.sizes[target]
        url = "../" * self.path.count("/") + target
        return Markup(f'![{markdown_text.escape(alt)}]({url}){{ width="{width}" height="{height}" }}')

    def data_url(self, name: str) -> str:
        """Relative link to a file of the open data (``assets/data/``)."""
        return "../" * self.path.count("/") + f"{DATA}/{name}"

    def alternates(self) -> list[dict[str, str]]:
        """This page in every language: the language's name and the link to its version."""
        here = url_path(self.site, self.key, self.lang)
        return [
            {
                "lang": lang,
                "name": ui(lang)["language_name"],
                "href": relative(here, url_path(self.site, self.key, lang)),
                "path": url_path(self.site, self.key, lang),
            }
            for lang in self.site.config.languages
        ]

    def report(self, title: str, doc: Document | None = None, para: Paragraph | None = None) -> Markup:
        """A link that opens a new issue in the project's repository about this page, or about one
        of its source paragraphs, with page, address, language and paragraph filled in; nothing
        when no repository is known (``git.issue_url``)."""
        words = self.ui["report"]
        path = "/" + url_path(self.site, self.key, self.lang)
        if doc is not None and para is not None:
            subject = words["title_paragraph"].format(document=doc.id, paragraph=para.key)
            where = words["where_paragraph"].format(paragraph=para.key, path=path, anchor=para.anchor)
        else:
            subject, where = words["title_page"].format(page=title), ""
        body = words["body"].format(page=title, path=path, language=self.ui["language_name"], where=where)
        url = issue_url(self.facts.repository, subject, body)
        return (
            markdown_text.link(words["paragraph" if para is not None else "page"], url) if url else Markup("")
        )

    def cite_paragraph(self, doc: Document, para: Paragraph) -> cite_this.Shown:
        """Cite this paragraph (``generator/render/cite_this.py``)."""
        return cite_this.paragraph_block(self, doc, para)

    def metadata(self, title: str, description: str) -> Markup:
        """Front matter for search engines and reference managers (``generator/render/schema.py``)."""
        return schema.front_matter(self, title, description)

    def foreign(self, words: str) -> Markup:
        """Emphasis marks a foreign term (EYD): in italics, and with a two-language site in the
        other language's ``lang`` so that it is read aloud right."""
        others = [code for code in self.site.config.languages if code != self.lang]
        return Markup(f'<em lang="{others[0]}">{words}</em>' if len(others) == 1 else f"*{words}*")

    def rich(self, text: str) -> Markup:
        """Inline syntax to Markdown: escaped text, emphasis, entry links, footnote references."""
        out: list[str] = []
        for token in inline.parse(text):
            if isinstance(token, inline.Text):
                out.append(markdown_text.escape(token.value))
            elif isinstance(token, inline.Emphasis):
                out.append(self.foreign(markdown_text.escape(token.value)))
            elif isinstance(token, inline.Link):
                out.append(self.entry_link((token.kind, token.target), token.label))
            elif isinstance(token, inline.Cite):
                out.append('<sup class="fn-sep">,</sup>'.join(self.cite(ref) for ref in token.refs))
                if token.own:
                    out.append(self.editors_mark())
        return Markup("".join(out).replace(" [^", "[^").replace(" " + EDITORS_MARK, EDITORS_MARK))

    def editors_mark(self) -> Markup:
        """The mark of a sentence that is the editors' own: a link to where the method page says
        what such sentences are (to the claims ledger when the site has no method page)."""
        method = next((p for p in self.site.pages if p.layout == "method"), None)
        url = self.url("page", method.id, EDITORS_ANCHOR) if method else self.url("ledger")
        title = str(self.ui["editors_mark_title"]).replace('"', "")
        label = markdown_text.escape(self.ui["editors_mark"])
        return Markup(f'{EDITORS_MARK}[\\[{label}\\]]({url} "{title}")</sup>')

    def linkify(self, text: str) -> Markup:
        """Escaped source text in which the page's first mention of each entry is a link."""
        out: list[str] = []
        position = 0
        for start, end, key in self.site.name_index.finditer(text):
            if key in self.linked:
                continue
            self.linked.add(key)
            out += [markdown_text.escape(text[position:start]), self.entry_link(key, text[start:end])]
            position = end
        out.append(markdown_text.escape(text[position:]))
        return Markup("".join(out))

    def abbreviations(self, text: str, own: PageKey | None = None) -> Markup:
        """Abbreviation definitions for the terms named in ``text``, in this page's language,
        so that each name shows its definition as a tooltip. Only terms the page names are
        defined: a page's size does not grow with the glossary. A term's own page (``own``)
        does not repeat its definition.
        """
        named = self.site.name_index.keys_in(text)
        lines: list[str] = []
        for key in self.site.entry_keys():
            if key.kind != PageKind.term or key == own or key not in named:
                continue
            entry = self.site.entry(key)
            definition = inline.plain(entry.summary.text[self.lang])
            titles: dict[str, str] = {}
            for name in sorted(entry.names()):
                expansion = entry.expansions.get(name) or {}
                for variant in {name, *case_variants(name)}:
                    titles.setdefault(variant, expansion.get(self.lang) or definition)
            lines += [f"*[{name}]: {title}\n\n" for name, title in sorted(titles.items())]
        return Markup("".join(lines))
