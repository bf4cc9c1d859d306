"""Read a YAML file into plain data, remembering the line of every key and item."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser when PyYAML has it (several times faster); both give line numbers."""


@dataclass
class YamlDoc:
    """Parsed YAML data plus the 1-based line where each key path starts."""

    data: object
    lines: dict[tuple, int] = field(default_factory=dict)

    def line(self, *path: object) -> int:
        """Line of ``path`` (keys and list indexes), or of its nearest known parent."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


class YamlError(ValueError):
    """Invalid YAML, with the line it was found on."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line


def parse_yaml(text: str) -> YamlDoc:
    """Parse ``text``; raise :class:`YamlError` on bad syntax or a repeated key."""
    loader = None
    try:
        loader = LOADER(text)
        node = loader.get_single_node()
        doc = YamlDoc(None)
        doc.data = _convert(loader, node, (), doc.lines) if node is not None else None
        return doc
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        raise YamlError(line, f"character U+{exc.character:04X} is not allowed in YAML") from None
    except yaml.MarkedYAMLError as exc:
        raise YamlError(*plain_words(exc, text)) from None
    except yaml.YAMLError as exc:
        raise YamlError(1, str(exc)) from None
    finally:
        if loader is not None:
            loader.dispose()


def plain_words(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, str]:
    """PyYAML's complaint as a line and words a contributor knows: tabs and unclosed quotes by name."""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    problem = exc.problem or exc.context or "invalid YAML"
    lines = text.splitlines()
    if "cannot start any token" in problem and "\t" in (lines[line - 1] if line <= len(lines) else ""):
        return line, "a tab character: YAML indents with spaces only -- replace the tab with spaces"
    if "quoted scalar" in str(exc.context) and exc.context_mark is not None:
        opened = exc.context_mark.line + 1
        return opened, f"the quote opened on line {opened} is never closed -- add the closing quote mark"
    opened = unclosed_quote(lines[:line])
    if opened is not None:
        return opened, (
            f"the quote opened on line {opened} is not closed on that line, so the lines after it are "
            f"read as part of it until line {line} -- add the closing quote mark on line {opened}"
        )
    return line, f"{problem} -- fix the syntax"


def unclosed_quote(lines: list[str]) -> int | None:
    """The first line whose value opens a quote it does not close (an odd number of ``"``)."""
    for number, text in enumerate(lines, 1):
        value = re.sub(r"^\s*(- )?([\w-]+:)?\s*", "", text)
        if value.count('"') - value.count('\\"') & 1 or (
            value.startswith("'") and not value.rstrip().endswith("'")
        ):
            return number
    return None


def quoted_runaway(node: yaml.ScalarNode) -> int | None:
    """The line of a quoted text that runs on over lines that look like fields of their own
    (``  en: ...``): a quote mark left open swallowed them."""
    if node.style not in ('"', "'") or node.start_mark.line == node.end_mark.line:
        return None
    inner = (
        node.start_mark.buffer[node.start_mark.index : node.end_mark.index] if node.start_mark.buffer else ""
    )
    looks_like_field = re.search(r"\n[ \t]*(- )?[A-Za-z_][\w-]*:( |$)", inner, re.MULTILINE)
    return node.start_mark.line + 1 if looks_like_field else None


def _convert(loader: yaml.SafeLoader, node: yaml.Node, path: tuple, lines: dict) -> object:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.ScalarNode):
        opened = quoted_runaway(node)
        if opened is not None:
            raise YamlError(
                opened,
                f"the quote opened on line {opened} is not closed on that line, so it swallows the "
                f"lines after it up to line {node.end_mark.line + 1} -- add the closing quote mark",
            )
        if node.tag == "tag:yaml.org,2002:timestamp":
            try:
                return loader.construct_object(node, deep=True)
            except ValueError:
                return node.value  # not a real date (2023-02-30): the field's check says so
    if isinstance(node, yaml.MappingNode):
        result = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                raise YamlError(key_node.start_mark.line + 1, "a key must be plain text")
            if key in result:
                raise YamlError(key_node.start_mark.line + 1, f"the key '{key}' appears twice")
            result[key] = _convert(loader, value_node, (*path, key), lines)
            lines[(*path, key)] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(loader, item, (*path, i), lines) for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)
