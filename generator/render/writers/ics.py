"""iCalendar (RFC 5545) by the icalendar library, which escapes text values and folds long lines."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import icalendar

Properties = Sequence[tuple[str, Any]]


def calendar(properties: Properties, events: Sequence[Properties]) -> str:
    """A ``VCALENDAR`` with ``properties`` and one ``VEVENT`` per item of ``events``, in order."""
    out = icalendar.Calendar()
    for name, value in properties:
        out.add(name, value)
    for event in events:
        component = icalendar.Event()
        for name, value in event:
            component.add(name, value)
        out.add_component(component)
    return out.to_ical().decode("utf-8")
