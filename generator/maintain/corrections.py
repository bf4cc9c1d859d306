"""Maintainer commands that change a source in place: correct, rename, remove, confirm.

Each keeps the evidence chain intact: the bytes stay as received (checksum in ``SHA256SUMS``),
paragraph keys carry over (``record.py``), citations follow a renamed document, and what
changed is logged where readers see it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

from generator.model import (
    Change,
    Correction,
    DocumentRemoval,
    RawDocument,
    Record,
    SiteConfig,
    Text,
    short_key,
)
from generator.model.problems import CommandError, InputError, Problems, display_path
from generator.publish.write import atomic_write
from generator.read.clean_text import clean
from generator.read.documents import (
    CHECKSUMS,
    ID_PATTERN,
    load_meta,
    load_site,
    load_translation,
    looks_binary,
    read_checksums,
    translation_files,
)
from generator.read.git import GitMissing
from generator.read.git import run as run_git
from generator.read.records import RECORD_SUFFIX, align, dump_record, load_record, positional, renumbered


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def find_document(sources: Path, name: str) -> str:
    """The id of the document ``name`` names: its id or its key."""
    ids = sorted(path.stem for path in sources.glob("*.txt"))
    found = [i for i in ids if name in (i, short_key(i))]
    if len(found) == 1:
        return found[0]
    if not found:
        raise CommandError(
            f"no document '{name}' in {display_path(sources)}/ -- give an id or key: {', '.join(ids)}"
        )
    raise CommandError(f"'{name}' names {len(found)} documents ({', '.join(found)}) -- give the full id")


def configuration(sources: Path) -> SiteConfig:
    """``site.yml`` and ``cleaning.yml``; their problems stop the command (it must not record
    paragraphs cleaned by other rules than the site's)."""
    problems = Problems()
    site = load_site(sources / "site.yml", problems)
    if site is None:
        raise InputError(problems)
    return site


def document_files(sources: Path, doc_id: str) -> list[Path]:
    """Every file of a document: text, metadata, translations, record."""
    return sorted(p for p in sources.glob(f"{doc_id}.*") if p.name.split(".")[0] == doc_id)


def read_record(sources: Path, doc_id: str) -> Record | None:
    path = sources / f"{doc_id}{RECORD_SUFFIX}"
    if not path.exists():
        return None
    problems = Problems()
    record = load_record(path, problems)
    if record is None:
        raise CommandError(f"{display_path(path)} cannot be read -- restore it from git ({problems[0]})")
    return record


def write_record(sources: Path, doc_id: str, record: Record) -> Path:
    path = sources / f"{doc_id}{RECORD_SUFFIX}"
    atomic_write(path, dump_record(record, doc_id).encode("utf-8"))
    return path


def set_checksum(sources: Path, name: str, digest: str | None, new_name: str | None = None) -> None:
    """Rewrite the ``SHA256SUMS`` line of ``name`` in place (renamed to ``new_name``; dropped if
    ``digest`` is None), or add one at the end; a second line of ``name`` (two changes of one
    source met in a merge) goes."""
    path = sources / CHECKSUMS
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    entry = [f"{digest}  {new_name or name}"] if digest else []
    mine = re.compile(rf"[0-9a-f]{{64}} [ *]{re.escape(name)}")
    index = next((i for i, line in enumerate(lines) if mine.fullmatch(line)), None)
    lines = [line for i, line in enumerate(lines) if i == index or not mine.fullmatch(line)]
    lines = lines + entry if index is None else lines[:index] + entry + lines[index + 1 :]
    atomic_write(path, "".join(f"{line}\n" for line in lines).encode("utf-8"))


def recorded_checksum(sources: Path, name: str) -> str | None:
    """The SHA-256 that ``SHA256SUMS`` records for the file ``name``."""
    return read_checksums(sources, Problems()).get(name, (None,))[0]


def committed_version(path: Path) -> bytes | None:
    """The file as last committed to git, if git knows it."""
    try:
        result = run_git(path.parent, "show", f"HEAD:./{path.name}")
    except GitMissing:
        return None
    return result.stdout if result.returncode == 0 else None


def read_article(file: Path, what: str = "the corrected article's text") -> bytes:
    """The bytes of the article given as FILE=, or a :class:`CommandError` saying what is wrong."""
    if not file.is_file():
        why = " but a folder" if file.is_dir() else ": nothing is at that path" if not file.exists() else ""
        raise CommandError(f"{file} is not a file{why} -- give FILE=<path of {what}>")
    data = file.read_bytes()
    if not data.strip():
        raise CommandError(f"{file} is empty -- give {what}")
    if looks_binary(data):
        raise CommandError(
            f"{file} is not a text file (it holds NUL or other control bytes) -- "
            "save the article as plain text, UTF-8 encoded"
        )
    return data


def update_source(
    sources: Path, name: str, file: Path | None, reason: Text, today: date
) -> tuple[list[str], Correction | None]:
    """Replace a source with a corrected version and carry its paragraph keys over.

    ``file`` None (or the source itself) takes the file as it now is: a hand edit, or paragraphs
    that a changed cleaning rule or title split differently. Returns what to tell the user and
    the correction recorded (None when nothing changed)."""
    doc_id = find_document(sources, name)
    target = sources / f"{doc_id}.txt"
    site = configuration(sources)
    problems = Problems()
    meta = load_meta(target.with_suffix(".yml"), problems, site)
    if meta is None:
        raise CommandError(
            f"{display_path(target.with_suffix('.yml'))} has problems -- run make check and fix it first"
        )
    recorded = recorded_checksum(sources, target.name)
    current = target.read_bytes()
    if recorded is None:
        raise CommandError(f"{target.name} is not in {CHECKSUMS} -- add a new article with make new-source")
    old = current if sha256(current) == recorded else committed_version(target)
    old = old if old is not None and sha256(old) == recorded else None
    in_place = file is None or file.resolve() == target.resolve()
    new = read_article(file) if file is not None and not in_place else current
    record = read_record(sources, doc_id)

    def paragraphs(data: bytes):
        raw = RawDocument(doc_id, target, target.with_suffix(".yml"), data, meta, record=record)
        return clean(raw, site.cleaning).paragraphs

    old_texts = {p.key: p.text for p in paragraphs(old)} if old is not None else {}
    shift = (
        renumbered(translations(sources, doc_id, site, meta), paragraphs(old or new)) if not record else None
    )
    if shift:  # the text splits differently now: start from the numbering the translations were made for
        record, old_texts = shift[0], {}
    if record is None:
        if old is None:
            raise CommandError(
                f"cannot tell what changed in {display_path(target)}: the recorded version is gone -- "
                "restore "
                f"it (git checkout {display_path(target)}) and give the new version as FILE=<path>"
            )
        record = positional(paragraphs(old))
    result = align(record, old_texts, [p.text for p in paragraphs(new)])
    if old == new and not (result.added or result.changed or result.removed or result.moved):
        return [f"{display_path(target)}: nothing changed"], None
    correction = Correction(
        date=today,
        reason=reason,
        sha256=sha256(new),
        previous_sha256=recorded,
        added=tuple(result.added),
        changed=tuple(Change(key, before, pending=True) for key, before in result.changed),
        removed=tuple(Change(key, before) for key, before in result.removed),
        moved=tuple(result.moved),
    )
    record = Record(result.slots, [*record.corrections, correction], record.renamed_from)
    if not in_place:
        atomic_write(target, new)
    set_checksum(sources, target.name, correction.sha256)
    path = write_record(sources, doc_id, record)
    summary = correction_text(correction) or "the bytes changed, no paragraph did"
    return [
        f"{display_path(target)}: corrected on {today}: {summary}",
        f"recorded in {display_path(path)}",
    ], correction


def translations(sources: Path, doc_id: str, site, meta) -> dict:
    """A document's translation entries, per language."""
    paths = translation_files(sources, doc_id, site.languages, meta.language)
    return {lang: load_translation(path, Problems(), lang) for lang, path in paths.items()}


def correction_text(correction: Correction) -> str:
    parts = [
        f"{label} {', '.join(keys)}"
        for label, keys in (
            ("added", correction.added),
            ("changed", [c.key for c in correction.changed]),
            ("removed", [c.key for c in correction.removed]),
            ("moved", correction.moved),
        )
        if keys
    ]
    return "; ".join(f"paragraph(s) {part}" for part in parts)


def confirm_paragraphs(sources: Path, name: str, keys: list[str]) -> list[str]:
    """Mark changed paragraphs as reviewed: what cites them still holds."""
    doc_id = find_document(sources, name)
    record = read_record(sources, doc_id)
    pending = {ch.key for c in record.corrections for ch in c.changed if ch.pending} if record else set()
    if record is None or not pending:
        raise CommandError(f"{doc_id} has no changed paragraph awaiting review -- nothing to confirm")
    wanted = pending if keys == ["all"] else set(keys)
    unknown = wanted - pending
    if unknown:
        raise CommandError(
            f"paragraph(s) {', '.join(sorted(unknown))} of {doc_id} await no review -- "
            f"those that do: {', '.join(sorted(pending))}"
        )
    record.corrections = [
        replace(
            c, changed=tuple(replace(ch, pending=ch.pending and ch.key not in wanted) for ch in c.changed)
        )
        for c in record.corrections
    ]
    write_record(sources, doc_id, record)
    return [f"{doc_id}: paragraph(s) {', '.join(sorted(wanted))} confirmed"]


CITATION = r"(?<=@){name}(?=#p[0-9]|[\];\s])"
SOURCE_FIELD = r"(?<=source:)(\s*[\"']?){name}(?=#p[0-9])"


def rewrite_citations(sources: Path, names: list[str], new: str) -> dict[Path, int]:
    """Point every citation and ``source:`` field that uses one of ``names`` at ``new``."""
    changed = {}
    for path in sorted(sources.rglob("*.yml")):
        if path.name.endswith(RECORD_SUFFIX):
            continue
        text = path.read_text(encoding="utf-8")
        count, out = 0, text
        for name in names:
            out, n = re.subn(CITATION.format(name=re.escape(name)), new, out)
            count += n
            out, n = re.subn(SOURCE_FIELD.format(name=re.escape(name)), rf"\g<1>{new}", out)
            count += n
        if count:
            atomic_write(path, out.encode("utf-8"))
            changed[path] = count
    return changed


def rename_source(sources: Path, name: str, new_id: str) -> list[str]:
    """Move a document's files to a new id, update checksums and citations, keep a redirect."""
    doc_id = find_document(sources, name)
    if not ID_PATTERN.match(new_id):
        raise CommandError(f"'{new_id}' is not a usable id -- use a-z, 0-9, '-' and '_'")
    if document_files(sources, new_id):
        raise CommandError(f"{new_id} is already taken in {display_path(sources)}/ -- choose another id")
    others = [p.stem for p in sources.glob("*.txt") if p.stem != doc_id]
    if any(short_key(new_id) in (o, short_key(o)) or new_id == short_key(o) for o in others):
        raise CommandError(
            f"the key '{short_key(new_id)}' of '{new_id}' is already used by another document -- "
            "choose an id whose part before the first '_' or '-' is unique"
        )
    listed = recorded_checksum(sources, f"{doc_id}.txt")
    record = read_record(sources, doc_id)
    if record is None and listed:  # a published source: its record will hold the redirect
        site = configuration(sources)
        meta = load_meta(sources / f"{doc_id}.yml", Problems(), site)
        if meta is None:
            raise CommandError(f"sources/{doc_id}.yml has problems -- run make check and fix it first")
        path = sources / f"{doc_id}.txt"
        record = positional(
            clean(
                RawDocument(doc_id, path, path.with_suffix(".yml"), path.read_bytes(), meta), site.cleaning
            ).paragraphs
        )
    taken = set(others) | {short_key(o) for o in others}
    old_names = [doc_id] + ([short_key(doc_id)] if short_key(doc_id) not in taken | {doc_id} else [])
    moved = []
    for path in document_files(sources, doc_id):
        target = path.with_name(new_id + path.name[len(doc_id) :])
        path.rename(target)
        moved.append(target)
    if listed:
        set_checksum(sources, f"{doc_id}.txt", listed, f"{new_id}.txt")
    if record is not None:
        record.renamed_from = [*record.renamed_from, doc_id]
        write_record(sources, new_id, record)
    for path in document_files(sources, new_id):
        text = path.read_text(encoding="utf-8") if path.suffix == ".yml" else ""
        if f"{doc_id}.txt" in text and not path.name.endswith(RECORD_SUFFIX):
            atomic_write(path, text.replace(f"{doc_id}.txt", f"{new_id}.txt").encode("utf-8"))
    names = sorted((n for n in old_names if n != short_key(new_id)), key=len, reverse=True)
    changed = rewrite_citations(sources, names, short_key(new_id))
    count = sum(changed.values())
    return [
        f"renamed {doc_id} to {new_id}: {len(moved)} files moved",
        f"{count} citation(s) in {len(changed)} file(s) now use [@{short_key(new_id)}#p...]",
        f"the old addresses of {doc_id} will redirect to the new ones"
        if record is not None
        else f"{doc_id} was never published (not in {CHECKSUMS}): no redirect needed",
    ]


def remove_source(sources: Path, name: str, reason: Text, today: date) -> list[str]:
    """Delete a document's files; its record stays as a notice at its old address. A document
    whose text is already gone can be named by its id, to take out what it left behind."""
    leftovers = not (sources / f"{name}.txt").exists() and document_files(sources, name)
    doc_id = name if leftovers else find_document(sources, name)
    site = load_site(sources / "site.yml", Problems())
    meta = load_meta(sources / f"{doc_id}.yml", Problems(), site) if site else None
    title = (meta.title or meta.label) if meta else {}
    record = read_record(sources, doc_id) or Record()
    record.removed = DocumentRemoval(
        today, reason, dict(title or {}), recorded_checksum(sources, f"{doc_id}.txt") or ""
    )
    gone = [p for p in document_files(sources, doc_id) if not p.name.endswith(RECORD_SUFFIX)]
    for path in gone:
        path.unlink()
    set_checksum(sources, f"{doc_id}.txt", None)
    write_record(sources, doc_id, record)
    return [
        f"removed {doc_id}: {', '.join(p.name for p in gone)}",
        f"{display_path(sources / (doc_id + RECORD_SUFFIX))} stays: "
        "its address now says the source was removed",
        "make check lists every citation of it that must go",
    ]
