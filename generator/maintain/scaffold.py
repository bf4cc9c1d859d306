"""Contributor tools: start a new source, term or actor as files with TODO markers, and add
translation stubs. ``make check`` rejects every TODO until it is filled in."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import textwrap
from pathlib import Path

from generator.maintain.corrections import configuration, read_article, set_checksum
from generator.model import Byline, DocumentMeta, RawDocument, short_key
from generator.model.problems import CommandError, InputError, Problems, display_path
from generator.read.clean_text import clean
from generator.read.documents import ID_PATTERN, load_documents, load_site

SOURCE_META = """\
# Metadata of {id}.txt: only what the document itself establishes; null when it does not say.
# Its language is '{language}': the title as printed goes under '{language}', the others translate it.
title:            # the headline as printed, or null (then give a label)
{title}label: null       # when title is null: a few words describing the document, in every language
publisher: null   # as printed in the document
author: {author}
date: {date}
type: TODO        # news or opinion
language: {language}
description:      # one or two neutral sentences
{description}"""


NO_AUTHOR = "null      # as printed (a byline)"
NO_DATE = "null        # YYYY-MM-DD as printed"


def per_language(
    languages: tuple[str, ...],
    folded: bool,
    first: dict[str, str] | None = None,
    value: str = "TODO",
    item: bool = False,
) -> str:
    """One ``  <lang>: TODO`` line per language (a ``>-`` block when ``folded``, for free text;
    the first one ``- `` when ``item``, a list item); ``first`` gives a language its text."""
    lines = []
    for number, lang in enumerate(languages):
        lead = "  " + (("- " if number == 0 else "  ") if item else "")
        if first and lang in first:
            lines.append(f"{lead}{lang}: {first[lang]}\n")
        elif folded:
            lines.append(f"{lead}{lang}: >-\n{' ' * (len(lead) + 2)}{value}\n")
        else:
            lines.append(f"{lead}{lang}: {value}\n")
    return "".join(lines)


TERM = """\
# Glossary term. Replace every TODO; end every sentence with a citation of the paragraph that
# says it, such as [@001#p5] (`make paragraphs` lists them all). See CONTRIBUTING.md.
name:
{name}aliases:          # other ways the sources write it
{aliases}definition:       # one sentence; also the tooltip wherever the term appears
{definition}explanation:
{explanation}quotes: []
related:
  terms: []
  actors: []
"""

ACTOR = """\
# Actor profile. Replace every TODO; end every sentence with a citation of the paragraph that
# says it, such as [@001#p5] (`make paragraphs` lists them all). See CONTRIBUTING.md.
name:
{name}kind: TODO        # an actor kind: generator/vocabulary.yml, or your own in sources/vocabulary.yml
aliases:          # how the sources write the name
{aliases}summary:          # one sentence: who or what it is, as the sources give it
{definition}role: []
actions: []
quotes: []
related:
  actors: []
  terms: []
relations: []
"""


HEADLINE_WORDS = 20
"""A first line this short, without a full stop, is taken for the headline."""


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9_-]+", "-", name.lower()).strip("-_")[:80]


def create(path: Path, text: str) -> Path:
    if path.exists():
        raise CommandError(f"{path} already exists -- edit it, or choose another id")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def new_entry(sources: Path, kind: str, entry_id: str) -> Path:
    """``sources/glossary/<id>.yml`` or ``sources/actors/<id>.yml`` with TODO stubs."""
    if not ID_PATTERN.match(entry_id):
        better = slug(entry_id)
        hint = f"try ID={better}" if better and ID_PATTERN.match(better) else "use a-z, 0-9, '-' and '_'"
        raise CommandError(
            f"'{entry_id}' is not a usable id (lower-case letters, digits, '-', '_') -- {hint}"
        )
    languages = configuration(sources).languages
    text = (TERM if kind == "term" else ACTOR).format(
        name=per_language(languages, False),
        aliases=per_language(languages, False, value="[]"),
        definition=per_language(languages, True),
        explanation=per_language(languages, True, item=True),
    )
    folder = "glossary" if kind == "term" else "actors"
    return create(sources / folder / f"{entry_id}.yml", text)


def new_source(sources: Path, file: Path, language: str | None = None) -> list[Path]:
    """Copy ``file`` in byte for byte (or take it where it is, when it is already in
    ``sources/``), record its checksum, stub its metadata and its translations into every other
    language of the site. ``language`` is the document's own (default: the site's default)."""
    site = configuration(sources)
    language = language or site.default_language
    if language not in site.languages:
        raise CommandError(
            f"LANGUAGE={language} is not one of the site's languages -- use one of: "
            f"{', '.join(site.languages)} (languages: in {display_path(sources / 'site.yml')})"
        )
    data = read_article(file, "the article's text")
    in_place = file.resolve().parent == sources.resolve() and file.suffix == ".txt"
    doc_id = file.stem if in_place else slug(file.stem)
    if in_place and file.with_suffix(".yml").exists():
        raise CommandError(
            f"{display_path(file)} is already a source -- to record a corrected version of it, run "
            f"make update-source ID={doc_id} FILE=<corrected text>"
        )
    same = [] if in_place else [p.name for p in sources.glob("*.txt") if p.read_bytes() == data]
    if same:
        raise CommandError(f"{file} is already in {display_path(sources)}/ as {same[0]} -- nothing to add")
    if not ID_PATTERN.match(doc_id):
        raise CommandError(
            f"cannot make an id from '{file.name}' -- rename the file using a-z, 0-9, '-' and '_'"
        )
    target = sources / f"{doc_id}.txt"
    if target.exists() and not in_place:
        raise CommandError(f"{target} already exists -- rename the new file")
    key = short_key(doc_id)
    clash = [p.name for p in sources.glob("*.txt") if p.stem != doc_id and key in (p.stem, short_key(p.stem))]
    if clash:
        raise CommandError(
            f"the citation key '{key}' of '{doc_id}' is already used by {', '.join(clash)} -- "
            "rename the file so "
            "that its name up to the first '_' or '-' is new"
        )
    paragraphs, headline, byline = first_paragraphs(
        doc_id, target if in_place else file, data, site, language
    )
    if not paragraphs:
        raise CommandError(f"{file} has no text left once cleaned -- give the article's own text")
    read = f"# from the byline on line {byline.line}; check it" if byline else ""
    printed = {language: f"{json.dumps(headline, ensure_ascii=False)}   # the first line; check it"}
    meta_text = SOURCE_META.format(
        id=doc_id,
        language=language,
        title=per_language(site.languages, False, printed if headline else None),
        description=per_language(site.languages, True),
        author=f"{json.dumps(byline.name, ensure_ascii=False)}   {read}" if byline else NO_AUTHOR,
        date=f"{byline.date.isoformat()}   {read}" if byline and byline.date else NO_DATE,
    )
    meta = create(sources / f"{doc_id}.yml", meta_text)
    if not in_place:
        shutil.copyfile(file, target)
    set_checksum(sources, target.name, hashlib.sha256(target.read_bytes()).hexdigest())
    stubs = [
        append_stubs(sources / f"{doc_id}.{lang}.yml", doc_id, lang, paragraphs)
        for lang in site.languages
        if lang != language
    ]
    return [target, meta, *stubs]


def first_paragraphs(
    doc_id: str, path: Path, data: bytes, site, language: str
) -> tuple[list, str | None, Byline | None]:
    """The paragraphs a new article will have, its headline when the first line looks like one
    (short, no full stop: the title then removes it, so translations start at the text), and its
    byline when one of its language's byline forms reads it."""
    meta = DocumentMeta(None, None, None, None, None, "news", language, {})
    cleaned = clean(RawDocument(doc_id, path, path, data, meta), site.cleaning)
    first = cleaned.paragraphs[0].text if len(cleaned.paragraphs) > 1 else ""
    if not first or len(first.split()) > HEADLINE_WORDS or first.endswith(tuple('.!?:;,"\u201d')):
        return cleaned.paragraphs, None, cleaned.byline
    titled = DocumentMeta({language: first}, None, None, None, None, "news", language, {})
    cleaned = clean(RawDocument(doc_id, path, path, data, titled), site.cleaning)
    return cleaned.paragraphs, first, cleaned.byline


def update_translations(sources: Path) -> list[Path]:
    """Append a TODO entry for each paragraph that has no translation yet."""
    problems = Problems()
    site = load_site(sources / "site.yml", problems)
    if site is None:
        raise InputError(problems)
    changed = []
    for raw in load_documents(sources, site, Problems()):
        doc = clean(raw, site.cleaning)
        for lang in site.languages:
            if lang == raw.meta.language:
                continue
            done = {entry.fingerprint for entry in raw.translations.get(lang, [])}
            keys = {entry.paragraph for entry in raw.translations.get(lang, [])}
            todo = [p for p in doc.paragraphs if p.fingerprint not in done and p.key not in keys]
            if todo:
                changed.append(append_stubs(sources / f"{raw.id}.{lang}.yml", raw.id, lang, todo))
    return changed


def append_stubs(path: Path, doc_id: str, lang: str, paragraphs) -> Path:
    text = (
        path.read_text(encoding="utf-8")
        if path.exists()
        else (
            f"# Translation of sources/{doc_id}.txt into '{lang}', one entry per paragraph.\n"
            "# 'fingerprint' identifies the paragraph translated: when it changes, `make check` says so.\n"
            f"language: {lang}\nparagraphs:\n"
        )
    )
    for para in paragraphs:
        original = textwrap.wrap(para.text, 94)
        text += f'  - paragraph: {para.key}\n    fingerprint: "{para.fingerprint}"\n'
        text += "".join(f"    # original: {line}\n" for line in original)
        text += "    text: >-\n      TODO\n"
    path.write_text(text, encoding="utf-8")
    return path
