"""Read glossary terms (``sources/glossary/``) and actors (``sources/actors/``)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from generator.model import (
    Entry,
    PageKey,
    PageKind,
    Quote,
    Relation,
    SiteConfig,
    Statement,
    Vocabulary,
)
from generator.model.problems import Problems
from generator.read.documents import ID_PATTERN
from generator.read.yaml_reader import Reader

ENTRY_FIELDS = {
    "term": ("name", "aliases", "definition", "explanation", "quotes", "related", "relations"),
    "actor": ("name", "kind", "aliases", "summary", "role", "actions", "quotes", "related", "relations"),
}
RELATION_FIELDS = ("type", "target", "source", "certainty")
ENTRY_FOLDERS = {"term": "glossary", "actor": "actors"}
SUMMARY_FIELD = {"term": "definition", "actor": "summary"}
SECTION_FIELDS = {"term": ("explanation",), "actor": ("role", "actions")}
QUOTE_FIELDS = ("source", "speaker", "text", "translation")
RELATED_FIELDS = {"terms": "term", "actors": "actor"}


def statement(reader: Reader, data: dict, key, required: bool = True, label: str | None = None):
    """``data[key]`` as a :class:`Statement`: a text in every language and the line of each."""
    text = reader.text(data, key, required, label)
    if text is None:
        return None
    return Statement(text, {lang: reader.doc.line(*reader.prefix, key, lang) for lang in text})


def statements(reader: Reader, data: dict, key: str) -> list[Statement]:
    """``data[key]`` as a list of statements (``- id: ...`` / ``en: ...`` items)."""
    items = data.get(key) or []
    if not isinstance(items, list):
        reader.error(
            (key,), f"'{key}' must be a list", f"start each item with '- {reader.languages[0]}: ...'"
        )
        return []
    outer, reader.prefix = reader.prefix, (*reader.prefix, key)
    found = [
        statement(reader, dict(enumerate(items)), i, label=f"{key} item {i + 1}") for i in range(len(items))
    ]
    reader.prefix = outer
    return [s for s in found if s]


def _alias(reader: Reader, item, lang: str, expansions: dict) -> str | None:
    """A name, or ``{name: UKM, expansion: Usaha Kecil Menengah}`` for an alias that stands for
    something other than the entry's name (the expansion may also be given per language)."""
    if isinstance(item, str) and item.strip():
        return " ".join(item.split())
    if isinstance(item, dict) and set(item) == {"name", "expansion"} and isinstance(item["name"], str):
        name, expansion = " ".join(item["name"].split()), item["expansion"]
        if isinstance(expansion, str) and expansion.strip():
            expansion = {code: expansion for code in reader.languages}
        if isinstance(expansion, dict) and all(isinstance(v, str) and v.strip() for v in expansion.values()):
            expansions[name] = {code: " ".join(text.split()) for code, text in expansion.items()}
            return name
    reader.error(
        ("aliases", lang),
        f"aliases in '{lang}' must be a list of names, or of {{name: ..., expansion: ...}}",
        f"e.g. {lang}: [J. Doe, {{name: WHO, expansion: World Health Organization}}]",
    )
    return None


def _aliases(reader: Reader, data: dict, expansions: dict) -> dict[str, tuple[str, ...]]:
    value = data.get("aliases") or {}
    if not isinstance(value, dict):
        reader.error(
            ("aliases",), "'aliases' must list names per language", f"e.g. {reader.languages[0]}: [J. Doe]"
        )
        return {}
    reader.check_fields(value, reader.languages, ("aliases",))
    result: dict[str, tuple[str, ...]] = {}
    for lang, names in value.items():
        if not isinstance(names, list):
            reader.error(
                ("aliases", lang),
                f"aliases in '{lang}' must be a list of names",
                f"e.g. {lang}: [J. Doe, WHO]",
            )
            continue
        found = [_alias(reader, item, lang, expansions) for item in names]
        for i in range(len(names)):
            reader.uncut(("aliases", lang, i), f"aliases in '{lang}'")
            reader.uncut(("aliases", lang, i, "name"), f"aliases in '{lang}'")
        kept = [name for name in found if name]
        if len(kept) == len(found):
            result[lang] = tuple(kept)
    return result


def _quotes(reader: Reader, data: dict) -> list[Quote]:
    quotes = []
    message = "each quote must give source, text and translation"
    for where, item in reader.mappings(
        data, "quotes", QUOTE_FIELDS, message, "start it with '- source: 001#p4'"
    ):
        source, text = item.get("source"), item.get("text")
        translation = item.get("translation") or {}
        if not isinstance(source, str) or not source.strip():
            reader.error((*where, "source"), "a quote needs a 'source'", "write source: 001#p4")
        elif not isinstance(text, str) or not text.strip():
            reader.error((*where, "text"), "a quote needs its verbatim 'text'", "copy it from the source")
        elif not isinstance(item.get("speaker"), str | None):
            reader.error(
                (*where, "speaker"), "'speaker' must be the id of one actor", "e.g. speaker: jane-doe"
            )
        elif not isinstance(translation, dict):
            reader.error(
                (*where, "translation"), "'translation' must give a text per language", "e.g. {en: ...}"
            )
        else:
            reader.uncut((*where, "text"), "text")
            for lang in translation:
                reader.uncut((*where, "translation", lang), "translation")
            quotes.append(
                Quote(
                    source.strip(),
                    " ".join(text.split()),
                    {k: " ".join(str(v).split()) for k, v in translation.items() if v},
                    item.get("speaker"),
                    reader.doc.line(*where),
                )
            )
    return quotes


def _relations(reader: Reader, data: dict, key: PageKey, vocabulary: Vocabulary) -> list[Relation]:
    relations = []
    message = "each relation needs type, target and source"
    example = "e.g. - {type: owns, target: actor:example-company, source: 001#p12}"
    for where, item in reader.mappings(data, "relations", RELATION_FIELDS, message, example):
        kind, target, source = item.get("type"), str(item.get("target", "")), item.get("source")
        certainty = item.get("certainty")
        if certainty is not None and certainty not in vocabulary.ids("certainties"):
            hint = vocabulary.unknown("certainties", "(or leave it out)")
            reader.error((*where, "certainty"), f"certainty {certainty!r} is unknown", hint)
        elif kind not in vocabulary.ids("relations"):
            reader.error(
                (*where, "type"), f"relation type {kind!r} is unknown", vocabulary.unknown("relations")
            )
        elif target.partition(":")[0] not in ("term", "actor"):
            bare = target.partition(":")[2] or target
            reader.error(
                (*where, "target"),
                f"target {target!r} is not term:<id> or actor:<id>",
                f"write actor:{bare} or term:{bare}",
            )
        elif not isinstance(source, str):
            reader.error((*where, "source"), "a relation needs a 'source' citation", "write source: 001#p12")
        else:
            target_kind, _, target_id = target.partition(":")
            target_key = PageKey(PageKind(target_kind), target_id)
            line = reader.doc.line(*where)
            relations.append(Relation(key, kind, target_key, source.strip(), line, certainty))
    return relations


def _related(reader: Reader, data: dict) -> dict[str, list[tuple[str, int]]]:
    value = data.get("related") or {}
    result: dict[str, list[tuple[str, int]]] = {"term": [], "actor": []}
    if not isinstance(value, dict):
        reader.error(
            ("related",), "'related' must have 'terms' and/or 'actors'", "e.g. terms: [example-term]"
        )
        return result
    reader.check_fields(value, tuple(RELATED_FIELDS), ("related",))
    for field_name, kind in RELATED_FIELDS.items():
        ids = value.get(field_name) or []
        if not isinstance(ids, list):
            reader.error(("related", field_name), f"'{field_name}' must be a list of ids", f"write [{ids}]")
            continue
        result[kind] = [(str(x), reader.doc.line("related", field_name, i)) for i, x in enumerate(ids)]
    return result


def load_entry(kind: str, path: Path, problems: Problems, site: SiteConfig) -> Entry | None:
    """Read one glossary term or actor file.

    An entry with problems is still returned (the build stops anyway) so that links to it
    are not reported as broken too.
    """
    reader = Reader(path, problems, site.languages)
    data = reader.read()
    if data is None:
        return None
    reader.check_fields(data, ENTRY_FIELDS[kind])
    name = reader.text(data, "name")
    category = None
    if kind == "actor":
        category = data.get("kind")
        if category not in site.vocabulary.ids("actor_kinds"):
            reader.error(("kind",), f"'kind' is {category!r}", site.vocabulary.unknown("actor_kinds"))
    summary = statement(reader, data, SUMMARY_FIELD[kind])
    expansions: dict = {}
    entry = Entry(
        kind=kind,
        id=path.stem,
        path=path,
        name=name or {},
        aliases=_aliases(reader, data, expansions),
        category=category,
        summary=summary or Statement({}, {}),
        sections={key: statements(reader, data, key) for key in SECTION_FIELDS[kind]},
        quotes=_quotes(reader, data),
        related=_related(reader, data),
        relations=_relations(reader, data, PageKey(PageKind(kind), path.stem), site.vocabulary),
        expansions=expansions,
    )
    names: list[tuple[tuple[str, str], Sequence[str]]]
    names = [(("name", lang), [value]) for lang, value in entry.name.items()]
    names += [(("aliases", lang), values) for lang, values in entry.aliases.items()]
    for where, values in names:
        for value in values:
            if any(c in value for c in "[]*\\"):
                reader.error(where, f"the name '{value}' contains one of [ ] * \\", "remove it")
    return entry


def entry_files(folder: Path) -> set[tuple[str, str]]:
    """The keys of every entry file in ``folder``, loadable or not."""
    return {
        (kind, path.stem)
        for kind, sub in ENTRY_FOLDERS.items()
        for path in [*(folder / sub).glob("*.yml"), *(folder / sub).glob("*.yaml")]
    }


def load_entries(folder: Path, site: SiteConfig, problems: Problems) -> list[Entry]:
    """Every term in ``glossary/`` and every actor in ``actors/``."""
    entries = []
    for kind, sub in ENTRY_FOLDERS.items():
        seen: dict[str, Path] = {}
        paths = sorted([*(folder / sub).glob("*.yml"), *(folder / sub).glob("*.yaml")])
        for path in paths:
            if not ID_PATTERN.match(path.stem):
                problems.add(
                    path, 1, f"'{path.stem}' is not a usable id", "rename it using a-z, 0-9, '-' and '_' only"
                )
                continue
            if path.stem in seen:
                problems.add(
                    path,
                    1,
                    f"two {kind} entries have the id '{path.stem}' (also {seen[path.stem].name})",
                    "keep one file per id",
                )
                continue
            seen[path.stem] = path
            entry = load_entry(kind, path, problems, site)
            if entry:
                entries.append(entry)
    return entries
