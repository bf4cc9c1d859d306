"""Clean a raw document: fix its encoding, drop site boilerplate, split it into paragraphs.

Every rule is general (it looks for a kind of damage, not for a known string) and every change
is recorded as a :class:`~generator.models.Removal` so the source page can say what was removed.
The original file is never changed.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

import ftfy

from generator.models import Byline, Document, Paragraph, RawDocument, Removal
from generator.record import apply

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

# Site furniture that scrapers carry along at the end of an article.
BOILERPLATE = {
    "comment-form": re.compile(
        r"^(leave a (reply|comment)|please enter your (comment|name|e-?mail)|"
        r"tinggalkan (balasan|komentar)|(tulis|kirim) komentar|save my name)",
        re.IGNORECASE,
    ),
    "promotion": re.compile(
        r"(https?://)?(www\.)?(whatsapp\.com/channel|chat\.whatsapp\.com|t\.me)/"
        r"|\b(follow|ikuti)\b.{0,40}\b(channel|saluran)\b"
        r"|\bbaca\b.{0,60}\blangsung (dari|di)\b.{0,30}\b(smartphone|aplikasi|ponsel|hp)\b",
        re.IGNORECASE,
    ),
}
MAX_BOILERPLATE_LENGTH = 400


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
    """Paragraphs with their first line number.

    A document with blank lines has blank-line-separated paragraphs; a document without any
    has one paragraph per line.
    """
    lines = text.split("\n")
    blocks: list[tuple[int, list[str]]] = []
    has_blank_lines = any(not line.strip() for line in lines[:-1]) if len(lines) > 1 else False
    for number, line in enumerate(lines, 1):
        line = " ".join(line.split())
        if not line:
            blocks.append((number, []))
        elif has_blank_lines and blocks and blocks[-1][1]:
            blocks[-1][1].append(line)
        else:
            blocks.append((number, [line]))
    return [(number, " ".join(parts)) for number, parts in blocks if parts]


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


def drop_headlines(blocks: list[tuple[int, str]], title: str | None) -> tuple[list, list[int]]:
    """Remove leading copies of the title and any paragraph that repeats the one before it."""
    removed, kept = [], []
    for line, text in blocks:
        leading_title = title and not kept and _same(text, title)
        repeat = kept and _same(text, kept[-1][1])
        if leading_title or repeat:
            removed.append(line)
        else:
            kept.append((line, text))
    return kept, removed


def drop_boilerplate(blocks: list[tuple[int, str]]) -> tuple[list, list[Removal]]:
    """Remove trailing paragraphs that are comment forms or channel promotions."""
    found: dict[str, list[int]] = {}
    while blocks:
        line, text = blocks[-1]
        kind = next(
            (k for k, rule in BOILERPLATE.items() if rule.search(text)),
            None,
        )
        if kind is None or len(text) > MAX_BOILERPLATE_LENGTH:
            break
        found.setdefault(kind, []).insert(0, line)
        blocks = blocks[:-1]
    return blocks, [Removal(kind, len(lines), tuple(lines)) for kind, lines in found.items()]


def clean(raw: RawDocument) -> Document:
    """Turn a raw document into numbered paragraphs, recording every removal."""
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
    blocks, boilerplate = drop_boilerplate(blocks)
    removals += boilerplate
    paragraphs = [Paragraph(n, text, line, str(n)) for n, (line, text) in enumerate(blocks, 1)]
    drift = []
    if raw.record is not None:  # a corrected document: its paragraphs carry their recorded keys
        paragraphs, drift = apply(raw.record, paragraphs)
    return Document(raw, paragraphs, removals, byline, drift)
