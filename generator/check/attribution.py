"""Attribution checks: every sentence exactly as strong as the paragraphs it cites.

Four checks, with their words per language in ``generator/locales/<lang>.yml`` (``checks:``):

- ``opinion``: a sentence citing only opinion pieces says so ("an opinion piece argues").
- ``heading``: a heading that states something about a named actor or term carries a citation.
- ``hedge``: a sentence citing a hedged or planned paragraph ("akan", "disebut") keeps the hedge
  or the attribution.
- ``translator``: a translation adds no parenthesis the original lacks, and every bracket is a
  marked translator's note.

They are heuristics. A false alarm is acknowledged in the sentence itself with ``[!check: why]``;
the site does not show it, and an acknowledgement that silences nothing is reported.
"""

from __future__ import annotations

import re
from functools import cache

from generator.check.verbatim import line_of
from generator.model import (
    Cited,
    Document,
    Entry,
    NameIndex,
    Resolver,
    Statement,
    StoryPage,
    inline,
    page_statements,
    refs_in,
    statements,
)
from generator.model.problems import Problems
from generator.model.words import ui

CHECKS = ("opinion", "heading", "hedge", "translator")
ACK = "if the text is right as it is, acknowledge it in the sentence: [!{check}: why]"


@cache
def words(lang: str, kind: str) -> re.Pattern:
    """A pattern matching any of the locale's ``checks.<kind>`` words, as whole words."""
    listed = sorted(ui(lang)["checks"][kind], key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, listed)) + r")(?!\w)", re.IGNORECASE)


class Attribution:
    """Runs the checks over the story pages, the entries and the translations."""

    def __init__(self, resolver: Resolver, names: NameIndex, problems: Problems):
        self.resolver, self.names, self.problems = resolver, names, problems

    def statement(self, path, statement: Statement) -> None:
        """The ``opinion`` and ``hedge`` checks on every cited sentence."""
        for lang, text in statement.text.items():
            for sentence in inline.sentences(text):
                cited = [self.resolver.resolve(ref) for ref in refs_in(sentence)]
                found = [c for c in cited if isinstance(c, Cited)]
                if not found or len(found) < len(cited):
                    continue  # uncited, or a citation reported elsewhere
                shown = inline.plain(sentence)
                alarms = {}
                if all(c.document.meta.type == "opinion" for c in found) and not words(
                    lang, "opinion"
                ).search(shown):
                    alarms["opinion"] = (
                        f"the '{lang}' sentence cites only opinion pieces but does not say so: "
                        f'"{shown[:80]}"',
                        "attribute it, e.g. " + ui(lang)["checks"]["opinion"][0] + " ...",
                    )
                hedged = [
                    (c.document, c.paragraph, m)
                    for c in found
                    if c.paragraph
                    for m in [hedge(c.document, c.paragraph, lang, sentence)]
                    if m
                ]
                if hedged and not words(lang, "kept").search(shown):
                    where = "; ".join(f"{doc.id.split('_')[0]}#p{para.key} {m}" for doc, para, m in hedged)
                    alarms["hedge"] = (
                        f"the '{lang}' sentence states flatly what its paragraph hedges ({where}): "
                        f'"{shown[:80]}"',
                        "keep the hedge or say who says it (see checks.kept in generator/locales)",
                    )
                self.report(path, line_of(path, statement.lines[lang], sentence[:15]), sentence, alarms)

    def heading(self, path, line: int, heading: dict[str, str]) -> None:
        """A heading beginning with an entry's name and going on as a statement is cited."""
        for lang, text in heading.items():
            shown = inline.plain(text)
            first = next(iter(self.names.finditer(shown)), None)
            rest = shown[first[1] :].split() if first and first[0] == 0 else []
            alarms = {}
            if rest and not refs_in(text) and not shown.endswith("?"):
                topic = {w.casefold() for w in ui(lang)["checks"]["topic"]}
                if rest[0].casefold() not in topic and not rest[0].startswith("'"):
                    alarms["heading"] = (
                        f"the '{lang}' heading states something without a citation: \"{shown}\"",
                        "cite the paragraph that says it at its end [@001#p8], or make it a topic "
                        "(\u201cX and Y\u201d) or a question",
                    )
            self.report(path, line_of(path, line, text[:20]), text, alarms)

    def translation(self, path, line: int, lang: str, original: str, text: str, acks=None) -> None:
        """A translation adds no parenthesis of its own and marks its notes."""
        marks = tuple(ui(lang)["checks"]["translator_note"])
        extra = groups(text, "()")[len(groups(original, "()")) :]
        unmarked = [g for g in groups(text, "[]") if not g[1:].startswith(marks)]
        unmarked = unmarked[len(groups(original, "[]")) :]
        alarms = {}
        if extra or unmarked:
            alarms["translator"] = (
                f"the '{lang}' translation adds {', '.join(extra + unmarked)} to the original",
                f"write a translator's addition as [{marks[0]} ...]",
            )
        self.report(path, line, text, alarms, acks)

    def report(self, path, line: int, text: str, alarms: dict, acks=None) -> None:
        acks = inline.acks(text) if acks is None else acks
        for ack in acks:
            if ack.check not in CHECKS:
                self.problems.add(
                    path, line, f"[!{ack.check}: ...] names no check", f"use one of: {', '.join(CHECKS)}"
                )
            elif not ack.reason:
                self.problems.add(path, line, f"[!{ack.check}] gives no reason", f"write [!{ack.check}: why]")
            elif ack.check not in alarms:
                self.problems.warn(
                    path,
                    line,
                    f"[!{ack.check}: ...] acknowledges an alarm that is not raised here",
                    "remove it",
                )
        for check, (problem, fix) in alarms.items():
            if check not in {ack.check for ack in acks}:
                self.problems.add(path, line, problem, f"{fix}; {ACK.format(check=check)}")


def hedge(doc: Document, para, lang: str, sentence: str) -> str:
    """The hedging word, in context, of the paragraph's sentence that ``sentence`` draws on
    (the one sharing most words with it, read in ``lang``: the original or its translation), or
    ''."""
    text = para.text if lang == doc.meta.language else None
    for entry in doc.raw.translations.get(lang, []) if text is None else ():
        if entry.fingerprint == para.fingerprint:
            text = entry.text
    if text is None:
        return ""  # no translation to compare with yet
    ours = content_words(sentence)
    scored = [(len(ours & found), part) for found, part in split(text)]
    best = max((score for score, _ in scored), default=0)
    for score, part in scored:
        match = words(lang, "hedged").search(part) if score == best and best >= 2 else None
        if match:
            return f'("\u2026{part[max(0, match.start() - 15) : match.end() + 15].strip()}\u2026")'
    return ""


@cache
def split(text: str) -> tuple[tuple[frozenset[str], str], ...]:
    """A paragraph's sentences, each with its content words (cached: many sentences cite one)."""
    return tuple((content_words(part), part) for part in inline.sentences(text))


def content_words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w{4,}", inline.plain(text).casefold()))


def groups(text: str, brackets: str) -> list[str]:
    """Every ``(...)`` or ``[...]`` group of ``text``."""
    opening, closing = map(re.escape, brackets)
    return re.findall(rf"{opening}[^{closing}]*{closing}", text)


def check_attribution(
    documents: list[Document],
    entries: list[Entry],
    pages: list[StoryPage],
    resolver: Resolver,
    names: NameIndex,
    problems: Problems,
) -> None:
    """Run every attribution check; problems name ``file:line``."""
    checks = Attribution(resolver, names, problems)
    for entry in entries:
        for statement in statements(entry):
            checks.statement(entry.path, statement)
        for quote in entry.quotes:
            for lang, text in quote.translation.items():
                checks.translation(entry.path, quote.line, lang, quote.text, text)
    for page in pages:
        if not page.factual:
            continue
        for section in page.sections:
            checks.heading(page.path, section.line, section.heading)
        for statement in page_statements(page):
            checks.statement(page.path, statement)
    for doc in documents:
        by_key = {para.key: para for para in doc.paragraphs}
        for lang, translated in doc.raw.translations.items():
            path = doc.raw.translation_paths[lang]
            for translation in translated:
                if translation.paragraph in by_key:
                    original = by_key[translation.paragraph].text
                    checks.translation(
                        path, translation.line, lang, original, translation.text, translation.acks
                    )
