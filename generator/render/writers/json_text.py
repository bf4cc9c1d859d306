"""JSON: the generator's data files (UTF-8, not ASCII-escaped), one-line JSON for YAML front
matter, and JSON inside an HTML ``<script>`` element."""

from __future__ import annotations

import json
import re
from typing import Any

from generator.render.reads import whole

YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
"""Characters YAML reads as line breaks or refuses in a stream: written as JSON escapes."""
SCRIPT_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "'": "\\u0027"}
"""What could end a ``<script>`` element or an attribute early: written as JSON escapes (as Jinja's
``tojson`` filter does)."""


def _viewed(value: Any) -> Any:
    """What ``json`` cannot write by itself: a view of a list or a dictionary the page read
    (``generator/render/reads.py``), written as the value behind it (and noted as read whole)."""
    behind = whole(value)
    if behind is value:
        raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")
    return behind


def file(data: Any, indent: int | None = 1) -> str:
    """A JSON file: indented by ``indent`` (None: compact, no spaces), ending with a line break."""
    separators = (",", ":") if indent is None else None
    return json.dumps(data, ensure_ascii=False, indent=indent, separators=separators, default=_viewed) + "\n"


def line(data: Any) -> str:
    """One line of JSON that is also YAML (for a page's front matter)."""
    text = json.dumps(data, ensure_ascii=False, default=_viewed)
    return YAML_UNSAFE.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


def string(text: str) -> str:
    """A JSON string literal (for YAML values and generated scripts), not ASCII-escaped."""
    return json.dumps(text, ensure_ascii=False, default=_viewed)


def in_script(data: Any) -> str:
    """JSON for a ``<script>`` element (JSON-LD): no ``</script>`` or ``<!--`` can appear in it."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, default=_viewed)
    return re.sub("[<>&']", lambda m: SCRIPT_UNSAFE[m[0]], text)
