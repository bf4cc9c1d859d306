"""The who-is-who diagram and each actor's own, read back from the SVG files as a reader's
browser draws them: no two boxes or labels overlap, no line runs through a box it does not join,
every node shows its whole name, every edge its certainty's line pattern, and the text list
beside each diagram names the same connections. The checks hold for any valid collection."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.render.diagram import Edge, Node, connections, network
from generator.render.formats import document_name
from generator.render.svg import DASHES
from generator.render.text_metrics import text_box
from tests.conftest import docs_file

SVG = "{http://www.w3.org/2000/svg}"
TOUCH = 1.5
"""How far (px) a line's end may be from the box it joins."""


@dataclass
class Drawing:
    nodes: list[tuple[str, tuple[float, ...]]]
    """Each node's name (its lines joined) and its frame."""
    labels: list[tuple[str, tuple[float, ...]]]
    """Each edge label's words and the box of its text."""
    edges: list[tuple[str, str, str, str | None]]
    """``(from, label, to, dash pattern)``, the ends found by where the lines start and stop."""
    boxes: list[tuple[str, tuple[float, ...]]]
    """Every frame and every line of text, with what it is."""
    lines: list[tuple[list[tuple[float, float]], set[int]]]
    """Points along each line, and the boxes (indexes in ``boxes``) it may touch."""


def text_lines(element) -> list[tuple[float, float, str]]:
    spans = element.findall(f"{SVG}tspan")
    if not spans:
        return [(float(element.get("x")), float(element.get("y")), element.text or "")]
    return [(float(s.get("x")), float(s.get("y")), s.text or "") for s in spans]


def text_boxes(element) -> list[tuple[float, ...]]:
    size, anchor = float(element.get("font-size")), element.get("text-anchor", "start")
    return [text_box(x, y, line, int(size), anchor) for x, y, line in text_lines(element)]


def union(boxes: list[tuple[float, ...]]) -> tuple[float, ...]:
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def overlap(a: tuple[float, ...], b: tuple[float, ...], slack: float = 0.5) -> bool:
    """True when ``a`` and ``b`` share more than a rounding error."""
    return a[0] + slack < b[2] and b[0] + slack < a[2] and a[1] + slack < b[3] and b[1] + slack < a[3]


def inside(point: tuple[float, float], box: tuple[float, ...], margin: float = 0.0) -> bool:
    x, y = point
    return box[0] - margin <= x <= box[2] + margin and box[1] - margin <= y <= box[3] + margin


def points(d: str) -> list[tuple[float, float]]:
    """Points along a path of M, L and C commands (every 1/16 of each curve)."""
    out: list[tuple[float, float]] = []
    for command, numbers in re.findall(r"([MLC])([^MLC]*)", d):
        values = [float(n) for n in re.findall(r"-?[\d.]+", numbers)]
        pairs = list(zip(values[::2], values[1::2], strict=True))
        if command == "C":
            (x0, y0), ((x1, y1), (x2, y2), (x3, y3)) = out[-1], pairs
            for step in range(1, 17):
                t = step / 16
                a, b, c, e = (1 - t) ** 3, 3 * t * (1 - t) ** 2, 3 * t * t * (1 - t), t**3
                out.append((a * x0 + b * x1 + c * x2 + e * x3, a * y0 + b * y1 + c * y2 + e * y3))
        elif command == "L":
            (x0, y0), (x1, y1) = out[-1], pairs[0]
            out += [(x0 + (x1 - x0) * s / 16, y0 + (y1 - y0) * s / 16) for s in range(1, 17)]
        else:
            out.append(pairs[0])
    return out


def node_at(drawing: Drawing, point: tuple[float, float], words: str) -> str:
    """The node a line of the edge labelled ``words`` starts or ends at."""
    found = [name for name, frame in drawing.nodes if inside(point, frame, TOUCH)]
    assert len(found) == 1, f"a line of {words!r} ends at {point}, touching {found or 'no node'}"
    return found[0]


def read(svg: str) -> Drawing:
    root = ElementTree.fromstring(svg)
    assert root.find(f"{SVG}title") is not None and (root.find(f"{SVG}title").text or "").strip()
    assert root.find(f"{SVG}desc") is not None and (root.find(f"{SVG}desc").text or "").strip()
    drawing = Drawing([], [], [], [], [])
    for group in root.iter(f"{SVG}g"):
        if group.get("class") == "node":
            rect, text = group.find(f"{SVG}rect"), group.find(f"{SVG}text")
            x, y = float(rect.get("x")), float(rect.get("y"))
            frame = (x, y, x + float(rect.get("width")), y + float(rect.get("height")))
            name = " ".join(line for _, _, line in text_lines(text))
            for box in text_boxes(text):
                assert frame[0] <= box[0] and box[2] <= frame[2], f"{name!r} is wider than its box"
                assert frame[1] <= box[1] and box[3] <= frame[3], f"{name!r} is taller than its box"
            drawing.nodes.append((name, frame))
            drawing.boxes.append((f"node {name!r}", frame))
        elif group.get("class") == "edge":
            text = group.find(f"{SVG}text")
            words = " ".join(line for _, _, line in text_lines(text))
            drawing.labels.append((words, union(text_boxes(text))))
            drawing.boxes += [(f"label {words!r}", box) for box in text_boxes(text)]
    for text in root.iter(f"{SVG}text"):
        if text.get("class") == "legend":
            words = " ".join(line for _, _, line in text_lines(text))
            drawing.boxes += [(f"legend {words!r}", box) for box in text_boxes(text)]
    for group, (words, label) in zip(
        (g for g in root.iter(f"{SVG}g") if g.get("class") == "edge"), drawing.labels, strict=True
    ):
        first, second = group.findall(f"{SVG}path")
        dash = first.get("stroke-dasharray")
        assert second.get("stroke-dasharray") == dash, f"the two halves of {words!r} are drawn differently"
        assert second.get("marker-end") and not first.get("marker-end"), (
            f"{words!r}: one arrowhead, at its end"
        )
        start, end = points(first.get("d")), points(second.get("d"))

        for point in (start[-1], end[0]):
            assert inside(point, label, 8), f"a line of {words!r} stops at {point}, away from its label"
        drawing.edges.append(
            (node_at(drawing, start[0], words), words, node_at(drawing, end[-1], words), dash)
        )
        own = {n for n, (what, box) in enumerate(drawing.boxes) if what == f"label {words!r}"}
        ends = {n for n, (what, box) in enumerate(drawing.boxes) if what.startswith("node ")}
        ends = {n for n in ends if inside(start[0], drawing.boxes[n][1], TOUCH)} | {
            n for n in ends if inside(end[-1], drawing.boxes[n][1], TOUCH)
        }
        drawing.lines.append((start + end, own | ends))
    return drawing


def check(drawing: Drawing, names: list[str], edges: list[tuple[str, str, str, str]]) -> None:
    """Nothing overlaps, no line crosses a box it does not join, the nodes and edges are
    ``names`` and ``edges`` (``(from, label, to, line)``)."""
    boxes = drawing.boxes
    for i, (what, box) in enumerate(boxes):
        for other, second in boxes[i + 1 :]:
            assert not overlap(box, second), f"{what} overlaps {other}"
    for path, allowed in drawing.lines:
        for n, (what, box) in enumerate(boxes):
            if n not in allowed:
                shrunk = (box[0] + 1, box[1] + 1, box[2] - 1, box[3] - 1)
                crossing = next((p for p in path if inside(p, shrunk)), None)
                assert crossing is None, f"a line runs through {what} at {crossing}"
    assert sorted(name for name, _ in drawing.nodes) == sorted(names)
    wanted = [(a, label, b, DASHES.get(line)) for a, label, b, line in edges]
    assert sorted(drawing.edges, key=str) == sorted(wanted, key=str)


def node_name(site, key: tuple[str, str], lang: str) -> str:
    return document_name(site.document(key[1]), lang) if key[0] == "source" else site.entry(key).name[lang]


def expected(site, edges, lang: str) -> list[tuple[str, str, str, str]]:
    words = site.config.vocabulary.words(lang)
    out = []
    for e in edges:
        note = words["certainty"].get(e.certainty)
        label = f"{words['relations'][e.type]} ({note})" if note else words["relations"][e.type]
        line = site.config.vocabulary.line(e.certainty)
        out.append((node_name(site, e.source, lang), label, node_name(site, e.target, lang), line))
    return out


def chart(built: Path, lang: str, name: str) -> str:
    folder = built if lang == "id" else built / lang
    return (folder / "assets" / "charts" / f"{name}-{lang}.svg").read_text(encoding="utf-8")


def unmark(text: str) -> str:
    """Markdown-escaped text as a reader sees it."""
    return html.unescape(re.sub(r"\\(.)", r"\1", text))


NAME = r"(?:\*\*(?P<{0}1>.+?)\*\*|\[(?P<{0}2>.+?)\]\([^)]*\))"
LISTED = re.compile(
    rf"^(?P<indent>\s*)- {NAME.format('a')} (?P<label>.+?) {NAME.format('b')}"
    r"(?: \*\((?P<note>[^)]*)\)\*)?\[\^",
    re.MULTILINE,
)


def listed(text: str) -> list[tuple[str, str, str]]:
    """``(from, label (note), to)`` of each connection a page's list gives in one line."""
    out = []
    for m in LISTED.finditer(text):
        label = f"{unmark(m['label'])} ({unmark(m['note'])})" if m["note"] else unmark(m["label"])
        out.append((unmark(m["a1"] or m["a2"]), label, unmark(m["b1"] or m["b2"])))
    return out


def network_listed(text: str) -> list[tuple[str, str, str]]:
    """The who-is-who page's list: a node in bold, then its edges one level in."""
    out, source = [], None
    for line in text.splitlines():
        head = re.match(r"^- \*\*\[(.+?)\]\([^)]*\)\*\*$", line)
        if head:
            source = unmark(head[1])
        item = re.match(r"^    - (.+?) \[(.+?)\]\([^)]*\)(?: \*\(([^)]*)\)\*)?\[\^", line)
        if item and source:
            label = f"{unmark(item[1])} ({unmark(item[3])})" if item[3] else unmark(item[1])
            out.append((source, label, unmark(item[2])))
    return out


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_whole_diagram_is_readable_and_matches_its_list(site, built, project, lang):
    drawing = read(chart(built, lang, "network"))
    names = {node_name(site, key, lang) for e in site.diagram for key in (e.source, e.target)}
    edges = expected(site, site.diagram, lang)
    check(drawing, sorted(names), edges)
    text = (project / "docs" / docs_file(lang, "siapa-siapa")).read_text(encoding="utf-8")
    assert sorted(network_listed(text)) == sorted((a, label, b) for a, label, b, _ in drawing.edges)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_each_actor_has_a_readable_diagram_of_its_own_connections(site, built, project, lang):
    actors = [entry for entry in site.entries if entry.kind == "actor"]
    drawn = 0
    for actor in actors:
        edges = [e for e in site.diagram if actor.key in (e.source, e.target)]
        page = (project / "docs" / docs_file(lang, f"aktor/{actor.id}")).read_text(encoding="utf-8")
        name = f"connections-{actor.id}"
        if not edges:
            assert name not in page
            continue
        drawn += 1
        drawing = read(chart(built, lang, name))
        names = {node_name(site, key, lang) for e in edges for key in (e.source, e.target)}
        check(drawing, sorted(names), expected(site, edges, lang))
        width = float(re.search(r"width='([\d.]+)'", chart(built, lang, name))[1])
        assert width <= 390 - 2 * 16, f"{name}-{lang}.svg is {width}px wide: too wide for a phone"
        assert sorted(listed(page)) == sorted((a, label, b) for a, label, b, _ in drawing.edges)
        assert f"{name}-{lang}.svg" in page
    assert drawn == len({k for e in site.diagram for k in (e.source, e.target) if k[0] == "actor"})


LONG = [
    Node(("actor", "a"), "Kementerian Koordinator Bidang Perekonomian Republik Indonesia Bagian Digital"),
    Node(("actor", "b"), "Komisi Pengawas Persaingan Usaha dan Perlindungan Konsumen Perdagangan Elektronik"),
    Node(("actor", "c"), "C"),
    Node(("term", "d"), "Supercalifragilisticexpialidociousplatformperdagangansosial"),
]
MANY = [
    Edge(("actor", "a"), ("actor", "b"), "mengawasi secara ketat dan terus-menerus", "solid"),
    Edge(("actor", "a"), ("actor", "b"), "berencana bekerja sama", "dashed", "rencana"),
    Edge(("actor", "b"), ("actor", "a"), "melaporkan kepada", "dashed", "klaim"),
    Edge(("actor", "b"), ("actor", "a"), "mengkritik", "dotted", "opini"),
    Edge(("actor", "a"), ("actor", "c"), "memimpin", "solid"),
    Edge(("actor", "c"), ("actor", "b"), "bagian dari", "solid"),
    Edge(("actor", "c"), ("term", "d"), "berbicara tentang", "dotted", "opini"),
    Edge(("term", "d"), ("actor", "a"), "diatur oleh", "dashed", "rencana"),
    Edge(("actor", "a"), ("term", "d"), "mengatur", "solid"),
]


def hand_made(edges: list[Edge]) -> list[tuple[str, str, str, str]]:
    name = {node.key: node.label for node in LONG}
    return [(name[e.source], e.text, name[e.target], e.line) for e in edges]


def test_a_hand_made_graph_with_long_names_and_many_edges_between_the_same_nodes():
    legend = [(line, f"Garis untuk {line}") for line in ("solid", "dashed", "dotted")]
    drawing = read(network("t", "Judul", "Keterangan", LONG, MANY, legend))
    check(drawing, [node.label for node in LONG], hand_made(MANY))
    for centre in LONG:
        edges = [e for e in MANY if centre.key in (e.source, e.target)]
        keys = {k for e in edges for k in (e.source, e.target)}
        svg = connections(
            "c", "Judul", "Keterangan", centre, [n for n in LONG if n.key in keys], edges, legend
        )
        check(read(svg), [n.label for n in LONG if n.key in keys], hand_made(edges))


TIED = [("b", "f"), ("e", "a"), ("c", "d"), ("c", "b"), ("f", "b"), ("b", "f")]
"""A graph for which igraph 1.0.0's layered layout puts two vertices of one layer at the same
position: a quote in a glossary entry added such an edge to the real collection's diagram and
made the build fail with ``KeyError: 6.0``."""


def test_vertices_the_layout_library_puts_at_one_position_of_a_layer_are_drawn_apart():
    nodes = [Node(("actor", name), f"Aktor {name.upper()}") for name in "abcdef"]
    label = {node.key: node.label for node in nodes}
    edges = [Edge(("actor", a), ("actor", b), f"{a} ke {b} {n}") for n, (a, b) in enumerate(TIED)]
    drawing = read(network("t", "Judul", "Keterangan", nodes, edges))
    check(
        drawing,
        [node.label for node in nodes],
        [(label[e.source], e.text, label[e.target], e.line) for e in edges],
    )


def test_the_same_graph_is_drawn_byte_for_byte_the_same():
    assert network("t", "T", "D", LONG, MANY) == network("t", "T", "D", LONG, MANY)


def test_the_checks_catch_an_overlap_a_cut_name_a_wrong_line_and_a_stray_line():
    """Each check can fail: the same drawing, spoilt five ways."""
    svg = network("t", "Judul", "Keterangan", LONG, MANY, [("solid", "Garis utuh")])
    names, edges = [node.label for node in LONG], hand_made(MANY)
    check(read(svg), names, edges)
    frame = re.findall(r"<rect x='([\d.]+)' y='([\d.]+)' width='([\d.]+)' height='([\d.]+)'", svg)[-1]
    x, y = float(frame[0]) + float(frame[2]) / 2, float(frame[1]) + float(frame[3]) / 2
    label = re.search(r"<text x='([\d.]+)' y='([\d.]+)'[^>]*class='label'>[^<]", svg)  # one line
    moved = svg.replace(label[0], label[0].replace(f"x='{label[1]}' y='{label[2]}'", f"x='{x}' y='{y}'"))
    over = svg.replace("</svg>", f"<text x='{x}' y='{y}' font-size='13' class='legend'>Garis</text></svg>")
    cut = svg.replace("Supercalifragilisticexpialidociousplatformperdagangansosial<", "Supercalif\u2026<")
    solid = svg.replace("stroke-dasharray='2 3'", "", 2)
    path = re.search(r"<path d='M([\d.]+),([\d.]+) L", svg)
    stray = svg.replace(path[0], f"<path d='M{path[1]},{path[2]} L{x},{y} L{path[1]},{path[2]} L")
    spoilt = {
        "away from its label": moved,
        "overlaps": over,
        "Supercalif": cut,
        "2 3": solid,
        "runs through": stray,
    }
    for message, drawing in spoilt.items():
        with pytest.raises(AssertionError, match=message):
            check(read(drawing), names, edges)
