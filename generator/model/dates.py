"""Dates as precise as a source gives them: a year, a month, or a day."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

PARTIAL = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass(frozen=True)
class PartialDate:
    """``2021-04-17``, ``2023-10`` or ``2016``."""

    year: int
    month: int = 0
    day: int = 0

    def sort_key(self) -> tuple[int, int, int]:
        """Chronological order; an unknown month or day sorts after the known ones ("late")."""
        return (self.year, self.month or 13, self.day or 32)

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def iso(self) -> str:
        parts = [
            f"{self.year:04d}",
            f"{self.month:02d}" if self.month else "",
            f"{self.day:02d}" if self.day else "",
        ]
        return "-".join(p for p in parts if p)

    def weekday(self) -> str | None:
        return WEEKDAYS[date(self.year, self.month, self.day).weekday()] if self.day else None

    def format(self, months: list[str]) -> str:
        """``17 April 2021``, ``Oktober 2023`` or ``2016`` with the given month names."""
        if self.day:
            return f"{self.day} {months[self.month - 1]} {self.year}"
        if self.month:
            return f"{months[self.month - 1]} {self.year}"
        return str(self.year)

    def printed_forms(self, months: list[str]) -> list[str]:
        """How a source might print this date, for checking that a stated date is stated."""
        forms = [self.format(months)]
        if self.day:
            forms += [f"{self.day}/{self.month}/{self.year}", f"{self.day:02d}/{self.month:02d}/{self.year}"]
        return forms


def parse_partial(value: object) -> PartialDate | None:
    """``2021-04-17``, ``2023-10`` or ``2016`` (or a YAML date); None if not a valid date."""
    if isinstance(value, date):
        return PartialDate(value.year, value.month, value.day)
    match = PARTIAL.match(str(value))
    if not match:
        return None
    year, month, day = int(match["year"]), int(match["month"] or 0), int(match["day"] or 0)
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        return None
    return PartialDate(year, month, day)


def calendar_error(value: object) -> str | None:
    """Why a date-shaped text is not a day of the calendar (``2023-02-30``, ``2023-13``); None
    when it is one, or is not shaped like a date at all."""
    match = PARTIAL.match(str(value))
    if not match:
        return None
    year, month, day = int(match["year"]), int(match["month"] or 0), int(match["day"] or 0)
    if match["month"] and not 1 <= month <= 12:
        return f"there is no month {month}"
    if day:
        try:
            date(year, month, day)
        except ValueError:
            return f"{calendar.month_name[month]} {year} has no day {day}"
    return None
