"""Numbers as the sources write them, read back into values so a figure can be checked against
its quote, in the quote's language: ``125 juta``, ``48.000``, ``4,2 juta`` in Indonesian,
``48,000``, ``4.2 million`` in English, ``USD62 miliar``, ``kedua``, ``second``.

How a language writes numbers (separators, scale words, numbers and ranks written out) is the
``numerals:`` section of ``generator/locales/<lang>.yml``; the currency symbols that may stand
before a number (``USD``, ``Rp``, ``€``) are the ``symbols`` of the vocabulary's units.
"""

from __future__ import annotations

import re
from functools import cache

from generator.model.words import ui


@cache
def patterns(lang: str, symbols: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str], dict]:
    """The number and scale patterns of ``lang`` and its numerals (scales, words, ordinals)."""
    numerals = ui(lang)["numerals"]
    thousands, decimal = re.escape(numerals["thousands"]), re.escape(numerals["decimal"])
    words = {str(k).lower(): float(v) for k, v in (numerals.get("words") or {}).items()}
    ordinals = {str(k).lower(): float(v) for k, v in (numerals.get("ordinals") or {}).items()}
    scales = {str(k).lower(): float(v) for k, v in (numerals.get("scales") or {}).items()}
    symbol = "|".join(re.escape(s) for s in sorted(symbols, key=len, reverse=True))

    def alternatives(names: dict) -> str:
        return "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True)) or "(?!)"

    number = re.compile(
        r"(?<![\w.,])" + (f"(?:{symbol})?" if symbol else "") + r"\s?"
        rf"(?P<digits>\d{{1,3}}(?:{thousands}\d{{3}})+(?:{decimal}\d+)?|\d+(?:{decimal}\d+)?)"
        r"|\b(?P<word>" + alternatives(words) + r")\b"
        r"|\b(?P<ordinal>" + alternatives(ordinals) + r")\b",
        re.IGNORECASE,
    )
    scale = re.compile(r"\s*(?P<scale>" + alternatives(scales) + r")\b", re.IGNORECASE)
    return number, scale, {"words": words, "ordinals": ordinals, "scales": scales}


def read_numbers(text: str, lang: str, symbols: tuple[str, ...] = ()) -> list[float]:
    """Every number in ``text`` as ``lang`` writes it, with its scale words applied, in order;
    ``symbols``: the currency symbols that may stand right before a number."""
    number, scale_pattern, names = patterns(lang, tuple(symbols))
    numerals = ui(lang)["numerals"]
    values = []
    for match in number.finditer(text):
        if match["digits"]:
            digits = match["digits"].replace(numerals["thousands"], "").replace(numerals["decimal"], ".")
            value = float(digits)
        elif match["word"]:
            value = names["words"][match["word"].lower()]
        else:
            value = names["ordinals"][match["ordinal"].lower()]
        scale = scale_pattern.match(text, match.end())
        values.append(value * names["scales"][scale["scale"].lower()] if scale else value)
    return values
