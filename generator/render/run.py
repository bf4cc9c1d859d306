"""The render stage in one call: every page of the site in every language, the drawings, the
citation files and the files about the site. One Jinja2 template per kind of page."""

from __future__ import annotations

import html
import multiprocessing
import os
import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import jinja2
from markupsafe import Markup

from generator.model import BuildFacts, PageKey, PageKind, Site, inline
from generator.read.kept import engine as engine_digest
from generator.render import cite_this, markdown_text, open_data, print_version, reads, record
from generator.render.addresses import stem
from generator.render.context import PageContext
from generator.render.drawings import connections_drawings, drawings
from generator.render.feeds import feeds
from generator.render.formats import document_name, format_date, front_title, project_path, svg_size
from generator.render.kinds import claims, entries, sources, story, updates
from generator.render.output import Page
from generator.render.page import RenderJob
from generator.render.reads import Path_, Read, Reads, View, whole
from generator.render.record import JobRecord, RenderRecord
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
        work += updates.jobs(site, lang)
        work.append(print_version.job(site, lang))
    return [updates.with_update_inputs(site, job) for job in work]


@dataclass(frozen=True)
class Rendered:
    """One job's output: its page and the page's citation files, its title (as its front matter
    has it) and what it read (None: render it every time)."""

    pages: tuple[Page, ...]
    title: str
    reads: tuple[Read, ...] | None


class Renderer:
    """Renders jobs into pages: the templates, then footnotes and tooltip definitions. Each page
    sees views of the site, the facts and the drawings' sizes that note what it reads."""

    def __init__(self, site: Site, facts: BuildFacts, drawn: list[Page]):
        self.site, self.facts, self.env = site, facts, environment()
        self.sizes = {page.path.split("/", 1)[1]: svg_size(str(page.content)) for page in drawn}
        self.memo: dict[Path_, bytes] = {}
        """Digests taken in this build, shared by its pages."""

    def roots(self) -> dict[str, object]:
        return {"site": self.site, "facts": self.facts, "sizes": self.sizes}

    def __call__(self, job: RenderJob) -> Rendered:
        reads = Reads(self.memo)
        site = cast(Site, View(self.site, ("site",), reads))
        facts = cast(BuildFacts, View(self.facts, ("facts",), reads))
        sizes = cast(dict[str, tuple[int, int]], View(self.sizes, ("sizes",), reads))
        if job.whole:
            site, facts, sizes = whole(site), whole(facts), whole(sizes)
        page = PageContext(site, facts, job.lang, job.key, sizes)
        body = self.env.get_template(job.template).render(
            site=site,
            config=site.config,
            lang=job.lang,
            ui=page.ui,
            page=page,
            edit_path=project_path(job.edit),
            inputs=list(job.inputs),
            **job.values,
        )
        # Tooltips for the terms the text names; the ledger, a page for checking, goes without.
        tooltips = str(page.abbreviations(body, job.own)) if job.tooltips else ""
        front = front_title(body)
        title = html.unescape(front)
        citation = cite_this.page_block(page, title, list(job.inputs), project_path(job.edit))
        end = self.env.get_template("_page_end.md.j2").render(
            page=page, ui=page.ui, title=title, cite=citation
        )
        body = body.rstrip("\n") + "\n\n" + end.strip("\n") + "\n\n" + str(page.footnotes())
        group = stem(site, job.key, site.config.default_language)
        made = [Page(f"{job.lang}/{page.path}", body + "\n" + tooltips, group)]
        # the page's reference as BibTeX, RIS and CSL-JSON (generator/render/cite_this.py)
        for path, text in cite_this.files(site, facts, job.key, job.lang, title, list(job.inputs)):
            made.append(Page(f"{job.lang}/{path}", text))
        return Rendered(tuple(made), front, reads.result())


PARALLEL_FROM = 8
"""Render on every core from this many pages: after an edit the few pages rendered again often
include the heaviest (the print version, the method page), and forking costs little."""

_forked: tuple[Renderer, list[RenderJob]] | None = None
"""The renderer and the work, inherited by the forked workers."""


def _render_one(index: int) -> Rendered:
    assert _forked is not None, "set before the workers fork"
    renderer, work = _forked
    return renderer(work[index])


def ident(job: RenderJob) -> tuple[PageKey, str]:
    return job.key, job.lang


@dataclass
class Output:
    """What a build renders: the pages made, the files of the pages kept as the last build made
    them (``kept``, under the output folder) and the record for the next build."""

    pages: list[Page]
    kept: list[str]
    record: RenderRecord
    made: dict[tuple[PageKey, str], tuple[str, ...]]
    """Each page's files, to stamp in the record once written."""
    skipped: int = 0
    """How many pages were kept rather than rendered."""


def render(site: Site, facts: BuildFacts, parallel: bool = True) -> list[Page]:
    """Every file of the site in every language, on every core when there are many pages.

    Parallel rendering forks the process; callers inside a threaded server pass ``parallel=False``.
    """
    return render_changed(site, facts, None, None, parallel).pages


def render_changed(
    site: Site, facts: BuildFacts, previous: RenderRecord | None, out: Path | None, parallel: bool = True
) -> Output:
    """The pages whose reads changed since ``previous`` (the record of the last build into
    ``out``), and the files about the site; the other pages are kept. Without a record, every page."""
    reads.forget()
    work = jobs(site)
    drawn = [
        page for item in site.pages for lang in site.config.languages for page in drawings(site, item, lang)
    ] + connections_drawings(site)
    renderer = Renderer(site, facts, drawn)
    recording = out is not None  # a caller that writes nothing (the change report) keeps no record
    engine = engine_digest() if recording else b""
    digests = [_job_digest(job) if recording else None for job in work]
    usable = previous if previous is not None and previous.engine == engine else None
    done = _kept(work, digests, usable, out, renderer) if usable is not None and out is not None else {}
    todo = [number for number in range(len(work)) if number not in done]
    kept = set(done)
    for number, result in zip(todo, _run(renderer, [work[n] for n in todo], parallel), strict=True):
        done[number] = result
    results = [done[n] for n in range(len(work))]
    titles = {result.pages[0].path: result.title for result in results}
    keys = [job.key for job in work if job.key.kind != PageKind.print]  # new: no earlier address to forward
    pages = [page for n, result in enumerate(results) if n not in kept for page in result.pages]
    pages += drawn + redirects(site, keys, titles) + open_data_pages(site, facts) + feeds(site, facts)
    pages += descriptions(site, titles, facts)
    recorded = {
        ident(job): (d, result.reads, result.title)
        for job, d, result in zip(work, digests, results, strict=True)
        if d is not None and result.reads is not None
    }
    files = {
        ident(job): tuple(page.path for page in result.pages)
        for job, result in zip(work, results, strict=True)
    }
    return Output(
        pages + images(site),
        [page.path for n in sorted(kept) for page in results[n].pages],
        record.made_of(engine, recorded),
        files,
        len(kept),
    )


def _kept(
    work: list[RenderJob], digests: list[bytes | None], previous: RenderRecord, out: Path, renderer: Renderer
) -> dict[int, Rendered]:
    """The pages of ``work`` (by number) that ``previous`` shows need no rendering: their job is
    the same, their files in ``out`` are as written and everything they read digests the same."""
    verdicts: dict[int, bool] = {}
    kept = {}
    for number, job in enumerate(work):
        old = previous.intact(ident(job), out)
        if old is not None and digests[number] == old.job and _same(old, previous, renderer, verdicts):
            reads_ = tuple(previous.reads[n] for n in old.read_numbers())
            kept[number] = Rendered(tuple(Page(path, "") for path, _, _ in old.made), old.title, reads_)
    return kept


def _same(old: JobRecord, previous: RenderRecord, renderer: Renderer, verdicts: dict[int, bool]) -> bool:
    """True when every read of ``old`` (a page of ``previous``) digests the same now; each read
    is read again once (``verdicts``), its digest kept for the pages rendered after."""
    roots = renderer.roots()
    for number in old.read_numbers():
        same = verdicts.get(number)
        if same is None:
            read = previous.reads[number]
            now = renderer.memo.get(read.path) or reads.again(read, roots)
            if now is not None:
                renderer.memo[read.path] = now
            same = verdicts[number] = now == read.digest
        if not same:
            return False
    return True


def _job_digest(job: RenderJob) -> bytes | None:
    try:
        return reads.digest(job)
    except (pickle.PicklingError, TypeError, AttributeError):
        return None


def _run(renderer: Renderer, work: list[RenderJob], parallel: bool) -> list[Rendered]:
    """``work`` rendered, on every core when there is much of it."""
    global _forked
    workers = min(os.cpu_count() or 1, 8)
    if not (
        parallel
        and workers > 1
        and len(work) >= PARALLEL_FROM
        and "fork" in multiprocessing.get_all_start_methods()
    ):
        return [renderer(job) for job in work]
    _forked = (renderer, work)
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            # small chunks, handed out as workers free up: the heavy pages (the print versions)
            # do not wait for one another in one worker
            done = pool.map(_render_one, range(len(work)), chunksize=max(1, len(work) // (workers * 8)))
    finally:
        _forked = None
    return done
