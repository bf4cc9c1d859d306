"""Source pages: the index of sources, each source document with its paragraphs, translations,
cleaning and corrections, and the notice of a removed one."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from markupsafe import Markup

from generator.model import (
    INDEX,
    Correction,
    Document,
    PageKey,
    PageKind,
    Paragraph,
    Removal,
    Site,
    TranslationStatus,
)
from generator.render import markdown_text
from generator.render.page import PageBase, RenderJob


class Place(NamedTuple):
    """A place of a source page, in order: a paragraph with its translation's state, or the key of
    a removed paragraph with the correction that removed it."""

    key: str
    paragraph: Paragraph | None
    status: TranslationStatus | None
    removed_by: Correction | None


class SourceHelpers(PageBase):
    """What a source page's template calls."""

    def paragraph_links(self, doc: Document, keys: list[str]) -> Markup:
        """``¶ 1, ¶ 3`` linking to those paragraphs of ``doc``'s page."""
        base = self.url("source", doc.id)
        return Markup(", ".join(f"[¶ {k}]({base}#p{k})" for k in keys))

    def places(self, doc: Document, statuses: list[TranslationStatus] | None) -> list[Place]:
        """Each place of a source page in order (``statuses``: None in the document's own language)."""
        by_key = {status.paragraph.key: status for status in statuses or []}
        return [
            Place(place.key, place, by_key.get(place.key), None)
            if isinstance(place, Paragraph)
            else Place(place.key, None, None, place.correction)
            for place in doc.sequence()
        ]

    def cleaning_note(self, removal: Removal) -> str:
        """What cleaning removed or repaired (for site furniture, by which rule of cleaning.yml),
        without its full stop: the template adds the lines it concerns before it."""
        if removal.rule is None:
            words = self.ui["cleaning"][removal.kind]
            if isinstance(words, dict):
                words = words["one" if removal.count == 1 else "many"]
            return str(words.format(count=removal.count)).rstrip(".")
        rule = removal.rule
        where = self.ui["cleaning_where"][rule.where]
        noun = self.ui["correction_paragraphs"]["one" if removal.count == 1 else "many"]
        return str(
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

    def correction_summary(self, correction: Correction) -> Markup:
        """``Paragraph 5a added; paragraph 7 words changed``, each key linking to its place."""
        words, parts = self.ui, list[str]()
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


def index_jobs(site: Site, lang: str) -> list[RenderJob]:
    """The index of sources."""
    sources = site.config.path.parent
    key = PageKey(PageKind.source, INDEX)
    return [RenderJob("source_index.md.j2", key, lang, sources, (site.config.path,))]


def jobs(site: Site, lang: str) -> Iterator[RenderJob]:
    """Each source document's page, then each removed document's notice."""
    for doc in site.documents:
        yield RenderJob(
            "source.md.j2",
            PageKey(PageKind.source, doc.id),
            lang,
            doc.raw.translation_paths.get(lang, doc.raw.meta_path),
            # what this language's page shows: the original, its data, and its translation into
            # this language (another language's translation is not on it)
            (
                doc.raw.path,
                doc.raw.meta_path,
                *[p for code, p in doc.raw.translation_paths.items() if code == lang],
            ),
            {"doc": doc, "statuses": site.translations.get((doc.id, lang))},
        )
    for doc_id, record in site.removed.items():
        path = site.config.path.parent / f"{doc_id}.record.yml"
        key, values = PageKey(PageKind.source, doc_id), {"doc_id": doc_id, "record": record}
        yield RenderJob("source_removed.md.j2", key, lang, path, (path,), values)
