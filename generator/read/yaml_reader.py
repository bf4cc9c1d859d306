"""Read one YAML file of ``sources/`` and report problems against its lines."""

from __future__ import annotations

import difflib
from pathlib import Path

from generator.model import Text
from generator.model.problems import Problems
from generator.read.yaml_lines import YamlDoc, YamlError, cut_text, parse_yaml


class Reader:
    """Helpers that read one YAML file and report problems against it."""

    def __init__(self, path: Path, problems: Problems, languages: tuple[str, ...]):
        self.path, self.problems, self.languages = path, problems, languages
        self.doc = YamlDoc({})
        self.prefix: tuple = ()
        """Key path of the mapping being read, for line numbers of nested fields."""
        self.misspelt: set[tuple] = set()
        """Key paths of fields written with a typo (reported once, as an unknown field)."""

    def read(self) -> dict | None:
        try:
            text = self.path.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            self.problems.add(self.path, 1, "the file is missing", "restore it from git, or create it")
            return None
        except (OSError, UnicodeDecodeError) as exc:
            self.problems.add(self.path, 1, f"cannot read file ({exc})", "save it as UTF-8 text")
            return None
        try:
            self.doc = parse_yaml(text)
        except YamlError as exc:
            message, _, hint = str(exc).partition(" -- ")
            self.problems.add(self.path, exc.line, f"invalid YAML: {message}", hint or "fix the syntax")
            return None
        if not isinstance(self.doc.data, dict):
            self.problems.add(self.path, 1, "expected a mapping of fields", "see CONTRIBUTING.md")
            return None
        return self.doc.data

    def error(self, path: tuple, message: str, hint: str = "") -> None:
        self.problems.add(self.path, self.doc.line(*self.prefix, *path), message, hint)

    def uncut(self, path: tuple, label: str) -> None:
        """Report the text at ``path`` if YAML read its end as a comment: unquoted, then `` #``."""
        line = self.doc.cut.get((*self.prefix, *path))
        if line is not None:
            self.problems.add(self.path, line, *cut_text(label))

    def mappings(
        self, data: dict, key: str, fields: tuple[str, ...], message: str, hint: str = "see CONTRIBUTING.md"
    ):
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
                if close and close[0] not in data:
                    self.misspelt.add((*self.prefix, *path, close[0]))

    def missing(self, path: tuple, message: str, hint: str) -> None:
        """Report a missing field, unless it is there with a typo (reported as an unknown field)."""
        if (*self.prefix, *path) not in self.misspelt:
            self.error(path, message, hint)

    def text(self, data: dict, key, required: bool = True, label: str | None = None) -> Text | None:
        """``data[key]`` as one text per site language; ``label`` names it in messages."""
        label = label or str(key)
        value = data.get(key)
        if value is None:
            if required:
                self.missing((key,), f"'{label}' is missing", f"give it in {self._langs()}")
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
                self.uncut((key, lang), label)
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

    def choice(self, data: dict, key: str, choices: tuple[str, ...]) -> str | None:
        """``data[key]``, one of ``choices`` or left out (None)."""
        value = data.get(key)
        if value is not None and value not in choices:
            self.error((key,), f"'{key}' is {value!r}", f"use {', '.join(choices)}, or leave it out")
            return None
        return value

    def _langs(self) -> str:
        return ", ".join(f"'{lang}:'" for lang in self.languages)
