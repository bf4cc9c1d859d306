"""RIS written by rispy: one ``TAG  - value`` line per value, every line break in a value (CR LF, CR, LF
and the others ``str.splitlines`` knows) folded to a space so that no value can start a tag or end a
record, one record per reference, each ending ``ER  -``."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import rispy

BREAKS = re.compile("\r\n|[\n\v\f\r\x1c\x1d\x1e\x85\u2028\u2029]")


class _Writer(rispy.RisWriter):
    def set_header(self, count: int) -> str:
        return ""


def fold(value: str) -> str:
    """A value on one line: each line break as a space."""
    return BREAKS.sub(" ", value)


def folded(value: Any) -> Any:
    if isinstance(value, str):
        return fold(value)
    if isinstance(value, list):
        return [folded(v) for v in value]
    return value


def records(references: Sequence[dict[str, Any]]) -> str:
    """The text of a ``.ris`` file: ``references`` are rispy's mappings (``type_of_reference``,
    ``title``, ``authors`` ...), values text or lists of text."""
    return rispy.dumps([{k: folded(v) for k, v in ref.items()} for ref in references], implementation=_Writer)
