"""Cleaning rules a contributor can extend without code: ``sources/cleaning.yml``.

Each rule names a kind of site furniture (a comment form, share buttons, a "read also" line),
says where it may stand (``end``: only at the end of the text; ``anywhere``), how the source page
names it in each language, and the patterns (Python regular expressions, case-insensitive) that
recognise a paragraph of it.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.model import Cleaning, Rule
from generator.model.problems import Problems
from generator.read.yaml_reader import Reader

FILE = "cleaning.yml"
FIELDS = ("max_length", "rules")
RULE_FIELDS = ("id", "where", "label", "patterns")
PLACES = ("end", "anywhere")


def load_cleaning(folder: Path, languages: tuple[str, ...], problems: Problems) -> Cleaning:
    """``cleaning.yml`` in ``folder``; no rules when there is none."""
    path = folder / FILE
    if not path.exists():
        return Cleaning()
    reader = Reader(path, problems, languages)
    data = reader.read()
    if data is None:
        return Cleaning(path=path)
    reader.check_fields(data, FIELDS)
    limit = data.get("max_length", 400)
    if not isinstance(limit, int) or isinstance(limit, bool) or limit < 1:
        reader.error(("max_length",), f"'max_length' is {limit!r}", "give a number of characters, e.g. 400")
        limit = 400
    rules: list[Rule] = []
    seen: set[str] = set()
    for where, item in reader.mappings(
        data,
        "rules",
        RULE_FIELDS,
        "each rule needs id, where, label, patterns",
        "see the comment at the top of the file",
    ):
        reader.prefix = where
        rule_id, place = item.get("id"), item.get("where", "end")
        wrong = id_problem(rule_id, seen)
        if wrong:
            reader.error(("id",), *wrong)
            continue
        seen.add(rule_id)
        if place not in PLACES:
            reader.error(("where",), f"'where' is {place!r}", f"use one of: {', '.join(PLACES)}")
        label = reader.text(item, "label")
        patterns = rule_patterns(reader, item, rule_id)
        if label and patterns and place in PLACES:
            rules.append(Rule(rule_id, place, label, tuple(patterns)))
    reader.prefix = ()
    return Cleaning(tuple(rules), limit, path)


def id_problem(rule_id: object, seen: set[str]) -> tuple[str, str] | None:
    """What is wrong with a rule's id, and how to fix it; None when it is a new, usable id."""
    if not isinstance(rule_id, str):
        return "a rule needs an 'id'", "name it with a-z, 0-9 and '-', e.g. id: read-also"
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", rule_id):
        return f"rule id {rule_id!r} is not a-z, 0-9 and '-'", "rename it, e.g. id: read-also"
    if rule_id in seen:
        return f"two rules have the id '{rule_id}'", "give this one an id of its own"
    return None


def rule_patterns(reader: Reader, item: dict, rule_id: str) -> list[re.Pattern]:
    """A rule's patterns, compiled; each one that is not a regular expression is reported."""
    raw = item.get("patterns")
    if not (isinstance(raw, list) and raw and all(isinstance(p, str) and p for p in raw)):
        reader.missing(("patterns",), f"rule '{rule_id}' needs a list of patterns", "e.g. ['^baca juga:']")
        return []
    patterns = []
    for i, pattern in enumerate(raw):
        reader.uncut(("patterns", i), "patterns")
        try:
            patterns.append(re.compile(pattern, re.IGNORECASE))
        except re.error as exc:
            reader.error(
                ("patterns", i),
                f"pattern {i + 1} of rule '{rule_id}' is not a valid regular expression: {exc}",
                r"fix it (Python syntax); a \ before ( ) [ ] . * + ? matches that character itself",
            )
    return patterns
