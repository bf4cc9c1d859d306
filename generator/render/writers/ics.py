"""iCalendar (RFC 5545) by the icalendar library, which escapes text values and folds long lines. A
text value has one kind of line break, written ``\\n``: CR LF and a lone CR are written as LF first
(the library would read them back as LF anyway)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import icalendar

Properties = Sequence[tuple[str, Any]]


def text(value: Any) -> Any:
    """A text value with its line breaks as LF; other values as they are."""
    return value.replace("\r\n", "\n").replace("\r", "\n") if isinstance(value, str) else value


def calendar(properties: Properties, events: Sequence[Properties]) -> str:
    """A ``VCALENDAR`` with ``properties`` and one ``VEVENT`` per item of ``events``, in order."""
    out = icalendar.Calendar()
    for name, value in properties:
        out.add(name, text(value))
    for event in events:
        component = icalendar.Event()
        for name, value in event:
            component.add(name, text(value))
        out.add_component(component)
    return out.to_ical().decode("utf-8")
