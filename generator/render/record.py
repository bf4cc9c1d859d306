"""The render record: what each page read in the last build, its title and the files it made,
kept beside the generated pages (``docs/.render-record``) so that the next build renders only
the pages whose reads changed (``generator/render/reads.py``).

A page is kept only when the code that renders it is the same (``generator.read.kept.engine``),
its job is the same, every file it made is still there as it was written (size and time), and
everything it read digests the same. Anything else, a missing or unreadable record included, renders it again.
"""

from __future__ import annotations

import pickle
from array import array
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.model import PageKey
from generator.read.kept import safe_loads
from generator.render.reads import Path_, Read

NAME = ".render-record"

Made = tuple[str, int, int]
"""A file a page made: its path under the output folder, its size and its time (ns)."""


@dataclass(frozen=True)
class JobRecord:
    """One page's last build: its job's digest, what it read (as places in the record's list of
    reads), its title and the files it made."""

    job: bytes
    reads: bytes
    """The numbers of the page's reads in :attr:`RenderRecord.reads`, as an ``array('I')``."""
    title: str
    """The page's title as its front matter has it."""
    made: tuple[Made, ...] = ()

    def read_numbers(self) -> array:
        return array("I", self.reads)


@dataclass(frozen=True)
class RenderRecord:
    """What the pages of the last build read (each read once, however many pages read it) and
    each page's record."""

    engine: bytes
    reads: tuple[Read, ...] = ()
    jobs: dict[tuple[PageKey, str], JobRecord] = field(default_factory=dict)

    def intact(self, ident: tuple[PageKey, str], out: Path) -> JobRecord | None:
        """The record of ``ident`` when every file it made is still as it was written."""
        found = self.jobs.get(ident)
        if found is None or not found.made:
            return None
        for path, size, time in found.made:
            try:
                stat = (out / path).stat()
            except OSError:
                return None
            if stat.st_size != size or stat.st_mtime_ns != time:
                return None
        return found

    def stamped(self, out: Path, paths: dict[tuple[PageKey, str], tuple[str, ...]]) -> RenderRecord:
        """This record with the size and time of each page's files, as written to ``out``."""
        jobs = {}
        for ident, made in paths.items():
            if ident in self.jobs:
                stats = [(path, (out / path).stat()) for path in made]
                jobs[ident] = replace(
                    self.jobs[ident], made=tuple((p, s.st_size, s.st_mtime_ns) for p, s in stats)
                )
        return RenderRecord(self.engine, self.reads, jobs)


def made_of(
    engine: bytes, pages: dict[tuple[PageKey, str], tuple[bytes, tuple[Read, ...], str]]
) -> RenderRecord:
    """The record of pages (``ident -> (job digest, reads, title)``): every read listed once."""
    numbers: dict[Path_, int] = {}
    listed: list[Read] = []
    jobs = {}
    for ident, (job, reads, title) in pages.items():
        mine = array("I")
        for read in reads:
            number = numbers.get(read.path)
            if number is None:
                number = numbers[read.path] = len(listed)
                listed.append(read)
            mine.append(number)
        jobs[ident] = JobRecord(job, mine.tobytes(), title)
    return RenderRecord(engine, tuple(listed), jobs)


def load(out: Path) -> RenderRecord | None:
    """The record of the last build into ``out``; None when there is none or it cannot be read
    (a record from another version of the generator, say): every page is then rendered."""
    try:
        found = safe_loads((out / NAME).read_bytes())
    except Exception:  # noqa: BLE001 - an unreadable record only costs a full render
        return None
    return found if isinstance(found, RenderRecord) else None


def dumps(record: RenderRecord) -> bytes:
    return pickle.dumps(record, protocol=5)
