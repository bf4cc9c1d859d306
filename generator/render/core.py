"""Render the site model into Markdown pages, one Jinja2 template per page kind."""

from __future__ import annotations

import html
import json
import multiprocessing
import os
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import jinja2
from markupsafe import Markup

from generator.link.resolve import DiagramEdge, Resolver, certainty, cited_documents, refs_in, short_key
from generator.model import inline
from generator.model.dates import WEEKDAYS, PartialDate
from generator.model.site import (
    ACTOR_KINDS,
    CERTAINTIES,
    Chart,
    Document,
    Entry,
    Event,
    Figure,
    Paragraph,
    Site,
    StoryPage,
)
from generator.model.words import ui
from generator.read.git import issue_url
from generator.render import cite_this, markdown_text, open_data, print_version, schema
from generator.render.addresses import Key, directory, relative, root, stem, url_path
from generator.render.diagram import Edge, Node, connections, network
from generator.render.ledger import as_csv, as_json, claims, records, translated
from generator.render.svg import bar_chart

TEMPLATES = Path(__file__).parent / "templates"
ASSETS = "assets/charts"
DATA = "assets/data"


@dataclass(frozen=True)
class Page:
    """A generated page: where it goes (``<lang>/...``) and what it says; ``group`` is the same
    for a page's versions in every language."""

    path: str
    content: str | bytes
    """Text, or the bytes of a picture."""
    group: str = ""


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

    def __init__(self, site: Site, resolver: Resolver, lang: str, key: Key, sizes: dict | None = None):
        self.site, self.resolver, self.lang, self.key = site, resolver, lang, key
        self.path = stem(site, key, lang) + ".md"
        """The page's file in its language's tree: links from it are relative to it."""
        self.sizes = sizes or {}
        """``{drawing path: (width, height)}`` of the SVG files made for the site."""
        self.ui = ui(lang)
        self.notes: dict[str, Markup] = {}
        self.linked: set[tuple[str, str]] = set()
        self.links: dict[tuple[str, str], str] = {}
        self.anchors: set[str] = set()

    # Links -------------------------------------------------------------------------------
    def url(self, kind: str, item: str = "index", anchor: str = "") -> str:
        """Relative link from this page to a page of ``kind`` in the same language."""
        link = self.links.get((kind, item))
        if link is None:
            key = (kind, "" if kind in ("home", "ledger") else item)
            link = self.links[kind, item] = (
                "../" * self.path.count("/") + stem(self.site, key, self.lang) + ".md"
            )
        return f"{link}#{anchor}" if anchor else link

    def entry_link(self, key: tuple[str, str], label: str | None = None) -> Markup:
        """A link to an entry's page; a label written as ``*words*`` is shown in italics."""
        entry = self.site.entry(key)
        label = label or entry.name[self.lang]
        url = self.url(entry.kind, entry.id)
        if len(label) > 2 and label[0] == label[-1] == "*":
            return Markup(f"[*{markdown_text.escape(label[1:-1])}*]({url})")
        return markdown_text.link(label, url)

    # Citations ---------------------------------------------------------------------------
    def cite(self, ref: str) -> Markup:
        """A footnote reference for ``ref``; its definition is collected for the page's end."""
        doc, para = self.resolver.resolve(ref)
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
            quoted = Markup(f"{original} ({markdown_text.escape(ui_['awaiting_short'])})")
        return Markup(f"{self.source_label(doc)}, {anchor}: {quoted}")

    def source_label(self, doc: Document) -> Markup:
        """``**News** FirstIndonesiaMagz.id, “Title”, undated`` with unknowns said plainly."""
        ui_, meta = self.ui, doc.meta
        kind = markdown_text.escape(ui_["types"][meta.type])
        publisher = markdown_text.escape(meta.publisher or ui_["publisher_unknown"])
        if meta.title:
            title = f"\u201c{meta.title[meta.language]}\u201d"
            if self.lang != meta.language:
                title += f" [{meta.title[self.lang]}]"
        else:
            title = f"[{meta.label[self.lang]}]"
        when = format_date(meta.date, self.lang) if meta.date else ui_["undated"]
        return Markup(f"**{kind}**: {publisher}, {markdown_text.escape(title)}, {markdown_text.escape(when)}")

    def paragraph_text(self, doc: Document, para: Paragraph) -> tuple[str, bool]:
        """The paragraph in this page's language, or the original and True if untranslated."""
        if self.lang == doc.meta.language:
            return para.text, False
        status = self.site.translations[doc.id, self.lang][para.number - 1]
        return (status.text, False) if status.text else (para.text, True)

    def paragraph_links(self, doc: Document, keys: list[str]) -> Markup:
        """``¶ 1, ¶ 3`` linking to those paragraphs of ``doc``'s page."""
        base = self.url("source", doc.id)
        return Markup(", ".join(f"[¶ {k}]({base}#p{k})" for k in keys))

    def places(self, doc: Document, statuses) -> list[tuple[str, Paragraph | None, object, object]]:
        """Each place of a source page in order: ``(key, paragraph, translation status,
        correction)``; a removed paragraph has no paragraph and the correction that removed it."""
        by_key = {status.paragraph.key: status for status in statuses or []}
        return [
            (place.key, place, by_key.get(place.key), None)
            if isinstance(place, Paragraph)
            else (*place[:1], None, None, place[1])
            for place in doc.sequence()
        ]

    def cleaning_note(self, removal) -> str:
        """What cleaning removed or repaired (for site furniture, by which rule of cleaning.yml),
        without its full stop: the template adds the lines it concerns before it."""
        if removal.rule is None:
            words = self.ui["cleaning"][removal.kind]
            if isinstance(words, dict):
                words = words["one" if removal.count == 1 else "many"]
            return words.format(count=removal.count).rstrip(".")
        rule = removal.rule
        where = self.ui["cleaning_where"][rule.where]
        noun = self.ui["correction_paragraphs"]["one" if removal.count == 1 else "many"]
        return (
            self.ui["cleaning_rule"]
            .format(
                label=rule.label[self.lang], count=removal.count, paragraphs=noun, where=where, rule=rule.id
            )
            .rstrip(".")
        )

    def paragraph_number(self, key: str) -> Markup:
        """``¶ 5a`` linking to its own anchor, labelled for screen readers."""
        label = markdown_text.escape(f"{self.ui['paragraph']} {key}")
        return Markup(f'{markdown_text.link(f"¶ {key}", f"#p{key}")}{{ .para-num aria-label="{label}" }}')

    def correction_summary(self, correction) -> Markup:
        """``Paragraph 5a added; paragraph 7 words changed``, each key linking to its place."""
        words, parts = self.ui, []
        for kind, keys in (
            ("added", correction.added),
            ("changed", [c.key for c in correction.changed]),
            ("removed", [c.key for c in correction.removed]),
            ("moved", correction.moved),
        ):
            if keys:
                noun = words["correction_paragraphs"]["one" if len(keys) == 1 else "many"]
                links = ", ".join(markdown_text.link(key, f"#p{key}") for key in keys)
                part = markdown_text.escape(words["correction_parts"][kind])
                parts.append(f"{markdown_text.escape(noun)} {links} {part}")
        text = "; ".join(parts)
        return Markup(text[:1].upper() + text[1:])

    def footnotes(self) -> Markup:
        return Markup("".join(f"[^{label}]: {note}\n" for label, note in self.notes.items()))

    # Story pages -------------------------------------------------------------------------
    def badge(self, text: str) -> Markup:
        """``News`` / ``Opinion`` label from the types of the documents ``text`` cites."""
        kinds = []
        for ref in refs_in(text):
            resolved = self.resolver.resolve(ref)
            if isinstance(resolved, tuple) and resolved[0].meta.type not in kinds:
                kinds.append(resolved[0].meta.type)
        labels = " ".join(
            f'<span class="src-badge src-badge--{k}">{markdown_text.escape(self.ui["types"][k])}</span>'
            for k in sorted(kinds)
        )
        return Markup(labels)

    def value(self, figure: Figure) -> str:
        return format_value(figure.value, figure.unit, self.lang)

    def source_words(self, figure: Figure) -> Markup:
        """The verbatim words that give a figure, marked with their language."""
        doc = self.resolver.resolve(figure.source)[0]
        words = markdown_text.escape(f"\u201c{figure.quote}\u201d")
        return Markup(f'<span lang="{doc.meta.language}">{words}</span>')

    def precision(self, event: Event) -> str:
        """How the date is known: printed in the source, or worked out."""
        return self.ui["date_inferred" if event.reasoning else "date_stated"][event.date.precision]

    def certainty_note(self, event: Event) -> Markup:
        """`` · *planned*`` (or *own claim*, *opinion*) for an event not reported as done."""
        refs = [ref for text in event.text.text.values() for ref in refs_in(text)]
        sure = certainty(event.certainty, cited_documents(refs, self.resolver))
        return Markup(
            f" · *{markdown_text.escape(self.ui['certainty'][sure])}*" if sure in self.ui["certainty"] else ""
        )

    def anchor(self, wanted: str) -> str:
        """``wanted``, or ``wanted-2``, ``-3``... if the page already uses it."""
        name, n = wanted, 1
        while name in self.anchors:
            n += 1
            name = f"{wanted}-{n}"
        self.anchors.add(name)
        return name

    def calendar(self, event: Event) -> str:
        """The calendar check behind an inferred date, worked out here rather than asserted."""
        if not event.between:
            return ""
        day_month = PartialDate(2000, event.date.month, event.date.day).format(self.ui["months"])[:-5]
        return self.ui["calendar_check"].format(
            start=event.between[0],
            end=event.between[1],
            day=day_month,
            weekday=self.ui["weekdays"][WEEKDAYS.index(event.weekday)],
            years=", ".join(str(y) for y in event.candidate_years()),
        )

    def chart_image(self, chart: Chart) -> Markup:
        return self.image(
            f"{ASSETS}/{chart.id}-{self.lang}.svg",
            f"{chart.title[self.lang]}: {chart.description[self.lang]}",
        )

    def network_image(self) -> Markup:
        return self.image(f"{ASSETS}/network-{self.lang}.svg", self.ui["network_alt"])

    def image(self, target: str, alt: str) -> Markup:
        """An image with its width and height, so the page does not shift while it loads."""
        width, height = self.sizes[target]
        url = "../" * self.path.count("/") + target
        return Markup(f'![{markdown_text.escape(alt)}]({url}){{ width="{width}" height="{height}" }}')

    def network_list(self) -> list[tuple[Markup, list[tuple[str, Markup, str]]]]:
        """The diagram as text: each node with its outgoing, labelled, cited edges."""
        grouped: dict[tuple, list] = {}
        for edge in self.site.diagram:
            label = self.ui["relations"][edge.type]
            grouped.setdefault(edge.source, []).append(
                (label, self.node_link(edge.target), edge.cite, edge.certainty)
            )
        order = sorted(grouped, key=lambda key: self.node_name(key).casefold())
        return [(self.node_link(key), grouped[key]) for key in order]

    def connections(self, entry: Entry) -> list[tuple[Markup, str, Markup, str, str]]:
        """The entry's own connections as text: ``(from, label, to, cite, certainty)``, the
        entry itself in bold rather than linked."""

        def name(key: tuple[str, str]) -> Markup:
            if key == entry.key:
                return Markup(f"**{markdown_text.escape(entry.name[self.lang])}**")
            return self.node_link(key)

        return [
            (name(e.source), self.ui["relations"][e.type], name(e.target), e.cite, e.certainty)
            for e in touching(self.site, entry.key)
        ]

    def connections_image(self, entry: Entry) -> Markup:
        alt = self.ui["connections_alt"].format(name=entry.name[self.lang])
        return self.image(f"{ASSETS}/connections-{entry.id}-{self.lang}.svg", alt)

    def certainty_legend(self) -> list[tuple[str, str]]:
        """What each line pattern of the diagram means, for the certainties it shows."""
        shown = {edge.certainty for edge in self.site.diagram}
        return [(c, self.ui["certainty_legend"][c]) for c in CERTAINTIES if c in shown]

    def node_name(self, key: tuple[str, str]) -> str:
        if key[0] == "source":
            return document_name(self.site.document(key[1]), self.lang)
        return self.site.entry(key).name[self.lang]

    def node_link(self, key: tuple[str, str]) -> Markup:
        if key[0] == "source":
            return markdown_text.link(self.node_name(key), self.url("source", key[1]))
        return self.entry_link(key)

    def other_names(self, entry: Entry) -> Markup:
        """The entry's other names, A-Z; a name of another language only is marked with it."""
        own = {entry.name.get(self.lang), *entry.aliases.get(self.lang, ())}
        shown = []
        for name in entry.other_names(self.lang):
            foreign = next(
                (code for code, names in entry.aliases.items() if name in names and code != self.lang), None
            ) or next(
                (code for code, value in entry.name.items() if value == name and code != self.lang), None
            )
            words = markdown_text.escape(name)
            shown.append(f'<span lang="{foreign}">{words}</span>' if foreign and name not in own else words)
        return Markup(", ".join(shown))

    def alternates(self) -> list[dict]:
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

    def report(self, title: str, doc=None, para=None) -> Markup:
        """A link that opens a new issue in the project's repository about this page, or about one
        of its source paragraphs, with page, address, language and paragraph filled in; nothing
        when no repository is known (``repository.issue_url``)."""
        words = self.ui["report"]
        path = "/" + url_path(self.site, self.key, self.lang)
        if para is not None:
            subject = words["title_paragraph"].format(document=doc.id, paragraph=para.key)
            where = words["where_paragraph"].format(paragraph=para.key, path=path, anchor=para.anchor)
        else:
            subject, where = words["title_page"].format(page=title), ""
        body = words["body"].format(page=title, path=path, language=self.ui["language_name"], where=where)
        url = issue_url(self.site.repo, subject, body)
        return (
            markdown_text.link(words["paragraph" if para is not None else "page"], url) if url else Markup("")
        )

    def cite_paragraph(self, doc: Document, para: Paragraph):
        """Cite this paragraph (``generator/render/cite_this.py``)."""
        return cite_this.paragraph_block(self, doc, para)

    def metadata(self, title: str, description: str) -> Markup:
        """Front matter for search engines and reference managers (``generator/render/schema.py``)."""
        return schema.front_matter(self, title, description)

    # Claims ledger -----------------------------------------------------------------------
    def data_url(self, name: str) -> str:
        """Relative link to a file of the open data (``assets/data/``)."""
        return "../" * self.path.count("/") + f"{DATA}/{name}"

    def source_option(self, doc: Document) -> str:
        return f"{short_key(doc.id)} \u00b7 {document_name(doc, self.lang)}"

    def ledger_groups(self, claims: list) -> list[SimpleNamespace]:
        """The ledger's rows grouped by the page they stand on, each group with its link."""
        groups: dict[tuple, SimpleNamespace] = {}
        for claim in claims:
            key = (claim.kind, claim.item)
            if key not in groups:
                home = claim.kind == "page" and claim.item == self.site.config.home_page
                url = self.url("home") if home else self.url(claim.kind, claim.item)
                groups[key] = SimpleNamespace(title=claim.title, url=url, claims=[])
            groups[key].claims.append(claim)
        return list(groups.values())

    def ledger_cited(self, claim) -> Markup:
        """Each cited paragraph: its link, its kind of source, its text in this page's language
        and, when that is a translation, the original marked with its language."""
        parts = []
        for doc, para in claim.cited:
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
                shown = Markup(f'{shown}<br><span lang="{doc.meta.language}">{original}</span>')
            parts.append(f"{tag} {where}: {shown}")
        return Markup("<br><br>".join(parts))

    # Contributor text --------------------------------------------------------------------
    def foreign(self, words: str) -> Markup:
        """Emphasis marks a foreign term (EYD): in italics, and with a two-language site in the
        other language's ``lang`` so that it is read aloud right."""
        others = [code for code in self.site.config.languages if code != self.lang]
        return Markup(f'<em lang="{others[0]}">{words}</em>' if len(others) == 1 else f"*{words}*")

    def rich(self, text: str) -> Markup:
        """Inline syntax to Markdown: escaped text, emphasis, entry links, footnote references."""
        out = []
        for token in inline.parse(text):
            if isinstance(token, inline.Text):
                out.append(markdown_text.escape(token.value))
            elif isinstance(token, inline.Emphasis):
                out.append(self.foreign(markdown_text.escape(token.value)))
            elif isinstance(token, inline.Link):
                out.append(self.entry_link((token.kind, token.target), token.label))
            elif isinstance(token, inline.Cite):
                out.append('<sup class="fn-sep">,</sup>'.join(self.cite(ref) for ref in token.refs))
        return Markup("".join(out).replace(" [^", "[^"))

    def linkify(self, text: str) -> Markup:
        """Escaped source text in which the page's first mention of each entry is a link."""
        out, position = [], 0
        for start, end, key in self.site.name_index.finditer(text):
            if key in self.linked:
                continue
            self.linked.add(key)
            out += [markdown_text.escape(text[position:start]), self.entry_link(key, text[start:end])]
            position = end
        out.append(markdown_text.escape(text[position:]))
        return Markup("".join(out))

    def abbreviations(self, text: str, own: tuple[str, str] | None = None) -> Markup:
        """Abbreviation definitions for the terms named in ``text``, in this page's language,
        so that each name shows its definition as a tooltip. Only terms the page names are
        defined: a page's size does not grow with the glossary. A term's own page (``own``)
        does not repeat its definition.
        """
        named = self.site.name_index.keys_in(text)
        lines = []
        for entry in self.site.entries:
            if entry.kind != "term" or entry.key == own or entry.key not in named:
                continue
            definition, titles = inline.plain(entry.summary.text[self.lang]), {}
            for name in sorted(entry.names()):
                expansion = entry.expansions.get(name, {})
                for variant in {name, *case_variants(name)}:
                    titles.setdefault(variant, expansion.get(self.lang) or definition)
            lines += [f"*[{name}]: {title}\n\n" for name, title in sorted(titles.items())]
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


def format_value(value: float, unit: str, lang: str) -> str:
    """``125 juta`` / ``125 million``, ``USD62 miliar`` / ``USD 62 billion``, ``ke-2`` / ``2nd``."""
    words = ui(lang)["numbers"]
    if unit == "rank":
        return words["rank"].format(n=int(value), suffix=ordinal_suffix(int(value)) if lang == "en" else "")
    if unit == "year":
        return str(int(value))
    number = value
    scale = ""
    for size, name in ((1e9, "billion"), (1e6, "million")):
        if value >= size:
            number, scale = value / size, words[name]
            break
    text = f"{number:,.1f}".rstrip("0").rstrip(".") if number % 1 else f"{int(number):,}"
    text = text.replace(",", "\0").replace(".", words["decimal"]).replace("\0", words["thousands"])
    text = f"{text} {scale}".strip()
    return words[unit].format(n=text)


def ordinal_suffix(n: int) -> str:
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def case_variants(name: str) -> set[str]:
    """``Big data`` and ``big data``: a name at the start of a sentence or inside one."""
    variants = {name[:1].upper() + name[1:]}
    if name[1:2].islower():
        variants.add(name[:1].lower() + name[1:])
    return variants


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        extensions=["jinja2.ext.do"],
        auto_reload=False,
        finalize=markdown_text.escape,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["opendata"] = open_data  # the open data's files, for the pages that offer them
    env.filters.update(
        date=format_date,
        link=markdown_text.link,
        plain=markdown_text.plain,
        yaml=markdown_text.yaml_string,
        name=document_name,
        project_path=project_path,
        text=inline.plain,
        html=lambda value: Markup(html.escape(" ".join(str(value).split()))),
    )
    env.globals.update(print_version.GLOBALS)  # the print version's parts (generator/render/print_version.py)
    return env


Job = tuple[str, Key, str, Path, dict]
"""``(template, page key, language, file to edit it in, template values)``."""


def jobs(site: Site):
    """Every page to render, in a fixed order."""
    sources = site.config.path.parent
    config_inputs = [site.config.path]
    home_story = next((p for p in site.pages if p.id == site.config.home_page), None)
    for lang in site.config.languages:
        home_inputs = config_inputs + ([home_story.path] if home_story else [])
        yield (
            "home.md.j2",
            ("home", ""),
            lang,
            home_story.path if home_story else site.config.path,
            {"inputs": home_inputs, "story": home_story},
        )
        yield ("source_index.md.j2", ("source", "index"), lang, sources, {"inputs": config_inputs})
        yield (
            "glossary_index.md.j2",
            ("term", "index"),
            lang,
            sources / "glossary",
            {"inputs": config_inputs, "groups": alphabetical(site.entries, lang)},
        )
        yield (
            "actor_index.md.j2",
            ("actor", "index"),
            lang,
            sources / "actors",
            {"inputs": config_inputs, "groups": by_kind(site.entries, lang)},
        )
        for doc in site.documents:
            inputs = [doc.raw.path, doc.raw.meta_path, *doc.raw.translation_paths.values()]
            yield (
                "source.md.j2",
                ("source", doc.id),
                lang,
                doc.raw.translation_paths.get(lang, doc.raw.meta_path),
                {"doc": doc, "inputs": inputs, "statuses": site.translations.get((doc.id, lang))},
            )
        for doc_id, record in site.removed.items():
            path = sources / f"{doc_id}.record.yml"
            yield (
                "source_removed.md.j2",
                ("source", doc_id),
                lang,
                path,
                {"doc_id": doc_id, "record": record, "inputs": [path]},
            )
        for entry in site.entries:
            yield (
                f"{entry.kind}.md.j2",
                entry.key,
                lang,
                entry.path,
                {"entry": entry, "inputs": [entry.path]},
            )
        yield (
            "ledger.md.j2",
            ("ledger", ""),
            lang,
            site.config.path,
            {
                "inputs": [site.config.path],
                "claims": claims(site, Resolver(site.documents), lang),
                "tooltips": False,
            },
        )
        for story in site.pages:
            if story.id != site.config.home_page:
                template = {"questions": "article"}.get(story.layout, story.layout)
                yield (
                    f"page_{template}.md.j2",
                    ("page", story.id),
                    lang,
                    story.path,
                    {"story": story, "inputs": [story.path]},
                )
        yield print_version.job(site, lang)


class Renderer:
    """Renders jobs into pages: the templates, then footnotes and tooltip definitions."""

    def __init__(self, site: Site, drawn: list[Page]):
        self.site, self.env, self.resolver = site, environment(), Resolver(site.documents)
        self.sizes = {page.path.split("/", 1)[1]: svg_size(page.content) for page in drawn}

    def __call__(self, job: Job) -> Page:
        template, key, lang, edit, values = job
        page = PageContext(self.site, self.resolver, lang, key, self.sizes)
        body = self.env.get_template(template).render(
            site=self.site,
            config=self.site.config,
            lang=lang,
            ui=page.ui,
            page=page,
            edit_path=project_path(edit),
            **values,
        )
        own = values["entry"].key if "entry" in values else None
        # Tooltips for the terms the text names; the ledger, a page for checking, goes without.
        tooltips = str(page.abbreviations(body, own)) if values.get("tooltips", True) else ""
        title = html.unescape(front_title(body))
        citation = cite_this.page_block(page, title, values["inputs"], project_path(edit))
        end = self.env.get_template("_page_end.md.j2").render(
            page=page, ui=page.ui, title=title, cite=citation
        )
        body = body.rstrip("\n") + "\n\n" + end.strip("\n") + "\n\n" + str(page.footnotes())
        group = stem(self.site, key, self.site.config.default_language)
        return Page(f"{lang}/{page.path}", body + "\n" + tooltips, group)


_forked: tuple[Renderer, list[Job]] | None = None


def _render_share(indexes: range) -> list[Page]:
    renderer, work = _forked
    return [renderer(work[i]) for i in indexes]


def render(site: Site, parallel: bool = True) -> list[Page]:
    """Every page of the site in every language, on every core when there are many.

    Parallel rendering forks the process; callers inside a threaded server pass ``parallel=False``.
    """
    global _forked
    work = list(jobs(site))
    drawn = [
        page for story in site.pages for lang in site.config.languages for page in drawings(site, story, lang)
    ] + connections_drawings(site)
    renderer = Renderer(site, drawn)
    workers = min(os.cpu_count() or 1, 8)
    if parallel and workers > 1 and len(work) >= 100 and "fork" in multiprocessing.get_all_start_methods():
        _forked = (renderer, work)
        try:
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                shares = pool.map(_render_share, [range(i, len(work), workers) for i in range(workers)])
        finally:
            _forked = None
        pages = [shares[i % workers][i // workers] for i in range(len(work))]
    else:
        pages = [renderer(job) for job in work]
    keys = [job[1] for job in work if job[1][0] != "print"]  # new: no earlier address to forward
    out = pages + drawn + redirects(site, keys) + open_data_pages(site) + descriptions(site, pages)
    return out + citation_files(site, work, pages)


def citation_files(site: Site, work: list[Job], pages: list[Page]) -> list[Page]:
    """Each page's reference as BibTeX, RIS and CSL-JSON (``generator/render/cite_this.py``)."""
    out = []
    for (_, key, lang, _, values), page in zip(work, pages, strict=True):
        title = html.unescape(front_title(page.content))
        for path, text in cite_this.files(site, key, lang, title, values["inputs"]):
            out.append(Page(f"{lang}/{path}", text))
    return out


def front_title(content: str) -> str:
    """The ``title`` of a generated page's front matter, as written there (HTML-escaped)."""
    match = re.search(r'^title: (".*")$', content, re.MULTILINE)
    return json.loads(match[1]) if match else ""


TEMPLATE_WORDS = ("close", "menu", "home", "not_found_title", "not_found_text", "og_locale", "language_name")
"""Interface words the builder's page templates need (404 page, search dialog, link previews)."""


def navigation(site: Site) -> list[Key]:
    """The pages of the navigation, in order: the home page, the story, the glossary, the actors,
    the sources, the method and the claims ledger."""
    stories = sorted((p for p in site.pages if p.id != site.config.home_page), key=lambda p: p.order)
    nav = [("home", "")] + [("page", p.id) for p in stories if p.layout != "method"]
    nav += [("term", "index"), ("actor", "index"), ("source", "index")]
    return nav + [("page", p.id) for p in stories if p.layout == "method"] + [("ledger", "")]


def descriptions(site: Site, pages: list[Page]) -> list[Page]:
    """``<lang>.site.json`` for each language: what a builder needs to make it a site of its own
    (title, description, the pages of the navigation in order with their titles, the sections
    reached from their index pages, every language's home, interface words)."""
    titles = {page.path: front_title(page.content) for page in pages}
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
                {f"/{words['slugs'][kind]}/" for kind in ("source", "term", "actor")}
                | {f"/{words['slugs']['print']}.md"}
            ),
            "languages": [
                {"lang": other, "name": ui(other)["language_name"], "path": root(site, other)}
                for other in site.config.languages
            ],
            "words": {word: words[word] for word in TEMPLATE_WORDS},
        }
        text = json.dumps(description, ensure_ascii=False, indent=1) + "\n"
        out.append(Page(f"{lang}.site.json", text))
    return out


def open_data_pages(site: Site) -> list[Page]:
    """The claims ledger of each language as CSV and JSON, in that language's tree, and the
    figures, timeline, glossary and actors with their README (``generator/render/open_data.py``)."""
    rows = records(site, Resolver(site.documents))
    out = []
    for lang in site.config.languages:
        own = [row for row in rows if row["language"] == lang]
        out += [
            Page(f"{lang}/{DATA}/claims.csv", as_csv(own)),
            Page(f"{lang}/{DATA}/claims.json", as_json(own)),
        ]
    out += [Page(path, text) for path, text in open_data.files(site)]
    return out


def redirects(site: Site, keys: list[Key]) -> list[Page]:
    """A page at each earlier address, sending the reader (and the paragraph anchor they asked
    for) on: the earlier ids of renamed sources, and, in the languages other than the default,
    the addresses pages had when every language used the default language's names."""
    taken = {doc.id for doc in site.documents} | set(site.removed)
    default = site.config.default_language
    pages = []
    for doc in site.documents:
        for old in doc.record.renamed_from if doc.record else ():
            if old in taken:
                continue
            for lang in site.config.languages:
                old_stem = stem(site, ("source", old), lang)
                name = document_name(doc, lang)
                pages.append(redirect(lang, old_stem, stem(site, ("source", doc.id), lang), name, ui(lang)))
    for lang in site.config.languages:
        own = {stem(site, key, lang) for key in set(keys)}
        for key in dict.fromkeys(keys):
            earlier, now = stem(site, key, default), stem(site, key, lang)
            if earlier != now and earlier not in own:
                pages.append(redirect(lang, earlier, now, now, ui(lang)))
    return pages


def redirect(lang: str, old: str, new: str, name: str, words: dict) -> Page:
    """An HTML page at ``old`` (a page stem in ``lang``'s tree) that forwards to ``new``."""
    target = relative(directory(old), directory(new))
    name = html.escape(name)
    body = (
        f'<!doctype html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{name}</title>\n"
        '<meta name="robots" content="noindex">\n'
        f'<link rel="canonical" href="{target}">\n'
        f"<script>location.replace({json.dumps(target)} + location.hash)</script>\n"
        f'<meta http-equiv="refresh" content="0; url={target}">\n</head>\n<body>\n'
        f'<p>{html.escape(words["moved_to"])} <a href="{target}">{name}</a></p>\n'
        "</body>\n</html>\n"
    )
    return Page(f"{lang}/{directory(old)}index.html", body)


def svg_size(svg: str) -> tuple[int, int]:
    match = re.search(r"<svg [^>]*width='(\d+)' height='(\d+)'", svg)
    return (int(match[1]), int(match[2])) if match else (0, 0)


def drawings(site: Site, story: StoryPage, lang: str) -> list[Page]:
    """The SVG files of a story page: its charts, or the who-is-who diagram."""
    out = []
    for chart in story.charts:
        by_id = {figure.id: figure for figure in story.figures}
        bars = [
            (by_id[i].label[lang], by_id[i].value, format_value(by_id[i].value, by_id[i].unit, lang))
            for i in chart.figures
        ]
        svg = bar_chart(f"{chart.id}-{lang}", chart.title[lang], chart.description[lang], bars)
        out.append(Page(f"{lang}/{ASSETS}/{chart.id}-{lang}.svg", svg))
    if story.layout == "network":
        out.append(Page(f"{lang}/{ASSETS}/network-{lang}.svg", network_drawing(site, lang)))
    return out


def network_drawing(site: Site, lang: str) -> str:
    """Every node that has an edge, by its full name, laid out by generator/render/diagram.py."""
    words = ui(lang)
    keys = sorted({key for edge in site.diagram for key in (edge.source, edge.target)})
    return network(
        f"network-{lang}",
        words["network_alt"],
        words["network_caption"],
        [Node(key, diagram_name(site, key, lang)) for key in keys],
        diagram_edges(site.diagram, lang),
        diagram_legend(site.diagram, lang),
    )


def diagram_name(site: Site, key: tuple[str, str], lang: str) -> str:
    """A node's name in ``lang``: a document's title (or label), an entry's name."""
    if key[0] == "source":
        return document_name(site.document(key[1]), lang)
    return site.entry(key).name[lang]


def diagram_edges(edges: list[DiagramEdge], lang: str) -> list[Edge]:
    words = ui(lang)
    return [
        Edge(e.source, e.target, words["relations"][e.type], e.certainty, words["certainty"].get(e.certainty))
        for e in edges
    ]


def diagram_legend(edges: list[DiagramEdge], lang: str) -> list[tuple[str, str]]:
    """What each line pattern means, for the certainties ``edges`` show."""
    shown = {edge.certainty for edge in edges}
    return [(c, ui(lang)["certainty_legend"][c]) for c in CERTAINTIES if c in shown]


def touching(site: Site, key: tuple[str, str]) -> list[DiagramEdge]:
    """The diagram's edges from or to ``key``."""
    return [edge for edge in site.diagram if key in (edge.source, edge.target)]


def connections_drawings(site: Site) -> list[Page]:
    """Each actor's own diagram: its connections only, narrow enough for a phone."""
    out = []
    for entry in site.entries:
        edges = touching(site, entry.key) if entry.kind == "actor" else []
        for lang in site.config.languages if edges else ():
            name = entry.name[lang]
            keys = sorted({k for e in edges for k in (e.source, e.target)} - {entry.key})
            svg = connections(
                f"connections-{entry.id}-{lang}",
                ui(lang)["connections_alt"].format(name=name),
                ui(lang)["connections_caption"],
                Node(entry.key, name),
                [Node(key, diagram_name(site, key, lang)) for key in keys],
                diagram_edges(edges, lang),
                diagram_legend(edges, lang),
            )
            out.append(Page(f"{lang}/{ASSETS}/connections-{entry.id}-{lang}.svg", svg))
    return out
