"""A Python-Markdown extension: a paragraph marked ``{ .caption }`` directly before a table becomes
that table's ``<caption>`` (tables written in Markdown have no syntax for one). Listed under
``markdown_extensions`` in mkdocs.yml; runs after ``attr_list``, which sets the class."""

from __future__ import annotations

import xml.etree.ElementTree as etree
from itertools import pairwise

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

CLASS = "caption"


class Captions(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        found = [
            (parent, before, table)
            for parent in root.iter()
            for before, table in pairwise(parent)
            if table.tag == "table" and before.tag == "p" and before.get("class") == CLASS
        ]
        for parent, caption, table in found:
            caption.tag = "caption"
            del caption.attrib["class"]
            parent.remove(caption)
            table.insert(0, caption)


class CaptionsExtension(Extension):
    def extendMarkdown(self, md) -> None:  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(Captions(md), "table_captions", 5)


def makeExtension(**kwargs) -> CaptionsExtension:  # noqa: N802
    return CaptionsExtension(**kwargs)
