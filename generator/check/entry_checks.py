"""Cross-checks of the glossary and actor entries: citations, related entries and relations,
quotes verbatim and translated, names and aliases each owned by one entry."""

from __future__ import annotations

from generator.check.citations import Citations
from generator.check.statements import check_statement, unknown_entry
from generator.check.verbatim import changed_note, quote_found
from generator.model import Entry, SiteConfig, statements
from generator.model.problems import Problems


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


def check_quote(
    entry: Entry, quote, cites: Citations, keys: set, site: SiteConfig, problems: Problems
) -> None:
    hint = "write source: <document>#p<paragraph>"
    resolved = cites.resolve(entry.path, quote.line, quote.source, f"quote source '{quote.source}'", hint)
    if resolved is None:
        return
    doc, para = resolved.document, resolved.paragraph
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
