"""Interface words of the generated pages, per language (``generator/locales/<lang>.yml``)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

LOCALES = Path(__file__).parent.parent / "locales"


@cache
def ui(lang: str) -> dict:
    """Interface words for ``lang``."""
    return yaml.safe_load((LOCALES / f"{lang}.yml").read_text(encoding="utf-8"))


def month_names() -> list[list[str]]:
    """Month names in every language the generator speaks, for recognising printed dates."""
    return [ui(path.stem)["months"] for path in sorted(LOCALES.glob("*.yml"))]
