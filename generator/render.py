"""Render the site model into Markdown pages, one Jinja2 template per page kind."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import jinja2
import yaml

from generator import markdown
from generator.models import Document, Site

TEMPLATES = Path(__file__).parent / "templates"
LOCALES = Path(__file__).parent / "locales"
SOURCES_DIR = "sumber"


@dataclass(frozen=True)
class Page:
    """A generated page: where it goes, what it says, and which inputs it was made from."""

    path: str
    content: str


@cache
def ui(lang: str) -> dict:
    """Interface words for ``lang`` from ``locales/<lang>.yml``."""
    return yaml.safe_load((LOCALES / f"{lang}.yml").read_text(encoding="utf-8"))


def page_file(stem: str, lang: str, site: Site) -> str:
    """``stem.md`` for the default language, ``stem.<lang>.md`` for the others."""
    return f"{stem}.md" if lang == site.config.default_language else f"{stem}.{lang}.md"


def relative(target: str, start: str) -> str:
    """Link from the page file ``start`` to the page file ``target``."""
    return Path(os.path.relpath(target, Path(start).parent)).as_posix()


def relative_all(targets: dict[str, str], start: str) -> dict[str, str]:
    return {key: relative(path, start) for key, path in targets.items()}


def format_date(value: date | None, lang: str) -> str:
    if value is None:
        return ui(lang)["unknown"]
    return f"{value.day} {ui(lang)['months'][value.month - 1]} {value.year}"


def document_name(doc: Document, lang: str) -> str:
    """The printed title in ``lang``, or the editors' label in square brackets."""
    meta = doc.meta
    if meta.title:
        return meta.title[lang]
    return f"[{meta.label[lang]}]"


def project_path(path: Path) -> str:
    """``sources/...`` path of an input file, as a contributor sees it in the repository."""
    parts = Path(path).parts
    return "/".join(parts[parts.index("sources") :]) if "sources" in parts else Path(path).name


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        finalize=markdown.escape,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        date=format_date,
        link=markdown.link,
        plain=markdown.plain,
        yaml=markdown.yaml_string,
        name=document_name,
        project_path=project_path,
    )
    return env


def render(site: Site) -> list[Page]:
    """Every page of the site in every language."""
    env = environment()
    pages = []
    for lang in site.config.languages:
        common = {"site": site, "lang": lang, "ui": ui(lang), "config": site.config}
        index = page_file("index", lang, site)
        sources_index = page_file(f"{SOURCES_DIR}/index", lang, site)
        doc_files = {doc.id: page_file(f"{SOURCES_DIR}/{doc.id}", lang, site) for doc in site.documents}
        home = env.get_template("home.md.j2").render(
            **common,
            links=relative_all(doc_files, index),
            sources_index=relative(sources_index, index),
            inputs=[site.config.path],
        )
        listing = env.get_template("source_index.md.j2").render(
            **common, links=relative_all(doc_files, sources_index), inputs=[site.config.path]
        )
        pages += [Page(index, home), Page(sources_index, listing)]
        for doc in site.documents:
            content = env.get_template("source.md.j2").render(
                **common,
                doc=doc,
                inputs=[doc.raw.path, doc.raw.meta_path, *doc.raw.translation_paths.values()],
                statuses=site.translations.get((doc.id, lang)),
            )
            pages.append(Page(doc_files[doc.id], content))
    return pages
