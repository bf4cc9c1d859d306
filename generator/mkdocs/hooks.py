"""MkDocs hooks: regenerate ``docs/`` while serving; point "edit this page" at the file in
``sources/`` a page was made from; make glossary tooltips keyboard-friendly."""

from __future__ import annotations

import logging
import os
import re
import subprocess
from functools import cache
from pathlib import Path

from generator import pipeline
from generator.problems import InputError

log = logging.getLogger("mkdocs.hooks.generator")
_serving = False


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


@cache
def repository_url(root: Path) -> str | None:
    """``REPO_URL``, else the ``origin`` remote when it is a web-hosted repository."""
    if os.environ.get("REPO_URL"):
        return os.environ["REPO_URL"].rstrip("/")
    try:
        remote = subprocess.run(
            ["git", "remote", "get-url", "origin"], cwd=root, capture_output=True, text=True, check=False
        ).stdout.strip()
    except OSError:
        return None
    match = re.match(r"^(?:https://|git@)([\w.-]+)[/:]([\w.-]+/[\w.-]+?)(?:\.git)?$", remote)
    return f"https://{match[1]}/{match[2]}" if match else None


def on_page_markdown(markdown: str, page, config, files) -> str:
    """Edit links lead to the source file named in the page's ``edit_path``, never to docs/."""
    target = page.meta.get("edit_path")
    repo = repository_url(Path(config.config_file_path).parent)
    if target and repo:
        branch = os.environ.get("EDIT_BRANCH", "main")
        action = "edit" if Path(target).suffix else "tree"
        page.edit_url = f"{repo}/{action}/{branch}/{target}"
    else:
        page.edit_url = None
    return markdown


def on_pre_build(config) -> None:
    """Regenerate before each rebuild while serving; report problems without stopping the server."""
    if not _serving:
        return
    root = Path(config.config_file_path).parent
    try:
        result, problems = pipeline.generate(root / "sources", Path(config.docs_dir))
    except InputError as exc:
        for problem in exc.problems.errors:
            log.error(str(problem))
        return
    for problem in problems.warnings:
        log.info(str(problem))
    if result.changed:
        log.info(f"generator: {result}")


def on_page_content(html: str, page, config, files) -> str:
    """Make glossary abbreviations focusable, so their tooltips open from the keyboard too."""
    return html.replace("<abbr title=", '<abbr tabindex="0" title=')
