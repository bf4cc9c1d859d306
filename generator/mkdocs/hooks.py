"""MkDocs hooks: regenerate ``docs/`` while serving, show problems in ``sources/`` on the served
pages and index them for search; point "edit this page" at the file in ``sources/`` a page was made
from; make glossary tooltips keyboard-friendly."""

from __future__ import annotations

import logging
import os
import re
import subprocess
import traceback
from functools import cache
from html import escape
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from mkdocs.commands.build import _build_template
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

from generator import pipeline
from generator.locale import LOCALES, ui
from generator.mkdocs.build import index
from generator.problems import InputError, display_path

log = logging.getLogger("mkdocs.hooks.generator")
_serving = False
_problems: list[str] = []
"""While serving: what the last regeneration found wrong, as ``file:line: what -- how`` lines."""


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"
    if _serving:
        # Which language the i18n plugin builds and which settings it overrides, at every rebuild:
        # nothing a contributor needs. Its warnings still show.
        logging.getLogger("mkdocs.plugins.mkdocs_static_i18n").setLevel(logging.WARNING)


def i18n_building(config) -> bool:
    """True inside the builds the i18n plugin starts for the other languages, after the first."""
    return bool(getattr(config.plugins.get("i18n"), "building", False))


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
    """Regenerate before each rebuild while serving (once, not again for each language). Problems
    do not stop the server: docs/ keeps the last good pages, and every page lists the problems."""
    if not _serving or i18n_building(config):
        return
    root = Path(config.config_file_path).parent
    try:
        # Not parallel: forking inside the threaded dev server is unsafe.
        result, problems = pipeline.generate(root / "sources", Path(config.docs_dir), parallel=False)
    except InputError as exc:
        _problems[:] = [str(problem) for problem in exc.problems.errors]
    except Exception as exc:  # a bug in the generator must not stop the preview either
        log.exception("generator failed")
        _problems[:] = [describe(exc)]
    else:
        _problems.clear()
        for problem in problems.warnings:
            log.info(str(problem))
        if result.changed:
            log.info(f"generator: {result}")
    for problem in _problems:
        log.error(problem)


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


def on_page_content(html: str, page, config, files) -> str:
    """Make glossary abbreviations focusable, so their tooltips open from the keyboard too."""
    return html.replace("<abbr title=", '<abbr tabindex="0" title=')


_build: dict = {}


def language_roots(config) -> list[dict]:
    """Each language's home page, absolute from the site root: ``/`` and ``/en/``."""
    root = urlsplit(config.site_url or "/").path or "/"
    i18n = config.plugins.get("i18n")
    languages = i18n.config.languages if i18n else []
    return [
        {"name": item.name, "lang": item.locale, "link": root + ("" if item.default else f"{item.locale}/")}
        for item in languages
    ]


def on_env(env, config, files):
    """Interface words for every template of this language's build, 404 page included."""
    language = config.theme.get("language") or "en"
    root = urlsplit(config.site_url or "/").path or "/"
    env.globals["explainer"] = ui(language)
    env.globals["site_root"] = root
    env.globals["language_home"] = next(
        (item["link"] for item in language_roots(config) if item["lang"] == language), root
    )
    _build.update(env=env, files=files)
    return env


def on_template_context(context, template_name, config):
    """The 404 page's language links lead to each language's home page."""
    if template_name == "404.html":
        # The i18n plugin sets this as an attribute, per page; the last page's would leak in.
        context["config"].extra.alternate = language_roots(config)
        base = config.site_url or "/"
        context["hreflang"] = [
            {"lang": a["lang"], "href": urljoin(base, a["link"])} for a in language_roots(config)
        ]
    return context


def on_nav(nav, config, files):
    _build["nav"] = nav
    return nav


@event_priority(-200)  # after the i18n plugin's, which builds the other languages
def on_post_build(config) -> None:
    """A 404 page for each language: the i18n plugin writes only one, at the root. While serving,
    once every language is built, the search index, as `make` builds it."""
    i18n = config.plugins.get("i18n")
    language = config.theme.get("language")
    if i18n is not None and language != i18n.default_language and "env" in _build:
        template = _build["env"].get_template("404.html")
        # MkDocs' own renderer for error pages (absolute links); pinned mkdocs<2 keeps it stable.
        page = _build_template("404.html", template, _build["files"], config, _build["nav"])
        target = Path(config.site_dir) / language / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page, encoding="utf-8")
    if _serving and not i18n_building(config) and index(Path(config.site_dir)) != 0:
        log.error("search: Pagefind failed (its output is above); the preview has no search")


def alternates(config) -> list[dict]:
    """This page's language versions (links from the site root), set by the i18n plugin."""
    return getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []


@event_priority(-100)  # after the i18n plugin has set this page's language versions
def on_page_context(context, page, config, nav):
    """The way back to the site root, and the page's language versions as absolute addresses
    (search engines want absolute hreflang links; the i18n plugin gives relative ones)."""
    depth = page.url.count("/") if page.url else 0
    context["site_root"] = "../" * depth or "./"
    root = config.site_url or "/"
    context["hreflang"] = [
        {"lang": alt["lang"], "href": urljoin(root, alt["link"])} for alt in alternates(config)
    ]
    return context
