"""Story pages (overview, timeline, figures, who-is-who, questions, method) and the home page."""

from __future__ import annotations

from collections.abc import Iterator

from markupsafe import Markup

from generator.link.graph import event_certainty
from generator.model import (
    Chart,
    Cited,
    Event,
    Figure,
    PageKey,
    PageKind,
    Site,
    StoryPage,
    inline,
    refs_in,
)
from generator.render import cite_this, markdown_text
from generator.render.drawings import ASSETS
from generator.render.formats import calendar_check, format_value
from generator.render.ledger import claims
from generator.render.page import PageBase, RenderJob


class StoryHelpers(PageBase):
    """What the story pages' templates call."""

    def badge(self, text: str) -> Markup:
        """``News`` / ``Opinion`` label from the types of the documents ``text`` cites."""
        kinds: list[str] = []
        for ref in refs_in(text):
            resolved = self.resolver.resolve(ref)
            if isinstance(resolved, Cited) and resolved.document.meta.type not in kinds:
                kinds.append(resolved.document.meta.type)
        labels = " ".join(
            f'<span class="src-badge src-badge--{k}">{markdown_text.escape(self.ui["types"][k])}</span>'
            for k in sorted(kinds)
        )
        return Markup(labels)

    def value(self, figure: Figure) -> str:
        """The figure's value as the page's language writes it."""
        return format_value(figure.value, figure.unit, self.lang, self.site.config.vocabulary)

    def source_words(self, figure: Figure) -> Markup:
        """The verbatim words that give a figure, marked with their language."""
        doc = self.resolver.cited(figure.source).document
        words = markdown_text.escape(f"\u201c{figure.quote}\u201d")
        return Markup(f'<span lang="{doc.meta.language}">{words}</span>')

    def event_date(self, event: Event) -> str:
        """The event's date; "about ..." when it was inferred from an assumption rather than
        worked out from the calendar (no weekday check backs it)."""
        shown = event.date.format(self.ui["months"])
        approximate = event.reasoning is not None and not (event.weekday and event.between)
        return str(self.ui["date_approximate"]).format(date=shown) if approximate else shown

    def precision(self, event: Event) -> str:
        """How the date is known: printed in the source, or worked out."""
        return str(self.ui["date_inferred" if event.reasoning else "date_stated"][event.date.precision])

    def certainty_note(self, event: Event) -> Markup:
        """`` · *planned*`` (or *own claim*, *opinion*) for an event not reported as done."""
        sure = event_certainty(event, self.resolver)
        return Markup(
            f" · *{markdown_text.escape(self.ui['certainty'][sure])}*" if sure in self.ui["certainty"] else ""
        )

    def calendar(self, event: Event) -> Markup:
        """The calendar check behind an inferred date, worked out here rather than asserted: the
        editors' own reckoning, marked as such."""
        check = calendar_check(event, self.lang)
        return Markup(f"{markdown_text.escape(check)}{self.editors_mark()}") if check else Markup("")

    def editors_count(self) -> int:
        """How many sentences of the site in this language are the editors' own."""
        return sum(claim.own for claim in claims(self.site, self.resolver, self.lang))

    def reviews(self) -> list[tuple[str, str | None]]:
        """The project's committed reviews of the text: each file's name and its address in the
        repository (None when no repository is known)."""
        history = self.facts.history
        if history is None:
            return []
        return [(p.rsplit("/", 1)[-1], history.file_link(self.facts.repository, p)) for p in history.reviews]

    def chart_image(self, chart: Chart) -> Markup:
        """A chart's drawing, described by its title and description."""
        return self.image(
            f"{ASSETS}/{chart.id}-{self.lang}.svg",
            f"{chart.title[self.lang]}: {inline.plain(chart.description[self.lang])}",
        )

    def network_image(self) -> Markup:
        """The who-is-who diagram's drawing."""
        return self.image(f"{ASSETS}/network-{self.lang}.svg", self.ui["network_alt"])

    def network_list(self) -> list[tuple[Markup, list[tuple[str, Markup, str, str]]]]:
        """The diagram as text: each node with its outgoing, labelled, cited edges."""
        grouped: dict[PageKey, list[tuple[str, Markup, str, str]]] = {}
        for edge in self.site.diagram:
            label = self.ui["relations"][edge.type]
            grouped.setdefault(edge.source, []).append(
                (label, self.node_link(edge.target), edge.cite, edge.certainty)
            )
        order = sorted(grouped, key=lambda key: self.node_name(key).casefold())
        return [(self.node_link(key), grouped[key]) for key in order]

    def certainty_legend(self) -> list[tuple[str, str]]:
        """What each line pattern of the diagram means, for the certainties it shows."""
        shown = {edge.certainty for edge in self.site.diagram}
        ids = self.site.config.vocabulary.ids("certainties")
        return [(c, self.ui["certainty_legend"][c]) for c in ids if c in shown]


def home_story(site: Site) -> StoryPage | None:
    """The story page shown as the home page's main content (``home_page:``), if any."""
    return next((page for page in site.pages if page.id == site.config.home_page), None)


def home_jobs(site: Site, lang: str) -> list[RenderJob]:
    """The home page, with its story page's content when the site names one."""
    shown = home_story(site)
    inputs = cite_this.own_inputs(site, PageKey(PageKind.home))
    edit = shown.path if shown else site.config.path
    return [RenderJob("home.md.j2", PageKey(PageKind.home), lang, edit, inputs, {"story": shown})]


def jobs(site: Site, lang: str) -> Iterator[RenderJob]:
    """Every story page but the home page's, each by its layout's template."""
    for page in site.pages:
        if page.id != site.config.home_page:
            template = {"questions": "article"}.get(page.layout, page.layout)
            key = PageKey(PageKind.page, page.id)
            inputs = cite_this.own_inputs(site, key)
            yield RenderJob(f"page_{template}.md.j2", key, lang, page.path, inputs, {"story": page})
