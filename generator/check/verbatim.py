"""Finding words where they must be: a quote verbatim in its paragraph (``[...]`` marks an
omission), and the line of a source file that holds a word, for problems to point at."""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path

from generator.model import Document, Paragraph

QUOTE_MARKS = str.maketrans(
    {c: '"' for c in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"}
    | {c: "'" for c in "\u2018\u2019\u201a\u201b\u2032"}
)
ELISION = "[...]"


def normalise_quote(text: str) -> str:
    """Whitespace collapsed and curly quote marks made straight, for comparing quotes."""
    return " ".join(unicodedata.normalize("NFC", text).translate(QUOTE_MARKS).split())


def quote_found(quote: str, paragraph: str) -> bool:
    """True when ``quote`` is verbatim in ``paragraph``; ``[...]`` marks an omission."""
    haystack, position = normalise_quote(paragraph), 0
    for part in normalise_quote(quote).split(ELISION):
        part = part.strip()
        index = haystack.find(part, position)
        if index < 0:
            return False
        position = index + len(part)
    return True


@cache
def _lines(path: Path, mtime: int) -> tuple[str, ...]:
    """A file's lines, cached until the file changes (``mkdocs serve`` re-checks edited files)."""
    return tuple(path.read_text(encoding="utf-8-sig").splitlines())


def line_of(path: Path, start: int, needle: str) -> int:
    """The first line from ``start`` on that contains ``needle`` (a folded text spans lines)."""
    for number, text in enumerate(_lines(path, path.stat().st_mtime_ns)[start - 1 :], start):
        if needle in text:
            return number
    return start


def changed_note(doc: Document, para: Paragraph) -> str:
    """`` (its words changed in the correction of ...)`` when a correction changed them."""
    change = doc.record.last_change(para.key) if doc.record else None
    return f" (its words changed in the correction of {change[0].date})" if change else ""
