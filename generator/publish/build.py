"""Build ``site/`` with MkDocs and index it with Pagefind, so that a failed build leaves the
previous ``site/`` intact.

Each language is a build of its own (``generator/publish/builder_config.py``), run side by side; they
write into fresh folders beside ``site/``, joined into one (the default language at the root, the
others under ``/<lang>/``); only a successful build replaces ``site/``. After an edit that changed
only pages, just those are built again (``incremental.py``).
Run as ``python -m generator.publish.build``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import yaml

from generator.publish import incremental
from generator.publish.builder_config import write as write_configs

SITE = Path("site")
# Material's own search (lunr, its worker) is replaced by Pagefind: its files are never loaded.
UNUSED = ["assets/javascripts/lunr", "assets/javascripts/workers", "search.json"]
# Not indexed: footnotes (copies of source paragraphs), "cited by" lines, permalink and edit icons.
NOT_INDEXED = [".footnote", ".src-citedby", ".headerlink", ".md-content__button"]
# HTML allows `autocomplete` only on text-like inputs; the theme's base template (not a partial
# that could be overridden) puts it on its two state checkboxes.
THEME_FIXES = [
    (' type="checkbox" id="__drawer" autocomplete="off">', ' type="checkbox" id="__drawer">'),
    # The search toggle (the site searches with Pagefind) is named by the search dialog's title.
    (
        ' type="checkbox" id="__search" autocomplete="off">',
        ' type="checkbox" id="__search" aria-labelledby="explainer-search-title">',
    ),
]
# On a page without a table of contents, the theme's toggle for it has no label and no use.
UNUSED_TOC = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">'
SEARCH_BODY = b"data-pagefind-body"
"""What marks a page that Pagefind indexes (``overrides/main.html``)."""


def prune(site: Path) -> None:
    """Drop theme assets the site never loads, in every language, and the theme's source maps
    (only a debugger reads them; the theme's own sources in them name a loopback address)."""
    for folder in [site, *(p.parent for p in site.glob("*/sitemap.xml"))]:
        for name in UNUSED:
            if (folder / name).is_file():
                (folder / name).unlink()
            shutil.rmtree(folder / name, ignore_errors=True)
        for source_map in folder.glob("assets/*/*.map"):
            source_map.unlink()


def tidy(new: Path, site: Path) -> None:
    """Apply ``THEME_FIXES`` (and drop ``UNUSED_TOC``) to the pages this build wrote (in an
    incremental build, the others are links to ``site``'s pages, fixed when they were built)."""
    for page in new.rglob("*.html"):
        before = site / page.relative_to(new)
        if before.is_file() and before.samefile(page):
            continue
        text = page.read_text(encoding="utf-8")
        fixed = text
        for wrong, right in THEME_FIXES:
            fixed = fixed.replace(wrong, right)
        if 'for="__toc"' not in fixed:
            fixed = fixed.replace(UNUSED_TOC, "")
        if fixed != text:
            page.write_text(fixed, encoding="utf-8")


def robots(site: Path, configs: list[Path]) -> None:
    """``robots.txt``: everything may be crawled; the sitemap of every language, when the site's
    address is known (never a guessed one)."""
    lines = ["User-agent: *", "Allow: /"]
    for config in configs:
        address = yaml.safe_load(config.read_text(encoding="utf-8")).get("site_url")
        if address:
            lines.append(f"Sitemap: {address.rstrip('/')}/sitemap.xml")
    path = site / "robots.txt"
    path.unlink(missing_ok=True)  # in an incremental build, a link to the previous site's file
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def roots(configs: list[Path]) -> list[str]:
    """Where each language's site starts: ``""`` for the first configuration's, ``"<lang>/"``."""
    return ["" if number == 0 else f"{config.stem}/" for number, config in enumerate(configs)]


def pages_of(site: Path, root: str, others: list[str]) -> str:
    """A Pagefind glob for the pages of the language at ``root``: the pages in its folder but not
    in the other languages' folders, the search bundles or the assets. A folder that holds one
    page and nothing else, a page that is not searched (no ``data-pagefind-body``: the print
    version), is left out: Pagefind would read it only to find nothing to index."""
    skipped = {other.rstrip("/") for other in others} | {"pagefind", "assets"}
    folders = sorted(
        path.name
        for path in (site / root).iterdir()
        if path.is_dir() and path.name not in skipped and searched(path)
    )
    return "{" + ",".join([f"{root}*.html", *(f"{root}{name}/**/*.html" for name in folders)]) + "}"


def searched(folder: Path) -> bool:
    """False for a folder whose only content is a page without a search body."""
    if [path.name for path in folder.iterdir()] != ["index.html"]:
        return True
    with open(folder / "index.html", "rb") as page:
        return SEARCH_BODY in page.read()


def index(site: Path, languages: list[str], only: set[str] | None = None) -> int:
    """Pagefind: a search bundle per language, at ``<root>pagefind/`` (each page's search loads
    its own language's), stemmed in its language. ``only``: the roots to index again (the others'
    bundles are kept); all of them by default. The languages are indexed side by side."""
    runs = []
    for root in languages if only is None else [r for r in languages if r in only]:
        shutil.rmtree(site / root / "pagefind", ignore_errors=True)
        glob = pages_of(site, root, [r for r in languages if r])
        command = [sys.executable, "-m", "pagefind", "--site", str(site), "--quiet", "--glob", glob]
        command += ["--output-subdir", f"{root}pagefind"]
        for selector in NOT_INDEXED:
            command += ["--exclude-selectors", selector]
        runs.append(
            (root, subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True))
        )
    failed = 0
    for root, process in runs:
        output, _ = process.communicate()
        if process.returncode != 0:
            print(output, file=sys.stderr)
            failed = process.returncode
            continue
        # Pagefind lists the languages in no fixed order: sorted, the same site gives the same bytes.
        entry = site / root / "pagefind" / "pagefind-entry.json"
        entry.write_text(json.dumps(json.loads(entry.read_text()), sort_keys=True, separators=(",", ":")))
    return failed


def important(log: str) -> str:
    """MkDocs' output without its INFO lines (and the lists that continue them)."""
    kept, keep = [], True
    for line in log.splitlines(keepends=True):
        if not line.startswith((" ", "\t")):
            keep = not line.startswith("INFO")
        if keep:
            kept.append(line)
    return "".join(kept)


def build(site: Path = SITE) -> int:
    """Build every language at once (one ``mkdocs build`` each, in parallel) into a new folder,
    index it, then swap it in place of ``site``. Clean builds are strict; when only page contents
    changed, a dirty build renders just the changed pages (``incremental.py``)."""
    new, old = site.with_name(f".{site.name}.new"), site.with_name(f".{site.name}.old")
    for leftover in (new, old, *site.parent.glob(f".{site.name}.new.*")):
        shutil.rmtree(leftover, ignore_errors=True)
    for leftover in site.parent.glob(f".{site.name}.old.*"):  # a discard that did not finish
        delete_later(leftover)
    configs = write_configs()
    now = incremental.state(configs)
    dirty = incremental.possible(site, now)
    targets = {
        config: new
        if number == 0
        else (new / config.stem if dirty else new.with_name(f"{new.name}.{config.stem}"))
        for number, config in enumerate(configs)
    }
    building = targets
    if dirty:  # only the languages with a changed page are built again
        changed = incremental.prepare(site, new, targets)
        building = {config: target for config, target in targets.items() if config in changed}
    started = time.perf_counter()
    failed = run_builds(building, dirty)
    built = time.perf_counter()
    if failed:
        for target in targets.values():
            shutil.rmtree(target, ignore_errors=True)
        incremental.forget()
        print(f"mkdocs build failed; the previous {site}/ is unchanged.", file=sys.stderr)
        return 1
    if not dirty:
        for config, target in list(targets.items())[1:]:
            target.rename(new / config.stem)
    prune(new)
    tidy(new, site)
    robots(new, configs)
    languages = roots(configs)
    reindex = set(languages) if not dirty else incremental.finish(site, new, languages)
    if reindex:
        if index(new, languages, reindex) != 0:
            shutil.rmtree(new, ignore_errors=True)
            incremental.forget()
            print(f"search indexing failed; the previous {site}/ is unchanged.", file=sys.stderr)
            return 1
    finished = time.perf_counter()
    if site.exists():
        site.rename(old)
    new.rename(site)
    discard(old)
    incremental.record(now)
    kind = "every page"
    if dirty:
        kind = "only the changed pages" + (
            "" if len(building) == len(targets) else f", {len(building)} of {len(targets)} languages"
        )
    which = "" if len(reindex) == len(languages) else f", {len(reindex)} of {len(languages)} languages"
    search = f"Pagefind {finished - built:.1f} s{which}" if reindex else "search index unchanged"
    print(f"site: built {site}/, {kind} (MkDocs {built - started:.1f} s, {search})")
    return 0


def discard(folder: Path) -> None:
    """Delete the previous site in a process of its own that outlives this one: nothing waits
    for it (thousands of folders take seconds to remove). It is first renamed out of the next
    build's way; the next build deletes whatever such a process may have left."""
    if folder.exists():
        trash = folder.with_name(f"{folder.name}.{uuid.uuid4().hex}")
        folder.rename(trash)
        delete_later(trash)


def delete_later(folder: Path) -> None:
    code = "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)"
    subprocess.Popen(
        [sys.executable, "-c", code, str(folder)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


DIRTY_WARNING = "A 'dirty' build is being performed"


def run_builds(targets: dict[Path, Path], dirty: bool) -> bool:
    """Run one MkDocs build per configuration, side by side; True if any failed. A dirty build
    cannot be --strict (MkDocs warns that it is dirty): any other warning fails it."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    runs = []
    for config, target in targets.items():
        # Not --quiet: it hides warnings from the count that --strict fails on.
        command = [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(target.resolve())]
        command += ["--dirty", "--no-strict"] if dirty else ["--strict"]
        process = subprocess.Popen(
            command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        runs.append(process)
    failed = False
    for process in runs:
        output, _ = process.communicate()
        shown = "".join(line for line in important(output).splitlines(True) if DIRTY_WARNING not in line)
        print(shown, end="", file=sys.stderr)
        failed = failed or process.returncode != 0 or (dirty and "WARNING" in shown)
    return failed


if __name__ == "__main__":
    sys.exit(build())
