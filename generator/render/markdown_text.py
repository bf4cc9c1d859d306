"""Make text safe to place in Markdown: source text must never become markup."""

from __future__ import annotations

import html
import re

from markupsafe import Markup

from generator.render.writers import json_text

# Characters Python-Markdown and its extensions read as markup anywhere in a line (emphasis,
# links, footnotes, abbreviations, attribute lists, code, tables, headings), and HTML's own.
INLINE = str.maketrans({c: "\\" + c for c in "\\`*_{}[]#!|"} | {"&": "&amp;", "<": "&lt;", ">": "&gt;"})
WHITESPACE = re.compile(r"\s+")
# Line starts that open a block: list items, definitions, ordered lists ("2023. ...").
BLOCK_START = re.compile(r"^(\s*)(?:([-+:])|(\d+)([.)]))")


def escape(value: object) -> Markup:
    """Plain text to inert Markdown; already trusted Markup passes through unchanged."""
    if isinstance(value, Markup):
        return value
    text = str(value)
    if "\n" in text or "  " in text or "\t" in text or "\r" in text:
        text = WHITESPACE.sub(" ", text)
    text = text.translate(INLINE)
    start = BLOCK_START.match(text)
    if start:
        mark = start[2] or start[3] + "\\" + start[4]
        text = start[1] + ("\\" + mark if start[2] else mark) + text[start.end() :]
    return Markup(text)


def plain(value: object) -> Markup:
    """Trusted text of the generator's own (paths, ids), kept on one line and unescaped."""
    return Markup(" ".join(str(value).split()))


def link(text: object, url: str) -> Markup:
    """A Markdown link with escaped text."""
    return Markup(f"[{escape(text)}]({url})")


def yaml_string(value: object) -> Markup:
    """A value for YAML front matter (JSON strings are valid YAML), HTML-escaped: the theme
    prints titles and descriptions into the page as they are."""
    text = html.escape(" ".join(str(value).split()), quote=False).replace('"', "&quot;")
    return Markup(json_text.string(text))
