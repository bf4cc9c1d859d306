"""Clean a raw document: fix its encoding, drop site boilerplate, split it into paragraphs.

Every rule is general (it looks for a kind of damage, not for a known string) and every change
is recorded as a :class:`~generator.model.Removal` so the source page can say what was removed.
The original file is never changed.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from datetime import date

import ftfy

from generator.model import Byline, Cleaning, Document, Paragraph, RawDocument, Removal, Rule
from generator.read.records import apply

FTFY_CONFIG = ftfy.TextFixerConfig(uncurl_quotes=False, explain=False)

# U+00C2 left behind when a UTF-8 no-break space (C2 A0) was decoded as Latin-1 and its A0 byte
# became a plain space or was dropped: an "Â" standing before whitespace or at a line's end.
STRAY_A_CIRCUMFLEX = re.compile("\u00c2(?=[ \t\u00a0]|$)", re.MULTILINE)

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "januari", "jan"),
            ("february", "februari", "feb", "pebruari"),
            ("march", "maret", "mar"),
            ("april", "apr"),
            ("may", "mei"),
            ("june", "juni", "jun"),
            ("july", "juli", "jul"),
            ("august", "agustus", "aug", "agu", "agt"),
            ("september", "sep", "sept"),
            ("october", "oktober", "oct", "okt"),
            ("november", "nov", "nop", "nopember"),
            ("december", "desember", "dec", "des"),
        ],
        start=1,
    )
    for name in names
}
DATE = re.compile(r"(?:\w+,?\s+)?(?P<day>\d{1,2})\s+(?P<month>[A-Za-z]+)\.?\s+(?P<year>\d{4})$")
BYLINE = re.compile(r"^(?P<name>[^|·•]{2,80}?)\s*[|·•]\s*(?P<date>[^|·•]{6,40})$")


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


def parse_date(text: str) -> date | None:
    """``31 July 2023``, ``Senin, 31 Juli 2023`` and the like; None if not a date."""
    match = DATE.match(text.strip())
    if not match:
        return None
    month = MONTHS.get(match["month"].lower())
    try:
        return date(int(match["year"]), month, int(match["day"])) if month else None
    except ValueError:
        return None


def take_byline(blocks: list[tuple[int, str]]) -> tuple[Byline | None, list[tuple[int, str]]]:
    """Remove a ``Name | date`` line from the first three paragraphs."""
    for index, (line, text) in enumerate(blocks[:3]):
        match = BYLINE.match(text)
        if match and (when := parse_date(match["date"])):
            return Byline(match["name"].strip(), when, line), blocks[:index] + blocks[index + 1 :]
    return None, blocks


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
    byline, blocks = take_byline(blocks)
    if byline:
        removals.append(Removal("byline", 1, (byline.line,)))
    title = (raw.meta.title or {}).get(raw.meta.language)
    blocks, headlines = drop_headlines(blocks, title)
    if headlines:
        removals.append(Removal("headline", len(headlines), tuple(headlines)))
    blocks, furniture = drop_furniture(blocks, cleaning or Cleaning())
    removals += furniture
    paragraphs = [Paragraph(n, text, line, str(n)) for n, (line, text) in enumerate(blocks, 1)]
    drift: list[str] = []
    if raw.record is not None:  # a corrected document: its paragraphs carry their recorded keys
        paragraphs, drift = apply(raw.record, paragraphs)
    return Document(raw, paragraphs, removals, byline, drift)
