"""What a change to ``sources/`` does to the site, as Markdown for a pull request's reviewer.

``python -m generator changes --base REF`` builds ``sources/`` as it is in the git ref ``REF`` and
as it is in the working tree, renders both, and reports the pages added, removed and changed, the
words of every text rewritten (source paragraphs, translations, entries, story pages), the
citations and quotes added, removed and changed, the translations now missing or stale, and the
problems that are new.

``change_sides`` makes and builds the two versions, ``change_diff`` and ``change_words`` tell what
differs between them, and this module puts it together.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from datetime import date
from pathlib import Path

from generator.maintain.change_diff import (
    citation_lines,
    new_problems,
    page_changes,
    problem_line,
    quote_lines,
    translation_lines,
)
from generator.maintain.change_sides import Side, build, checkout, extract, inert
from generator.maintain.change_update import proposal
from generator.maintain.change_words import word_lines
from generator.model.problems import CommandError


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def section(heading: str, lines: list[str]) -> list[str]:
    return [f"### {heading}", "", *(lines or ["None."]), ""]


def page_table(rows: list[tuple[str, str, str, str]]) -> list[str]:
    if not rows:
        return []
    head = ["| change | language | page | title |", "| --- | --- | --- | --- |"]
    return head + [f"| {change} | {lang} | `{path}` | {inert(name)} |" for change, lang, path, name in rows]


def compose(base: str, old: Side, new: Side, today: date) -> list[str]:
    """The report's lines: a one-line summary, then each kind of change, then the update record
    to save when readers see a change that adds none (``change_update``)."""
    if new.site is None:
        errors = [p for p in new.problems if not p.warning]
        return [
            f"**The change does not build: {plural(len(errors), 'error')}.** Pages, citations, quotes "
            "and translations are compared once it builds.",
            "",
            *map(problem_line, errors),
        ]
    fresh = new_problems(old, new)
    if old.site is None:
        summary = (
            f"`{base}` does not build, so only problems are compared: {plural(len(fresh), 'new problem')}"
        )
        return [f"**{summary}.**", "", *section("New problems", fresh)]
    pages = page_changes(old, new)
    cites, added, removed = citation_lines(old, new)
    quoted, quote_counts = quote_lines(old, new)
    gaps, gap_counts = translation_lines(old, new)
    words, word_counts = word_lines(old, new)
    kinds = Counter(change for change, *_ in pages)
    counted = [
        f"{plural(kinds['changed'], 'page')} changed, {kinds['added']} added, {kinds['removed']} removed",
        f"{plural(word_counts['changed'], 'text')} reworded, {word_counts['added']} added, "
        f"{word_counts['removed']} removed",
        f"{plural(added, 'citation')} added, {removed} removed",
        f"{plural(quote_counts['added'], 'quote')} added, {quote_counts['removed']} removed, "
        f"{quote_counts['changed']} changed",
        f"{plural(gap_counts['missing'], 'translation')} now missing, {gap_counts['stale']} now stale",
        plural(len(fresh), "new problem"),
    ]
    return [
        f"**{'; '.join(counted)}.**",
        "",
        *section("Words changed", words),
        *section("Pages added, removed or changed", page_table(pages)),
        *section("Citations added or removed", cites),
        *section("Quotes added, removed or changed", quoted),
        *section("Translations now missing or stale", gaps),
        *section("New problems", fresh),
        *proposal(old, new, today),
    ]


def report(sources: Path, base: str, today: date | None = None) -> str:
    """What the working tree's ``sources`` change on the site against the git ref ``base``, as
    Markdown; a proposed update record is dated ``today`` (by default the day it runs)."""
    if not base:
        raise CommandError("no base given -- name the git ref to compare with: --base origin/main")
    root, prefix = checkout(sources)
    with tempfile.TemporaryDirectory() as tmp:
        old = build(extract(root, base, prefix, Path(tmp)), prefix)
        new = build(sources, prefix)
        lines = compose(base, old, new, today or date.today())
    heading = f"## What this change does to the site (against `{base}`)"
    return "\n".join([heading, "", *lines]).rstrip("\n") + "\n"
