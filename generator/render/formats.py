"""How the interface writes dates, names, numbers and paths, in a page's language."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from generator.model import Document
from generator.model.words import ui


def format_date(value: date | None, lang: str) -> str:
    if value is None:
        return str(ui(lang)["unknown"])
    return f"{value.day} {ui(lang)['months'][value.month - 1]} {value.year}"


def document_name(doc: Document, lang: str) -> str:
    """The printed title in ``lang``, or the editors' label in square brackets."""
    meta = doc.meta
    if meta.title:
        return meta.title[lang]
    assert meta.label is not None, "the read stage requires a title or a label"
    return f"[{meta.label[lang]}]"


def project_path(path: Path) -> str:
    """``sources/...`` path of an input file, as a contributor sees it in the repository."""
    parts = Path(path).parts
    return "/".join(parts[parts.index("sources") :]) if "sources" in parts else Path(path).name


def format_value(value: float, unit: str, lang: str) -> str:
    """``125 juta`` / ``125 million``, ``USD62 miliar`` / ``USD 62 billion``, ``ke-2`` / ``2nd``."""
    words = ui(lang)["numbers"]
    if unit == "rank":
        suffix = ordinal_suffix(int(value)) if lang == "en" else ""
        return str(words["rank"]).format(n=int(value), suffix=suffix)
    if unit == "year":
        return str(int(value))
    number = value
    scale = ""
    for size, name in ((1e9, "billion"), (1e6, "million")):
        if value >= size:
            number, scale = value / size, words[name]
            break
    text = f"{number:,.1f}".rstrip("0").rstrip(".") if number % 1 else f"{int(number):,}"
    text = text.replace(",", "\0").replace(".", words["decimal"]).replace("\0", words["thousands"])
    text = f"{text} {scale}".strip()
    return str(words[unit]).format(n=text)


def ordinal_suffix(n: int) -> str:
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def case_variants(name: str) -> set[str]:
    """``Bike lane`` and ``bike lane``: a name at the start of a sentence or inside one."""
    variants = {name[:1].upper() + name[1:]}
    if name[1:2].islower():
        variants.add(name[:1].lower() + name[1:])
    return variants


def front_title(content: str) -> str:
    """The ``title`` of a generated page's front matter, as written there (HTML-escaped)."""
    match = re.search(r'^title: (".*")$', content, re.MULTILINE)
    return json.loads(match[1]) if match else ""


def svg_size(svg: str) -> tuple[int, int]:
    match = re.search(r"<svg [^>]*width='(\d+)' height='(\d+)'", svg)
    return (int(match[1]), int(match[2])) if match else (0, 0)
