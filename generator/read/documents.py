"""Read ``sources/`` into typed models, collecting every problem instead of stopping at one."""

from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path

from generator.model import (
    DOCUMENT_TYPES,
    DocumentMeta,
    RawDocument,
    SiteConfig,
    TranslationEntry,
    inline,
)
from generator.model.config import EARLIER_ADDRESSES
from generator.model.dates import calendar_error
from generator.model.problems import Problems, display_path
from generator.read.cleaning_rules import load_cleaning
from generator.read.locales import check_locale
from generator.read.records import KEY, RECORD_SUFFIX, load_record
from generator.read.vocabulary import load_vocabulary
from generator.read.yaml_reader import Reader

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,79}$")
DOCUMENT_FIELDS = ("title", "label", "publisher", "author", "date", "type", "language", "description")
SITE_TEXTS = ("title", "description", "intro")
SITE_FIELDS = ("languages", *SITE_TEXTS, "home_page", "schema_types", "data_licence", "earlier_addresses")
TRANSLATION_FIELDS = ("language", "paragraphs")
PARAGRAPH_FIELDS = ("paragraph", "fingerprint", "text")


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
    line = reader.doc.line("languages")
    if not all([check_locale(lang, problems, path, line, tuple(languages)) for lang in languages]):
        return None
    title, description, intro = (reader.text(data, key) for key in SITE_TEXTS)
    if title is None or description is None or intro is None:
        return None
    home = data.get("home_page")
    if home is not None and not (isinstance(home, str) and ID_PATTERN.match(home)):
        reader.error(("home_page",), f"'home_page' is {home!r}", "give the id of a page in sources/pages/")
        home = None
    if "schema_types" in data:
        reader.error(
            ("schema_types",),
            "'schema_types' has moved to sources/vocabulary.yml",
            "give each actor kind its type there: actor_kinds: {person: {schema: Person}}",
        )
    licence = data_licence(data, reader)
    earlier = reader.choice(data, "earlier_addresses", EARLIER_ADDRESSES)
    before = len(problems)
    cleaning = load_cleaning(path.parent, tuple(languages), problems)
    if len(problems) > before:  # documents cleaned by other rules would only add noise
        return None
    vocabulary = load_vocabulary(path.parent, tuple(languages), problems)  # its problems: with the rest
    return SiteConfig(
        path,
        tuple(languages),
        title,
        description,
        intro,
        home_page=home,
        cleaning=cleaning,
        vocabulary=vocabulary,
        data_licence=licence,
        earlier_addresses=earlier,
        intro_lines={lang: reader.doc.line("intro", lang) for lang in intro},
    )


def data_licence(data: dict, reader: Reader) -> dict[str, str] | None:
    """``data_licence:``, the open data's licence (``name`` and ``url``); None when not set."""
    value = data.get("data_licence")
    if value is None:
        return None
    hint = "e.g. {name: CC BY 4.0, url: https://creativecommons.org/licenses/by/4.0/}, or leave it out"
    if not isinstance(value, dict):
        reader.error(("data_licence",), "'data_licence' must give the licence's name and url", hint)
        return None
    reader.check_fields(value, ("name", "url"), ("data_licence",))
    name, url = value.get("name"), value.get("url")
    if not (isinstance(name, str) and name.strip()):
        reader.error(("data_licence",), "'data_licence' needs the licence's 'name'", hint)
        return None
    if not (isinstance(url, str) and re.match(r"^https?://\S+$", url)):
        reader.error(("data_licence",), f"'data_licence' url is {url!r}, not a web address", hint)
        return None
    return {"name": name.strip(), "url": url}


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
        wrong = calendar_error(data.get("date"))
        reader.error(
            ("date",),
            f"'date' is {data.get('date')!r}" + (f": {wrong}" if wrong else ""),
            "write the date as printed, YYYY-MM-DD, or null when unknown",
        )
    title = reader.text(data, "title", required=False)
    label = reader.text(data, "label", required=False)
    if "title" in data and data["title"] is None and label is None:
        reader.error(("title",), "an untitled document needs a 'label'", "describe it in a few words")
    publisher, author = reader.string(data, "publisher"), reader.string(data, "author")
    description = reader.text(data, "description")
    if (
        len(problems) > before
        or not isinstance(kind, str)
        or not isinstance(language, str)
        or description is None
    ):
        return None  # a wrong type or language, or no description, is reported above
    return DocumentMeta(
        title=title,
        label=label,
        publisher=publisher,
        author=author,
        date=when if isinstance(when, date) else None,
        type=kind,
        language=language,
        description=description,
    )


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
        key = str(number) if isinstance(number, (int, str)) and not isinstance(number, bool) else ""
        if not KEY.match(key) or key.startswith("0") and not key[1:2].isalpha():
            meant = re.fullmatch(r"#?p?([1-9][0-9]*[a-z]*)", str(number).strip(), re.IGNORECASE)
            reader.error(
                (*where, "paragraph"),
                f"'paragraph' is {number!r}",
                f"write the key alone: paragraph: {meant[1].lower()}"
                if meant
                else "write the paragraph's key: a number from 1, or a number and letters such as 5a",
            )
        elif not isinstance(mark, str) or not re.fullmatch(r"[0-9a-f]{12}", mark):
            reader.error(
                (*where, "fingerprint"),
                "'fingerprint' must be 12 hex digits",
                'copy it from make check, in quotes: "0123abcd4567"',
            )
        elif isinstance(text, str) and re.search(r"\bTODO\b", text):
            reader.error(
                (*where, "text"),
                f"paragraph {number} is still a TODO stub",
                "translate it (and delete the word TODO), or delete the entry to leave it missing",
            )
        elif isinstance(text, str) and text.strip():
            reader.uncut((*where, "text"), "text")
            found = tuple(inline.acks(text))
            line = reader.doc.line(*where)
            entries.append(TranslationEntry(key, mark, inline.without_acks(text), line, found))
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


CHECKSUMS = "SHA256SUMS"
CONFIGURATION = {"site.yml", "cleaning.yml", "vocabulary.yml"}
"""Files of ``sources/`` that configure the collection rather than belong to a document."""


def read_checksums(folder: Path, problems: Problems) -> dict[str, tuple[str, int]]:
    """``SHA256SUMS``: file name -> (recorded SHA-256, line)."""
    path = folder / CHECKSUMS
    found: dict[str, tuple[str, int]] = {}
    if not path.exists():
        return found
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        match = re.fullmatch(r"([0-9a-f]{64}) [ *](.+)", line.strip())
        if match and match[2] in found and found[match[2]][0] != match[1]:
            problems.add(
                path,
                number,
                f"{match[2]} is listed twice, with different checksums (also on line {found[match[2]][1]})",
                "two changes of one source met in a merge: keep the line whose checksum is the file's and "
                "delete the other (CONTRIBUTING.md, 'When two pull requests meet')",
            )
            source = folder / match[2]
            if source.is_file() and hashlib.sha256(source.read_bytes()).hexdigest() == match[1]:
                found[match[2]] = (match[1], number)  # the file's own: compared with it from now on
        elif match:
            found.setdefault(match[2], (match[1], number))
        elif line.strip():
            problems.add(
                path, number, "not a line of the form '<sha256>  <file name>'", "restore it from git"
            )
    return found


def unlisted(folder: Path) -> set[str]:
    """Ids of the documents in ``folder`` that SHA256SUMS does not list."""
    listed = read_checksums(folder, Problems())
    return {path.stem for path in folder.glob("*.txt") if path.name not in listed}


def check_checksums(folder: Path, sums: dict, problems: Problems) -> set[str]:
    """Every source listed with its bytes' checksum; returns the ids whose bytes differ."""
    differ = set()
    gone = {digest: name for name, (digest, _) in sums.items() if not (folder / name).exists()}
    for path in sorted(folder.glob("*.txt")):
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if path.name not in sums and digest in gone:
            old = gone.pop(digest).removesuffix(".txt")
            problems.add(
                path,
                1,
                f"{path.name} is {old}.txt renamed by hand: citations, records and old address not updated",
                f"move its files back to {old}.* and run make rename-source ID={old} TO={path.stem}",
            )
        elif path.name not in sums:
            problems.add(
                path,
                1,
                f"{path.name} is not listed in {CHECKSUMS}",
                f"add a new article with make new-source FILE={display_path(path)}",
            )
        elif sums[path.name][0] != digest:
            differ.add(path.stem)
            problems.add(
                path,
                1,
                f"the file differs from the checksum recorded in {CHECKSUMS}: sources are not edited by hand",
                "record the new version as a correction: "
                f"make update-source ID={path.stem} FILE={display_path(path)} "
                f"(or undo the edit: git checkout {display_path(path)})",
            )
    for name, (digest, line) in sums.items():
        if gone.get(digest) == name:
            problems.add(
                folder / CHECKSUMS,
                line,
                f"{name} is listed but not in {display_path(folder)}/",
                "restore the file; make remove-source and make rename-source keep this list right",
            )
    return differ


def removed_records(folder: Path) -> dict:
    """The records of removed documents (``{id: Record}``): they stay, as notices."""
    found = {}
    for path in folder.glob(f"*{RECORD_SUFFIX}"):
        doc_id = path.name.removesuffix(RECORD_SUFFIX)
        if not (folder / f"{doc_id}.txt").exists():
            record = load_record(path, Problems())
            if record is not None and record.removed is not None:
                found[doc_id] = record
    return dict(sorted(found.items()))


def check_orphans(folder: Path, languages: tuple[str, ...], problems: Problems) -> None:
    """Metadata, translations and records whose document text is missing."""
    texts, removed = {path.stem for path in folder.glob("*.txt")}, removed_records(folder)
    for path in sorted(folder.glob("*.yml")):
        name = path.name
        stem = name.removesuffix(RECORD_SUFFIX).removesuffix(".yml")
        stem = next((stem[: -len(lang) - 1] for lang in languages if stem.endswith(f".{lang}")), stem)
        notice = name.endswith(RECORD_SUFFIX) and stem in removed
        if name not in CONFIGURATION and stem not in texts and not notice:
            problems.add(
                path,
                1,
                f"belongs to the document {stem}.txt, which is not in {display_path(folder)}/",
                f"restore {stem}.txt; or take the document out with make remove-source ID={stem}",
            )


def translation_files(folder: Path, doc_id: str, languages: tuple[str, ...], original: str | None) -> dict:
    """``{language: path}`` of a document's translation files (``<id>.<lang>.yml``) that exist."""
    paths = {lang: folder / f"{doc_id}.{lang}.yml" for lang in languages if lang != original}
    return {lang: path for lang, path in paths.items() if path.exists()}


def load_documents(folder: Path, site: SiteConfig, problems: Problems) -> list[RawDocument]:
    """Every ``*.txt`` in ``folder`` with its metadata and translations."""
    documents = []
    sums = read_checksums(folder, problems)
    differ = check_checksums(folder, sums, problems)
    check_orphans(folder, site.languages, problems)
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
        if not meta_path.exists() and path.name not in sums:
            continue  # added by hand: reported with the command that adds it properly
        if not meta_path.exists():
            problems.add(
                path,
                1,
                f"no metadata file {meta_path.name}",
                f"renamed? use make rename-source; new? run make new-source FILE={display_path(path)}",
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
        translations = translation_files(folder, doc_id, site.languages, getattr(meta, "language", None))
        entries = {lang: load_translation(tpath, problems, lang) for lang, tpath in translations.items()}
        record_path = folder / f"{doc_id}{RECORD_SUFFIX}"
        record = load_record(record_path, problems) if record_path.exists() else None
        if meta is not None and (record is not None or not record_path.exists()):
            documents.append(
                RawDocument(
                    doc_id, path, meta_path, data, meta, entries, translations, record, doc_id in differ
                )
            )
    return documents
