"""The interface words of the site's languages (``generator/locales/<lang>.yml``): present, valid
YAML, and translated (``make new-language`` writes every word as ``TODO``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from generator.model.problems import Problems
from generator.model.words import LOCALES
from generator.read.yaml_lines import YamlDoc, YamlError, cut_text, parse_yaml

TODO = "TODO"


CODES = {("cite", "csl_locale")}
"""Words of a locale that are codes, not text: a comment may follow them."""


def check_locale(
    lang: str, problems: Problems, site_file: Path, line: int, languages: tuple[str, ...] = ()
) -> bool:
    """Report a missing or unreadable locale of ``lang`` against ``site_file``'s ``line``, every
    word of it still ``TODO`` and every site language it has no name for (``languages:``, which
    names a source's original language) against the locale's own lines; False when it is unusable."""
    path = LOCALES / f"{lang}.yml"
    if not path.is_file():
        problems.add(
            site_file,
            line,
            f"no interface words for language '{lang}'",
            f"run make new-language LANG={lang}, then translate generator/locales/{lang}.yml",
        )
        return False
    try:
        doc = parse_yaml(path.read_text(encoding="utf-8"))
    except YamlError as exc:
        problems.add(path, exc.line, f"invalid YAML: {exc}", "fix the syntax")
        return False
    if not isinstance(doc.data, dict):
        problems.add(
            path, 1, "expected a mapping of interface words", "compare it with generator/locales/en.yml"
        )
        return False
    names = doc.data.get("languages")
    for other in languages:
        if not isinstance(names, dict) or not isinstance(names.get(other), str) or not names[other].strip():
            problems.add(
                path,
                doc.line("languages") if isinstance(names, dict) else 1,
                f"no name for language '{other}' under 'languages:'",
                f"add {other}: <its name in this file's language>",
            )
    for key, cut in doc.cut.items():
        if key in CODES:
            continue
        problems.add(path, cut, *cut_text(".".join(map(str, key))))
    for key in untranslated(doc):
        problems.add(
            path,
            doc.line(*key),
            f"'{'.'.join(map(str, key))}' is not translated yet",
            f"replace TODO with the {lang} text (the English text is in the comment above it)",
        )
    return True


def untranslated(doc: YamlDoc) -> Iterator[tuple]:
    """The key path of every word still ``TODO`` (a list holding ``TODO`` counts once)."""

    def walk(value: object, path: tuple) -> Iterator[tuple]:
        if isinstance(value, dict):
            for key, item in value.items():
                yield from walk(item, (*path, key))
        elif isinstance(value, list):
            if any(isinstance(item, str) and item.strip() == TODO for item in value):
                yield path
            else:
                for index, item in enumerate(value):
                    yield from walk(item, (*path, index))
        elif isinstance(value, str) and value.strip() == TODO:
            yield path

    return walk(doc.data, ())
