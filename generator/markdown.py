"""Make text safe to place in Markdown: source text must never become markup."""

from __future__ import annotations

import html
import json
import re

from markupsafe import Markup

# Characters Python-Markdown and its extensions read as markup anywhere in a line
# (emphasis, links, footnotes, abbreviations, attribute lists, code, tables, headings).
INLINE_SPECIAL = re.compile(r"([\\`*_{}\[\]#!|])")
# Line starts that open a block: list items, ordered lists, definitions.
BLOCK_START = re.compile(r"^(\s*)([-+:]|\d+(?=[.)]))")


def escape(value: object) -> Markup:
    """Plain text to inert Markdown; already trusted Markup passes through unchanged."""
    if isinstance(value, Markup):
        return value
    text = html.escape(re.sub(r"\s+", " ", str(value)), quote=False)
    text = INLINE_SPECIAL.sub(r"\\\1", text)
    text = BLOCK_START.sub(lambda m: m[1] + "\\" + m[2] if m[2] in "-+:" else m[0], text)
    text = re.sub(r"^(\s*\d+)([.)])", r"\1\\\2", text)
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
    return Markup(json.dumps(text, ensure_ascii=False))
