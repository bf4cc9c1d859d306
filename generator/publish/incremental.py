"""Incremental builds that equal clean ones.

After an edit, the generator rewrites only the pages whose content changed (``generator/publish/write.py``
keeps the others, and their times, as they were). When nothing else changed (the same files in
every language, the same configurations, the same theme), MkDocs' ``--dirty`` build renders just
those pages into a copy of ``site/``:

- the copy is made of hard links (fast, no bytes copied); every file the build will write is
  unlinked from the copy first, so that writing it never touches ``site/``, which stays intact
  until the new site replaces it;
- navigation titles are written out in each configuration (``config.py``), so pages that are not
  read again still get the right navigation; the sitemap, which a dirty build cannot fill in
  (it reads the language versions of every page), is the previous one, unchanged by definition;
- Pagefind indexes again only when the text of a rewritten page changed.

Anything else (a page added or removed, a changed title in the navigation, configuration or theme)
makes a clean build.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import stat
from pathlib import Path

import yaml

STATE = Path(".build/site-state.json")
# What every page depends on: a change to any of it makes a clean build.
THEME = [Path("mkdocs.yml"), Path("generator/publish/overrides"), Path("generator/publish/captions.py")]
ALWAYS_WRITTEN = ["404.html", "sitemap.xml", "sitemap.xml.gz"]
BODY = re.compile(r"<div data-pagefind-body>.*</div>", re.DOTALL)


def docs_dir(config: Path) -> Path:
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    return (config.parent / data["docs_dir"]).resolve()


def state(configs: list[Path]) -> dict:
    """What decides whether a dirty build can be right: per configuration, its text and the
    files of its pages' folder; the theme's files."""
    theme = hashlib.sha256()
    for path in sorted(p for root in THEME for p in ([root] if root.is_file() else root.rglob("*"))):
        if path.is_file():
            theme.update(str(path).encode() + b"\0" + path.read_bytes())
    languages = {}
    for config in configs:
        folder = docs_dir(config)
        languages[config.stem] = {
            "config": hashlib.sha256(config.read_bytes()).hexdigest(),
            "files": sorted(files(folder)),
        }
    return {"theme": theme.hexdigest(), "languages": languages}


def files(folder: Path) -> list[str]:
    """The files under ``folder``, relative to it (``a/b.md``); os.walk, which reads each folder
    once, takes a fraction of the time of Path.rglob on the tens of thousands of a large site."""
    found = []
    for top, _, names in os.walk(folder):
        prefix = os.path.relpath(top, folder).replace(os.sep, "/")
        found += [name if prefix == "." else f"{prefix}/{name}" for name in names]
    return found


def possible(site: Path, now: dict) -> bool:
    """True when the last build left ``site/`` and this state, and nothing but page contents
    changed since."""
    return site.is_dir() and STATE.is_file() and json.loads(STATE.read_text(encoding="utf-8")) == now


def record(now: dict) -> None:
    STATE.parent.mkdir(parents=True, exist_ok=True)
    STATE.write_text(json.dumps(now), encoding="utf-8")


def forget() -> None:
    """After a failed build: the next one is a clean one."""
    STATE.unlink(missing_ok=True)


def output(page: str) -> str:
    """Where MkDocs writes a file of ``docs/`` (directory addresses): ``a/b.md`` -> ``a/b/index.html``."""
    if not page.endswith(".md"):
        return page
    stem = page[:-3]
    return f"{stem}.html" if stem == "index" or stem.endswith("/index") else f"{stem}/index.html"


def prepare(site: Path, new: Path, targets: dict[Path, Path]) -> set[Path]:
    """``new``: ``site`` as hard links, without the files the dirty builds will write (those whose
    page changed since it was built, and those every build writes). ``targets``: each
    configuration -> its folder in ``new``. Returns the configurations with a changed page: a
    language without one needs no build at all (its output would be the same bytes)."""
    shutil.copytree(site, new, copy_function=os.link)
    changed = set()
    for config, target in targets.items():
        source = docs_dir(config)
        for name in files(source):
            built = os.path.join(target, output(name))
            try:
                was = os.stat(built)
            except FileNotFoundError:  # a file MkDocs does not copy
                continue
            if stat.S_ISREG(was.st_mode) and was.st_mtime < os.stat(os.path.join(source, name)).st_mtime:
                os.unlink(built)
                changed.add(config)
        for name in ALWAYS_WRITTEN if config in changed else ():
            (target / name).unlink(missing_ok=True)
    return changed


def finish(site: Path, new: Path, languages: list[str]) -> set[str]:
    """Put the previous sitemaps back; return the roots of the languages (``""``, ``"en/"``)
    where the text of a rewritten page changed: only their search bundles are made again."""
    pages = files(new)
    for name in pages:
        if name.rsplit("/", 1)[-1].startswith("sitemap.xml") and (site / name).is_file():
            kept = new / name
            kept.unlink(missing_ok=True)
            os.link(site / name, kept)
    changed: set[str] = set()
    for path in (name for name in pages if name.endswith(".html")):
        root = max((r for r in languages if path.startswith(r)), key=len)
        if root in changed:
            continue
        before, page = site / path, new / path
        if not before.is_file() or (not before.samefile(page) and body(before) != body(page)):
            changed.add(root)
    return changed


def body(page: Path) -> str:
    match = BODY.search(page.read_text(encoding="utf-8", errors="replace"))
    return match[0] if match else ""
