"""What a git merge can leave in ``sources/``: conflict markers, found before anything is read
(the YAML errors they cause would only mislead)."""

from __future__ import annotations

import re
from pathlib import Path

from generator.model.problems import Problems

OPENS, CLOSES = re.compile(r"<<<<<<<( |$)"), re.compile(r">>>>>>>( |$)")
HINT = "keep one side (or both), delete the marker lines, then run make check"


def conflict_markers(sources: Path, problems: Problems) -> bool:
    """Report the first line of every unresolved merge conflict in any file of ``sources``
    (``<<<<<<< `` ... ``=======`` ... ``>>>>>>> ``; a ``>>>>>>> `` without its opening line too);
    True when there is one. A line of ``=======`` alone is text (a heading's underline)."""
    found = False
    for path in sorted(p for p in sources.rglob("*") if p.is_file()):
        try:
            lines = path.read_bytes().decode("utf-8", errors="replace").splitlines()
        except OSError:
            continue  # unreadable files are reported where they are read
        open_at = None
        for number, line in enumerate(lines, 1):
            if OPENS.match(line) or CLOSES.match(line) and open_at is None:
                problems.add(path, number, "unresolved merge conflict", HINT)
                found = True
            if OPENS.match(line):
                open_at = number
            elif CLOSES.match(line):
                open_at = None
    return found
