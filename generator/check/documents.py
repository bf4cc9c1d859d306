"""The documents' checks: bylines against metadata, paragraphs against their record, and the
translation status of every paragraph. Missing and stale translations are warnings: the site
still builds and marks those paragraphs as awaiting translation.

``entry_checks`` checks the glossary and actors, ``page_checks`` the story pages, ``statements``
the texts of either, and ``verbatim`` finds quotes in paragraphs; ``collection`` runs them all.
"""

from __future__ import annotations

from generator.check.citations import word_changes
from generator.model import Document, SiteConfig, TranslationStatus, inline
from generator.model.indexes import short_key
from generator.model.problems import Problems
from generator.model.words import LOCALES, ui
from generator.read.records import renumbered


def check_unread_byline(doc: Document, problems: Problems) -> None:
    """A first line that looks like a byline but is in none of the language's forms: a warning,
    since the text may be right (a dateline, a headline with a bar) and the site builds."""
    if doc.unread_byline is None:
        return
    line, text = doc.unread_byline
    lang = doc.meta.language
    example = (
        (ui(lang).get("byline_forms") or {}).get("example") if (LOCALES / f"{lang}.yml").exists() else None
    )
    problems.warn(
        doc.raw.path,
        line,
        f"this line looks like a byline but is in none of the byline forms for '{lang}': \"{text}\"",
        f"if it is one, write its author and date in {doc.raw.meta_path.name} yourself, or add its form "
        f"to byline_forms in generator/locales/{lang}.yml"
        + (f" (a form read today: '{example}')" if example else ""),
    )


def check_byline(doc: Document, problems: Problems) -> None:
    """A byline printed in the text must agree with the metadata it became."""
    byline, meta = doc.byline, doc.meta
    if byline is None:
        check_unread_byline(doc, problems)
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
        if short_key(doc.id) == inline.EDITORS:
            problems.add(
                doc.raw.path,
                1,
                f"the document key '{inline.EDITORS}' is reserved for the editors' mark [@{inline.EDITORS}]",
                "rename the file so that its name starts with another word or a number (001_...)",
            )
        check_byline(doc, problems)
        check_record(doc, problems)
        check_own_language_file(doc, problems)
        for lang in site.languages:
            if lang != doc.meta.language:
                translations[doc.id, lang] = translation_status(doc, lang, problems)
    return translations


def check_own_language_file(doc: Document, problems: Problems) -> None:
    """A translation file into the document's own language is never read: say so."""
    lang = doc.meta.language
    path = doc.raw.path.with_name(f"{doc.id}.{lang}.yml")
    if path.exists():
        problems.add(
            path,
            1,
            f"translates {doc.raw.path.name} into its own language ('{lang}', the 'language' of "
            f"{doc.raw.meta_path.name}), so it is never read",
            f"delete {path.name}; or, if the document is not in '{lang}', correct its 'language'",
        )
