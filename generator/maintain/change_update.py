"""The update record a change report proposes: when a change alters what readers see and adds no
record under ``sources/updates/``, a draft with the kind guessed from what changed (sources added,
removed, renamed or corrected; claims added, reworded or withdrawn on pages; translations
completed) and the pages changed, for the contributor to save and write the note of."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher

from generator.maintain.change_diff import page_changes
from generator.maintain.change_sides import Side
from generator.maintain.change_words import ALIKE, similarity
from generator.maintain.updates import FOLDER, Draft, draft, dumps, ordered, page_ref, paragraph_order
from generator.model import INDEX, PageKey, PageKind, Statement, page_statements, site_intro, statements
from generator.render.addresses import stem
from generator.render.run import jobs

READER_KINDS = (PageKind.home, PageKind.page, PageKind.term, PageKind.actor, PageKind.source)
"""The kinds of page an update record names."""


def records(side: Side) -> set[str]:
    """The files under ``updates/`` of one version, relative to its sources."""
    folder = side.folder / FOLDER
    return {p.relative_to(side.folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def changed_pages(old: Side, new: Side) -> tuple[str, ...]:
    """The pages of the new version added or changed, as ``<kind>/<id>`` (the home page, story
    pages, terms, actors and sources, a removed source's notice too; not index pages, the ledger or
    the print version, nor pages that are gone: a record names pages readers can open)."""
    site = new.built
    refs = {
        stem(site, job.key, site.config.default_language): page_ref(site, job.key)
        for job in jobs(site)
        if job.key.kind in READER_KINDS and job.key.item != INDEX
    }
    groups = [new.pages[path].group for _, _, path, _ in page_changes(old, new) if path in new.pages]
    return ordered(refs[group] for group in groups if group in refs)


@dataclass
class Changes:
    """What a change did to sources and claims, as the draft needs it."""

    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    renamed: dict[str, str] = field(default_factory=dict)
    """New id -> earlier id."""
    corrected: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    claims: dict[str, list[Statement]] = field(default_factory=dict)
    """``added``, ``reworded``, ``withdrawn`` -> the claims (withdrawn: as they were)."""
    translated: list[str] = field(default_factory=list)
    checksums: dict[str, str] = field(default_factory=dict)
    """Document id -> SHA-256 of its text now."""

    def version(self, kind: str) -> str:
        """What ends the record's file name: the start of a checksum of what changed (the
        corrected texts, the claims' words), so that two branches' records never share a name."""
        if kind == "source-corrected":
            parts = [self.checksums[doc_id] for doc_id in self.corrected]
        elif kind.startswith("claims-"):
            claims = self.claims.get(kind.removeprefix("claims-"), [])
            parts = [text for claim in claims for text in claim.text.values()]
        else:
            return ""
        return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:8]


def texts(side: Side) -> dict[str, list[Statement]]:
    """Every claim of a page that cites, per page (``home``, ``page/<id>``, ``term/<id>``, ...)."""
    site = side.built
    found: dict[str, list[Statement]] = {"home": [site_intro(site.config)]}
    for page in site.pages:
        found.setdefault(page_ref(site, PageKey(PageKind.page, page.id)), []).extend(page_statements(page))
    for entry in site.entries:
        found[page_ref(site, entry.key)] = list(statements(entry))
    return found


def claim_changes(old: list[Statement], new: list[Statement], lang: str) -> Iterator[tuple[str, Statement]]:
    """``(change, claim)`` for each claim of one page added, reworded or withdrawn (compared in the
    site's first language: a claim reworded keeps about half of its words)."""
    before = [" ".join(s.text.get(lang, "").split()) for s in old]
    after = [" ".join(s.text.get(lang, "").split()) for s in new]
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        left = list(range(j1, j2))
        for i in range(i1, i2):
            score, at = max(((similarity(before[i], after[j]), j) for j in left), default=(0.0, -1))
            if score >= ALIKE:
                left.remove(at)
                yield "reworded", new[at]
            else:
                yield "withdrawn", old[i]
        yield from (("added", new[j]) for j in left)


def compare(old: Side, new: Side) -> Changes:
    """The sources added, removed, renamed and corrected, the claims changed, the translations
    completed."""
    was, now = old.built, new.built
    changes = Changes()
    gone = set(was.document_ids()) - set(now.document_ids())
    for doc in now.documents:
        earlier = [name for name in (doc.record.renamed_from if doc.record else []) if name in gone]
        if doc.id not in was.document_ids() and earlier:
            changes.renamed[doc.id] = earlier[-1]
        elif doc.id not in was.document_ids():
            changes.added.append(doc.id)
    changes.removed = sorted(gone - set(changes.renamed.values()))
    for doc_id in sorted(set(was.document_ids()) & set(now.document_ids())):
        before = {p.key: p.text for p in was.document(doc_id).paragraphs}
        after = {p.key: p.text for p in now.document(doc_id).paragraphs}
        touched = [k for k in {**before, **after} if before.get(k) != after.get(k)]
        if touched:
            changes.corrected.append(doc_id)
            changes.checksums[doc_id] = hashlib.sha256(now.document(doc_id).raw.data).hexdigest()
            changes.paragraphs += [f"{doc_id}#p{key}" for key in sorted(touched, key=paragraph_order)]
    lang = now.config.default_language
    earlier_texts, later_texts = texts(old), texts(new)
    for page in sorted(earlier_texts.keys() | later_texts.keys()):
        for change, claim in claim_changes(earlier_texts.get(page, []), later_texts.get(page, []), lang):
            changes.claims.setdefault(change, []).append(claim)
    done_before = {key: sum(s.state == "done" for s in v) for key, v in was.translations.items()}
    changes.translated = sorted(
        {
            doc_id
            for (doc_id, language), statuses in now.translations.items()
            if sum(s.state == "done" for s in statuses) > done_before.get((doc_id, language), 0)
        }
    )
    return changes


def guess(changes: Changes, pages: tuple[str, ...], languages: tuple[str, ...], today: date) -> Draft:
    """One record for the change: the kind that tells readers most, sources before claims (a
    source removed, corrected, renamed, added; claims withdrawn, reworded, added; translations)."""

    def made(kind: str, **fields) -> Draft:
        return draft(kind, today, languages, pages=pages, version=changes.version(kind), **fields)

    if changes.removed:
        return made("source-removed", sources=changes.removed)
    if changes.corrected:
        return made("source-corrected", sources=changes.corrected, paragraphs=changes.paragraphs)
    if changes.renamed:
        new_id, earlier = next(iter(changes.renamed.items()))
        return made("source-renamed", sources=[new_id], renamed_from=earlier)
    if changes.added:
        return made("source-added", sources=changes.added)
    if changes.claims.get("withdrawn"):
        withdrawn = [dict(claim.text) for claim in changes.claims["withdrawn"]]
        return made("claims-withdrawn", withdrawn=withdrawn)
    if changes.claims.get("reworded"):
        return made("claims-reworded")
    if changes.claims.get("added"):
        return made("claims-added")
    return made("translation-completed", sources=changes.translated)


def fenced(text: str, language: str) -> list[str]:
    """``text`` in a Markdown code block whose fence no run of backticks in it can close."""
    fence = "`" * max(3, 1 + max((len(run) for run in re.findall(r"`+", text)), default=0))
    return [f"{fence}{language}", *text.rstrip("\n").split("\n"), fence]


def proposal(old: Side, new: Side, today: date) -> list[str]:
    """The section proposing a record, or nothing when readers see no change or the change adds one."""
    pages = changed_pages(old, new)
    if not pages or records(new) - records(old):
        return []
    record = guess(compare(old, new), pages, new.built.config.languages, today)
    where = (new.prefix / FOLDER / record.name).as_posix()
    return [
        "### Update record for readers",
        "",
        f"This change alters what readers see and adds no file under `{(new.prefix / FOLDER).as_posix()}/`. "
        f"If readers should know of it, save this draft as `{where}` and write its note in every "
        f"language ({', '.join(record.languages)}). The kind (`{record.kind}`) is guessed from what "
        "changed: change it if another fits better.",
        "",
        *fenced(dumps(record), "yaml"),
        "",
    ]
