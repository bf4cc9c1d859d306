"""Read the update records (``sources/updates/<date>-<slug>.yml``, ``generator/model/updates.py``).

What a record refers to (sources, paragraphs, pages) is checked against the collection by
``generator/check/updates.py``; here each file is read on its own, every problem reported."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from generator.model import PageKey, PageKind, SiteConfig
from generator.model.dates import calendar_error, parse_partial
from generator.model.problems import Problems
from generator.model.updates import FOLDER, RENAMED, WITHDRAWN, Update
from generator.read.yaml_reader import Reader

FIELDS = ("date", "kind", "sources", "paragraphs", "pages", "renamed_from", "note", "withdrawn")
NAME = re.compile(r"^\d{4}-\d{2}-\d{2}-[a-z0-9][a-z0-9-]{0,99}$")
PARAGRAPH = re.compile(r"^@?(?P<doc>[a-z0-9][a-z0-9_-]{0,79})#p(?P<key>[0-9a-z]+)$")
PAGE = re.compile(r"^(?P<kind>[a-z]+)(?:/(?P<item>[a-z0-9][a-z0-9_-]*))?$")
PAGE_KINDS = (PageKind.home, PageKind.page, PageKind.term, PageKind.actor, PageKind.source)
"""The kinds of page an update can name: the pages with content of their own."""


def load_updates(sources: Path, config: SiteConfig, problems: Problems) -> list[Update]:
    """Every record in ``sources/updates/``, in the order of their names."""
    folder = sources / FOLDER
    paths = sorted([*folder.glob("*.yml"), *folder.glob("*.yaml")]) if folder.is_dir() else []
    updates, seen = [], set()
    for path in paths:
        if path.stem in seen:  # 2024-05-01-x.yml and 2024-05-01-x.yaml: one anchor, one feed id
            problems.add(path, 1, f"two update records are named {path.stem}", "keep one, or rename one")
            continue
        seen.add(path.stem)
        if not NAME.match(path.stem):
            problems.add(
                path,
                1,
                f"'{path.name}' is not named <date>-<words>.yml",
                "rename it like 2024-05-01-corrected-a-name.yml (a-z, 0-9 and '-' after the date)",
            )
            continue
        update = load_update(path, config, problems)
        if update is not None:
            updates.append(update)
    return updates


def load_update(path: Path, config: SiteConfig, problems: Problems) -> Update | None:
    reader = Reader(path, problems, config.languages)
    data = reader.read()
    if data is None:
        return None
    reader.check_fields(data, FIELDS)
    when = parse_partial(data.get("date"))
    if data.get("date") is None:
        reader.missing(("date",), "'date' is missing", "write the day of the change: date: 2024-05-01")
    elif when is None or not when.day:
        wrong = calendar_error(data.get("date"))
        reader.error(
            ("date",),
            f"'date' is {data.get('date')!r}" + (f": {wrong}" if wrong else ""),
            "write the day of the change as YYYY-MM-DD",
        )
    kinds = config.vocabulary.ids("update_kinds")
    kind = data.get("kind")
    if kind is None:
        reader.missing(("kind",), "'kind' is missing", f"use one of {', '.join(kinds)}")
    elif kind not in kinds:
        reader.error(("kind",), f"'kind' is {kind!r}", f"use one of {', '.join(kinds)}")
    note = reader.text(data, "note")
    documents = strings(reader, data, "sources")
    paragraphs = []
    for number, value in enumerate(strings(reader, data, "paragraphs")):
        match = PARAGRAPH.match(value)
        if match is None:
            reader.error(("paragraphs", number), f"{value!r} is not a paragraph", "write <document id>#p<n>")
        else:
            paragraphs.append((match["doc"], match["key"]))
    pages = []
    for number, value in enumerate(strings(reader, data, "pages")):
        page = page_key(value)
        if page is None:
            reader.error(
                ("pages", number),
                f"{value!r} is not a page",
                "write home, or <kind>/<id> with kind page, term, actor or source",
            )
        else:
            pages.append(page)
    renamed = reader.string(data, "renamed_from")
    if renamed is not None and kind != RENAMED:
        reader.error(("renamed_from",), f"'renamed_from' belongs to {RENAMED} only", "remove it")
    withdrawn = []
    items = data.get("withdrawn") or []
    if not isinstance(items, list):
        reader.error(("withdrawn",), "'withdrawn' must be a list", "one item per claim, each {<lang>: text}")
        items = []
    reader.prefix = ("withdrawn",)  # each claim's line, for the messages
    for number, item in enumerate(items):
        text = reader.text({number: item}, number, label="withdrawn claim")
        if text is not None:
            withdrawn.append(text)
    reader.prefix = ()
    if kind == WITHDRAWN and not items:
        reader.missing(
            ("withdrawn",),
            "a claims-withdrawn update does not say what the claims said",
            "list each withdrawn claim's words under withdrawn:, one text per language",
        )
    # With a problem above, the build stops after the checks; the record is still checked for
    # what it names, so that every problem is reported in one run.
    day = date(when.year, when.month, when.day) if when is not None and when.day else date.min
    return Update(
        id=path.stem,
        path=path,
        date=day,
        kind=str(kind),
        note=note or {},
        sources=tuple(documents),
        paragraphs=tuple(paragraphs),
        pages=tuple(pages),
        renamed_from=renamed,
        withdrawn=tuple(withdrawn),
        lines=lines(reader, data),
    )


def lines(reader: Reader, data: dict) -> dict[str, int]:
    """The line of each field (``pages``) and of each item of a list (``pages.1``)."""
    found = {}
    for name in FIELDS:
        if name in data:
            found[name] = reader.doc.line(name)
            if isinstance(data[name], list):
                found |= {f"{name}.{n}": reader.doc.line(name, n) for n in range(len(data[name]))}
    return found


def strings(reader: Reader, data: dict, key: str) -> list[str]:
    """``data[key]``: a list of texts (or one text); anything else is reported."""
    value = data.get(key)
    if value is None:
        return []
    values = value if isinstance(value, list) else [value]
    if not all(isinstance(item, str) and item.strip() for item in values):
        reader.error(
            (key,),
            f"'{key}' must be a list of texts",
            f'quote each one, so that an id such as 001 keeps its zeros: {key}: ["001", "002"]',
        )
        return []
    return [item.strip() for item in values]


def page_key(value: str) -> PageKey | None:
    """``home``, ``term/<id>``, ``page/<id>``, ``actor/<id>``, ``source/<id>`` -> its key."""
    match = PAGE.match(value)
    if match is None or match["kind"] not in PAGE_KINDS:
        return None
    kind = PageKind(match["kind"])
    if (kind == PageKind.home) != (match["item"] is None):
        return None
    return PageKey(kind, match["item"] or "")
