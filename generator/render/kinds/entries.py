"""Glossary terms and actors: their index pages and their own pages."""

from __future__ import annotations

from collections.abc import Iterator

from markupsafe import Markup

from generator.model import INDEX, Entry, PageKey, PageKind, Site
from generator.render import cite_this, markdown_text
from generator.render.drawings import ASSETS, touching
from generator.render.page import PageBase, RenderJob


class EntryHelpers(PageBase):
    """What the entry pages' templates call."""

    def connections(self, entry: Entry) -> list[tuple[Markup, str, Markup, str, str]]:
        """The entry's own connections as text: ``(from, label, to, cite, certainty)``, the
        entry itself in bold rather than linked."""

        def name(key: PageKey) -> Markup:
            if key == entry.key:
                return Markup(f"**{markdown_text.escape(entry.name[self.lang])}**")
            return self.node_link(key)

        return [
            (name(e.source), self.ui["relations"][e.type], name(e.target), e.cite, e.certainty)
            for e in touching(self.site, entry.key)
        ]

    def connections_image(self, entry: Entry) -> Markup:
        """The drawing of an actor's own connections."""
        alt = str(self.ui["connections_alt"]).format(name=entry.name[self.lang])
        return self.image(f"{ASSETS}/connections-{entry.id}-{self.lang}.svg", alt)

    def other_names(self, entry: Entry) -> Markup:
        """The entry's other names, A-Z; a name of another language only is marked with it."""
        own = {entry.name.get(self.lang), *entry.aliases.get(self.lang, ())}
        shown: list[str] = []
        for name in entry.other_names(self.lang):
            foreign = next(
                (code for code, names in entry.aliases.items() if name in names and code != self.lang), None
            ) or next(
                (code for code, value in entry.name.items() if value == name and code != self.lang), None
            )
            words = markdown_text.escape(name)
            shown.append(f'<span lang="{foreign}">{words}</span>' if foreign and name not in own else words)
        return Markup(", ".join(shown))


def alphabetical(entries: list[Entry], lang: str) -> list[tuple[str, list[Entry]]]:
    """Glossary terms A-Z by their name in ``lang``, grouped by first letter."""
    terms = sorted((e for e in entries if e.kind == "term"), key=lambda e: e.name[lang].casefold())
    groups: dict[str, list[Entry]] = {}
    for entry in terms:
        groups.setdefault(entry.name[lang][:1].upper(), []).append(entry)
    return list(groups.items())


def by_kind(entries: list[Entry], lang: str, kinds: tuple[str, ...]) -> list[tuple[str, list[Entry]]]:
    """Actors grouped by kind (in the vocabulary's order, ``kinds``), A-Z within each."""
    actors = sorted((e for e in entries if e.kind == "actor"), key=lambda e: e.name[lang].casefold())
    return [(k, items) for k in kinds if (items := [e for e in actors if e.category == k])]


def index_jobs(site: Site, lang: str) -> list[RenderJob]:
    """The glossary (A-Z) and the actors (by kind)."""
    sources, inputs = site.config.path.parent, (site.config.path,)
    return [
        RenderJob(
            "glossary_index.md.j2",
            PageKey(PageKind.term, INDEX),
            lang,
            sources / "glossary",
            inputs,
            {"groups": alphabetical(site.entries, lang)},
        ),
        RenderJob(
            "actor_index.md.j2",
            PageKey(PageKind.actor, INDEX),
            lang,
            sources / "actors",
            inputs,
            {"groups": by_kind(site.entries, lang, site.config.vocabulary.ids("actor_kinds"))},
        ),
    ]


def jobs(site: Site, lang: str) -> Iterator[RenderJob]:
    """Each term's and each actor's page."""
    for entry in site.entries:
        yield RenderJob(
            f"{entry.kind}.md.j2",
            entry.key,
            lang,
            entry.path,
            cite_this.own_inputs(site, entry.key),
            {"entry": entry},
            own=entry.key,
        )
