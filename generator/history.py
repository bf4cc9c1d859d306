"""What git knows about the sources a site was built from: the commit, whether ``sources/`` has
changes not committed, and when each input file last changed.

Read once per generation, with a few cheap git calls for the whole tree (never one per page).
Outside a git checkout (or in a shallow clone, whose history is cut) nothing is known, and pages
leave out what would need it rather than guess.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path


@dataclass(frozen=True)
class History:
    commit: str
    """The commit checked out (``git rev-parse HEAD``)."""
    clean: bool
    """True when ``sources/`` has no change that is not committed: the commit is what was built."""
    changed: dict[str, date] = field(default_factory=dict)
    """Path from the repository's top (``sources/glossary/umkm.yml``) -> date of the newest
    commit that touched it; files with uncommitted changes are left out."""
    top: Path = Path(".")
    """The repository's top folder."""

    def last_changed(self, paths) -> date | None:
        """The newest commit date among ``paths``; None when any of them is not committed as is."""
        dates = []
        for path in paths:
            try:
                name = Path(path).resolve().relative_to(self.top).as_posix()
            except ValueError:
                return None
            if name not in self.changed:
                return None
            dates.append(self.changed[name])
        return max(dates) if dates else None

    def permalink(self, repo: str | None, path: str) -> str | None:
        """``<repo>/tree/<commit>/<path>``: the file at the commit built, when that is what was built."""
        if not repo or not self.clean:
            return None
        return f"{repo}/tree/{self.commit}/{path}"


def git(root: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False)
    except OSError:
        return None
    return result.stdout if result.returncode == 0 else None


def read(sources: Path) -> History | None:
    """The history of the checkout holding ``sources``; None outside one."""
    sources = sources.resolve()
    head = git(sources, "rev-parse", "--show-toplevel", "--is-shallow-repository", "HEAD")
    if head is None or len(head.split("\n")) < 3:
        return None
    top, shallow, commit = head.split("\n")[:3]
    status = git(sources, "status", "--porcelain", "-z", "--untracked-files=all", "--", ".")
    if status is None:
        return None
    top_path = Path(top).resolve()
    dirty = {entry[3:] for entry in status.split("\0") if len(entry) > 3}
    changed: dict[str, date] = {}
    if shallow.strip() != "true":
        log = git(
            sources, "-c", "core.quotepath=off", "log", "--format=%x01%cs", "--name-only", "-z", "--", "."
        )
        when = None
        for token in (log or "").split("\0"):
            token = token.lstrip("\n")
            if token.startswith("\x01"):
                when = date.fromisoformat(token[1:])
            elif token and when is not None:
                changed.setdefault(token, when)  # newest first: the first date seen is the latest
    for name in dirty:
        changed.pop(name, None)
    return History(commit=commit.strip(), clean=not dirty, changed=changed, top=top_path)
