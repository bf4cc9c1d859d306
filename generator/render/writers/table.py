"""CSV: RFC 4180 quoting (a cell holding a comma, a quote, a CR or a LF is quoted, its quotes doubled;
Python 3.11's csv module leaves a lone CR unquoted when lines end with LF, so a CR inside a cell would
split its row), and the OWASP rule against formula injection (ASVS
1.2.10, CWE-1236): a text cell beginning with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return,
which a spreadsheet would run as a formula, is written with ``'`` before it. Numbers are written as
they are (a negative number is not a formula)."""

from __future__ import annotations

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


QUOTED = (",", '"', "\r", "\n")


def field(value: Cell) -> str:
    """A cell as it stands in the file: neutralised, then quoted where RFC 4180 asks."""
    text = str(cell(value))
    return '"' + text.replace('"', '""') + '"' if any(c in text for c in QUOTED) else text


def table(header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> str:
    """The CSV text of a header line and rows, lines ended by ``\\n``."""
    lines = [",".join(field(name) for name in header)]
    lines += [",".join(field(value) for value in row) for row in rows]
    return "".join(line + "\n" for line in lines)
