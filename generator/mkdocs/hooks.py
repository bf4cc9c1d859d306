"""MkDocs hooks: regenerate ``docs/`` while serving; point "edit this page" at the file in
``sources/`` a page was made from; make glossary tooltips keyboard-friendly."""

from __future__ import annotations

import logging
import os
import re
import subprocess
from functools import cache
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from mkdocs.commands.build import _build_template
from mkdocs.plugins import event_priority

from generator import pipeline
from generator.locale import ui
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
        # Not parallel: forking inside the threaded dev server is unsafe.
        result, problems = pipeline.generate(root / "sources", Path(config.docs_dir), parallel=False)
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


def on_post_build(config) -> None:
    """A 404 page for each language: the i18n plugin writes only one, at the root."""
    i18n = config.plugins.get("i18n")
    language = config.theme.get("language")
    if i18n is None or language == i18n.default_language or "env" not in _build:
        return
    template = _build["env"].get_template("404.html")
    # MkDocs' own renderer for error pages (absolute links); pinned mkdocs<2 keeps it stable.
    html = _build_template("404.html", template, _build["files"], config, _build["nav"])
    target = Path(config.site_dir) / language / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(html, encoding="utf-8")


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
