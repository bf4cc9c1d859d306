"""MkDocs hooks: regenerate ``docs/`` while serving; make glossary tooltips keyboard-friendly."""

from __future__ import annotations

import logging
from pathlib import Path

from generator import pipeline
from generator.problems import InputError

log = logging.getLogger("mkdocs.hooks.generator")
_serving = False


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


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
