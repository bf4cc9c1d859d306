"""Read a YAML file into plain data, remembering the line of every key and item."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from generator.read import memo

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser when PyYAML has it (several times faster); both give line numbers."""


@dataclass
class YamlDoc:
    """Parsed YAML data plus the 1-based line where each key path starts."""

    data: object
    lines: dict[tuple, int] = field(default_factory=dict)
    cut: dict[tuple, int] = field(default_factory=dict)
    """Key paths of unquoted texts followed by `` #`` -> that line: YAML read the rest as a comment."""

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


@memo.remembered
def parse_yaml(text: str) -> YamlDoc:
    """Parse ``text``; raise :class:`YamlError` on bad syntax or a repeated key."""
    loader = None
    try:
        loader = LOADER(text)
        node = loader.get_single_node()
        doc = YamlDoc(None)
        doc.data = _convert(loader, node, (), doc.lines) if node is not None else None
        doc.cut = comments_after_texts(loader, node, BREAK.split(text)) if node is not None else {}
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


BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")
"""YAML's line breaks."""


def cut_text(label: str) -> tuple[str, str]:
    """The message and hint for a text YAML cut at `` #``."""
    return (
        f"the text of '{label}' stops at ' #': YAML reads the rest of the line as a comment",
        "put the text in double quotes, or write it on the next lines after '>-'",
    )


def comments_after_texts(
    loader: yaml.SafeLoader, node: yaml.Node, lines: list[str], path: tuple = ()
) -> dict[tuple, int]:
    """Key path -> line of each plain (unquoted) text that a comment follows on its last line."""
    found: dict[tuple, int] = {}
    if isinstance(node, yaml.ScalarNode):
        end = node.end_mark
        rest = lines[end.line][end.column :] if end.line < len(lines) else ""
        if not node.style and node.tag == "tag:yaml.org,2002:str" and rest.lstrip().startswith("#"):
            found[path] = end.line + 1
    elif isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            found.update(comments_after_texts(loader, value_node, lines, (*path, key)))
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            found.update(comments_after_texts(loader, item, lines, (*path, i)))
    return found


TAB = "a tab character: YAML indents with spaces only -- replace the tab with spaces"
FIELD = re.compile(r"^(\s*)(- )?([\w-]+:)?\s*")
"""A line's indentation, list dash and field name: what is left is its value."""


def plain_words(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, str]:
    """PyYAML's complaint as a line and words a contributor knows: tabs, unclosed quotes and
    brackets, texts YAML reads as syntax, and lines that do not line up, by name."""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    problem = exc.problem or exc.context or "invalid YAML"
    lines = text.splitlines()
    here = lines[line - 1] if line <= len(lines) else ""
    opened = exc.context_mark.line + 1 if exc.context_mark else line
    if "tab character" in problem or "cannot start any token" in problem and "\t" in here:
        return line, TAB
    if "quoted scalar" in str(exc.context):
        return opened, f"the quote opened on line {opened} is never closed -- add the closing quote mark"
    if "flow" in str(exc.context) and "expected ','" in problem:
        pair = "[]" if "sequence" in str(exc.context) else "{}"
        return opened, f"the '{pair[0]}' opened on line {opened} is never closed -- close it with '{pair[1]}'"
    if "expected ':'" in problem and exc.context_mark:
        return opened, (
            f"line {opened} is indented less than the text it belongs to, so YAML reads it as a field "
            "without its ':' -- indent it like the lines of that text (or, if it is a field, add the ':')"
        )
    quote = unclosed_quote(lines[:line])
    if quote is not None and quote < line:
        return quote, (
            f"the quote opened on line {quote} is not closed on that line, so the lines after it are "
            f"read as part of it until line {line} -- add the closing quote mark on line {quote}"
        )
    return cut_before(lines, line) or misread(exc, lines, line) or (line, f"{problem} -- fix the syntax")


def cut_before(lines: list[str], line: int) -> tuple[int, str] | None:
    """A text of several unquoted lines that a `` #`` cut short: YAML read the rest of its line as
    a comment, so ``line``, more indented than the text's field, continues nothing."""
    above = next((n for n in range(line - 1, 0, -1) if lines[n - 1].strip()), 0)
    if not above or line > len(lines):
        return None
    text, here = lines[above - 1], lines[line - 1]
    field, value, indent = FIELD.match(text), FIELD.sub("", text, count=1), _indent(text)
    opens = bool(field and (field[2] or field[3]))  # the text starts on this line, after '- ' or 'key:'
    if not opens:  # a later line of the text: its field is the nearest line less indented
        indent = next(
            (_indent(x) for x in reversed(lines[: above - 1]) if x.strip() and _indent(x) < indent), 0
        )
    if _indent(here) <= indent or FIELD_LINE.match(here) or not re.search(r"\s#", value):
        return None
    if not value or value[0] in ("#\"'>|[{&*!" if opens else "#"):  # not a plain text
        return None
    return above, (
        f"the text on line {above} stops at ' #': YAML reads the rest of that line as a comment, so "
        f"line {line} continues nothing -- {cut_text('')[1]}"
    )


FIELD_LINE = re.compile(r"\s*(- )?[\w-]+:(\s|$)")


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip())


def misread(exc: yaml.MarkedYAMLError, lines: list[str], line: int) -> tuple[int, str] | None:
    """A text YAML took for syntax, or a line that does not line up with those above it."""
    here = lines[line - 1] if line <= len(lines) else ""
    value = FIELD.sub("", here, count=1)
    problem, column = str(exc.problem), exc.problem_mark.column if exc.problem_mark else 0
    if "mapping values" in problem and ": " in here[: column - 1].lstrip(" -"):
        return line, (
            "the text contains ': ', which YAML reads as the start of a field -- put the text in double "
            "quotes, or write it on the next lines after '>-'"
        )
    above = next((n for n in range(line - 1, 0, -1) if lines[n - 1].strip()), 0)
    if "mapping values" in problem and above:
        if not re.search(r":(\s|$)", lines[above - 1]):
            return above, "there is no ':' after the field name -- write it as 'name: value'"
        return line, (
            f"YAML reads line {line} as more of the text on line {above}, so its ':' starts no field -- "
            f"if it is a field, indent it like the field on line {above}; if it is text, put the text in "
            "double quotes or after '>-'"
        )
    if "expected key" in problem and value[:1] in ('"', "'") and value.count(value[0]) > 1:
        return line, (
            "text follows the closing quote -- put the whole text in quotes, or write it on the next "
            "lines after '>-'"
        )
    if re.search(r"expected key|numeric char|start any token", problem) and value and value[0] in "[{*@`":
        return line, (
            f"a text that starts with '{value[0]}' is read as YAML syntax -- write it on the next lines "
            "after '>-' (as the other texts are), or put it in double quotes"
        )
    first = dashless_item(lines, line) if "expected key" in problem else None
    if first is not None:
        return first, (
            f"this list item does not start with '- ', unlike the one on line {line} -- write '- ' before "
            "its first field"
        )
    if "expected key" in problem or "'-' indicator" in problem:
        return line, (
            f"line {line} does not line up with the lines above it -- indent it like the other fields of "
            "its mapping (under a list item, two spaces past the '-')"
        )
    return None


def dashless_item(lines: list[str], line: int) -> int | None:
    """When ``line`` is a list item YAML cannot place: the first line of its list, if that line
    lacks the ``- `` that starts an item."""
    here = lines[line - 1] if line <= len(lines) else ""
    if not here.lstrip().startswith("- "):
        return None
    indent = len(here) - len(here.lstrip())
    written = [
        n for n in range(1, line) if lines[n - 1].strip() and not lines[n - 1].lstrip().startswith("#")
    ]
    parent = next(
        (n for n in reversed(written) if len(lines[n - 1]) - len(lines[n - 1].lstrip()) < indent), 0
    )
    first = next((n for n in written if n > parent), None)
    return first if parent and first and not lines[first - 1].lstrip().startswith("- ") else None


def unclosed_quote(lines: list[str]) -> int | None:
    """The first line whose value opens a quote it does not close (an odd number of ``"``);
    comments and the lines of texts written after ``>-`` or ``|`` are not looked at."""
    block = None
    for number, text in enumerate(lines, 1):
        indent = len(text) - len(text.lstrip())
        if block is not None and (indent > block or not text.strip()):
            continue
        value = FIELD.sub("", text, count=1)
        block = indent if re.fullmatch(r"[>|][-+0-9]*\s*(#.*)?", value) else None
        if value.startswith("#") or block is not None:
            continue
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
