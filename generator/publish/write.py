"""Write generated pages: atomically, only when changed, and never outside the generated set.

A manifest in the output folder lists the files the generator wrote last time; only those are
ever removed, so hand-written files beside them are left alone.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from generator.render.output import Page

MANIFEST = ".generated"


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    rendered: tuple[int, int] | None = None
    """How many of the site's pages were rendered, of how many (the others were kept)."""

    @property
    def changed(self) -> bool:
        return bool(self.written or self.removed)

    def __str__(self) -> str:
        said = f"{len(self.written)} written, {self.unchanged} unchanged, {len(self.removed)} removed"
        return said + (f" ({self.rendered[0]} of {self.rendered[1]} pages rendered)" if self.rendered else "")


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def safe_relative(path: str) -> PurePosixPath:
    """Refuse absolute paths and ``..``: generated files stay inside the output folder."""
    rel = PurePosixPath(path)
    if rel.is_absolute() or ".." in rel.parts or not rel.parts:
        raise ValueError(f"refusing to write outside the output folder: {path!r}")
    return rel


def write(pages: list[Page], out: Path, kept: list[str] | None = None) -> WriteReport:
    """Bring ``out`` in line with ``pages`` and ``kept`` (files the last build wrote that stay as
    they are, not read again); report what changed."""
    report = WriteReport(unchanged=len(kept or ()))
    manifest = out / MANIFEST
    previous = set(manifest.read_text(encoding="utf-8").split()) if manifest.exists() else set()
    current = {safe_relative(path).as_posix() for path in kept or ()}
    for page in pages:
        rel = safe_relative(page.path)
        current.add(rel.as_posix())
        target = out / rel
        data = page.content if isinstance(page.content, bytes) else page.content.encode("utf-8")
        if target.exists() and target.read_bytes() == data:
            report.unchanged += 1
            continue
        atomic_write(target, data)
        report.written.append(rel.as_posix())
    for stale in sorted(previous - current):
        target = out / safe_relative(stale)
        if target.is_file():
            target.unlink()
            report.removed.append(stale)
            _prune_empty_dirs(target.parent, out)
    listing = "".join(f"{p}\n" for p in sorted(current)).encode("utf-8")
    if not manifest.exists() or manifest.read_bytes() != listing:
        atomic_write(manifest, listing)
    return report


def _prune_empty_dirs(folder: Path, top: Path) -> None:
    while folder != top and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
