"""The who-is-who diagram and each entry's own small one, laid out by a graph-layout library.

Every edge label is a node of its own on its edge (A -> label -> B), so that igraph's layered
(Sugiyama) layout keeps labels apart as it keeps nodes apart. The library orders the nodes of
each layer (fewest crossings) and places them along it; layers become bands (columns when the
drawing runs left to right, rows when it runs top to bottom) as deep as their largest box, and
positions along a band are spread until the boxes of one band clear each other. Boxes are sized
from a text-width estimate that errs wide, so names are shown whole, wrapped onto more lines
when long, and nothing overlaps whatever font the reader's system picks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

import igraph

from generator.render.svg import BAR, INK, LINE, MUTED, NODE, _line, _open
from generator.render.text_metrics import LEADING, text_width, wrap

NODE_SIZE, LABEL_SIZE, LEGEND_SIZE = 13, 12, 13
"""Font sizes in px of node names, edge labels and the legend."""
NODE_PAD, LABEL_PAD = (10, 6), (4, 2)
"""Room between a box's edge and its text, across and down."""
MARGIN = 12
LANE = 8
"""Room across a band that a line passing through it takes."""


@dataclass(frozen=True)
class Node:
    key: tuple[str, str]
    label: str


@dataclass(frozen=True)
class Edge:
    source: tuple[str, str]
    target: tuple[str, str]
    label: str
    line: str = "solid"
    """How the edge is drawn, from its certainty: solid, dashed or dotted."""
    note: str | None = None
    """Shown after the label for anything not reported as done: "planned", "opinion"."""

    @property
    def text(self) -> str:
        return f"{self.label} ({self.note})" if self.note else self.label


@dataclass(frozen=True)
class Box:
    """Text in a box: a node's name (with a frame) or an edge's label (without)."""

    lines: tuple[str, ...]
    size: int
    pad: tuple[float, float]

    @property
    def width(self) -> float:
        return max(text_width(line, self.size) for line in self.lines) + 2 * self.pad[0]

    @property
    def height(self) -> float:
        return len(self.lines) * LEADING * self.size + 2 * self.pad[1]

    @classmethod
    def of(cls, text: str, size: int, pad: tuple[float, float], limit: float) -> Box:
        return cls(tuple(wrap(text, size, limit)), size, pad)


@dataclass(frozen=True)
class Layout:
    centres: list[tuple[float, float]]
    """Of each box, in drawing coordinates."""
    routes: list[str]
    """The SVG path of each link, from the edge of its first box to the edge of its second."""
    width: float
    height: float


def longest_path_layers(count: int, links: list[tuple[int, int]]) -> list[int]:
    """Each vertex's layer: cycles broken by turning round igraph's feedback arc set (the
    heuristic of Eades, Lin and Smyth), then each vertex one layer after its deepest predecessor.
    (igraph's Sugiyama layout does the same when given no layers, but igraph 1.0.0 then crashes
    now and then in its own handling of links that pass several layers; given layers and links
    between neighbouring layers only, it does not.)"""
    graph = igraph.Graph(n=count, edges=links, directed=True)
    turned = set(graph.feedback_arc_set(method="eades"))
    forward = [(b, a) if n in turned else (a, b) for n, (a, b) in enumerate(links)]
    acyclic = igraph.Graph(n=count, edges=forward, directed=True)
    layer = [0] * count
    for v in acyclic.topological_sorting():
        for u in acyclic.predecessors(v):
            layer[v] = max(layer[v], layer[u] + 1)
    return layer


def layered(
    boxes: list[Box],
    links: list[tuple[int, int]],
    across: bool = True,
    layers: list[int] | None = None,
    gap: tuple[float, float] = (44, 12),
    positions: list[float] | None = None,
) -> Layout:
    """Lays ``boxes`` out in layers with ``links`` (pairs of box indexes) between them: layers
    run left to right when ``across``, else top to bottom; ``layers`` fixes each box's layer,
    else igraph chooses (a longest-path layering after breaking cycles). ``gap``: the room
    between layers and between boxes of one layer. igraph orders and places the boxes of each
    layer, unless ``positions`` gives their order across the layers; a link that passes other
    layers then runs in a lane before the first position, the longer the link the farther out."""
    if not boxes:
        return Layout([], [], 0, 0)
    if layers is None:
        layers = longest_path_layers(len(boxes), links)
    layer = list(layers)
    # A link across several layers passes a dummy vertex in each layer between, so that every
    # link of the graph handed to the library joins neighbouring layers.
    chains = []
    for a, b in links:
        step = 1 if layer[b] >= layer[a] else -1
        chain = [a]
        for between in range(layer[a] + step, layer[b], step):
            layer.append(between)
            chain.append(len(layer) - 1)
        chains.append([*chain, b])
    if any(layer[a] == layer[b] for a, b in links):
        raise ValueError("a link joins two boxes of one layer")
    steps = {pair for chain in chains for pair in zip(chain, chain[1:], strict=False)}
    pairs = sorted(tuple(sorted(pair, key=layer.__getitem__)) for pair in steps)
    if positions is None:
        graph = igraph.Graph(n=len(layer), edges=pairs, directed=True)
        along = [x for x, _ in graph.layout_sugiyama(layers=layer, maxiter=500).coords]
    else:
        along = list(positions) + [0.0] * (len(layer) - len(boxes))
        passing = sorted((max(layer[i] for i in c), n) for n, c in enumerate(chains) if len(c) > 2)
        for rank, (_, n) in enumerate(passing):
            for i in chains[n][1:-1]:
                along[i] = min(positions) - 1 - rank

    def extent(i: int) -> tuple[float, float]:
        """(depth along the layers' direction, breadth across it) of vertex ``i``."""
        if i >= len(boxes):
            return (0.0, LANE)
        box = boxes[i]
        return (box.width, box.height) if across else (box.height, box.width)

    # Across: positions in that order, spread so that neighbours in a layer clear each other.
    # Vertices at one position share a slot, which is placed once. The library may put two
    # vertices of one layer at the same position (igraph 1.0.0 does, for some graphs of
    # several parts): the later one then takes the next slot at that position.
    before: dict[int, int] = {}
    """Each vertex -> the vertex before it in its layer."""
    last: dict[int, int] = {}
    slot: list[tuple[float, int]] = [(value, 0) for value in along]
    """Each vertex's ``(position, how many of its layer are before it at that position)``."""
    for i in sorted(range(len(layer)), key=lambda i: (along[i], i)):
        if layer[i] in last:
            u = before[i] = last[layer[i]]
            if along[u] == along[i]:
                slot[i] = (along[i], slot[u][1] + 1)
        last[layer[i]] = i
    at_slot: dict[tuple[float, int], list[int]] = {}
    for i, key in enumerate(slot):
        at_slot.setdefault(key, []).append(i)
    keys = sorted(at_slot)
    place: dict[tuple[float, int], float] = {}
    for k, key in enumerate(keys):
        at = place[keys[k - 1]] + (key[0] - keys[k - 1][0]) * 4 if k else 0.0
        for w in at_slot[key]:
            if w in before:
                u = before[w]
                at = max(at, place[slot[u]] + (extent(u)[1] + extent(w)[1]) / 2 + gap[1])
        place[key] = at
    low = min(place[slot[i]] - extent(i)[1] / 2 for i in range(len(layer)))
    cross = [place[slot[i]] - low + MARGIN for i in range(len(layer))]
    breadth = max(cross[i] + extent(i)[1] / 2 for i in range(len(layer))) + MARGIN
    # Along: each layer a band as deep as its deepest box.
    depth = [0.0] * (max(layer) + 1)
    for i, d in enumerate(layer):
        depth[d] = max(depth[d], extent(i)[0])
    start = [float(MARGIN)]
    for band in depth:
        start.append(start[-1] + band + gap[0])
    length = start[-1] - gap[0] + MARGIN

    def point(main: float, side: float) -> tuple[float, float]:
        return (main, side) if across else (side, main)

    def fmt(p: tuple[float, float]) -> str:
        return f"{p[0]:.1f},{p[1]:.1f}"

    routes = []
    for chain in chains:
        step = 1 if layer[chain[-1]] > layer[chain[0]] else -1
        parts, here = [], None
        for n, i in enumerate(chain):
            d, mid = layer[i], start[layer[i]] + depth[layer[i]] / 2
            half = extent(i)[0] / 2 if i < len(boxes) else depth[d] / 2
            near, far = (mid - step * half, mid + step * half)
            band_near = start[d] if step > 0 else start[d] + depth[d]
            band_far = start[d] + depth[d] if step > 0 else start[d]
            if n == 0:
                here = point(far, cross[i])
                parts.append(f"M{fmt(here)}")
                if band_far != far:
                    here = point(band_far, cross[i])
                    parts.append(f"L{fmt(here)}")
                continue
            enter = point(band_near, cross[i])
            lo, hi = min(d, d - step), max(d, d - step)
            middle = (start[lo] + depth[lo] + start[hi]) / 2
            c1, c2 = point(middle, cross[chain[n - 1]]), point(middle, cross[i])
            parts.append(f"C{fmt(c1)} {fmt(c2)} {fmt(enter)}")
            end = point(near if n == len(chain) - 1 else band_far, cross[i])
            if end != enter:
                parts.append(f"L{fmt(end)}")
        routes.append(" ".join(parts))
    centres = [point(start[layer[i]] + depth[layer[i]] / 2, cross[i]) for i in range(len(boxes))]
    return Layout(centres, routes, *(point(length, breadth)))


def _text(x: float, y: float, lines: tuple[str, ...], size: int, fill: str, extra: str = "") -> str:
    """Lines of text centred on ``x``, the first baseline at ``y``."""
    head = f"<text x='{x:.1f}' y='{y:.1f}' font-size='{size}' text-anchor='middle' fill='{fill}'{extra}>"
    if len(lines) == 1:
        return f"{head}{escape(lines[0])}</text>"
    spans = "".join(
        f"<tspan x='{x:.1f}' y='{y + n * LEADING * size:.1f}'>{escape(line)}</tspan>"
        for n, line in enumerate(lines)
    )
    return f"{head}{spans}</text>"


def _box_text(box: Box, centre: tuple[float, float]) -> tuple[float, float]:
    """Where the first baseline of a box's text goes: the lines centred in the box."""
    x, y = centre
    return x, y - box.height / 2 + box.pad[1] + box.size


def _draw(
    name: str,
    title: str,
    description: str,
    nodes: list[Node],
    edges: list[Edge],
    legend: list[tuple[str, str]],
    across: bool,
    layers: list[int] | None = None,
    positions: list[float] | None = None,
    node_limit: float = 170,
    label_limit: float = 110,
) -> str:
    index = {node.key: i for i, node in enumerate(nodes)}
    boxes = [Box.of(node.label, NODE_SIZE, NODE_PAD, node_limit) for node in nodes]
    boxes += [Box.of(edge.text, LABEL_SIZE, LABEL_PAD, label_limit) for edge in edges]
    links = []
    for i, edge in enumerate(edges):
        links += [(index[edge.source], len(nodes) + i), (len(nodes) + i, index[edge.target])]
    if layers is not None:
        layers = list(layers)
    laid = layered(boxes, links, across, layers, (36, 12) if across else (20, 6), positions)
    # The legend under the drawing, its words wrapped to the drawing's width.
    width = max(laid.width, 340.0)
    words_limit = width - 88 - MARGIN
    legend_boxes = [Box.of(words, LEGEND_SIZE, (0, 0), words_limit) for _, words in legend]
    body = laid.height + (8 if legend else 0)
    height = body + sum(box.height + 8 for box in legend_boxes) + (MARGIN if legend else 0)
    w, h = round(width + 0.49), round(height + 0.49)
    out = _open(w, h, title, description, name)
    out.append(
        f"<defs><marker id='{name}-arrow' viewBox='0 0 10 10' refX='9' refY='5' markerWidth='7' "
        f"markerHeight='7' orient='auto-start-reverse'><path d='M0,0L10,5L0,10z' "
        f"fill='{LINE}'/></marker></defs>"
    )
    for i, edge in enumerate(edges):
        box = boxes[len(nodes) + i]
        x, y = _box_text(box, laid.centres[len(nodes) + i])
        out += [
            "<g class='edge'>",
            _line(laid.routes[2 * i], edge.line),
            _text(x, y, box.lines, box.size, MUTED, " class='label'"),
            _line(laid.routes[2 * i + 1], edge.line, f" marker-end='url(#{name}-arrow)'"),
            "</g>",
        ]
    for box, (x, y) in zip(boxes[: len(nodes)], laid.centres, strict=False):
        tx, ty = _box_text(box, (x, y))
        out += [
            "<g class='node'>",
            f"<rect x='{x - box.width / 2:.1f}' y='{y - box.height / 2:.1f}' width='{box.width:.1f}' "
            f"height='{box.height:.1f}' rx='5' fill='{NODE}' stroke='{BAR}'/>",
            _text(tx, ty, box.lines, box.size, INK),
            "</g>",
        ]
    y = body
    for (line, _), box in zip(legend, legend_boxes, strict=True):
        first = y + LEGEND_SIZE
        out += [
            _line(f"M{MARGIN},{first - 4:.1f} H{MARGIN + 56}", line),
            _text_start(MARGIN + 68, first, box.lines, LEGEND_SIZE, INK),
        ]
        y += box.height + 8
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _text_start(x: float, y: float, lines: tuple[str, ...], size: int, fill: str) -> str:
    spans = "".join(
        f"<tspan x='{x:.1f}' y='{y + n * LEADING * size:.1f}'>{escape(line)}</tspan>"
        for n, line in enumerate(lines)
    )
    if len(lines) == 1:
        spans = escape(lines[0])
    return f"<text x='{x:.1f}' y='{y:.1f}' font-size='{size}' fill='{fill}' class='legend'>{spans}</text>"


def network(
    name: str,
    title: str,
    description: str,
    nodes: list[Node],
    edges: list[Edge],
    legend: Sequence[tuple[str, str]] = (),
) -> str:
    """Every node and edge, left to right, each edge a labelled line with an arrowhead, solid,
    dashed or dotted by certainty; ``legend`` explains each line pattern: ``(line, words)``."""
    return _draw(name, title, description, nodes, edges, list(legend), across=True)


def connections(
    name: str,
    title: str,
    description: str,
    centre: Node,
    nodes: list[Node],
    edges: list[Edge],
    legend: Sequence[tuple[str, str]] = (),
) -> str:
    """One node's connections, narrow enough for a phone: ``centre`` on top and its neighbours
    in one column below it, each under the labels of its edges, every line in a lane of its own
    on the left; ``edges`` all touch ``centre``. A star has no crossings for a layout library
    to remove, so the positions are given: the layers and lanes are drawn as in ``network``."""
    others = [node for node in nodes if node.key != centre.key]
    row = {node.key: n for n, node in enumerate(others)}
    neighbour = [row[e.target if e.source == centre.key else e.source] for e in edges]
    count = [neighbour.count(n) for n in range(len(others))]
    layers = [0] + [2 * n + 2 for n in range(len(others))] + [2 * n + 1 for n in neighbour]
    positions = (
        [0.0]
        + [(c - 1) / 2 for c in count]
        + [float(neighbour[:i].count(n)) for i, n in enumerate(neighbour)]
    )
    return _draw(
        name,
        title,
        description,
        [centre, *others],
        edges,
        list(legend),
        across=False,
        layers=layers,
        positions=positions,
        node_limit=180,
        label_limit=180,
    )
