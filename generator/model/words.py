"""Interface words of the generated pages, per language (``generator/locales/<lang>.yml``)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

LOCALES = Path(__file__).parent.parent / "locales"

Words = dict[str, Any]
"""A language's interface words: the YAML mapping of ``generator/locales/<lang>.yml``."""


@cache
def ui(lang: str) -> Words:
    """Interface words for ``lang``."""
    words: Words = yaml.safe_load((LOCALES / f"{lang}.yml").read_text(encoding="utf-8"))
    return words


def month_names() -> list[list[str]]:
    """Month names in every language the generator speaks, for recognising printed dates."""
    return [ui(path.stem)["months"] for path in sorted(LOCALES.glob("*.yml"))]
