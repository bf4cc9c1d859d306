"""Cross-checks: bylines, translations, citations, quotes, links and names.

Schema problems are found while loading; this stage checks how the pieces fit together and
returns the translation status of every paragraph. Missing and stale translations are warnings:
the site still builds and marks those paragraphs as awaiting translation.
"""

from __future__ import annotations

import difflib
import unicodedata
from functools import cache
from pathlib import Path

from generator.check.citations import Citations, word_changes
from generator.check.numerals import read_numbers
from generator.link.resolve import page_statements, refs_in, statements
from generator.model import inline
from generator.model.dates import parse_partial
from generator.model.problems import Problems
from generator.model.site import (
    Document,
    Entry,
    Event,
    Paragraph,
    SiteConfig,
    Statement,
    StoryPage,
    TranslationStatus,
)
from generator.model.words import month_names
from generator.read.entries import ENTRY_FOLDERS as FOLDER
from generator.read.records import renumbered


def check_byline(doc: Document, problems: Problems) -> None:
    """A byline printed in the text must agree with the metadata it became."""
    byline, meta = doc.byline, doc.meta
    if byline is None:
        return
    if byline.date and meta.date != byline.date:
        problems.add(
            doc.raw.meta_path,
            1,
            f"'date' is {meta.date or 'null'}, but the byline on line "
            f"{byline.line} of {doc.raw.path.name} says {byline.date}",
            f"write date: {byline.date.isoformat()}",
        )
    if meta.author is None:
        problems.add(
            doc.raw.meta_path,
            1,
            f"'author' is null, but the byline on line {byline.line} names '{byline.name}'",
            f"write author: {byline.name}",
        )


def translation_status(doc: Document, lang: str, problems: Problems) -> list[TranslationStatus]:
    """Pair each paragraph with its translation by content: a fingerprint match wins; an entry
    for the same key with another fingerprint is stale (the original's words changed)."""
    entries = doc.raw.translations.get(lang, [])
    path = doc.raw.translation_paths.get(lang, doc.raw.path.with_suffix(f".{lang}.yml"))
    by_mark = {e.fingerprint: e for e in entries}
    by_key = {e.paragraph: e for e in entries}
    statuses, used = [], set()
    for para in doc.paragraphs:
        entry = by_mark.get(para.fingerprint)
        if entry:
            used.add(id(entry))
            statuses.append(TranslationStatus(para, entry.text, "done"))
            continue
        old = by_key.get(para.key)
        if old:
            used.add(id(old))
            statuses.append(TranslationStatus(para, None, "stale"))
            change = doc.record.last_change(para.key) if doc.record else None
            when = f" in the correction of {change[0].date}" if change else ""
            words = f" ({word_changes(change[1].before, para.text)})" if change else ""
            problems.warn(
                path,
                old.line,
                f"translation of paragraph {para.key} is stale: the original changed{when}{words}",
                f'update the text (it stays there as your draft), then set fingerprint: "{para.fingerprint}"',
            )
        else:
            statuses.append(TranslationStatus(para, None, "missing"))
            problems.warn(
                path,
                1,
                f"paragraph {para.key} has no '{lang}' translation",
                f'add an entry with paragraph: {para.key}, fingerprint: "{para.fingerprint}", text '
                "(make translations UPDATE=1 adds a stub)",
            )
    for entry in entries:
        if id(entry) not in used:
            removal = doc.record.removal(entry.paragraph) if doc.record else None
            problems.warn(
                path,
                entry.line,
                f"paragraph {entry.paragraph} was removed from the original in the correction of "
                f"{removal[0].date}"
                if removal
                else f"this entry (paragraph {entry.paragraph}) translates no paragraph of {doc.id}",
                "delete the entry",
            )
    return statuses


def check_record(doc: Document, problems: Problems) -> None:
    """The cleaned paragraphs must be those the record lists, or for a document never corrected,
    those its translations were made for (unless the bytes changed, which is reported already)."""
    shift = renumbered(doc.raw.translations, doc.paragraphs) if doc.record is None else None
    if shift and not doc.raw.checksum_problem:
        problems.add(
            doc.raw.path,
            1,
            "the paragraphs are numbered differently from when they were translated: "
            + "; ".join(shift[1][:5])
            + (f" and {len(shift[1]) - 5} more" if len(shift[1]) > 5 else "")
            + " (citations made before would point at other text)",
            f"if a cleaning rule or the title changed this, keep the earlier numbers: make update-source "
            f"ID={doc.id} REASON=...; if a translation entry has the wrong 'paragraph:', correct it",
        )
    if doc.drift and not doc.raw.checksum_problem:
        problems.add(
            doc.raw.path,
            1,
            f"the paragraphs differ from those recorded in {doc.id}.record.yml: {'; '.join(doc.drift[:5])}"
            + (f" and {len(doc.drift) - 5} more" if len(doc.drift) > 5 else ""),
            f"if a cleaning rule or the title changed this on purpose, record it: make update-source "
            f"ID={doc.id} REASON=...",
        )


def validate(documents: list[Document], site: SiteConfig, problems: Problems) -> dict:
    """Check every document; return ``{(doc id, lang): [TranslationStatus, ...]}``."""
    translations = {}
    for doc in documents:
        if not doc.paragraphs:
            problems.add(
                doc.raw.path,
                1,
                "the document has no text left after cleaning",
                "check that the file holds the article's text",
            )
            continue
        check_byline(doc, problems)
        check_record(doc, problems)
        for lang in site.languages:
            if lang != doc.meta.language:
                translations[doc.id, lang] = translation_status(doc, lang, problems)
    return translations


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


def check_statement(path, statement, cites: Citations, keys: set, problems: Problems, cited=True) -> None:
    """Every sentence cited (when ``cited``), every citation and link resolving."""
    for lang, text in statement.text.items():
        line = statement.lines[lang]
        for sentence in inline.sentences(text) if cited else ():
            if not any(isinstance(t, inline.Cite) for t in inline.parse(sentence)) and not miscited(sentence):
                problems.add(
                    path,
                    line,
                    f"a sentence in the '{lang}' text has no citation: \"{inline.plain(sentence)[:70]}\"",
                    "end each factual sentence with a citation such as [@001#p5]",
                )
        for found, problem, fix in inline.malformed(text):
            problems.add(path, line_of(path, line, found[:20]), f'{problem}: "{found}"', fix)
        for token in inline.parse(text):
            if isinstance(token, inline.Cite):
                for ref in token.refs:
                    fixed = inline.repair_ref(ref)
                    cites.resolve(
                        path,
                        line_of(path, line, ref),
                        ref,
                        f"citation [@{ref}]",
                        f"write [@{fixed}]"
                        if fixed
                        else "cite an existing document and paragraph (make paragraphs lists them)",
                    )
            elif isinstance(token, inline.Link) and (token.kind, token.target) not in keys:
                problems.add(
                    path,
                    line_of(path, line, f"{token.kind}:{token.target}"),
                    f"link to unknown {token.kind} '{token.target}'",
                    unknown_entry(token.kind, token.target, keys),
                )


def miscited(sentence: str) -> bool:
    """True when a sentence's citation is written wrongly: that is reported, not a missing one."""
    return any("citation" in problem for _, problem, _ in inline.malformed(sentence))


def unknown_entry(kind: str, name: str, keys: set, prefix: str = "") -> str:
    """What to do about an id that names no entry: the nearest one, or where ids come from."""
    ids = sorted(i for k, i in keys if k == kind)
    close = [i for i in ids if i.startswith(f"{name}-")][:1] or difflib.get_close_matches(str(name), ids, n=1)
    where = f"use the file name of an entry in sources/{FOLDER[kind]}/"
    return f"did you mean '{prefix}{close[0]}'?" if close else where


def check_entry(entry: Entry, cites: Citations, keys: set, site: SiteConfig, problems: Problems) -> None:
    """Citations resolve and are present, links lead somewhere, quotes are verbatim."""
    for statement in statements(entry):
        check_statement(entry.path, statement, cites, keys, problems)
    for kind, items in entry.related.items():
        for target, line in items:
            if (kind, target) not in keys:
                problems.add(
                    entry.path,
                    line,
                    f"related {kind} '{target}' does not exist",
                    unknown_entry(kind, target, keys),
                )
    for relation in entry.relations:
        if relation.target == entry.key:
            problems.add(
                entry.path,
                relation.line,
                f"relation '{relation.type}' leads from {entry.kind}:{entry.id} to itself",
                "point 'target' at another actor or term, or remove the relation",
            )
        elif relation.target not in keys:
            kind, name = relation.target
            problems.add(
                entry.path,
                relation.line,
                f"relation target '{kind}:{name}' does not exist",
                unknown_entry(kind, name, keys, f"{kind}:"),
            )
        cites.resolve(
            entry.path,
            relation.line,
            relation.cite,
            f"relation source [@{relation.cite}]",
            "cite the paragraph that states the relation",
        )
    for quote in entry.quotes:
        check_quote(entry, quote, cites, keys, site, problems)


def changed_note(doc: Document, para: Paragraph) -> str:
    """`` (its words changed in the correction of ...)`` when a correction changed them."""
    change = doc.record.last_change(para.key) if doc.record else None
    return f" (its words changed in the correction of {change[0].date})" if change else ""


def check_quote(
    entry: Entry, quote, cites: Citations, keys: set, site: SiteConfig, problems: Problems
) -> None:
    hint = "write source: <document>#p<paragraph>"
    resolved = cites.resolve(entry.path, quote.line, quote.source, f"quote source '{quote.source}'", hint)
    if resolved is None:
        return
    doc, para = resolved
    if para is None:
        problems.add(entry.path, quote.line, f"quote source '{quote.source}' names no paragraph", hint)
    elif not quote_found(quote.text, para.text):
        problems.add(
            entry.path,
            quote.line,
            f'the quote "{quote.text[:60]}" is not in {doc.id} paragraph {para.key}{changed_note(doc, para)}',
            "copy the words exactly from that paragraph; mark omissions with [...]",
        )
    for lang in site.languages:
        if lang != doc.meta.language and not quote.translation.get(lang):
            problems.add(
                entry.path,
                quote.line,
                f"the quote has no '{lang}' translation",
                f"add translation: {{{lang}: ...}}",
            )
    if quote.speaker is not None and ("actor", quote.speaker) not in keys:
        problems.add(
            entry.path,
            quote.line,
            f"speaker '{quote.speaker}' is not an actor",
            unknown_entry("actor", quote.speaker, keys),
        )


def check_names(entries: list[Entry], problems: Problems) -> None:
    """No two entries may claim the same name or alias: mentions would be ambiguous."""
    owners: dict[str, Entry] = {}
    for entry in entries:
        for name in sorted(entry.names()):
            other = owners.setdefault(name.casefold(), entry)
            if other is not entry:
                problems.add(
                    entry.path,
                    1,
                    f"the name '{name}' is also used by {other.path.name}",
                    "keep each name or alias in one entry",
                )


def validate_entries(
    entries: list[Entry], cites: Citations, site: SiteConfig, problems: Problems, keys: set
) -> None:
    """``keys``: every entry that exists, including those whose file has problems of its own."""
    check_names(entries, problems)
    for entry in entries:
        check_entry(entry, cites, keys, site, problems)


def check_event(page: StoryPage, event: Event, cites: Citations, problems: Problems) -> None:
    """A stated date must be printed in what the event cites; an inferred one must say how."""
    if event.reasoning is not None:
        if event.weekday and event.date.weekday() != event.weekday:
            problems.add(
                page.path,
                event.line,
                f"{event.date.iso()} was a {event.date.weekday()}, not a {event.weekday}",
                "check the inferred date",
            )
        elif event.between and event.candidate_years() != [event.date.year]:
            years = ", ".join(map(str, event.candidate_years())) or "none"
            problems.add(
                page.path,
                event.line,
                f"from {event.between[0]} to {event.between[1]} the weekday fits these years: {years}; "
                f"the calendar does not single out {event.date.year}",
                "correct the date or the 'between' range",
            )
        return
    refs = [ref for text in event.text.text.values() for ref in refs_in(text)]
    cited = [cites.resolver.resolve(ref) for ref in refs]
    if not all(isinstance(resolved, tuple) for resolved in cited):
        return  # a citation with problems of its own, reported with the text
    for doc, para in cited:
        if para is None and doc.meta.date and parse_partial(doc.meta.date) == event.date:
            return
        if para and any(
            form in para.text for months in month_names() for form in event.date.printed_forms(months)
        ):
            return
    problems.add(
        page.path,
        event.line,
        f"the date {event.date.iso()} is not printed in the paragraphs this event cites",
        "cite the paragraph that prints it, or mark the date as inferred and give the reasoning",
    )


def check_figures(page: StoryPage, cites: Citations, problems: Problems) -> None:
    """Each figure's quote is in its paragraph and gives its value; charts compare like with like."""
    by_id = {}
    for figure in page.figures:
        if figure.id in by_id:
            problems.add(page.path, figure.line, f"two figures have the id '{figure.id}'", "rename one")
        by_id[figure.id] = figure
        hint = "write source: <document>#p<paragraph>"
        resolved = cites.resolve(
            page.path, figure.line, figure.source, f"figure source '{figure.source}'", hint
        )
        if resolved is None:
            continue
        doc, para = resolved
        if para is None:
            problems.add(page.path, figure.line, f"figure source '{figure.source}': names no paragraph", hint)
        elif not quote_found(figure.quote, para.text):
            problems.add(
                page.path,
                figure.line,
                f'the words "{figure.quote}" are not in {doc.id} paragraph {para.key}'
                + changed_note(doc, para),
                "copy them exactly from that paragraph",
            )
        elif figure.value not in read_numbers(figure.quote):
            problems.add(
                page.path,
                figure.line,
                f'"{figure.quote}" does not give the value {figure.value:g}',
                f"the numbers in it are {', '.join(f'{n:g}' for n in read_numbers(figure.quote)) or 'none'}",
            )
    for chart in page.charts:
        missing = [i for i in chart.figures if i not in by_id]
        if missing:
            problems.add(
                page.path,
                chart.line,
                f"chart '{chart.id}' names unknown figures: {', '.join(missing)}",
                "use the ids of figures on this page",
            )
        elif len({by_id[i].unit for i in chart.figures}) > 1:
            problems.add(
                page.path, chart.line, f"chart '{chart.id}' mixes units", "chart figures of one unit"
            )


def validate_pages(pages: list[StoryPage], cites: Citations, keys: set, problems: Problems) -> None:
    for page in pages:
        texts = page_statements(page)
        for section in page.sections:
            heading = Statement(section.heading, {lang: section.line for lang in section.heading})
            check_statement(page.path, heading, cites, keys, problems, cited=False)
        for statement in texts:
            check_statement(page.path, statement, cites, keys, problems, cited=page.factual)
        for event in page.events:
            check_event(page, event, cites, problems)
        check_figures(page, cites, problems)
