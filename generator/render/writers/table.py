"""CSV: RFC 4180 quoting by the csv module, and the OWASP rule against formula injection (ASVS
1.2.10, CWE-1236): a text cell beginning with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return,
which a spreadsheet would run as a formula, is written with ``'`` before it. Numbers are written as
they are (a negative number is not a formula)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a cell as a formula."""
NEUTRAL = "'"

Cell = str | int | float | None


def cell(value: Cell) -> str | int | float:
    """A value as written: None as an empty cell, a text cell neutralised."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return NEUTRAL + value
    return value


def table(header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> str:
    """The CSV text of a header line and rows, lines ended by ``\\n``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([cell(name) for name in header])
    for row in rows:
        writer.writerow([cell(value) for value in row])
    return out.getvalue()
