"""Paragraph records: stable paragraph keys that survive corrections of a source.

A document that was never corrected numbers its paragraphs 1, 2, 3... Once corrected (``make
update-source``), ``sources/<id>.record.yml`` lists every paragraph place the document ever had,
in order: a key with the fingerprint of the paragraph's words, or a key whose paragraph was
removed. A paragraph keeps its key when it moves or when its words change; a new one gets the key
of the paragraph before it plus a letter (``5a`` after ``5``), as inserted articles of Indonesian
laws are numbered; keys are never reused. The record also keeps the corrections log.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import yaml

from generator.model import Change, Correction, DocumentRemoval, Paragraph, Record, Slot, Text, fingerprint
from generator.model.problems import Problems
from generator.read.yaml_reader import Reader

RECORD_SUFFIX = ".record.yml"
KEY = re.compile(r"^(?P<base>[0-9]+)(?P<suffix>[a-z]*)$")
RECORD_FIELDS = ("paragraphs", "corrections", "renamed_from", "removed")
REMOVAL_FIELDS = ("date", "reason", "title", "sha256")
SLOT_FIELDS = ("key", "fingerprint", "removed")
CORRECTION_FIELDS = ("date", "reason", "sha256", "previous_sha256", "added", "changed", "removed", "moved")
SIMILAR = 0.5
"""Share of words two versions of a paragraph keep in common to count as one changed paragraph."""

HEADER = (
    "# Paragraph record of sources/{id}.txt: its paragraph keys and corrections log.\n"
    "# Written by make update-source, make rename-source and make confirm-paragraph; do not edit.\n"
)


def positional(paragraphs: list[Paragraph]) -> Record:
    """The record of a document never corrected: keys 1, 2, 3..."""
    return Record([Slot(p.key, p.fingerprint) for p in paragraphs])


def renumbered(translations: dict, paragraphs: list[Paragraph]) -> tuple[Record, list[str]] | None:
    """For a document without a record, whose translations (``{lang: [TranslationEntry]}``)
    translate paragraphs that now have other numbers (a cleaning rule or the title changed how the
    text splits): the numbering they were made with, and what moved. None when nothing did."""
    entries = [entry for found in translations.values() for entry in found]
    now = {p.fingerprint: p.key for p in paragraphs}
    moved = sorted(
        {
            (e.paragraph, now[e.fingerprint])
            for e in entries
            if now.get(e.fingerprint, e.paragraph) != e.paragraph
        },
        key=lambda pair: int(pair[0]) if pair[0].isdigit() else 0,
    )
    if not moved:
        return None
    marks: dict[str, str] = {}
    for entry in entries:
        marks.setdefault(entry.paragraph, entry.fingerprint)
    last = max(int(k) for k in marks if k.isdigit())
    slots = [Slot(str(k), marks.get(str(k), f"unknown-{k}")) for k in range(1, last + 1)]
    return Record(slots), [f"paragraph {old} is now {new}" for old, new in moved]


# Reading and writing ---------------------------------------------------------------------------
def load_record(path: Path, problems: Problems) -> Record | None:
    """Read ``<id>.record.yml``; None (and problems) when it is unusable."""
    reader = Reader(path, problems, ())
    data = reader.read()
    if data is None:
        return None
    before = len(problems)
    reader.check_fields(data, RECORD_FIELDS)
    record = Record()
    for where, item in reader.mappings(data, "paragraphs", SLOT_FIELDS, "each paragraph must be a mapping"):
        key, mark = str(item.get("key", "")), item.get("fingerprint")
        if not KEY.match(key) or (mark is None) == (not item.get("removed")):
            reader.error(where, f"paragraph '{key}' is not a valid record entry", "restore the file from git")
        record.slots.append(Slot(key, None if mark is None else str(mark)))
    for where, item in reader.mappings(
        data, "corrections", CORRECTION_FIELDS, "a correction must be a mapping"
    ):
        for lang in item.get("reason") or {} if isinstance(item.get("reason"), dict) else {}:
            reader.uncut((*where, "reason", lang), "reason")
        try:
            record.corrections.append(_correction(item))
        except (TypeError, ValueError, AttributeError) as exc:
            reader.error(where, f"unreadable correction ({exc})", "restore the file from git")
    record.renamed_from = [str(x) for x in data.get("renamed_from") or []]
    removed = data.get("removed")
    if isinstance(removed, dict):
        reader.check_fields(removed, REMOVAL_FIELDS, ("removed",))
        for field in ("reason", "title"):
            for lang in removed.get(field) or {} if isinstance(removed.get(field), dict) else {}:
                reader.uncut(("removed", field, lang), field)
        try:
            record.removed = DocumentRemoval(
                _date(removed["date"]),
                _texts(removed.get("reason")),
                _texts(removed.get("title")),
                str(removed.get("sha256", "")),
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            reader.error(("removed",), f"unreadable removal ({exc})", "restore the file from git")
    elif removed is not None:
        reader.error(("removed",), "'removed' must be a mapping", "restore the file from git")
    return record if len(problems) == before else None


def _date(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _texts(value) -> Text:
    return {str(k): str(v) for k, v in (value or {}).items()}


def _correction(item: dict) -> Correction:
    def changes(name: str) -> tuple[Change, ...]:
        return tuple(
            Change(str(c["key"]), c.get("before"), c.get("review") == "pending") for c in item.get(name) or []
        )

    return Correction(
        date=_date(item["date"]),
        reason=_texts(item.get("reason")),
        sha256=str(item["sha256"]),
        previous_sha256=str(item.get("previous_sha256", "")),
        added=tuple(str(k) for k in item.get("added") or []),
        changed=changes("changed"),
        removed=changes("removed"),
        moved=tuple(str(k) for k in item.get("moved") or []),
    )


def dump_record(record: Record, doc_id: str) -> str:
    """The YAML text of a record, with a header saying what it is."""
    slots = "".join(
        f"- {{key: '{s.key}', fingerprint: '{s.fingerprint}'}}\n"
        if s.fingerprint
        else f"- {{key: '{s.key}', removed: true}}\n"
        for s in record.slots
    )
    corrections = []
    for c in record.corrections:
        entry: dict = {"date": c.date, "sha256": c.sha256, "previous_sha256": c.previous_sha256}
        if c.reason:
            entry["reason"] = dict(c.reason)
        for name, keys in (("added", c.added), ("moved", c.moved)):
            if keys:
                entry[name] = list(keys)
        for name, changes in (("changed", c.changed), ("removed", c.removed)):
            if changes:
                entry[name] = [
                    {"key": ch.key, "before": ch.before}
                    | ({"review": "pending" if ch.pending else "done"} if name == "changed" else {})
                    for ch in changes
                ]
        corrections.append(entry)
    data: dict = {}
    if corrections:
        data["corrections"] = corrections
    if record.renamed_from:
        data["renamed_from"] = record.renamed_from
    if record.removed:
        gone = record.removed
        data["removed"] = {
            "date": gone.date,
            "reason": dict(gone.reason),
            "title": dict(gone.title),
            "sha256": gone.sha256,
        }
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100) if data else ""
    return HEADER.format(id=doc_id) + "paragraphs:\n" + slots + body


# Alignment -------------------------------------------------------------------------------------
@dataclass
class Alignment:
    """How the paragraphs of a new version map onto the record of the old one."""

    keys: list[str]
    """The key of each new paragraph, in order."""
    slots: list[Slot]
    """The new record: every place, old and new, in order."""
    added: list[str] = field(default_factory=list)
    changed: list[tuple[str, str | None]] = field(default_factory=list)
    removed: list[tuple[str, str | None]] = field(default_factory=list)
    moved: list[str] = field(default_factory=list)


def similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio()


def align(record: Record, old_texts: dict[str, str], new: list[str]) -> Alignment:
    """Carry the keys of ``record`` over to the paragraphs ``new``.

    Unchanged paragraphs keep their key wherever they moved; a paragraph whose words changed
    keeps its key when it stands where the old one stood and shares most of its words (or, when
    the old words are unknown, when it is alone in its place); the rest are added or removed.
    ``old_texts`` gives the old wording by key, where known.
    """
    live = [s for s in record.slots if s.fingerprint]
    marks = [fingerprint(text) for text in new]
    matcher = difflib.SequenceMatcher(None, [s.fingerprint for s in live], marks, autojunk=False)
    keys: list[str | None] = [None] * len(new)
    gone: list[int] = []  # indexes into ``live`` of paragraphs not found in place
    changed: list[tuple[str, str | None]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                keys[j] = live[i].key
            continue
        pairs = _pair(live[i1:i2], old_texts, new[j1:j2])
        for i, j in pairs:
            keys[j1 + j] = live[i1 + i].key
            changed.append((live[i1 + i].key, old_texts.get(live[i1 + i].key)))
        paired = {i for i, _ in pairs}
        gone += [i1 + i for i in range(i2 - i1) if i not in paired]
    moved = []
    for i in list(gone):  # a paragraph found unchanged elsewhere has moved: it keeps its key
        at = next(
            (j for j, mark in enumerate(marks) if keys[j] is None and mark == live[i].fingerprint), None
        )
        if at is not None:
            keys[at] = live[i].key
            moved.append(live[i].key)
            gone.remove(i)
    removed_keys = {live[i].key for i in gone}
    slots = _merge(record.slots, keys, marks, removed_keys)
    known = {s.key for s in record.slots}
    return Alignment(
        keys=[s.key for s in slots if s.fingerprint],
        slots=slots,
        added=[s.key for s in slots if s.key not in known],
        changed=changed,
        removed=[(k, old_texts.get(k)) for k in (s.key for s in record.slots) if k in removed_keys],
        moved=moved,
    )


def _pair(old: list[Slot], old_texts: dict[str, str], new: list[str]) -> list[tuple[int, int]]:
    """Pairs ``(old index, new index)`` in order: the same paragraph with changed words."""
    texts = [old_texts.get(s.key) for s in old]
    if all(t is None for t in texts):
        return [(0, 0)] if len(old) == len(new) == 1 else []
    pairs, start = [], 0
    for j, text in enumerate(new):
        for i in range(start, len(old)):
            earlier = texts[i]
            if earlier is not None and similarity(earlier, text) >= SIMILAR:
                pairs.append((i, j))
                start = i + 1
                break
    return pairs


def _merge(old_slots: list[Slot], keys: list[str | None], marks: list[str], removed: set[str]) -> list[Slot]:
    """The new record: new paragraphs in their order, each old place that is gone (removed
    before, or now) kept right after the paragraph it followed, new keys for new paragraphs."""
    follows: dict[str | None, list[str]] = {}  # key -> keys of gone places right after it
    previous: str | None = None
    for slot in old_slots:
        if slot.fingerprint is None or slot.key in removed:
            follows.setdefault(previous, []).append(slot.key)
        else:
            previous = slot.key
    used = {s.key for s in old_slots}
    slots = [Slot(k, None) for k in follows.get(None, [])]
    for key, mark in zip(keys, marks, strict=True):
        if key is None:
            key = new_key(slots[-1].key if slots else "0", used)
            used.add(key)
        slots.append(Slot(key, mark))
        slots += [Slot(k, None) for k in follows.get(key, [])]
    return slots


def letters(n: int) -> str:
    """0 -> a, 25 -> z, 26 -> aa, ..."""
    out = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(97 + rest) + out
    return out


def new_key(previous: str, used: set[str]) -> str:
    """The key of a paragraph inserted after ``previous``: its number and the next free letter."""
    match = KEY.match(previous)
    if match is None:
        raise ValueError(f"'{previous}' is not a paragraph key")
    base, after = match["base"], match["suffix"]
    n = 0
    while (len(letters(n)), letters(n)) <= (len(after), after) or f"{base}{letters(n)}" in used:
        n += 1
    return f"{base}{letters(n)}"


def apply(record: Record, paragraphs: list[Paragraph]) -> tuple[list[Paragraph], list[str]]:
    """Give ``paragraphs`` their recorded keys; describe any drift from the record."""
    live = [s for s in record.slots if s.fingerprint]
    if [s.fingerprint for s in live] == [p.fingerprint for p in paragraphs]:
        return [replace(p, key=s.key) for p, s in zip(paragraphs, live, strict=True)], []
    result = align(record, {}, [p.text for p in paragraphs])
    drift = [f"paragraph {k} is no longer in the text" for k, _ in result.removed]
    drift += [f"paragraph {k} has other words" for k, _ in result.changed]
    drift += [f"a paragraph after {_before(result.slots, k)} is new" for k in result.added]
    keys = iter(result.keys)
    return [replace(p, key=next(keys)) for p in paragraphs], drift


def _before(slots: list[Slot], key: str) -> str:
    index = next(i for i, s in enumerate(slots) if s.key == key)
    return f"paragraph {slots[index - 1].key}" if index else "the start"
