"""The updates page (``sources/updates/``, ``generator/model/updates.py``), the "Updated" line of
each page an update changed, and the home page's latest updates."""

from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace

from markupsafe import Markup

from generator.model import PageKey, PageKind, Site, short_key
from generator.model.updates import FOLDER, LATEST, Update
from generator.render import cite_this, feeds, markdown_text
from generator.render.formats import format_date
from generator.render.page import PageBase, RenderJob


class UpdateHelpers(PageBase):
    """What the updates page, the "Updated" lines and the home page's latest updates call."""

    def updates_here(self) -> list[Update]:
        """The updates that changed this page, the newest first."""
        return self.site.updates_of(self.key)

    def feed(self) -> str:
        """The link to the updates' feed from the updates page; '' when there is none."""
        if not feeds.has_feed(self.site, self.facts):
            return ""
        return "../" * self.path.count("/") + feeds.feed_path(self.lang)

    def latest_updates(self) -> list[Update]:
        """The home page's latest updates."""
        return list(self.site.updates[:LATEST])

    def update_link(self, update: Update) -> str:
        """The update's entry on the updates page."""
        return self.url("updates", anchor=update.id)

    def update_kinds(self, updates: list[Update]) -> list[SimpleNamespace]:
        """The kinds of update the page lists, in the vocabulary's order, with their labels."""
        present = {update.kind for update in updates}
        return [
            SimpleNamespace(id=word, label=self.ui["update_kinds"][word])
            for word in self.site.config.vocabulary.ids("update_kinds")
            if word in present
        ]

    def update_title(self, update: Update) -> str:
        """``7 December 2026 · Source corrected``."""
        return f"{format_date(update.date, self.lang)} \u00b7 {self.ui['update_kinds'][update.kind]}"

    def update_pages(self, update: Update) -> Markup:
        """Links to the pages the update changed, each by its title."""
        return Markup(", ".join(self.page_link(key) for key in update.pages))

    def update_sources(self, update: Update) -> Markup:
        return Markup(
            ", ".join(self.page_link(PageKey(PageKind.source, doc_id)) for doc_id in update.sources)
        )

    def update_paragraphs(self, update: Update) -> Markup:
        """``001 ¶ 8`` linking to the paragraph, on its source's page."""
        links = []
        for doc_id, key in update.paragraphs:
            label = f"{short_key(doc_id)} \u00b6 {key}"
            known = doc_id in self.site.document_ids() or doc_id in self.site.removed
            links.append(markdown_text.link(label, self.url("source", doc_id, f"p{key}")) if known else label)
        return Markup(", ".join(markdown_text.escape(link) for link in links))

    def page_link(self, key: PageKey) -> str:
        """A link to a page by its title; a source that is neither here nor removed (an earlier
        id) by its id alone."""
        if key.kind == PageKind.home:
            return markdown_text.link(str(self.ui["home"]), self.url("home"))
        if key.kind == PageKind.page:
            page = next(p for p in self.site.pages if p.id == key.item)
            return markdown_text.link(page.title[self.lang], self.url("page", key.item))
        if key.kind != PageKind.source or key.item in self.site.document_ids():
            return self.node_link(key)
        removal = self.site.removed[key.item].removed if key.item in self.site.removed else None
        if removal is None:
            return markdown_text.escape(key.item)
        return markdown_text.link(removal.title[self.lang], self.url("source", key.item))


def jobs(site: Site, lang: str) -> list[RenderJob]:
    """The updates page of ``lang``."""
    folder = site.config.path.parent / FOLDER
    inputs = (site.config.path, folder)
    key = PageKey(PageKind.updates)
    return [
        RenderJob("updates.md.j2", key, lang, folder, inputs, {"updates": list(site.updates)}, tooltips=False)
    ]


def with_update_inputs(site: Site, job: RenderJob) -> RenderJob:
    """The job with the files of the updates it shows among its inputs (its last-changed date, its
    permanent link): those that changed its page, and on the home page the latest."""
    paths = tuple(path for path in cite_this.update_inputs(site, job.key, LATEST) if path not in job.inputs)
    return replace(job, inputs=job.inputs + paths) if paths else job
