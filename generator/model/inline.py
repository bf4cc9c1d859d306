"""The small inline syntax contributors may use in text fields.

- ``[@001#p5]`` cites paragraph 5 of the document whose key is ``001`` (its id up to the first
  ``_`` or ``-``), ``[@001#p5a]`` a paragraph added after 5 by a correction;
  ``[@001#p5; @003#p2]`` cites several; ``[@003]`` cites the document's own data (its byline,
  publisher or date) rather than a paragraph.
- ``[@editors]`` marks a sentence as the editors' own (background or reckoning no source states);
  the site shows it as an editors' note. It may stand with citations: ``[@001#p5; @editors]``.
- ``[label](term:example-term)`` and ``[label](actor:jane-doe)`` link to an entry.
- ``*words*`` is emphasis (foreign terms are italic in EYD).
- ``[!hedge: why]`` acknowledges that an attribution check (``opinion``, ``heading``, ``hedge``,
  ``translator``) is a false alarm for the sentence it stands in; the site does not show it.

Everything else is plain text and is escaped when rendered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

TOKEN = re.compile(
    r"\[!(?P<check>[a-z-]+):?(?P<reason>[^\]\n]*)\]"
    r"|\[(?P<cite>@[^\]]*)\]"
    r"|\[(?P<label>[^\]\n]+)\]\((?P<kind>term|actor):(?P<target>[^)\s]*)\)"
    r"|\*(?P<emph>[^*\n]+)\*"
)
REF = re.compile(r"^@(?P<doc>[a-z0-9][a-z0-9_-]*)(?:#p(?P<para>[0-9]+[a-z]*))?$")


@dataclass(frozen=True)
class Text:
    value: str


@dataclass(frozen=True)
class Emphasis:
    value: str


@dataclass(frozen=True)
class Link:
    label: str
    kind: str
    target: str


EDITORS = "editors"
"""The reserved name of the editors' mark, ``[@editors]``: no document may have it as its key."""


@dataclass(frozen=True)
class Cite:
    refs: tuple[str, ...]
    """Each ``doc#pN`` exactly as written, without the ``@`` (the editors' mark not among them)."""
    own: bool = False
    """True when the citation carries the editors' mark: the sentence is (also) the editors' own."""


@dataclass(frozen=True)
class Ack:
    """A false alarm of the check named ``check`` acknowledged, and why (not shown on the site)."""

    check: str
    reason: str


Token = Text | Emphasis | Link | Cite | Ack


def parse(text: str) -> list[Token]:
    """Split ``text`` into plain text, emphasis, links and citations."""
    return list(_parse(text))


@lru_cache(maxsize=1 << 16)
def _parse(text: str) -> tuple[Token, ...]:
    """:func:`parse`, once per text (the same texts are read by many checks and pages)."""
    tokens: list[Token] = []
    position = 0
    for match in TOKEN.finditer(text):
        if match.start() > position:
            tokens.append(Text(text[position : match.start()]))
        if match["check"] is not None:
            tokens.append(Ack(match["check"], match["reason"].strip()))
        elif match["cite"] is not None:
            parts = tuple(part.strip().lstrip("@") for part in match["cite"].split(";"))
            tokens.append(Cite(tuple(p for p in parts if p != EDITORS), EDITORS in parts))
        elif match["label"] is not None:
            tokens.append(Link(match["label"], match["kind"], match["target"]))
        else:
            tokens.append(Emphasis(match["emph"]))
        position = match.end()
    if position < len(text):
        tokens.append(Text(text[position:]))
    return tuple(tokens)


MALFORMED = (
    (
        re.compile(r"\[[^\]\n]*\]\((?:term|actor):[^)\s]*(?=\s|$)"),
        "a link is not closed",
        "end it with ')' right after the id: [words](term:id)",
    ),
    (
        re.compile(r"\[[^\]\n]*\]\((?!term:|actor:)[a-z]+:[^)\s]*\)?"),
        "a link to something that is neither a term nor an actor",
        "write (term:<id>) or (actor:<id>)",
    ),
    (
        re.compile(r"(?<!\])\((?:term|actor):[^)\s]*\)"),
        "a link without its words in [ ] right before it",
        "write [words](term:id), with nothing between ']' and '('",
    ),
    (re.compile(r"\[@[^\]\n]{0,40}"), "a citation is not closed", "end it with ']': [@001#p5]"),
    (
        re.compile(r"\[[a-z0-9][\w-]*#p?[0-9]+[a-z]*(?:[;,][^\]\n]*)?\]|\(@[^)\n]*\)"),
        "a citation not written as [@...]",
        "write it in square brackets with '@': [@001#p5]",
    ),
    (
        re.compile(r"\*[^*\n]{0,40}"),
        "an emphasis is not closed",
        "end it with '*': *words* (or remove the '*')",
    ),
)


def malformed(text: str) -> list[tuple[str, str, str]]:
    """Inline syntax begun but not finished in ``text``, link labels included: ``(what was
    found, problem, fix)``."""
    found = []
    for token in parse(text):
        if isinstance(token, Text):
            found += [
                (m[0], problem, fix)
                for pattern, problem, fix in MALFORMED
                for m in pattern.finditer(token.value)
            ]
        elif isinstance(token, Link):
            found += malformed(token.label)
    return found


def repair_ref(ref: str) -> str | None:
    """A malformed citation as it was probably meant (``003#1`` -> ``003#p1``, ``001#p1, @002#p3``
    -> ``001#p1; @002#p3``); None when it is well formed, or past guessing."""
    if parse_ref(ref) is not None:
        return None
    parts = [
        re.sub(r"#(?=[0-9])", "#p", re.sub(r"[\s@]", "", part).lower()) for part in re.split(r"[;,]", ref)
    ]
    return "; @".join(parts) if parts and all(parse_ref(part) for part in parts) else None


def parse_ref(ref: str) -> tuple[str, str] | None:
    """``001#p5`` -> ``("001", "5")``, ``001#p5a`` -> ``("001", "5a")``; ``003`` (the
    document's own data) -> ``("003", "")``; None when malformed."""
    match = REF.match("@" + ref)
    return (match["doc"], match["para"] or "") if match else None


# A sentence ends at . ! or ? followed by a space and a capital, a quote mark or markup,
# unless the word before the full stop is a common abbreviation.
SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)]?\s+(?=[A-Z\u00c0-\u00de\"'\u201c\u2018*\[])")
ABBREVIATIONS = (
    "Co.",
    "dll.",
    "dsb.",
    "dst.",
    "Mr.",
    "Mrs.",
    "Dr.",
    "St.",
    "No.",
    "vs.",
    "e.g.",
    "i.e.",
    "etc.",
)


def sentences(text: str) -> list[str]:
    """Split contributor text into sentences (citations stay with the sentence they end)."""
    parts, start = [], 0
    for match in SENTENCE_END.finditer(text):
        before = text[start : match.start()].rstrip("\"'\u201d\u2019)")
        if before.endswith(ABBREVIATIONS):
            continue
        parts.append(text[start : match.start()].strip())
        start = match.end()
    parts.append(text[start:].strip())
    return [part for part in parts if part]


def supported(sentence: str) -> bool:
    """True when a sentence cites a source or carries the editors' mark."""
    return any(isinstance(t, Cite) and (t.refs or t.own) for t in parse(sentence))


def own(sentence: str) -> bool:
    """True when a sentence carries the editors' mark."""
    return any(isinstance(t, Cite) and t.own for t in parse(sentence))


def acks(text: str) -> list[Ack]:
    """The acknowledged false alarms in ``text``."""
    return [token for token in parse(text) if isinstance(token, Ack)]


def without_acks(text: str) -> str:
    """``text`` with its acknowledgements taken out, as the reader sees it."""
    return " ".join(TOKEN.sub(lambda m: "" if m["check"] else m[0], text).split())


@cache
def plain(text: str) -> str:
    """The text a reader sees, without citations: for tooltips and descriptions."""
    parts = []
    for token in parse(text):
        if isinstance(token, Text | Emphasis):
            parts.append(token.value)
        elif isinstance(token, Link):
            parts.append(plain(token.label))  # a label may be emphasised: [*words*](term:x)
    return re.sub(r"\s+([.,;:!?])", r"\1", " ".join("".join(parts).split()))
