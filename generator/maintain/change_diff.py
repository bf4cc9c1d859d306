"""What differs between two versions of the collection, as Markdown lines: pages, citations,
quotes, translations now missing or stale, and new problems."""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass

from generator.maintain.change_sides import Side, inert, said
from generator.model import Statement, page_statements, refs_in, statements
from generator.model.problems import Problem
from generator.render.formats import front_title


@dataclass(frozen=True)
class Quoted:
    """A verbatim quote (of an entry, or the words that give a figure) and what it cites."""

    source: str
    who: str
    text: str
    translation: tuple[tuple[str, str], ...]


def title(content: str) -> str:
    """The ``title`` of a page's front matter, as the reader sees it."""
    return html.unescape(front_title(content))


def page_changes(old: Side, new: Side) -> list[tuple[str, str, str, str]]:
    """``(change, language, path, title)`` of each page added, removed or changed; a page's
    languages side by side."""
    languages = new.built.config.languages

    def order(path: str) -> tuple[str, int]:
        page = new.pages.get(path) or old.pages[path]
        return page.group, languages.index(path.split("/", 1)[0])

    rows = []
    for path in sorted(old.pages.keys() | new.pages.keys(), key=order):
        before, after = old.pages.get(path), new.pages.get(path)
        if before is None or after is None or before.content != after.content:
            change = "added" if before is None else "removed" if after is None else "changed"
            shown = after or before
            if shown is not None:  # the path is a page of one version or both
                rows.append((change, path.split("/", 1)[0], path, title(shown.content)))
    return rows


Citation = tuple[str, str]
"""``(paragraph, note)``: a paragraph cited in a text (no note) or as a relation's source."""


def cited(side: Side, texts: list[Statement]) -> Counter[Citation]:
    """How often ``texts`` cite each paragraph; a text cites in every language, counted once."""
    counts: Counter[Citation] = Counter()
    for lang in side.built.config.languages:
        refs = (ref for text in texts for ref in refs_in(text.text.get(lang, "")))
        counts |= Counter((side.canonical(ref), "") for ref in refs)
    return counts


def citations(side: Side) -> dict[str, Counter[Citation]]:
    """Per entry or story-page file: the paragraphs it cites and how often."""
    found = {}
    for entry in side.built.entries:
        found[side.where(entry.path)] = cited(side, list(statements(entry))) + Counter(
            (side.canonical(r.cite), f"relation: {r.type} {':'.join(r.target)}") for r in entry.relations
        )
    for page in side.built.pages:
        found[side.where(page.path)] = cited(side, page_statements(page))
    return found


def paragraph_order(citation: Citation) -> tuple[str, int, str, str]:
    """``001#p2`` before ``001#p10``."""
    doc, _, key = citation[0].partition("#p")
    digits = re.match(r"\d*", key)  # matches always, perhaps no digit
    number = digits[0] if digits else ""
    return doc, int(number or 0), key, citation[1]


def citation_lines(old: Side, new: Side) -> tuple[list[str], int, int]:
    """Markdown lines of the citations added and removed per file, and how many of each."""
    before, after = citations(old), citations(new)
    lines, added, removed = [], 0, 0
    for file in sorted(before.keys() | after.keys()):
        plus = after.get(file, Counter()) - before.get(file, Counter())
        minus = before.get(file, Counter()) - after.get(file, Counter())
        lines += [f"- `{file}`"] if plus or minus else []
        for change, counts, side in (("added", plus, new), ("removed", minus, old)):
            for (ref, note), count in sorted(counts.items(), key=lambda item: paragraph_order(item[0])):
                times = f" ({count}×)" if count > 1 else ""
                lines.append(
                    f"  - {change}{times}{f' ({inert(note)})' if note else ''}: {side.paragraph(ref)}"
                )
        added, removed = added + plus.total(), removed + minus.total()
    return lines, added, removed


def quotes(side: Side) -> dict[str, set[Quoted]]:
    """Per entry or story-page file: its quotes, and the words that give its figures."""
    found = {}
    for entry in side.built.entries:
        found[side.where(entry.path)] = {
            Quoted(
                side.canonical(q.source),
                q.speaker or "",
                " ".join(q.text.split()),
                tuple(sorted((lang, " ".join(text.split())) for lang, text in q.translation.items())),
            )
            for q in entry.quotes
        }
    for page in side.built.pages:
        found[side.where(page.path)] = {
            Quoted(side.canonical(f.source), f"figure {f.id}", " ".join(f.quote.split()), ())
            for f in page.figures
        }
    return found


def quote_text(quote: Quoted) -> str:
    """``speaker: “words”; en: “translation”``."""
    translations = "".join(f"; {lang}: {said(text)}" for lang, text in quote.translation)
    return f"{inert(quote.who or 'no speaker')}: {said(quote.text)}{translations}"


def quote_change(before: Quoted, after: Quoted) -> str:
    """``speaker, en: “words before” → “words after”``, for each language whose words changed."""
    was, now = dict(before.translation, **{"": before.text}), dict(after.translation, **{"": after.text})
    parts = [
        f"{f'{lang}: ' if lang else ''}{said(was.get(lang, ''))} → {said(now.get(lang, ''))}"
        for lang in sorted(was.keys() | now.keys())
        if was.get(lang) != now.get(lang)
    ]
    return f"{inert(after.who or 'no speaker')}, {'; '.join(parts)}"


def quote_lines(old: Side, new: Side) -> tuple[list[str], Counter[str]]:
    """Markdown lines of the quotes added, removed and changed per file, and how many of each.

    A quote removed and one added in the same file, citing the same paragraph for the same
    speaker (or figure), count as one quote changed."""
    before, after = quotes(old), quotes(new)
    lines: list[str] = []
    counts: Counter[str] = Counter()
    for file in sorted(before.keys() | after.keys()):
        gone = sorted(before.get(file, set()) - after.get(file, set()), key=str)
        came = sorted(after.get(file, set()) - before.get(file, set()), key=str)
        items = []
        for quote in gone:
            match = next((q for q in came if (q.source, q.who) == (quote.source, quote.who)), None)
            if match is None:
                items.append(("removed", quote_text(quote), old.paragraph(quote.source, quote.text)))
            else:
                came.remove(match)
                items.append(("changed", quote_change(quote, match), new.paragraph(match.source, match.text)))
        items += [("added", quote_text(q), new.paragraph(q.source, q.text)) for q in came]
        lines += [f"- `{file}`"] if items else []
        for change, text, source in items:
            lines.append(f"  - {change}: {text}; from {source}")
            counts[change] += 1
    return lines, counts


def translation_lines(old: Side, new: Side) -> tuple[list[str], Counter[str]]:
    """Markdown lines of the translations now missing or stale per translation file, and how many."""
    earlier = {
        (doc_id, lang, status.paragraph.key): status.state
        for (doc_id, lang), statuses in old.built.translations.items()
        for status in statuses
    }
    lines: list[str] = []
    counts: Counter[str] = Counter()
    for (doc_id, lang), statuses in sorted(new.built.translations.items()):
        gaps = [
            s
            for s in statuses
            if s.state != "done" and earlier.get((doc_id, lang, s.paragraph.key)) != s.state
        ]
        if not gaps:
            continue
        raw = new.built.document(doc_id).raw
        lines.append(
            f"- `{new.where(raw.translation_paths.get(lang, raw.path.with_suffix(f'.{lang}.yml')))}`"
        )
        for status in gaps:
            lines.append(f"  - {status.state}: {new.paragraph(f'{doc_id}#p{status.paragraph.key}')}")
            counts[status.state] += 1
    return lines, counts


def new_problems(old: Side, new: Side) -> list[str]:
    """Markdown lines of the problems ``new`` has and ``old`` has not (on whatever line)."""
    known = {(p.file, p.message, p.hint, p.warning) for p in old.problems}
    fresh = [p for p in sorted(new.problems) if (p.file, p.message, p.hint, p.warning) not in known]
    return [problem_line(p) for p in fresh]


def problem_line(problem: Problem) -> str:
    """``- `file:line`: what is wrong -- how to fix it``."""
    where = f"{problem.file}:{problem.line}"
    return f"- `{where}`: {inert(str(problem).removeprefix(f'{where}: '))}"
