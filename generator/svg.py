"""SVG drawings made at build time: bar charts and the who-is-who diagram.

Self-contained files: no scripts, no fonts or styles from another host, a <title> and <desc>
for an accessible name, and every label in the page's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

FONT = "font-family='system-ui, -apple-system, Segoe UI, Roboto, sans-serif'"
INK, MUTED, BAR, LINE, NODE = "#1f2328", "#57606a", "#3f51b5", "#8c959f", "#eef0fb"


def _open(width: int, height: int, title: str, description: str, name: str) -> list[str]:
    return [
        f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {width} {height}' width='{width}' "
        f"height='{height}' role='img' aria-labelledby='{name}-title {name}-desc' {FONT}>",
        f"<title id='{name}-title'>{escape(title)}</title>",
        f"<desc id='{name}-desc'>{escape(description)}</desc>",
        f"<rect width='{width}' height='{height}' fill='#ffffff'/>",
    ]


def bar_chart(name: str, title: str, description: str, bars: list[tuple[str, float, str]]) -> str:
    """Horizontal bars, each under its label: ``(label, value, value as text)``, scaled to the
    largest value."""
    width, left, value_room, row, top = 720, 16, 150, 64, 52
    height = top + row * len(bars) + 8
    largest = max(value for _, value, _ in bars) or 1
    out = _open(width, height, title, description, name)
    out.append(
        f"<text x='{left}' y='30' font-size='17' font-weight='600' fill='{INK}'>{escape(title)}</text>"
    )
    for i, (label, value, shown) in enumerate(bars):
        y = top + i * row
        length = max(2.0, (width - left - value_room) * value / largest)
        out += [
            f"<text x='{left}' y='{y + 14}' font-size='14' fill='{INK}'>{escape(label)}</text>",
            f"<rect x='{left}' y='{y + 22}' width='{length:.1f}' height='26' rx='3' fill='{BAR}'/>",
            f"<text x='{left + length + 8:.1f}' y='{y + 40}' font-size='14' font-weight='600' "
            f"fill='{INK}'>{escape(shown)}</text>",
        ]
    out.append("</svg>")
    return "\n".join(out) + "\n"


@dataclass(frozen=True)
class Node:
    key: tuple[str, str]
    label: str
    column: int


@dataclass(frozen=True)
class Edge:
    source: tuple[str, str]
    target: tuple[str, str]
    label: str
    certainty: str = "reported"
    note: str | None = None
    """Shown after the label for anything not reported as done: "planned", "opinion"."""


DASHES = {"planned": "7 4", "claimed": "7 4", "opinion": "2 3"}
"""Line pattern per certainty; a reported edge is a solid line."""


def _line(path: str, certainty: str, marker: str = "") -> str:
    dash = f" stroke-dasharray='{DASHES[certainty]}'" if certainty in DASHES else ""
    return f"<path d='{path}' fill='none' stroke='{LINE}' stroke-width='1.3'{dash}{marker}/>"


def network(
    name: str,
    title: str,
    description: str,
    columns: list[str],
    nodes: list[Node],
    edges: list[Edge],
    legend: list[tuple[str, str]] = (),
) -> str:
    """Nodes in labelled columns, edges as labelled curves with arrowheads, drawn solid, dashed
    or dotted by certainty; ``legend`` explains each line pattern: ``(certainty, words)``."""
    column_width, node_width, row, top = 330, 210, 40, 72
    by_column: dict[int, list[Node]] = {}
    for node in nodes:
        by_column.setdefault(node.column, []).append(node)
    place = {}
    for column, members in by_column.items():
        for i, node in enumerate(sorted(members, key=lambda n: n.label.casefold())):
            place[node.key] = (20 + column * column_width, top + i * row)
    width = 20 + len(columns) * column_width
    body = top + row * max((len(m) for m in by_column.values()), default=1) + 20
    height = body + 26 * len(legend) + (12 if legend else 0)
    out = _open(width, height, title, description, name)
    out.append(
        f"<defs><marker id='{name}-arrow' viewBox='0 0 10 10' refX='9' refY='5' markerWidth='7' "
        f"markerHeight='7' orient='auto-start-reverse'><path d='M0,0L10,5L0,10z' "
        f"fill='{LINE}'/></marker></defs>"
    )
    for column, heading in enumerate(columns):
        out.append(
            f"<text x='{20 + column * column_width}' y='36' font-size='15' font-weight='600' "
            f"fill='{MUTED}'>{escape(heading)}</text>"
        )
    stacked: dict[tuple[int, int], int] = {}
    for edge in edges:
        (x1, y1), (x2, y2) = place[edge.source], place[edge.target]
        y1, y2 = y1 + 14, y2 + 14
        if x2 > x1:
            x1 += node_width
        elif x2 < x1:
            x2 += node_width
        else:
            x1 = x2 = x1 + node_width
        bend = max(40, abs(x2 - x1) / 2) if x1 != x2 else 40 + abs(y2 - y1) / 4
        c1 = x1 + bend if x2 >= x1 else x1 - bend
        c2 = x2 - bend if x2 > x1 else x2 + bend
        path = f"M{x1},{y1} C{c1:.0f},{y1} {c2:.0f},{y2} {x2},{y2}"
        out.append(_line(path, edge.certainty, f" marker-end='url(#{name}-arrow)'"))
        label = f"{edge.label} ({edge.note})" if edge.note else edge.label
        # The label sits in the gap before the target, where no node box can hide it.
        mx = x2 - 60 if x2 > x1 else x2 + 60 if x2 < x1 else x1 + bend * 0.75
        my = y2 - 5 if x1 != x2 else (y1 + y2) / 2
        # Labels of edges that meet at one place are stacked upwards instead of overprinted.
        spot = (round(mx), round(my))
        my -= 13 * stacked.get(spot, 0)
        stacked[spot] = stacked.get(spot, 0) + 1
        out.append(
            f"<text x='{mx:.0f}' y='{my:.0f}' font-size='11' text-anchor='middle' fill='{MUTED}' "
            f"stroke='#ffffff' stroke-width='3' paint-order='stroke'>{escape(label)}</text>"
        )
    for node in nodes:
        x, y = place[node.key]
        out += [
            f"<rect x='{x}' y='{y}' width='{node_width}' height='28' rx='5' fill='{NODE}' stroke='{BAR}'/>",
            f"<text x='{x + 8}' y='{y + 19}' font-size='13' fill='{INK}'>{escape(_clip(node.label, 30))}"
            "</text>",
        ]
    for i, (certainty, words) in enumerate(legend):
        y = body + 12 + 26 * i
        out += [
            _line(f"M20,{y} H76", certainty),
            f"<text x='88' y='{y + 4}' font-size='13' fill='{INK}'>{escape(words)}</text>",
        ]
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "\u2026"
