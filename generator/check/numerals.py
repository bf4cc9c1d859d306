"""Numbers as Indonesian sources write them (``125 juta``, ``tiga juta``, ``USD62 miliar``,
``kedua``), read back into values so a figure can be checked against its quote."""

from __future__ import annotations

import re

SCALES = {"ribu": 1e3, "juta": 1e6, "miliar": 1e9, "milyar": 1e9, "triliun": 1e12}
WORDS = {
    "satu": 1,
    "dua": 2,
    "tiga": 3,
    "empat": 4,
    "lima": 5,
    "enam": 6,
    "tujuh": 7,
    "delapan": 8,
    "sembilan": 9,
    "sepuluh": 10,
    "sebelas": 11,
    "seratus": 100,
    "seribu": 1000,
}
ORDINALS = {"pertama": 1, "kesatu": 1, **{f"ke{word}": value for word, value in WORDS.items() if value > 1}}
NUMBER = re.compile(
    r"(?<![\w.,])(?:USD|Rp|US\$)?\s?(?P<digits>\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)"
    r"|\b(?P<word>" + "|".join(sorted(WORDS, key=len, reverse=True)) + r")\b"
    r"|\b(?P<ordinal>" + "|".join(sorted(ORDINALS, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
SCALE = re.compile(r"\s*(?P<scale>" + "|".join(SCALES) + r")\b", re.IGNORECASE)


def read_numbers(text: str) -> list[float]:
    """Every number in ``text``, with Indonesian scale words applied, in order."""
    values = []
    for match in NUMBER.finditer(text):
        if match["digits"]:
            value = float(match["digits"].replace(".", "").replace(",", "."))
        elif match["word"]:
            value = float(WORDS[match["word"].lower()])
        else:
            value = float(ORDINALS[match["ordinal"].lower()])
        scale = SCALE.match(text, match.end())
        values.append(value * SCALES[scale["scale"].lower()] if scale else value)
    return values
