"""The words a change rewrites: every text a contributor writes in ``sources/`` (the site's own
words, source paragraphs, translations, metadata, entries, story pages), compared between the two
versions, with each changed sentence shown word by word: removed words ``~~struck~~``, added words
``**bold**``, the rest as it was. Quotes and citations have sections of their own (``change_diff``)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from difflib import SequenceMatcher

from generator.maintain.change_sides import Side, inert
from generator.model import Statement
from generator.model.config import Text

Written = tuple[str, str, str]
"""``(what, language, text)``: one text of a file (``paragraph 3``, ``en``, its words); the
language is empty for a text written once for all languages (a publisher's name)."""

SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
WHOLE = 12
"""Texts of a file new or removed as a whole that are listed one by one."""
ALIKE = 0.4
"""Share of words two versions of a text keep in common to be shown as one text rewritten."""


def in_languages(what: str, text: Text | None) -> Iterator[Written]:
    for lang, words in (text or {}).items():
        yield what, lang, words


def said(what: str, statement: Statement | None) -> Iterator[Written]:
    return in_languages(what, statement.text if statement else None)


def written(side: Side) -> dict[str, list[Written]]:
    """Per file, as the repository names it: its texts in the order they are written."""
    site = side.built
    config = site.config
    found: dict[str, list[Written]] = {
        side.where(config.path): [
            *in_languages("title", config.title),
            *in_languages("description", config.description),
            *in_languages("intro", config.intro),
        ]
    }
    for doc in site.documents:
        raw, language = doc.raw, doc.raw.meta.language
        found[side.where(raw.path)] = [(f"paragraph {p.key}", language, p.text) for p in doc.paragraphs]
        meta = raw.meta
        found[side.where(raw.meta_path)] = [
            *in_languages("title", meta.title),
            *in_languages("label", meta.label),
            ("publisher", "", meta.publisher or ""),
            ("author", "", meta.author or ""),
            *in_languages("description", meta.description),
        ]
        for lang, entries in raw.translations.items():
            path = raw.translation_paths.get(lang, raw.path.with_suffix(f".{lang}.yml"))
            found[side.where(path)] = [(f"paragraph {e.paragraph}", lang, e.text) for e in entries]
    for entry in site.entries:
        texts = [*in_languages("name", entry.name)]
        texts += [("aliases", lang, ", ".join(names)) for lang, names in entry.aliases.items() if names]
        texts += said("definition" if entry.kind == "term" else "summary", entry.summary)
        for name, items in entry.sections.items():
            texts += [text for item in items for text in said(name, item)]
        found[side.where(entry.path)] = texts
    for page in site.pages:
        texts = [*in_languages("title", page.title), *in_languages("description", page.description)]
        texts += said("intro", page.intro)
        for part in page.sections:
            texts += in_languages("heading", part.heading)
            texts += [text for item in part.items for text in said("item", item)]
        for event in page.events:
            texts += [*said(f"event {event.date.iso()}", event.text), *said("reasoning", event.reasoning)]
        for figure in page.figures:
            texts += [*in_languages(f"figure {figure.id}", figure.label), *said("note", figure.note)]
        for chart in page.charts:
            texts += [
                *in_languages(f"chart {chart.id}", chart.title),
                *in_languages("chart", chart.description),
            ]
        found[side.where(page.path)] = texts
    return {
        file: [(what, lang, " ".join(text.split())) for what, lang, text in texts if text and text.strip()]
        for file, texts in found.items()
    }


def marked(before: str, after: str) -> str:
    """``before`` rewritten into ``after`` word by word: ``kept ~~removed~~ **added** kept``."""
    old, new = before.split(), after.split()
    parts = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            parts.append(inert(" ".join(old[i1:i2])))
        if tag in ("delete", "replace"):
            parts.append(f"~~{inert(' '.join(old[i1:i2]))}~~")
        if tag in ("insert", "replace"):
            parts.append(f"**{inert(' '.join(new[j1:j2]))}**")
    return " ".join(parts)


def sentences(text: str) -> list[str]:
    return [s for s in SENTENCE_END.split(text) if s]


def rewording(before: str, after: str) -> str:
    """The sentences of ``before`` that ``after`` changes, marked word by word; ``…`` stands for
    the sentences left as they were."""
    old, new = sentences(before), sentences(after)
    parts = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            parts.append("…")
        else:
            parts.append(marked(" ".join(old[i1:i2]), " ".join(new[j1:j2])))
    return " ".join(parts)


def similarity(before: str, after: str) -> float:
    return SequenceMatcher(None, before.split(), after.split(), autojunk=False).ratio()


def paired(old: list[tuple[str, str]], new: list[tuple[str, str]]) -> Iterator[tuple[str, str, str]]:
    """Texts of one place rewritten there: each earlier text paired in order with the most alike
    later one (if at least ``ALIKE`` of their words are shared); the others removed or added."""
    start = 0
    for what, was in old:
        scores = [(similarity(was, now), at) for at, (_, now) in enumerate(new[start:], start)]
        score, at = max(scores, default=(0.0, -1), key=lambda found: found[0])
        if score < ALIKE:
            yield "removed", what, f"~~{inert(was)}~~"
            continue
        for added, now in new[start:at]:
            yield "added", added, f"**{inert(now)}**"
        yield "changed", new[at][0], rewording(was, new[at][1])
        start = at + 1
    for added, now in new[start:]:
        yield "added", added, f"**{inert(now)}**"


def aligned(old: list[tuple[str, str]], new: list[tuple[str, str]]) -> Iterator[tuple[str, str, str]]:
    """``(change, what, words)`` for each text of one language of a file that ``new`` rewrites,
    adds or removes; texts are matched by their place among the unchanged ones."""
    matcher = SequenceMatcher(None, [t for _, t in old], [t for _, t in new], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            yield from paired(old[i1:i2], new[j1:j2])


def word_lines(old: Side, new: Side) -> tuple[list[str], Counter[str]]:
    """Markdown lines of the texts rewritten, added and removed per file, and how many of each.

    A file new or removed as a whole is listed text by text up to ``WHOLE`` texts (a term, an
    actor); beyond, in one line (a source document or its translation: read it on the site)."""
    before, after = written(old), written(new)
    lines: list[str] = []
    counts: Counter[str] = Counter()
    for file in sorted(before.keys() | after.keys()):
        was_there, now_there = before.get(file, []), after.get(file, [])
        items = []
        for lang in dict.fromkeys(lang for _, lang, _ in was_there + now_there):
            was = [(what, text) for what, in_lang, text in was_there if in_lang == lang]
            now = [(what, text) for what, in_lang, text in now_there if in_lang == lang]
            items += [(change, what, lang, words) for change, what, words in aligned(was, now)]
        first = {what: at for at, (what, _, _) in reversed(list(enumerate(was_there + now_there)))}
        items.sort(key=lambda item: first[item[1]])  # a text's languages side by side
        counts.update(change for change, *_ in items)
        whole = "new file" if file not in before else "file removed" if file not in after else ""
        if whole and len(items) > WHOLE:
            done = "added" if file not in before else "removed"
            lines.append(f"- `{file}` ({whole}: {len(items)} texts {done}, to read on the site)")
            continue
        lines += [f"- `{file}`{f' ({whole})' if whole else ''}"] if items else []
        for change, what, lang, words in items:
            where = f"{inert(what)}, {lang}" if lang else inert(what)
            lines.append(f"  - {change} ({where}): {words}")
    return lines, counts
