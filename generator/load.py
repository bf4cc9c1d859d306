"""Read ``sources/`` into typed models, collecting every problem instead of stopping at one."""

from __future__ import annotations

import difflib
import re
from datetime import date
from pathlib import Path

from generator.models import DOCUMENT_TYPES, DocumentMeta, RawDocument, SiteConfig, Text, TranslationEntry
from generator.problems import Problems
from generator.yamlfile import YamlDoc, YamlError, parse_yaml

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,79}$")
DOCUMENT_FIELDS = ("title", "label", "publisher", "author", "date", "type", "language", "description")
SITE_FIELDS = ("languages", "title", "description", "intro", "home_page")
TRANSLATION_FIELDS = ("language", "paragraphs")
PARAGRAPH_FIELDS = ("paragraph", "fingerprint", "text")


class Reader:
    """Helpers that read one YAML file and report problems against it."""

    def __init__(self, path: Path, problems: Problems, languages: tuple[str, ...]):
        self.path, self.problems, self.languages = path, problems, languages
        self.doc = YamlDoc({})
        self.prefix: tuple = ()
        """Key path of the mapping being read, for line numbers of nested fields."""

    def read(self) -> dict | None:
        try:
            text = self.path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            self.problems.add(self.path, 1, f"cannot read file ({exc})", "save it as UTF-8 text")
            return None
        try:
            self.doc = parse_yaml(text)
        except YamlError as exc:
            self.problems.add(self.path, exc.line, f"invalid YAML: {exc}", "fix the syntax")
            return None
        if not isinstance(self.doc.data, dict):
            self.problems.add(self.path, 1, "expected a mapping of fields", "see CONTRIBUTING.md")
            return None
        return self.doc.data

    def error(self, path: tuple, message: str, hint: str = "") -> None:
        self.problems.add(self.path, self.doc.line(*self.prefix, *path), message, hint)

    def mappings(self, data: dict, key: str, fields: tuple[str, ...], message: str, hint: str = ""):
        """``(key path, item)`` for each mapping in the list ``data[key]``, its fields checked;
        a value that is not a list, or an item that is not a mapping, is reported instead."""
        items, outer = data.get(key) or [], self.prefix
        if not isinstance(items, list):
            self.error((key,), f"'{key}' must be a list", "see CONTRIBUTING.md")
            return
        for i, item in enumerate(items):
            self.prefix = outer  # the caller may have pointed the reader inside the last item
            if not isinstance(item, dict):
                self.error((key, i), message, hint)
                continue
            self.check_fields(item, fields, (key, i))
            yield (*outer, key, i), item
        self.prefix = outer

    def check_fields(self, data: dict, known: tuple[str, ...], path: tuple = ()) -> None:
        for key in data:
            if key not in known:
                close = difflib.get_close_matches(str(key), known, n=1)
                hint = f"did you mean '{close[0]}'?" if close else f"known fields: {', '.join(known)}"
                self.error((*path, key), f"unknown field '{key}'", hint)

    def text(self, data: dict, key, required: bool = True, label: str | None = None) -> Text | None:
        """``data[key]`` as one text per site language; ``label`` names it in messages."""
        label = label or str(key)
        value = data.get(key)
        if value is None:
            if required:
                self.error((key,), f"'{label}' is missing", f"give it in {self._langs()}")
            return None
        if not isinstance(value, dict):
            self.error((key,), f"'{label}' must give one text per language", f"use {self._langs()}")
            return None
        result = {}
        for lang in self.languages:
            item = value.get(lang)
            if isinstance(item, str) and "TODO" in item:
                self.error((key, lang), f"'{label}' in '{lang}' is still a TODO", f"write the '{lang}' text")
            elif not isinstance(item, str) or not item.strip():
                self.error((key, lang), f"'{label}' has no text in '{lang}'", f"write the '{lang}' text")
            else:
                result[lang] = item.strip()
        self.check_fields(value, self.languages, (key,))
        return result

    def string(self, data: dict, key: str) -> str | None:
        value = data.get(key)
        if value is None:
            return None
        if not isinstance(value, (str, int, float)) or not str(value).strip():
            self.error((key,), f"'{key}' must be text or null", "write null when unknown")
            return None
        return str(value).strip()

    def _langs(self) -> str:
        return ", ".join(f"'{lang}:'" for lang in self.languages)


def load_site(path: Path, problems: Problems) -> SiteConfig | None:
    """Read ``site.yml``: the site's languages (default first) and its own words."""
    reader = Reader(path, problems, ())
    data = reader.read()
    if data is None:
        return None
    reader.check_fields(data, SITE_FIELDS)
    languages = data.get("languages")
    if not (isinstance(languages, list) and languages and all(isinstance(x, str) for x in languages)):
        reader.error(("languages",), "'languages' must list language codes", "e.g. [id, en]")
        return None
    reader.languages = tuple(languages)
    texts = [reader.text(data, key) for key in ("title", "description", "intro")]
    if any(t is None for t in texts):
        return None
    home = data.get("home_page")
    if home is not None and not (isinstance(home, str) and ID_PATTERN.match(home)):
        reader.error(("home_page",), f"'home_page' is {home!r}", "give the id of a page in sources/pages/")
        home = None
    return SiteConfig(path, tuple(languages), *texts, home_page=home)


def load_meta(path: Path, problems: Problems, site: SiteConfig) -> DocumentMeta | None:
    """Read a document's metadata file (``<id>.yml``)."""
    reader = Reader(path, problems, site.languages)
    data = reader.read()
    if data is None:
        return None
    before = len(problems)
    reader.check_fields(data, DOCUMENT_FIELDS)
    kind = data.get("type")
    if kind not in DOCUMENT_TYPES:
        reader.error(("type",), f"'type' is {kind!r}", f"use one of: {', '.join(DOCUMENT_TYPES)}")
    language = data.get("language")
    if language not in site.languages:
        reader.error(("language",), f"'language' is {language!r}", f"use one of: {', '.join(site.languages)}")
    when = data.get("date")
    if isinstance(when, str):
        try:
            when = date.fromisoformat(when)
        except ValueError:
            when = False
    if when is not None and not isinstance(when, date):
        reader.error(("date",), f"'date' is {data.get('date')!r}", "write YYYY-MM-DD, or null when unknown")
    title = reader.text(data, "title", required=False)
    label = reader.text(data, "label", required=False)
    if "title" in data and data["title"] is None and label is None:
        reader.error(("title",), "an untitled document needs a 'label'", "describe it in a few words")
    meta = DocumentMeta(
        title=title,
        label=label,
        publisher=reader.string(data, "publisher"),
        author=reader.string(data, "author"),
        date=when if isinstance(when, date) else None,
        type=kind,
        language=language,
        description=reader.text(data, "description"),
    )
    return meta if len(problems) == before else None


def load_translation(path: Path, problems: Problems, language: str) -> list[TranslationEntry]:
    """Read ``<id>.<lang>.yml``: one entry per translated paragraph."""
    reader = Reader(path, problems, ())
    data = reader.read()
    if data is None:
        return []
    reader.check_fields(data, TRANSLATION_FIELDS)
    if data.get("language") != language:
        reader.error(("language",), f"'language' should be '{language}'", "match the file name")
    entries = []
    mappings = reader.mappings(
        data,
        "paragraphs",
        PARAGRAPH_FIELDS,
        "each paragraph must be a mapping",
        "give paragraph, fingerprint, text",
    )
    for where, item in mappings:
        number, mark, text = item.get("paragraph"), item.get("fingerprint"), item.get("text")
        if isinstance(mark, int) and not isinstance(mark, bool):
            mark = str(mark)  # an all-digit fingerprint written without quotes
        if not isinstance(number, int) or number < 1:
            reader.error((*where, "paragraph"), "'paragraph' must be a number from 1", "")
        elif not isinstance(mark, str) or not re.fullmatch(r"[0-9a-f]{12}", mark):
            reader.error(
                (*where, "fingerprint"),
                "'fingerprint' must be 12 hex digits",
                'copy it from make check, in quotes: "0123abcd4567"',
            )
        elif isinstance(text, str) and text.strip() == "TODO":
            reader.error(
                (*where, "text"),
                f"paragraph {number} is still a TODO stub",
                "translate it, or delete the entry to leave it missing",
            )
        elif isinstance(text, str) and text.strip():
            entries.append(TranslationEntry(number, mark, " ".join(text.split()), reader.doc.line(*where)))
    return entries


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or many control characters other than tab and line breaks."""
    sample = data[:65536]
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    return b"\x00" in sample or controls > len(sample) // 100


def is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def load_documents(folder: Path, site: SiteConfig, problems: Problems) -> list[RawDocument]:
    """Every ``*.txt`` in ``folder`` with its metadata and translations."""
    documents = []
    for path in sorted(folder.glob("*.txt")):
        doc_id = path.stem
        if not ID_PATTERN.match(doc_id):
            problems.add(
                path,
                1,
                f"'{doc_id}' is not a usable document id",
                "rename the file using a-z, 0-9, '-' and '_' only",
            )
            continue
        meta_path = path.with_suffix(".yml")
        if not meta_path.exists():
            problems.add(
                path, 1, f"no metadata file {meta_path.name}", f"create it: make new-source FILE={path}"
            )
            continue
        meta = load_meta(meta_path, problems, site)
        try:
            data = path.read_bytes()
        except OSError as exc:
            problems.add(path, 1, f"cannot read file ({exc})", "check its permissions")
            continue
        if looks_binary(data):
            problems.add(
                path,
                1,
                "this is not a text file (it holds NUL or other control bytes)",
                "save the article as plain text, UTF-8 encoded",
            )
            continue
        if not data.strip():
            problems.add(path, 1, "the file is empty", "paste the article's text into it")
            continue
        if not is_utf8(data):
            problems.warn(
                path,
                1,
                "the file is not UTF-8; it was read as Windows-1252 (or Latin-1)",
                "save it as UTF-8 (the build cleans it either way)",
            )
        translations = {
            lang: folder / f"{doc_id}.{lang}.yml"
            for lang in site.languages
            if (folder / f"{doc_id}.{lang}.yml").exists() and lang != getattr(meta, "language", None)
        }
        entries = {lang: load_translation(tpath, problems, lang) for lang, tpath in translations.items()}
        if meta is not None:
            documents.append(RawDocument(doc_id, path, meta_path, data, meta, entries, translations))
    return documents
