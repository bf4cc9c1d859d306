"""SVG drawings made at build time: bar charts, and what the diagrams of generator/render/diagram.py share.

Self-contained files: no scripts, no fonts or styles from another host, a <title> and <desc>
for an accessible name, and every label in the page's language.
"""

from __future__ import annotations

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


DASHES = {"dashed": "7 4", "dotted": "2 3"}
"""Pattern of each line a certainty is drawn with (its ``line:`` in the vocabulary); solid: none."""


def _line(path: str, line: str, marker: str = "") -> str:
    dash = f" stroke-dasharray='{DASHES[line]}'" if line in DASHES else ""
    return f"<path d='{path}' fill='none' stroke='{LINE}' stroke-width='1.3'{dash}{marker}/>"
