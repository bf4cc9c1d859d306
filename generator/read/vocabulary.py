"""The site's vocabularies: the engine's defaults (``generator/vocabulary.yml``, their words in
``generator/locales/<lang>.yml``), extended or replaced by ``sources/vocabulary.yml``.

``sources/vocabulary.yml`` has up to five sections, ``actor_kinds``, ``relations``, ``units``,
``certainties`` and ``update_kinds``; each maps an id to what the site says about it::

    actor_kinds:
      agency:
        label: {en: agency, id: badan}
        plural: {en: agencies, id: badan}
        schema: GovernmentOrganization
    units:
      eur:
        label: {en: "{n} euros", id: "{n} euro"}
        symbols: [EUR, €]

An entry with the id of a default changes only what it gives (say, a label); ``replace: true``
in a section drops the engine's defaults of that section.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from generator.model import Text
from generator.model.problems import Problems
from generator.model.vocabulary import (
    DERIVED_CERTAINTIES,
    LINES,
    SECTIONS,
    UNIT_STYLES,
    Vocabulary,
    Word,
)
from generator.model.words import LOCALES, ui
from generator.read.yaml_reader import Reader

ENGINE_FILE = Path(__file__).parent.parent / "vocabulary.yml"
FILE = "vocabulary.yml"
ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
SCHEMA_TYPE = re.compile(r"^[A-Z][A-Za-z0-9]*$")
FIELDS = {
    "actor_kinds": ("label", "plural", "schema"),
    "relations": ("label",),
    "units": ("label", "symbols", "style"),
    "certainties": ("label", "legend", "line"),
    "update_kinds": ("label",),
}
LOCALE_KEYS = {
    ("actor_kinds", "label"): "actor_kinds",
    ("actor_kinds", "plural"): "actor_kinds_plural",
    ("relations", "label"): "relations",
    ("units", "label"): "units",
    ("certainties", "label"): "certainty",
    ("certainties", "legend"): "certainty_legend",
    ("update_kinds", "label"): "update_kinds",
}
REQUIRED = {
    "actor_kinds": ("label", "plural"),
    "relations": ("label",),
    "units": ("label",),
    "certainties": ("legend",),
    "update_kinds": ("label",),
}
"""The words each entry needs in every site language (a unit of style ``year`` needs none)."""
TEXTS = ("label", "plural", "legend")
ENGINE_RELATIONS = ("quotes", "speaks-about")
"""Relations the engine draws itself: their labels come from the locale files only."""
EXAMPLES = {
    "actor_kinds": "e.g. agency: {label: {en: agency}, plural: {en: agencies}, schema: Organization}",
    "relations": "e.g. funds: {label: {en: funds}}",
    "units": 'e.g. trips: {label: {en: "{n} trips"}}',
    "certainties": "e.g. rumoured: {label: {en: rumour}, legend: {en: ...}, line: dotted}",
    "update_kinds": "e.g. data-added: {label: {en: data added}}",
}


def load_vocabulary(folder: Path, languages: tuple[str, ...], problems: Problems) -> Vocabulary:
    """The vocabularies of the site whose sources are in ``folder``; every problem is reported,
    and what could be read is kept so that one bad entry does not make every use of it unknown."""
    engine = read_file(Reader(ENGINE_FILE, problems, languages), None)
    defaults = {section: {word.id for word in engine[section][1]} for section in SECTIONS}
    site_path = folder / FILE
    site: dict[str, tuple[bool, list[Word]]] = {}
    reader = Reader(site_path, problems, languages)
    if site_path.exists() and not only_comments(site_path):
        site = read_file(reader, defaults)
    sections: dict[str, tuple[Word, ...]] = {}
    for section in SECTIONS:
        replace, own = site.get(section, (False, []))
        defaults_kept = [] if replace else [with_locale(w, section, languages) for w in engine[section][1]]
        merged = {w.id: w for w in defaults_kept}
        for word in own:
            merged[word.id] = merge(merged[word.id], word) if word.id in merged else word
        sections[section] = tuple(merged.values())
        for word in defaults_kept:
            missing_words(merged[word.id], section, languages, problems)
    certainties = {w.id for w in sections["certainties"]}
    for needed in DERIVED_CERTAINTIES:
        if needed not in certainties:
            reader.error(
                ("certainties",),
                f"certainties: '{needed}' is missing",
                f"keep it: the engine gives '{needed}' to a relation or event that states no certainty",
            )
    extra = tuple(with_locale(Word(item), "relations", languages) for item in ENGINE_RELATIONS)
    return Vocabulary(**sections, extra_relations=extra, path=site_path if site_path.exists() else None)


def only_comments(path: Path) -> bool:
    """A file of comments and blank lines only (a site's vocabulary that adds nothing yet)."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return False  # reported when read
    return all(not line.strip() or line.lstrip().startswith("#") for line in lines)


def read_file(reader: Reader, defaults: dict[str, set[str]] | None) -> dict[str, tuple[bool, list[Word]]]:
    """``{section: (replace, entries)}`` of one vocabulary file, its problems reported: the
    engine's (``defaults`` None: no words, they are in the locale files) or a site's."""
    data = reader.read()
    if data is None:
        return {section: (False, []) for section in SECTIONS}
    reader.check_fields(data, SECTIONS)
    out = {}
    for section in SECTIONS:
        value = data.get(section) or {}
        if not isinstance(value, dict):
            reader.error((section,), f"'{section}' must map ids to entries", EXAMPLES[section])
            value = {}
        replace = value.get("replace", False)
        if not isinstance(replace, bool):
            reader.error(
                (section, "replace"), f"'replace' is {replace!r}", "write replace: true, or leave it out"
            )
        words = []
        for item, entry in value.items():
            if item == "replace":
                continue
            new = defaults is not None and (replace is True or item not in defaults[section])
            word = read_entry(reader, section, item, entry, defaults is not None, new)
            if word is not None:
                words.append(word)
        out[section] = (replace is True, words)
    return out


def read_entry(
    reader: Reader, section: str, item: object, entry: object, with_words: bool, new: bool
) -> Word | None:
    """One entry; ``new``: not a default it changes, so it needs its words in every language."""
    if not (isinstance(item, str) and ID.match(item)):
        reader.error((section, item), f"{section}: id {item!r} is not a-z, 0-9 and '-'", EXAMPLES[section])
        return None
    if section == "relations" and item in ENGINE_RELATIONS:
        reader.error(
            (section, item), f"relation '{item}' is drawn by the engine itself", "give it another id"
        )
        return None
    entry = {} if entry is None else entry
    if not isinstance(entry, dict):
        reader.error((section, item), f"{section}: '{item}' must be a mapping of fields", EXAMPLES[section])
        return Word(item)
    known = FIELDS[section] if with_words else tuple(f for f in FIELDS[section] if f not in TEXTS)
    reader.check_fields(entry, known, (section, item))
    reader.prefix = (section, item)
    texts: dict[str, Text] = {}
    for part in TEXTS:
        if part in known and part in entry:
            texts[part] = reader.text(entry, part, label=f"{item}: {part}") or {}
        elif new and part in REQUIRED[section] and not (section == "units" and entry.get("style") == "year"):
            reader.missing((part,), f"{section}: '{item}' has no {part}", f"give it in {reader._langs()}")
    reader.prefix = ()
    word = Word(
        item, label=texts.get("label", {}), plural=texts.get("plural", {}), legend=texts.get("legend", {})
    )
    return checked_fields(reader, section, word, entry)


def checked_fields(reader: Reader, section: str, word: Word, entry: dict) -> Word:
    """``word`` with its schema type, symbols, unit style or line; each wrong one reported."""
    where = (section, word.id)
    changes: dict = {}
    schema = entry.get("schema") if section == "actor_kinds" else None
    if schema is not None:
        if isinstance(schema, str) and SCHEMA_TYPE.match(schema):
            changes["schema"] = schema
        else:
            hint = "give a type's name as https://schema.org/ spells it, e.g. Organization"
            reader.error((*where, "schema"), f"'{schema}' is not a schema.org type name", hint)
    symbols = entry.get("symbols") if section == "units" else None
    if symbols is not None:
        if isinstance(symbols, list) and symbols and all(isinstance(s, str) and s.strip() for s in symbols):
            changes["symbols"] = tuple(s.strip() for s in symbols)
        else:
            reader.error(
                (*where, "symbols"), "'symbols' must list how the currency is written", "e.g. [EUR, €]"
            )
    for key, allowed, owner in (("style", UNIT_STYLES, "units"), ("line", LINES, "certainties")):
        value = entry.get(key) if section == owner else None
        if value is not None:
            if value in allowed:
                changes["style"] = value
            else:
                reader.error((*where, key), f"'{key}' is {value!r}", f"use one of: {', '.join(allowed)}")
    if section == "units":
        for lang, text in word.label.items():
            if "{n}" not in text:
                hint = 'write {n} where the number goes, e.g. "{n} euros"'
                reader.error(
                    (*where, "label", lang), f"unit '{word.id}' label in '{lang}' has no {{n}}", hint
                )
    return dataclasses.replace(word, **changes)


def with_locale(word: Word, section: str, languages: tuple[str, ...]) -> Word:
    """A default ``word`` with its words from each language's locale file."""
    texts: dict[str, Text] = {"label": {}, "plural": {}, "legend": {}}
    for lang in languages:
        if not (LOCALES / f"{lang}.yml").exists():
            continue
        for (owner, part), key in LOCALE_KEYS.items():
            value = (ui(lang).get(key) or {}).get(word.id) if owner == section else None
            if isinstance(value, str):
                texts[part][lang] = value
    return dataclasses.replace(word, label=texts["label"], plural=texts["plural"], legend=texts["legend"])


def merge(default: Word, own: Word) -> Word:
    """A default with what a site entry of the same id gives in its place."""
    changes = {
        key: value
        for key, value in own.__dict__.items()
        if key != "id" and value and value != Word(own.id).__dict__[key]
    }
    return dataclasses.replace(default, **changes)


def key_line(path: Path, key: str) -> int:
    """The line of a top-level ``key`` in a locale file (1 when it has none)."""
    return next(
        (
            n
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if line.startswith(f"{key}:")
        ),
        1,
    )


def missing_words(word: Word, section: str, languages: tuple[str, ...], problems: Problems) -> None:
    """Report a word a default lacks in a site language, at the locale file that should have it
    (a language without a locale file is reported where the site's languages are read)."""
    if section == "units" and word.style == "year":
        return
    for part in REQUIRED[section]:
        for lang in languages:
            if lang not in getattr(word, part) and (LOCALES / f"{lang}.yml").exists():
                locale = LOCALES / f"{lang}.yml"
                key = LOCALE_KEYS[section, part]
                problems.add(
                    locale,
                    key_line(locale, key),
                    f"{section}: '{word.id}' has no words under '{key}:' in {locale.name}",
                    f"add '{word.id}:' there, or give {part}: {{{lang}: ...}} in sources/{FILE}",
                )
