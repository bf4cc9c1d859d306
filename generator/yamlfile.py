"""Read a YAML file into plain data, remembering the line of every key and item."""

from __future__ import annotations

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
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise YamlError(line, f"{exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise YamlError(1, str(exc)) from None
    finally:
        if loader is not None:
            loader.dispose()


def _convert(loader: yaml.SafeLoader, node: yaml.Node, path: tuple, lines: dict) -> object:
    lines[path] = node.start_mark.line + 1
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
