"""Shared fixtures: a frozen collection for tests that need fixed content, the real sources for
invariants, and throwaway project copies to break.

The tiers: a test that asks for a fixture of BUILD_FIXTURES or BROWSER_FIXTURES is marked `build` or
`browser` here; a test that runs MkDocs or Java some other way carries the mark in its module.
`make test-fast` runs the tests with none of these marks."""

from __future__ import annotations

import fcntl
import hashlib
import os
import re
import shutil
import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest
import yaml

from generator import pipeline
from generator.model.words import ui

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "tests" / "fixtures" / "collection"
ENGLISH_FIRST = ROOT / "tests" / "fixtures" / "english-first"
"""An invented collection with English first and Indonesian second, for the tests that must hold
for any valid collection."""
"""The frozen five-document collection: tests that assert content read this, never sources/."""
REAL_SOURCES = ROOT / "sources"
"""The project's real collection: tests may only check invariants of it (tests/test_collection.py)."""
SEED_IDS = sorted(p.stem for p in SOURCES.glob("*.txt"))
PROJECT_FILES = ["Makefile", "mkdocs.yml", "pyproject.toml", "requirements.lock", "generator"]


def copy_collection(target: Path, collection: Path = SOURCES) -> Path:
    """Copy a test collection (the frozen one by default) to ``target``, as a project's
    ``sources/`` would be."""
    shutil.copytree(collection, target, ignore=shutil.ignore_patterns("README.md"))
    return target


NOTE = "A note invented for a test."


def write_notes(sources: Path) -> list[Path]:
    """Write the note of every draft update record in ``sources/updates/`` (the maintenance
    commands leave it empty, and ``make check`` refuses it so), in every language, as a contributor
    would; returns the records changed."""
    changed = []
    for path in sorted((sources / "updates").glob("*.yml")):
        text = path.read_text(encoding="utf-8")
        filled = re.sub(r'(?m)^(\s+[A-Za-z][A-Za-z0-9-]*): ""$', rf'\1: "{NOTE}"', text)
        if filled != text:
            path.write_text(filled, encoding="utf-8")
            changed.append(path)
    return changed


def checksums(sources: Path) -> dict[str, str]:
    """The file names listed in ``sources/SHA256SUMS`` and their digests."""
    path = sources / "SHA256SUMS"
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return {name: digest for digest, name in (line.split("  ", 1) for line in lines if line.strip())}


def record_checksum(sources: Path, name: str) -> None:
    digest = hashlib.sha256((sources / name).read_bytes()).hexdigest()
    with (sources / "SHA256SUMS").open("a", encoding="utf-8") as sums:
        sums.write(f"{digest}  {name}\n")


def copy_documents(src: Path, dst: Path, ids: list[str]) -> None:
    """Copy every ``<id>.*`` file of each document, and its SHA256SUMS line, from ``src`` to ``dst``."""
    listed = checksums(src)
    dst.mkdir(parents=True, exist_ok=True)
    with (dst / "SHA256SUMS").open("a", encoding="utf-8") as sums:
        for doc_id in ids:
            files = [p for p in src.glob(f"{doc_id}.*") if p.is_file()]
            assert src / f"{doc_id}.txt" in files, f"no document {doc_id} in {src}"
            for path in files:
                shutil.copy2(path, dst)
            sums.write(f"{listed[f'{doc_id}.txt']}  {doc_id}.txt\n")


def add_document(sources: Path, doc_id: str, data: bytes, meta: str) -> None:
    """Write ``<id>.txt`` and ``<id>.yml`` and record the text's checksum, as `make new-source` does."""
    (sources / f"{doc_id}.txt").write_bytes(data)
    (sources / f"{doc_id}.yml").write_text(meta, encoding="utf-8")
    record_checksum(sources, f"{doc_id}.txt")


def correct_document(sources: Path, doc_id: str, data: bytes) -> None:
    """Replace a document by a corrected version the documented way (`make update-source`), which
    keeps its paragraph keys and records the new checksum."""
    from generator.cli import main

    corrected = sources.parent / f"{doc_id}-corrected.txt"
    corrected.write_bytes(data)
    # The exit status is 1 while citations of changed paragraphs await confirmation; the
    # correction is recorded all the same.
    main(["--sources", str(sources), "update-source", doc_id, "--file", str(corrected), "--reason", "Uji"])
    write_notes(sources)  # the draft update record's note, as the contributor writes it
    assert checksums(sources)[f"{doc_id}.txt"] == hashlib.sha256(data).hexdigest(), "not recorded"


def site_config() -> str:
    """The frozen collection's ``site.yml`` without its home page, for collections with no pages."""
    return re.sub(r"\nhome_page:.*", "", (SOURCES / "site.yml").read_text(encoding="utf-8"))


def write_configuration(sources: Path) -> None:
    """A hand-made collection's configuration: ``site.yml`` (no home page) and the frozen
    collection's cleaning rules."""
    sources.mkdir(parents=True, exist_ok=True)
    (sources / "site.yml").write_text(site_config(), encoding="utf-8")
    shutil.copy(SOURCES / "cleaning.yml", sources / "cleaning.yml")


def mkdocs_config(pages: set[str]) -> str:
    """The real ``mkdocs.yml`` without nav entries for story pages not in ``pages``."""

    def produced(line: str) -> bool:
        match = re.search(r"([\w./-]+)\.md\W*$", line)
        always = ("index", ui("id")["ledger_slug"])  # the home page and the claims ledger
        return not match or match[1] in always or match[1].endswith("/index") or match[1] in pages

    kept, in_nav = [], False
    for line in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines(keepends=True):
        if line.strip() and not line[0].isspace():
            in_nav = line.startswith("nav:")
        if not in_nav or produced(line):
            kept.append(line)
    return "".join(kept)


def address(lang: str, path: str) -> str:
    """An address written with the Indonesian names (``sumber/001``, ``linimasa``) as it is in
    ``lang`` (``sources/001``, ``timeline``), for the frozen collection."""
    head, _, rest = path.partition("/")
    sections = {ui("id")["slugs"][kind]: ui(lang)["slugs"][kind] for kind in ui("id")["slugs"]}
    pages = {
        page.stem: (yaml.safe_load(page.read_text(encoding="utf-8")).get("slug") or {}).get(lang, page.stem)
        for page in (SOURCES / "pages").glob("*.yml")
    }
    if head == ui("id")["slugs"]["ledger"]:  # a part of the ledger is named by its story page
        rest = pages.get(rest, rest)
    head = sections.get(head) or pages.get(head, head)
    return "/".join(part for part in (head, rest) if part)


def docs_file(lang: str, path: str) -> str:
    """The generated file of the page at Indonesian address ``path`` in ``lang``: ``en/sources/001.md``."""
    return f"{lang}/{address(lang, path)}.md"


def render_pages(site, *paths: str) -> dict[str, str | bytes]:
    """The generated pages at ``paths`` (``en/sources/001_....md``, ``en/assets/charts/network-en.svg``),
    made as ``render`` makes them but without the rest of the site: for tests that read a few pages."""
    from generator.model import BuildFacts
    from generator.render.addresses import stem
    from generator.render.drawings import connections_drawings, drawings
    from generator.render.run import Renderer, jobs

    languages = site.config.languages
    drawn = [page for story in site.pages for lang in languages for page in drawings(site, story, lang)]
    drawn += connections_drawings(site)
    found = {page.path: page.content for page in drawn if page.path in paths}
    renderer = Renderer(site, BuildFacts(), drawn)
    for job in jobs(site):
        if f"{job.lang}/{stem(site, job.key, job.lang)}.md" in paths:
            page = renderer(job).pages[0]
            found[page.path] = page.content
    assert set(found) == set(paths), f"no such page: {sorted(set(paths) - set(found))}"
    return found


@pytest.fixture(scope="session")
def site():
    """The site model built from the frozen collection."""
    built, _ = pipeline.build(SOURCES)
    return built


@pytest.fixture
def in_cwd(tmp_path: Path, monkeypatch) -> Path:
    """A copy of the frozen collection as ``sources/`` in the working directory, so that messages
    name its files as ``sources/...``."""
    monkeypatch.chdir(tmp_path)
    return copy_collection(tmp_path / "sources")


@pytest.fixture
def sources_copy(tmp_path: Path) -> Path:
    """A writable copy of the frozen collection to damage in a test."""
    return copy_collection(tmp_path / "sources")


def document(site, doc_id: str):
    return next(doc for doc in site.documents if doc.id == doc_id)


TEST_REPO = "https://github.com/example/explainer"
PUBLISHED = "https://example.github.io/explainer/"
"""The address the project copies are published at: the GitHub Pages address of TEST_REPO."""
"""The repository the copy's edit links point to (a build needs REPO_URL or a web remote)."""


MAKE_STATE = ("MAKELEVEL", "MAKEFLAGS", "MFLAGS", "MAKEOVERRIDES")
"""Variables an enclosing `make test` passes down: without them, `make` runs as a contributor's does."""


def make(project: Path, *args: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key not in MAKE_STATE} | {"REPO_URL": TEST_REPO}
    return subprocess.run(["make", *args], cwd=project, capture_output=True, text=True, check=False, env=env)


def project_copy(target: Path, collection: Path = SOURCES) -> Path:
    """The project with ``collection`` (the frozen one by default) as sources/, sharing this
    checkout's .venv, not built."""
    target.mkdir(parents=True)
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    sources = copy_collection(target / "sources", collection)
    pages = {p.stem for p in (sources / "pages").glob("*.yml")}
    (target / "mkdocs.yml").write_text(mkdocs_config(pages), encoding="utf-8")
    os.symlink(ROOT / ".venv", target / ".venv")
    return target


@contextmanager
def locked(path: Path):
    """Hold an exclusive lock on ``path`` (made if missing) for the block: one process at a time."""
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def shared_folder(tmp_path_factory) -> Path:
    """A folder that every worker of this test run sees (pytest-xdist gives each worker its own
    temporary folder inside it)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def build_once(tmp_path_factory, name: str, build) -> Path:
    """``build(target)`` run once per test run, whichever worker asks first; the others wait for it
    and use what it built. A failed build fails every test that needs it, with its message."""
    folder = shared_folder(tmp_path_factory)
    target, failed = folder / name, folder / f"{name}.failed"
    with locked(folder / f"{name}.lock"):
        if failed.exists():
            pytest.fail(failed.read_text(encoding="utf-8"))
        if not (folder / f"{name}.done").exists():
            try:
                build(target)
            except BaseException as error:
                failed.write_text(f"building the shared {name} failed: {error}", encoding="utf-8")
                raise
            (folder / f"{name}.done").touch()
    return target


def build_project(target: Path) -> None:
    project_copy(target)
    result = make(target)
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="session")
def project(tmp_path_factory) -> Path:
    """A copy of the project with the frozen collection as its sources/, sharing this checkout's
    .venv, built with `make` once for the whole test run and shared by every worker: read it, never
    change it (a test that changes it asks for ``scratch``)."""
    return build_once(tmp_path_factory, "project", build_project)


@pytest.fixture(scope="session")
def english_first(tmp_path_factory) -> Path:
    """The site/ built by `make` in a project copy whose sources/ is the English-first collection
    (tests/fixtures/english-first/), once per test run."""

    def build(target: Path) -> None:
        project_copy(target, ENGLISH_FIRST)
        result = make(target)
        assert result.returncode == 0, result.stderr

    return build_once(tmp_path_factory, "english-first", build) / "site"


@pytest.fixture(scope="session")
def built(project) -> Path:
    """The site/ folder built by `make` in the copy."""
    return project / "site"


@pytest.fixture(scope="session")
def real_site() -> Path:
    """The site/ built from the real sources/ in this checkout (`make test` builds it first)."""
    if not (ROOT / "site" / "index.html").is_file():
        pytest.fail(f"{ROOT / 'site'} is missing: run `make` (or `make test`, which builds it first)")
    return ROOT / "site"


@pytest.fixture
def scratch(project, tmp_path):
    """A built project copy of this test's own, whose sources, docs/ and site/ it may change: a copy
    of ``project`` with every file's time kept, so that `make` finds it up to date."""
    return Path(shutil.copytree(project, tmp_path / "scratch", symlinks=True))


BUILD_FIXTURES = {"project", "built", "scratch", "real_site", "english_first", "collection"}
"""Fixtures that need a MkDocs build (``collection`` of tests/test_collection.py gives one of two
built sites)."""
BROWSER_FIXTURES = {"browser"}


ONE_WORKER = ("tests/test_incremental.py", "tests/test_serve.py")
"""Modules whose tests share a module's project copy and run in order: pytest-xdist gives each of
them to one worker (tests elsewhere go to whichever worker is free). Their `xdist_group` marks say
the same, but pytest-xdist 3.8 cannot apply those under pytest 9 (it renames ``item._nodeid``, which
pytest 9 no longer reads), hence this scheduler."""


def pytest_xdist_make_scheduler(config, log):
    from xdist.scheduler import LoadScopeScheduling

    class Scheduler(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            module = nodeid.split("::", 1)[0]
            return module if module in ONE_WORKER else nodeid

    return Scheduler(config, log)


LONG_FIRST = (
    "tests/test_robustness.py::test_a_large_document",
    "tests/test_incremental.py",
    "tests/test_serve.py",
    "tests/test_html.py::test_the_nu_html_checker",
)
"""The longest tests, started first so that no worker is left running one alone at the end: only the
order of the run depends on it (a stale name costs time, never a test)."""


def pytest_collection_modifyitems(items):
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if names & BUILD_FIXTURES:
            item.add_marker(pytest.mark.build)
        if names & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
    items.sort(key=lambda item: not item.nodeid.startswith(LONG_FIRST))


def built_pages(site: Path):
    """``(language, address from the root, html)`` of every page of a built site made from a
    template (not the forwarding pages at old addresses): ``("en", "en/glossary/umkm/", ...)``."""
    for path in sorted(site.rglob("index.html")):
        html = path.read_text(encoding="utf-8")
        if "application/ld+json" not in html:
            continue
        lang = re.search(r'<html lang="([^"]+)"', html)[1]
        folder = path.parent.relative_to(site).as_posix()
        yield lang, "" if folder == "." else folder + "/", html


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium, driven by Playwright (tests/browser.py)."""
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM, CHROMIUM_ARGS

    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: install Debian's chromium (make test does)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@contextmanager
def serving(site: Path):
    """The built ``site`` served at the published address's path, as GitHub Pages would: its
    address, while the block runs."""
    from urllib.parse import urlsplit

    from tools.serve import serve

    server, url = serve(site, prefix=urlsplit(PUBLISHED).path)
    try:
        yield url
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def page(browser):
    """A fresh browser page (its own context: no cookies or storage from another test)."""
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()
