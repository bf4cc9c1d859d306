"""Problems found in ``sources/``: collected across a whole run, then reported together."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with an input file, with what to do about it."""

    file: str
    line: int
    message: str
    hint: str = ""
    warning: bool = False

    def __str__(self) -> str:
        text = f"{self.file}:{self.line}: {'warning: ' if self.warning else ''}{self.message}"
        return f"{text} -- {self.hint}" if self.hint else text


class Problems(list[Problem]):
    """A list of :class:`Problem` with helpers for adding and splitting them."""

    def __init__(self, problems: Iterable[Problem] = ()) -> None:
        super().__init__()
        self._seen: set[Problem] = set()
        for problem in problems:
            self._append(problem)

    def add(self, file: Path | str, line: int, message: str, hint: str = "") -> None:
        self._append(Problem(display_path(file), line, message, hint))

    def warn(self, file: Path | str, line: int, message: str, hint: str = "") -> None:
        self._append(Problem(display_path(file), line, message, hint, warning=True))

    def _append(self, problem: Problem) -> None:
        if problem not in self._seen:  # the same slip in both languages is reported once
            self._seen.add(problem)
            self.append(problem)

    @property
    def errors(self) -> list[Problem]:
        """By file and line; problems on one line keep the order they were found in."""
        return sorted((p for p in self if not p.warning), key=lambda p: (p.file, p.line))

    @property
    def warnings(self) -> list[Problem]:
        return sorted((p for p in self if p.warning), key=lambda p: (p.file, p.line))


class CommandError(Exception):
    """A command that cannot be carried out; its message reads ``what is wrong -- how to fix it``."""


class InputError(Exception):
    """Raised when ``sources/`` holds errors; carries every problem found."""

    def __init__(self, problems: Problems) -> None:
        super().__init__(f"{len(problems.errors)} problem(s) in sources")
        self.problems = problems


def display_path(path: Path | str) -> str:
    """A path relative to the working directory when possible, for messages."""
    path = Path(path)
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
