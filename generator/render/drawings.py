"""The SVG files of the site: each chart, the who-is-who diagram and each actor's own diagram."""

from __future__ import annotations

from generator.model import DiagramEdge, Site, StoryPage, Vocabulary, inline
from generator.model.words import ui
from generator.render.diagram import Edge, Node, connections, network
from generator.render.formats import document_name, format_value
from generator.render.output import Page
from generator.render.svg import bar_chart

ASSETS = "assets/charts"


def drawings(site: Site, story: StoryPage, lang: str) -> list[Page]:
    """The SVG files of a story page: its charts, or the who-is-who diagram."""
    out = []
    for chart in story.charts:
        by_id = {figure.id: figure for figure in story.figures}
        bars = [
            (
                by_id[i].label[lang],
                by_id[i].value,
                format_value(by_id[i].value, by_id[i].unit, lang, site.config.vocabulary),
            )
            for i in chart.figures
        ]
        svg = bar_chart(f"{chart.id}-{lang}", chart.title[lang], inline.plain(chart.description[lang]), bars)
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
        diagram_edges(site.diagram, lang, site.config.vocabulary),
        diagram_legend(site.diagram, lang, site.config.vocabulary),
    )


def diagram_name(site: Site, key: tuple[str, str], lang: str) -> str:
    """A node's name in ``lang``: a document's title (or label), an entry's name."""
    if key[0] == "source":
        return document_name(site.document(key[1]), lang)
    return site.entry(key).name[lang]


def diagram_edges(edges: list[DiagramEdge], lang: str, vocabulary: Vocabulary) -> list[Edge]:
    """The edges to draw: each labelled with its verb, drawn with its certainty's line."""
    words = vocabulary.words(lang)
    return [
        Edge(
            e.source,
            e.target,
            words["relations"][e.type],
            vocabulary.line(e.certainty),
            words["certainty"].get(e.certainty),
        )
        for e in edges
    ]


def diagram_legend(edges: list[DiagramEdge], lang: str, vocabulary: Vocabulary) -> list[tuple[str, str]]:
    """What each line pattern means, for the certainties ``edges`` show: ``(line, words)``."""
    shown = {edge.certainty for edge in edges}
    legend = vocabulary.labels("certainties", lang, "legend")
    return [(vocabulary.line(c), legend[c]) for c in vocabulary.ids("certainties") if c in shown]


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
                diagram_edges(edges, lang, site.config.vocabulary),
                diagram_legend(edges, lang, site.config.vocabulary),
            )
            out.append(Page(f"{lang}/{ASSETS}/connections-{entry.id}-{lang}.svg", svg))
    return out
