"""Draft update records (``sources/updates/<date>-<slug>.yml``, CONTRIBUTING.md "Updates").

A maintenance command that changes what readers see writes a draft with every field it can know
filled in (the kind, the date, the sources, the paragraphs, the pages whose content changed) and
``note:`` left empty in each of the site's languages: the contributor writes the note, and
``make check`` refuses the record until every language has one.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from generator import pipeline
from generator.maintain import corrections, scaffold
from generator.model import (
    Cited,
    PageKey,
    PageKind,
    Site,
    Text,
    page_statements,
    refs_in,
    short_key,
    shown_as,
    site_intro,
    statements,
)
from generator.model.problems import InputError, display_path

FOLDER = "updates"
"""The records' folder in ``sources/``."""
COMMENT_AT = 28
"""The column the fields' comments start at."""
FLOW_WIDTH = 110
"""A list whose line (with its comment) would be longer is written one item a line."""
SLUG_LENGTH = 80


@dataclass(frozen=True)
class Draft:
    """An update record as a maintenance command knows it: everything but the note."""

    date: date
    kind: str
    languages: tuple[str, ...]
    """The site's languages, in the order of ``site.yml``: the note's keys."""
    sources: tuple[str, ...] = ()
    paragraphs: tuple[str, ...] = ()
    """Citation keys without ``@``: ``001_9325e6259af9a897#p8``."""
    pages: tuple[str, ...] = ()
    """``home``, ``page/<id>``, ``term/<id>``, ``actor/<id>``, ``source/<doc id>``."""
    renamed_from: str = ""
    withdrawn: tuple[tuple[tuple[str, str], ...], ...] = ()
    """``claims-withdrawn``: what each withdrawn claim said, as ``(language, text)`` pairs."""
    version: str = ""
    """Ends the file name when two branches could record the same kind of update of the same
    source on the same day (two corrections: the start of the new text's checksum), so that
    their records never meet in one file."""

    @property
    def slug(self) -> str:
        """``source-corrected-001-9325e6259af9a897``: the kind and what the update touched."""
        about = self.sources[0] if self.sources else self.pages[0] if self.pages else ""
        return slug(f"{self.kind}-{about}-{self.version}") or "update"

    @property
    def name(self) -> str:
        """The record's file name: ``2026-12-07-source-corrected-001-9325e6259af9a897.yml``."""
        return f"{self.date.isoformat()}-{self.slug}.yml"


def unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(item for item in items if item))


def draft(
    kind: str,
    day: date,
    languages: Iterable[str],
    sources: Iterable[str] = (),
    paragraphs: Iterable[str] = (),
    pages: Iterable[str] = (),
    renamed_from: str = "",
    withdrawn: Iterable[dict[str, str]] = (),
    version: str = "",
) -> Draft:
    """A draft record; repeated ids are given once, in their first place."""
    return Draft(
        date=day,
        kind=kind,
        languages=unique(languages),
        sources=unique(sources),
        paragraphs=unique(paragraphs),
        pages=unique(pages),
        renamed_from=renamed_from,
        withdrawn=tuple(tuple(texts.items()) for texts in withdrawn),
        version=version,
    )


def slug(text: str) -> str:
    """Lower-case ASCII letters, digits and hyphens: ``Ünïcode_Id 1`` -> ``unicode-id-1``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:SLUG_LENGTH].strip("-")


def quoted(text: str) -> str:
    """``text`` as a double-quoted YAML scalar on one line: any text reads back as it was."""
    return yaml.safe_dump(text, default_style='"', allow_unicode=True, width=sys.maxsize).rstrip("\n")


def key(text: str) -> str:
    """A mapping key: plain when it reads back as itself (``id``, ``en``), else quoted (``no``)."""
    plain = re.fullmatch(r"[a-z][a-z0-9_-]*", text) and yaml.safe_load(f"{text}: x") == {text: "x"}
    return text if plain else quoted(text)


def field(name: str, value: str, comment: str = "") -> list[str]:
    """``name: value   # comment``, the comment at ``COMMENT_AT`` (continued on lines of its own)."""
    line = f"{name}: {value}" if value else f"{name}:"
    if not comment:
        return [line]
    first, *more = comment.split("\n")
    lines = [f"{line.ljust(COMMENT_AT - 2)}  # {first}"]
    return lines + [f"{'':{COMMENT_AT}}# {text}" for text in more]


def listed(name: str, items: tuple[str, ...], comment: str) -> list[str]:
    """A list field: ``[..]`` on one line when it fits, else one ``- item`` a line."""
    flow = field(name, "[" + ", ".join(map(quoted, items)) + "]", comment)
    if len(flow[0]) <= FLOW_WIDTH:
        return flow
    return field(name, "", comment) + [f"  - {quoted(item)}" for item in items]


def dumps(record: Draft) -> str:
    """The record's text, in the format of CONTRIBUTING.md "Updates", with its comments."""
    lines = ['# An update readers should know of (CONTRIBUTING.md, "Updates").']
    lines += field("date", record.date.isoformat(), "required, YYYY-MM-DD: when the change was made")
    lines += field(
        "kind",
        quoted(record.kind),
        "required, an id of the vocabulary section update_kinds (engine\n"
        "defaults: generator/vocabulary.yml; a site may add its own in\nsources/vocabulary.yml)",
    )
    if record.sources:
        lines += listed("sources", record.sources, "optional: ids of the source documents it touched")
    if record.paragraphs:
        about = "optional: source paragraphs it touched (citation keys without @)"
        lines += listed("paragraphs", record.paragraphs, about)
    if record.pages:
        lines += listed(
            "pages",
            record.pages,
            "optional: pages whose content it changed, <kind>/<id>\n"
            "kinds: home, page, term, actor, source (source/<doc id>)",
        )
    if record.renamed_from:
        lines += field("renamed_from", quoted(record.renamed_from), "source-renamed only: the earlier id")
    lines += field("note", "", "required: one sentence per site language, written by the contributor")
    lines += [f"  {key(lang)}: {quoted('')}" for lang in record.languages]
    if record.withdrawn:
        lines += field("withdrawn", "", "claims-withdrawn only: what each withdrawn claim said, per language")
        lines += [
            "  - {" + ", ".join(f"{key(lang)}: {quoted(text)}" for lang, text in texts) + "}"
            for texts in record.withdrawn
        ]
    return "\n".join(lines) + "\n"


def write_draft(sources: Path, record: Draft) -> Path:
    """Write ``sources/updates/<date>-<slug>.yml``; a name already taken gets ``-2``, ``-3`` ...
    (an existing file is never overwritten)."""
    folder = sources / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    data = dumps(record).encode("utf-8")
    stem = record.name.removesuffix(".yml")
    number = 1
    while True:
        path = folder / f"{stem}{'' if number == 1 else f'-{number}'}.yml"
        try:
            with path.open("xb") as handle:  # "x": fails rather than replace a file of that name
                handle.write(data)
        except FileExistsError:
            number += 1
            continue
        return path


# The pages a change touches ------------------------------------------------------------------
def page_ref(site: Site, page: PageKey) -> str:
    """``home``, ``page/<id>``, ``term/<id>``, ``actor/<id>``, ``source/<id>``: the story page shown
    as the home page (``home_page:``) is ``home``."""
    page = shown_as(page, site.config.home_page)
    return "home" if page.kind == PageKind.home else f"{page.kind.value}/{page.item}"


PAGE_ORDER = ("home", "page", "term", "actor", "source")


def ordered(refs: Iterable[str]) -> tuple[str, ...]:
    """Page refs once each, the home page first, then story pages, terms, actors and sources."""
    return tuple(sorted(set(refs), key=lambda ref: (PAGE_ORDER.index(ref.split("/")[0]), ref)))


def refs_of(site: Site) -> Iterator[tuple[PageKey, list[str]]]:
    """Each page that cites, and every citation in it (texts in every language, quotes, figures,
    relations)."""

    def cites(texts) -> list[str]:
        return [ref for text in texts for words in text.text.values() for ref in refs_in(words)]

    yield PageKey(PageKind.home), cites([site_intro(site.config)])
    for page in site.pages:
        yield PageKey(PageKind.page, page.id), cites(page_statements(page)) + [f.source for f in page.figures]
    for entry in site.entries:
        extra = [q.source for q in entry.quotes] + [r.cite for r in entry.relations]
        yield entry.key, cites(statements(entry)) + extra


def citing_pages(site: Site, doc_id: str, paragraphs: Iterable[str] | None = None) -> tuple[str, ...]:
    """The pages citing the document ``doc_id``: any of its ``paragraphs`` (keys: ``8``, ``5a``),
    or, when None, any paragraph of it or its data (``[@003]``)."""
    wanted = None if paragraphs is None else set(paragraphs)
    found = []
    for page, refs in refs_of(site):
        for ref in refs:
            cited = site.resolver.resolve(ref)
            if (
                isinstance(cited, Cited)
                and cited.document.id == doc_id
                and (wanted is None or (cited.paragraph is not None and cited.paragraph.key in wanted))
            ):
                found.append(page_ref(site, page))
                break
    return ordered(found)


CITED = r"(?:@|\bsource:\s*[\"']?)(?:{names})(?:#p([0-9][0-9a-z]*))?(?![\w-])"
"""A citation of a document in a file (``[@001#p5]``, ``source: 001#p5``, ``[@001]``); the
paragraph's key is group 1."""
ENTRY_FOLDERS = {"glossary": "term", "actors": "actor", "pages": "page"}


def scanned(sources: Path, doc_id: str, paragraphs: Iterable[str] | None = None) -> tuple[str, ...]:
    """:func:`citing_pages` for sources that do not build: the citations read in the files."""
    wanted = None if paragraphs is None else set(paragraphs)
    names = sorted({doc_id, short_key(doc_id)}, key=len, reverse=True)
    pattern = re.compile(CITED.format(names="|".join(map(re.escape, names))))
    try:
        home = corrections.configuration(sources).home_page
    except InputError:
        home = None
    files = [(sources / "site.yml", "home")] + [
        (path, "home" if kind == "page" and path.stem == home else f"{kind}/{path.stem}")
        for folder, kind in ENTRY_FOLDERS.items()
        for path in sorted((sources / folder).glob("*.yml"))
    ]
    return ordered(
        ref
        for path, ref in files
        if path.exists()
        and any(
            wanted is None or found[1] in wanted
            for found in pattern.finditer(path.read_text(encoding="utf-8", errors="replace"))
        )
    )


def pages_citing(
    sources: Path, site: Site | None, doc_id: str, paragraphs: Iterable[str] | None = None
) -> tuple[str, ...]:
    """The pages citing the document (or some of its ``paragraphs``): found in the site, or, when
    the sources do not build, in the files."""
    return citing_pages(site, doc_id, paragraphs) if site else scanned(sources, doc_id, paragraphs)


def built(sources: Path) -> Site | None:
    """The site as ``sources`` now is, or None when it does not build."""
    try:
        return pipeline.build(sources)[0]
    except InputError:
        return None


# The commands ----------------------------------------------------------------------------------
def told(sources: Path, path: Path) -> list[str]:
    """What to tell the contributor about the draft at ``path``."""
    languages = ", ".join(corrections.configuration(sources).languages)
    return [
        f"draft update record: {display_path(path)}",
        f"write its note in every language ({languages}): one sentence for readers, then run make check",
    ]


def written(sources: Path, record: Draft) -> list[str]:
    """Write the draft; the lines that tell the contributor about it."""
    return told(sources, write_draft(sources, record))


def update_source(sources: Path, name: str, file: Path | None, reason: Text, today: date) -> list[str]:
    """``update-source``, then a ``source-corrected`` draft naming the paragraphs added, changed or
    removed and the pages that cite them."""
    before = built(sources)
    lines, correction = corrections.update_source(sources, name, file, reason, today)
    if correction is None:
        return lines
    doc_id = corrections.find_document(sources, name)
    keys = [*correction.added, *(c.key for c in correction.changed), *(c.key for c in correction.removed)]
    pages = pages_citing(sources, before or built(sources), doc_id, keys)
    record = draft(
        "source-corrected",
        today,
        corrections.configuration(sources).languages,
        sources=[doc_id],
        paragraphs=[f"{doc_id}#p{k}" for k in sorted(keys, key=paragraph_order)],
        pages=ordered([*pages, f"source/{doc_id}"]),
        version=correction.sha256[:8],
    )
    return lines + written(sources, record)


def paragraph_order(paragraph: str) -> tuple[int, str]:
    """``2`` before ``10``, ``5`` before ``5a``."""
    digits = re.match(r"\d*", paragraph)
    return int(digits[0] if digits and digits[0] else 0), paragraph


def new_source(sources: Path, file: Path, language: str | None, today: date) -> list[Path]:
    """``new-source``, then a ``source-added`` draft; the draft is the last path returned."""
    made = scaffold.new_source(sources, file, language)
    doc_id = made[0].stem
    record = draft(
        "source-added",
        today,
        corrections.configuration(sources).languages,
        sources=[doc_id],
        pages=[f"source/{doc_id}"],
    )
    return [*made, write_draft(sources, record)]


def rename_source(sources: Path, name: str, new_id: str, today: date) -> list[str]:
    """``rename-source``, then a ``source-renamed`` draft (of a published source) with the pages
    citing it: their citations lead to its new address."""
    doc_id = corrections.find_document(sources, name)
    published = corrections.recorded_checksum(sources, f"{doc_id}.txt")
    lines = corrections.rename_source(sources, name, new_id)
    if not published:  # readers never saw it: nothing to tell them
        return lines
    pages = pages_citing(sources, built(sources), new_id)  # their links (and perhaps keys) changed
    record = draft(
        "source-renamed",
        today,
        corrections.configuration(sources).languages,
        sources=[new_id],
        pages=ordered([*pages, f"source/{new_id}"]),
        renamed_from=doc_id,
    )
    return lines + written(sources, record)


def remove_source(sources: Path, name: str, reason: Text, today: date) -> list[str]:
    """``remove-source``, then a ``source-removed`` draft (of a published source) with the pages
    that cited it."""
    leftovers = not (sources / f"{name}.txt").exists() and corrections.document_files(sources, name)
    doc_id = name if leftovers else corrections.find_document(sources, name)
    published = corrections.recorded_checksum(sources, f"{doc_id}.txt")
    site = built(sources) if published else None
    lines = corrections.remove_source(sources, name, reason, today)
    if not published:  # readers never saw it: nothing to tell them
        return lines
    pages = pages_citing(sources, site, doc_id)
    record = draft(
        "source-removed",
        today,
        corrections.configuration(sources).languages,
        sources=[doc_id],
        pages=ordered([*pages, f"source/{doc_id}"]),
    )
    return lines + written(sources, record)
