"""Interface words of the generated pages, per language (``generator/locales/<lang>.yml``)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

LOCALES = Path(__file__).parent.parent / "locales"

Words = dict[str, Any]
"""A locale file as read: words, and mappings and lists of words, nested as the YAML nests them
(``ui(lang)["open_data"]["files"]["README.txt"]``); templates and modules read it by key."""


FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader where PyYAML has it (several times faster on the locale files)."""


@cache
def ui(lang: str) -> Words:
    """Interface words for ``lang``."""
    words = yaml.load((LOCALES / f"{lang}.yml").read_text(encoding="utf-8"), Loader=FAST_LOADER)
    if not isinstance(words, dict):
        raise ValueError(f"{LOCALES / f'{lang}.yml'} does not hold a mapping of words")
    return words


def month_names() -> list[list[str]]:
    """Month names in every language the generator speaks, for recognising printed dates (a
    locale still being translated, its months not yet twelve names, is left out)."""
    found = (ui(path.stem).get("months") for path in sorted(LOCALES.glob("*.yml")))
    return [months for months in found if isinstance(months, list) and len(months) == 12]
