"""What git knows about the sources a site was built from: the commit, whether ``sources/`` has
changes not committed, and when each input file last changed.

Read once per generation, with a few cheap git calls for the whole tree (never one per page).
Outside a git checkout (or in a shallow clone, whose history is cut) nothing is known, and pages
leave out what would need it rather than guess.
"""

from __future__ import annotations

import os
import re
import subprocess
from datetime import date
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from generator.model import History


class GitMissing(Exception):
    """git cannot be run here: it is not installed, or not on ``PATH``."""


def run(root: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    """``git -C root args``, its output and errors as bytes; the one place that runs git.
    A git that cannot be run is a :class:`GitMissing`; a failing command is a non-zero return code."""
    try:
        return subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False)
    except OSError as error:
        raise GitMissing(str(error)) from error


def git(root: Path, *args: str) -> str | None:
    """What ``git args`` prints in ``root``, as text with ``\\n`` line ends; None when it fails or
    git cannot be run."""
    try:
        result = run(root, *args)
    except GitMissing:
        return None
    if result.returncode:
        return None
    return result.stdout.decode().replace("\r\n", "\n").replace("\r", "\n")


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
    commits: dict[str, tuple[int, str]] = {}
    if shallow.strip() != "true":
        log = git(
            sources, "-c", "core.quotepath=off", "log", "--format=%x01%cs %H", "--name-only", "-z", "--", "."
        )
        when, rank, sha = None, -1, ""
        for token in (log or "").split("\0"):
            token = token.lstrip("\n")
            if token.startswith("\x01"):
                day, sha = token[1:].split(" ", 1)
                when, rank = date.fromisoformat(day), rank + 1
            elif token and when is not None:
                changed.setdefault(token, when)  # newest first: the first date seen is the latest
                commits.setdefault(token, (rank, sha))
    for name in dirty:
        changed.pop(name, None)
        commits.pop(name, None)
    listed = git(top_path, "-c", "core.quotepath=off", "ls-files", "-z", "--", REVIEWS) or ""
    reviews = tuple(sorted(name for name in listed.split("\0") if name.endswith(".md")))
    return History(commit.strip(), not dirty, changed, top_path, reviews, commits)


REVIEWS = "reviews"
"""The folder of the project's reviews of its text (committed Markdown files), which the method
page lists."""


# The project's repository and published address, from configuration or the git remote: edit
# links, "report a mistake" links and the builder's absolute addresses point there.
# How each known host pre-fills a new issue: its path and the names of the title and body fields.
ISSUE_FORMS = {
    "github.com": ("/issues/new", "title", "body"),
    "gitlab.com": ("/-/issues/new", "issue[title]", "issue[description]"),
}


def repository_url(root: Path) -> str | None:
    """``REPO_URL``, else the ``origin`` remote when it is a web-hosted repository."""
    if os.environ.get("REPO_URL"):
        return os.environ["REPO_URL"].rstrip("/")
    remote = (git(root, "remote", "get-url", "origin") or "").strip()
    match = re.match(r"^(?:https://|git@)([\w.-]+)[/:]([\w.-]+/[\w.-]+?)(?:\.git)?$", remote)
    return f"https://{match[1]}/{match[2]}" if match else None


def published_address(root: Path, configured: str | None) -> str:
    """Where the site is published, ending in ``/``: ``SITE_URL``, else ``site_url`` of
    ``mkdocs.yml``, else the GitHub Pages address of a GitHub repository; else ''."""
    address = os.environ.get("SITE_URL") or configured
    if not address:
        found = re.match(r"https://github\.com/([\w.-]+)/([\w.-]+)$", repository_url(root) or "")
        if found:
            owner, name = found[1].lower(), found[2]
            address = f"https://{owner}.github.io/" + (
                "" if name.lower() == f"{owner}.github.io" else f"{name}/"
            )
    return address.rstrip("/") + "/" if address else ""


def issue_url(repo: str | None, title: str, body: str) -> str | None:
    """The address of a new issue in ``repo`` with its title and text filled in; None when no
    repository is known or its host's form is not known."""
    if not repo:
        return None
    form = ISSUE_FORMS.get(urlsplit(repo).netloc.lower())
    if form is None:
        return None
    path, title_field, body_field = form
    return repo + path + "?" + urlencode({title_field: title, body_field: body})
