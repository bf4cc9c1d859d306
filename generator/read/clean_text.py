"""Clean a raw document: fix its encoding, drop site boilerplate, split it into paragraphs.

Every rule is general (it looks for a kind of damage, not for a known string) and every change
is recorded as a :class:`~generator.model.Removal` so the source page can say what was removed.
The original file is never changed.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache

import ftfy

from generator.model import Byline, Cleaning, Document, Paragraph, RawDocument, Removal, Rule
from generator.model.words import LOCALES, ui
from generator.read import memo
from generator.read.records import apply

FTFY_CONFIG = ftfy.TextFixerConfig(uncurl_quotes=False, explain=False)

# U+00C2 left behind when a UTF-8 no-break space (C2 A0) was decoded as Latin-1 and its A0 byte
# became a plain space or was dropped: an "Â" standing before whitespace or at a line's end.
STRAY_A_CIRCUMFLEX = re.compile("\u00c2(?=[ \t\u00a0]|$)", re.MULTILINE)

BYLINE_SIGNS = re.compile(r"[|\u00b7\u2022]")
"""A separator that bylines put between name and date."""
DATE_LIKE = re.compile(
    r"\b\d{1,2}\s+(?P<after>[^\W\d_]+)\.?,?\s+\d{4}\b|\b(?P<before>[^\W\d_]+)\.?\s+\d{1,2},?\s+\d{4}\b"
    r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{4}\b"
)
BYLINE_WORDS = 15
"""A first line of at most this many words, with a separator or a date, looks like a byline."""


@dataclass(frozen=True)
class BylineForms:
    """How articles in one language print their byline (``byline_forms`` in its locale file)."""

    patterns: tuple[re.Pattern[str], ...]
    months: dict[str, int]


@cache
def byline_forms(language: str) -> BylineForms:
    """The byline forms of ``language``; none for a language without a locale file."""
    if not (LOCALES / f"{language}.yml").exists():
        return BylineForms((), {})
    forms = ui(language).get("byline_forms")
    forms = forms if isinstance(forms, dict) else {}  # a locale file still being written: no forms
    patterns, names = forms.get("forms"), forms.get("months")
    months = {
        name.lower(): number
        for number, given in enumerate(names if isinstance(names, list) else [], 1)
        for name in ([given] if isinstance(given, str) else given)
    }
    patterns = [form for form in patterns if isinstance(form, str)] if isinstance(patterns, list) else []
    return BylineForms(tuple(re.compile(form) for form in patterns), months)


@cache
def known_months() -> frozenset[str]:
    """Month names and abbreviations of every language's byline forms."""
    return frozenset(name for path in LOCALES.glob("*.yml") for name in byline_forms(path.stem).months)


def decode(data: bytes) -> tuple[str, list[Removal]]:
    """Bytes to text: UTF-8 (a byte-order mark is dropped), else Windows-1252, else Latin-1."""
    removals = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        removals.append(Removal("byte-order-mark", 1))
    for encoding in ("utf-8", "cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text, removals + ([Removal(f"decoded-{encoding}", 1)] if encoding != "utf-8" else [])
    raise AssertionError("latin-1 decodes any bytes")


@memo.remembered
def repair_text(text: str) -> tuple[str, list[Removal]]:
    """Line endings, mojibake, stray ``Â`` and no-break spaces; line numbers stay the same."""
    removals = []
    crlf = text.count("\r\n") + text.replace("\r\n", "").count("\r")
    if crlf:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        removals.append(Removal("line-endings", crlf))
    fixed = "\n".join(ftfy.fix_text(line, FTFY_CONFIG) for line in text.split("\n"))
    if fixed != text:
        pairs = zip(text.split("\n"), fixed.split("\n"), strict=True)
        changed = [i for i, (a, b) in enumerate(pairs, 1) if a != b]
        removals.append(Removal("mojibake", len(changed), tuple(changed)))
        text = fixed
    stray = [text.count("\n", 0, m.start()) + 1 for m in STRAY_A_CIRCUMFLEX.finditer(text)]
    if stray:
        text = STRAY_A_CIRCUMFLEX.sub("", text)
        removals.append(Removal("stray-a-circumflex", len(stray), tuple(sorted(set(stray)))))
    return text.replace("\u00a0", " "), removals


def split_blocks(text: str) -> list[tuple[int, str]]:
    """Paragraphs with their first line number, following the document's own convention.

    A document without blank lines has one paragraph per line. In one with blank lines, each
    blank-line block is a paragraph whose lines were wrapped, unless most of its line breaks fall
    between sentences: then it is a run of one-line paragraphs (a headline set off by a blank line
    above paragraphs separated by single line breaks, say).
    """
    lines = [" ".join(line.split()) for line in text.split("\n")]
    if not any(not line for line in lines[:-1]):
        return [(number, line) for number, line in enumerate(lines, 1) if line]
    blocks: list[list[tuple[int, str]]] = [[]]
    for number, line in enumerate(lines, 1):
        if line:
            blocks[-1].append((number, line))
        elif blocks[-1]:
            blocks.append([])
    paragraphs = []
    for block in filter(None, blocks):
        breaks = list(itertools.pairwise(block))
        if breaks and sum(sentence_break(a, b) for (_, a), (_, b) in breaks) * 2 > len(breaks):
            paragraphs += block
        else:
            paragraphs.append((block[0][0], " ".join(text for _, text in block)))
    return paragraphs


SENTENCE_END = tuple('.!?"\u201d\u2019)\u00bb')


def sentence_break(line: str, following: str) -> bool:
    """Does the break between two lines fall between sentences?"""
    return line.endswith(SENTENCE_END) and (
        following[:1].isupper() or following[:1] in '"\u201c\u2018(0123456789'
    )


def read_byline(text: str, language: str) -> tuple[str, date] | None:
    """The name and date of a byline in one of ``language``'s forms; None if it is not one."""
    forms = byline_forms(language)
    for pattern in forms.patterns:
        match = pattern.match(text)
        month = forms.months.get(match["month"].lower()) if match else None
        if match and month:
            try:
                return match["name"].strip(), date(int(match["year"]), month, int(match["day"]))
            except ValueError:
                continue
    return None


def looks_like_byline(text: str) -> bool:
    """Short, with a byline's separator or a printed date: ``make check`` asks about it."""
    if len(text.split()) > BYLINE_WORDS:
        return False
    months = (m["after"] or m["before"] for m in DATE_LIKE.finditer(text))  # None: a date in figures
    return bool(BYLINE_SIGNS.search(text)) or any(not m or m.lower() in known_months() for m in months)


def take_byline(
    blocks: list[tuple[int, str]], language: str, title: str | None = None
) -> tuple[Byline | None, list[tuple[int, str]], tuple[int, str] | None]:
    """Remove a byline in one of ``language``'s forms from the first three paragraphs; else
    name the first of them (other than the title) that looks like one."""
    for index, (line, text) in enumerate(blocks[:3]):
        if found := read_byline(text, language):
            return Byline(found[0], found[1], line), blocks[:index] + blocks[index + 1 :], None
    unread = next(
        (
            block
            for block in blocks[:3]
            if looks_like_byline(block[1]) and not (title and _same(block[1], title))
        ),
        None,
    )
    return None, blocks, unread


def _same(a: str, b: str) -> bool:
    return unicodedata.normalize("NFC", a).casefold().strip(" .") == unicodedata.normalize(
        "NFC", b
    ).casefold().strip(" .")


def drop_headlines(
    blocks: list[tuple[int, str]], title: str | None
) -> tuple[list[tuple[int, str]], list[int]]:
    """Remove leading copies of the title and any paragraph that repeats the one before it."""
    removed: list[int] = []
    kept: list[tuple[int, str]] = []
    for line, text in blocks:
        leading_title = title and not kept and _same(text, title)
        repeat = kept and _same(text, kept[-1][1])
        if leading_title or repeat:
            removed.append(line)
        else:
            kept.append((line, text))
    return kept, removed


def drop_furniture(
    blocks: list[tuple[int, str]], cleaning: Cleaning
) -> tuple[list[tuple[int, str]], list[Removal]]:
    """Remove site furniture by the collection's rules: rules for ``end`` take paragraphs from the
    end of the text only, rules for ``anywhere`` from wherever they stand."""
    found: dict[Rule, list[int]] = {}

    def rule_for(text: str, place: tuple[str, ...]) -> Rule | None:
        if len(text) > cleaning.max_length:
            return None
        return next((r for r in cleaning.rules if r.where in place and r.matches(text)), None)

    while blocks and (rule := rule_for(blocks[-1][1], ("end", "anywhere"))):
        found.setdefault(rule, []).insert(0, blocks[-1][0])
        blocks = blocks[:-1]
    kept: list[tuple[int, str]] = []
    for line, text in blocks:
        rule = rule_for(text, ("anywhere",))
        if rule:
            found.setdefault(rule, []).append(line)
        else:
            kept.append((line, text))
    removals = [Removal(rule.id, len(lines), tuple(sorted(lines)), rule) for rule, lines in found.items()]
    return kept, sorted(removals, key=lambda r: r.lines)


def clean(raw: RawDocument, cleaning: Cleaning | None = None) -> Document:
    """Turn a raw document into numbered paragraphs, recording every removal; ``cleaning`` holds
    the collection's rules for site furniture."""
    text, removals = decode(raw.data)
    text, repairs = repair_text(text)
    removals += repairs
    blocks = split_blocks(text)
    title = (raw.meta.title or {}).get(raw.meta.language)
    byline, blocks, unread = take_byline(blocks, raw.meta.language, title)
    if byline:
        removals.append(Removal("byline", 1, (byline.line,)))
    blocks, headlines = drop_headlines(blocks, title)
    if headlines:
        removals.append(Removal("headline", len(headlines), tuple(headlines)))
    blocks, furniture = drop_furniture(blocks, cleaning or Cleaning())
    removals += furniture
    paragraphs = [Paragraph(n, text, line, str(n)) for n, (line, text) in enumerate(blocks, 1)]
    drift: list[str] = []
    if raw.record is not None:  # a corrected document: its paragraphs carry their recorded keys
        paragraphs, drift = apply(raw.record, paragraphs)
    return Document(raw, paragraphs, removals, byline, drift, unread)
