"""Cross-checks on cleaned documents: byline against metadata, translations against paragraphs.

Schema problems are found while loading; this stage checks how the pieces fit together and
returns the translation status of every paragraph. Missing and stale translations are warnings:
the site still builds and marks those paragraphs as awaiting translation.
"""

from __future__ import annotations

from generator.models import Document, SiteConfig, TranslationStatus
from generator.problems import Problems


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
    """Pair each paragraph with its translation; a fingerprint match wins over a number match."""
    entries = doc.raw.translations.get(lang, [])
    path = doc.raw.translation_paths.get(lang, doc.raw.path.with_suffix(f".{lang}.yml"))
    by_mark = {e.fingerprint: e for e in entries}
    by_number = {e.paragraph: e for e in entries}
    statuses = []
    for para in doc.paragraphs:
        entry = by_mark.get(para.fingerprint)
        if entry:
            statuses.append(TranslationStatus(para, entry.text, "done"))
            continue
        old = by_number.get(para.number)
        if old:
            statuses.append(TranslationStatus(para, None, "stale"))
            problems.warn(
                path,
                old.line,
                f"translation of paragraph {para.number} is stale: the original changed since it "
                "was translated",
                f"update the text, then set fingerprint: {para.fingerprint}",
            )
        else:
            statuses.append(TranslationStatus(para, None, "missing"))
            problems.warn(
                path,
                1,
                f"paragraph {para.number} has no '{lang}' translation",
                f"add an entry with paragraph: {para.number}, fingerprint: {para.fingerprint}, text",
            )
    return statuses


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
        for lang in site.languages:
            if lang != doc.meta.language:
                translations[doc.id, lang] = translation_status(doc, lang, problems)
    return translations
