"""MkDocs hooks, for what only a hook can do, all of it while serving (`make serve`): regenerate
``docs/``, build the other languages beside the one MkDocs serves, show problems in ``sources/`` on
the served pages and index them for search. A build (`make`) runs none of them."""

from __future__ import annotations

import logging
import re
import subprocess
import sys
import traceback
from html import escape
from pathlib import Path

from mkdocs.exceptions import Abort

from generator.model.problems import display_path
from generator.model.words import LOCALES, ui
from generator.publish.build import index, roots
from generator.publish.builder_config import write as write_configs

log = logging.getLogger("mkdocs.hooks.generator")
_serving = False
_problems: list[str] = []
"""While serving: what the last regeneration found wrong, as ``file:line: what -- how`` lines."""


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def project_root(config) -> Path:
    """The project's folder: the one holding ``sources/``, above the generated configuration."""
    folder = Path(config.config_file_path).resolve().parent
    return next((p for p in (folder, *folder.parents) if (p / "sources").is_dir()), folder)


def on_pre_build(config) -> None:
    """Regenerate before each rebuild while serving (once, not again for each language). Problems
    do not stop the server: docs/ keeps the last good pages, and every page lists the problems.

    The generator runs as its own command (``python -m generator generate``), as ``make`` runs it:
    the builder's glue knows its command line, not its code."""
    if not _serving:
        return
    root = project_root(config)
    command = [sys.executable, "-m", "generator", "--sources", "sources", "generate", "--out", "docs"]
    done = subprocess.run(command, cwd=root, capture_output=True, text=True, check=False)
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    if done.returncode == 0:
        _problems.clear()
        for line in lines:  # warnings
            log.info(line)
        report = done.stdout.strip().removeprefix("generate: ")
        if not re.fullmatch(r"0 written, \d+ unchanged, 0 removed", report):
            log.info(f"generator: {report}")
        write_configs(root, Path(config.config_file_path).parent)
    elif done.returncode == 1:  # problems in sources/: one line each, then a count
        _problems[:] = [line for line in lines if not line.endswith("nothing was written.")]
    else:  # a bug in the generator must not stop the preview either
        _problems[:] = lines or [f"generator: exited with status {done.returncode} -- the terminal shows why"]
    for shown in _problems:
        log.error(shown)


def describe(exc: Exception) -> str:
    """An unexpected failure as one ``file:line: what -- how`` line: where it was raised."""
    if isinstance(exc, Abort):  # strict mode: MkDocs logged the reasons as it went
        return f"mkdocs: {exc} -- the terminal lists the warnings"
    frames = traceback.extract_tb(exc.__traceback__)
    where = f"{display_path(frames[-1].filename)}:{frames[-1].lineno}: " if frames else ""
    return f"{where}{type(exc).__name__}: {exc} -- the terminal shows the traceback"


BANNER_CLASS = "explainer-problems"
EMPTY_PAGE = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Preview</title></head>'
    "<body></body></html>"
)


def with_banner(page: str, problems: list[str]) -> str:
    """``page`` (a whole HTML document) with the problems listed at the top of its content, in
    the page's language; unchanged if it lists them already."""
    if f'class="{BANNER_CLASS}' in page:
        return page
    lang = re.search(r'<html lang="([\w-]+)"', page)
    title = ui(lang[1] if lang and (LOCALES / f"{lang[1]}.yml").exists() else "en")["preview_problems"]
    items = "".join(f"<li><code>{escape(problem)}</code></li>" for problem in problems)
    banner = (
        f'<div class="{BANNER_CLASS} md-typeset" role="alert" data-pagefind-ignore>'
        f'<div class="admonition failure"><p class="admonition-title">{escape(title)}</p>'
        f"<ul>{items}</ul></div></div>"
    )
    start = re.search(r'<article class="md-content__inner[^"]*">', page) or re.search(r"<body[^>]*>", page)
    return page[: start.end()] + banner + page[start.end() :] if start else banner + page


def on_post_page(output: str, page, config) -> str:
    """While serving with problems in sources/: the page, with the problems on it."""
    return with_banner(output, _problems) if _serving and _problems else output


def on_serve(server, config, builder):
    """Never leave the preview stuck. After a rebuild that raises (in strict mode, MkDocs raises
    at the end of a build that logged an error, such as a problem in sources/), MkDocs' server
    holds every request until a rebuild succeeds. Instead, serve what there is, each page (and,
    for a page the failure left out, the 404 page) saying what went wrong."""

    def rebuild(*args, **kwargs) -> None:
        try:
            builder(*args, **kwargs)
        except Exception as exc:
            if not isinstance(exc, Abort):
                log.exception("rebuild failed")
            problems = _problems if isinstance(exc, Abort) and _problems else [*_problems, describe(exc)]
            site = Path(server.root)
            for page in site.rglob("*.html"):
                page.write_text(with_banner(page.read_text(encoding="utf-8"), problems), encoding="utf-8")
            if not (site / "404.html").is_file():
                (site / "404.html").write_text(with_banner(EMPTY_PAGE, problems), encoding="utf-8")
            log.warning("Every page of the preview lists the problems until they are fixed.")

    server.builder = rebuild
    return server


def on_post_build(config) -> None:
    """While serving: the other languages, built as `make` builds them, into the served folder
    (``/<lang>/``), then the search index of the whole preview."""
    if not _serving:
        return
    site = Path(config.site_dir)
    served = Path(config.config_file_path).resolve()
    others = [p for p in sorted(served.parent.glob("*.yml")) if p.resolve() != served]
    for other in others:
        target = site / other.stem
        command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(other), "-d", str(target)]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            log.error(f"building {other.stem}: {result.stderr.strip()}")
        elif _problems:
            for page in target.rglob("*.html"):
                page.write_text(with_banner(page.read_text(encoding="utf-8"), _problems), encoding="utf-8")
    if index(site, roots([served, *others])) != 0:  # the served language first, at the root
        log.error("search: Pagefind failed (its output is above); the preview has no search")
