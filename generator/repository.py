"""The project's repository and published address, from configuration or the git remote: edit
links, "report a mistake" links and the builder's absolute addresses point there."""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from generator.history import git

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
