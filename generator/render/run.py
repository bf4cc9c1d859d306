"""The render stage in one call: every page of the site in every language, the drawings, the
citation files and the files about the site. One Jinja2 template per kind of page."""

from __future__ import annotations

import html
import multiprocessing
import os
from pathlib import Path

import jinja2
from markupsafe import Markup

from generator.model import BuildFacts, PageKind, Site, inline
from generator.render import cite_this, markdown_text, open_data, print_version
from generator.render.addresses import stem
from generator.render.context import PageContext
from generator.render.drawings import connections_drawings, drawings
from generator.render.formats import document_name, format_date, front_title, project_path, svg_size
from generator.render.kinds import claims, entries, sources, story
from generator.render.output import Page
from generator.render.page import RenderJob
from generator.render.site_files import descriptions, open_data_pages, redirects
from generator.render.social_image import images

TEMPLATES = Path(__file__).parent / "templates"


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        extensions=["jinja2.ext.do"],
        auto_reload=False,
        finalize=markdown_text.escape,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["opendata"] = open_data  # the open data's files, for the pages that offer them
    env.filters.update(
        date=format_date,
        link=markdown_text.link,
        plain=markdown_text.plain,
        yaml=markdown_text.yaml_string,
        name=document_name,
        project_path=project_path,
        text=inline.plain,
        html=lambda value: Markup(html.escape(" ".join(str(value).split()))),
    )
    env.globals.update(print_version.GLOBALS)  # the print version's parts (generator/render/print_version.py)
    return env


def jobs(site: Site) -> list[RenderJob]:
    """Every page to render, in a fixed order: per language, each kind of page in turn."""
    work: list[RenderJob] = []
    for lang in site.config.languages:
        work += story.home_jobs(site, lang)
        work += sources.index_jobs(site, lang)
        work += entries.index_jobs(site, lang)
        work += sources.jobs(site, lang)
        work += entries.jobs(site, lang)
        work += claims.jobs(site, lang)
        work += story.jobs(site, lang)
        work.append(print_version.job(site, lang))
    return work


class Renderer:
    """Renders jobs into pages: the templates, then footnotes and tooltip definitions."""

    def __init__(self, site: Site, facts: BuildFacts, drawn: list[Page]):
        self.site, self.facts, self.env = site, facts, environment()
        self.sizes = {page.path.split("/", 1)[1]: svg_size(str(page.content)) for page in drawn}

    def __call__(self, job: RenderJob) -> Page:
        page = PageContext(self.site, self.facts, job.lang, job.key, self.sizes)
        body = self.env.get_template(job.template).render(
            site=self.site,
            config=self.site.config,
            lang=job.lang,
            ui=page.ui,
            page=page,
            edit_path=project_path(job.edit),
            inputs=list(job.inputs),
            **job.values,
        )
        # Tooltips for the terms the text names; the ledger, a page for checking, goes without.
        tooltips = str(page.abbreviations(body, job.own)) if job.tooltips else ""
        title = html.unescape(front_title(body))
        citation = cite_this.page_block(page, title, list(job.inputs), project_path(job.edit))
        end = self.env.get_template("_page_end.md.j2").render(
            page=page, ui=page.ui, title=title, cite=citation
        )
        body = body.rstrip("\n") + "\n\n" + end.strip("\n") + "\n\n" + str(page.footnotes())
        group = stem(self.site, job.key, self.site.config.default_language)
        return Page(f"{job.lang}/{page.path}", body + "\n" + tooltips, group)


_forked: tuple[Renderer, list[RenderJob]] | None = None
"""The renderer and the work, inherited by the forked workers."""


def _render_share(indexes: range) -> list[Page]:
    assert _forked is not None, "set before the workers fork"
    renderer, work = _forked
    return [renderer(work[i]) for i in indexes]


def render(site: Site, facts: BuildFacts, parallel: bool = True) -> list[Page]:
    """Every file of the site in every language, on every core when there are many pages.

    Parallel rendering forks the process; callers inside a threaded server pass ``parallel=False``.
    """
    global _forked
    work = jobs(site)
    drawn = [
        page for item in site.pages for lang in site.config.languages for page in drawings(site, item, lang)
    ] + connections_drawings(site)
    renderer = Renderer(site, facts, drawn)
    workers = min(os.cpu_count() or 1, 8)
    if parallel and workers > 1 and len(work) >= 100 and "fork" in multiprocessing.get_all_start_methods():
        _forked = (renderer, work)
        try:
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                shares = pool.map(_render_share, [range(i, len(work), workers) for i in range(workers)])
        finally:
            _forked = None
        pages = [shares[i % workers][i // workers] for i in range(len(work))]
    else:
        pages = [renderer(job) for job in work]
    keys = [job.key for job in work if job.key.kind != PageKind.print]  # new: no earlier address to forward
    out = pages + drawn + redirects(site, keys, pages) + open_data_pages(site) + descriptions(site, pages)
    return out + citation_files(site, facts, work, pages) + images(site)


def citation_files(site: Site, facts: BuildFacts, work: list[RenderJob], pages: list[Page]) -> list[Page]:
    """Each page's reference as BibTeX, RIS and CSL-JSON (``generator/render/cite_this.py``)."""
    out = []
    for job, page in zip(work, pages, strict=True):
        title = html.unescape(front_title(str(page.content)))
        for path, text in cite_this.files(site, facts, job.key, job.lang, title, list(job.inputs)):
            out.append(Page(f"{job.lang}/{path}", text))
    return out
