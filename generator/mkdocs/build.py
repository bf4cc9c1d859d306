"""Build ``site/`` with MkDocs and index it with Pagefind, so that a failed build leaves the
previous ``site/`` intact.

Each language is a build of its own (``generator/mkdocs/config.py``), run side by side; they
write into fresh folders beside ``site/``, joined into one (the default language at the root, the
others under ``/<lang>/``); only a successful build replaces ``site/``.
Run as ``python -m generator.mkdocs.build``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from generator.mkdocs.config import write as write_configs

SITE = Path("site")
# Material's own search (lunr, its worker) is replaced by Pagefind: its files are never loaded.
UNUSED = ["assets/javascripts/lunr", "assets/javascripts/workers", "search.json"]
# Not indexed: footnotes (copies of source paragraphs), "cited by" lines, permalink and edit icons.
NOT_INDEXED = [".footnote", ".src-citedby", ".headerlink", ".md-content__button"]


def prune(site: Path) -> None:
    """Drop theme assets the site never loads, in every language."""
    for folder in [site, *(p.parent for p in site.glob("*/sitemap.xml"))]:
        for path in UNUSED:
            if (folder / path).is_file():
                (folder / path).unlink()
            shutil.rmtree(folder / path, ignore_errors=True)


def index(site: Path) -> int:
    """Pagefind: one search index per <html lang>, with Indonesian stemming."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--quiet"]
    for selector in NOT_INDEXED:
        command += ["--exclude-selectors", selector]
    result = subprocess.run(command, check=False, capture_output=True, text=True)
    if result.returncode != 0:
        print(result.stdout + result.stderr, file=sys.stderr)
    return result.returncode


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
    """Build every language at once (one ``mkdocs build --strict`` each, in parallel) into a new
    folder, index it, then swap it in place of ``site``."""
    new, old = site.with_name(f".{site.name}.new"), site.with_name(f".{site.name}.old")
    for leftover in (new, old, *site.parent.glob(f".{site.name}.new.*")):
        shutil.rmtree(leftover, ignore_errors=True)
    configs = write_configs()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    # Not --quiet: it hides warnings from the count that --strict fails on.
    runs = []
    for number, config in enumerate(configs):
        target = new if number == 0 else new.with_name(f"{new.name}.{config.stem}")
        command = [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(config),
            "-d",
            str(target.resolve()),
        ]
        process = subprocess.Popen(
            command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        runs.append((config.stem, target, process))
    failed = False
    for _, _, process in runs:
        output, _ = process.communicate()
        print(important(output), end="", file=sys.stderr)
        failed = failed or process.returncode != 0
    built = time.perf_counter()
    if failed:
        for _, target, _ in runs:
            shutil.rmtree(target, ignore_errors=True)
        print(f"mkdocs build failed; the previous {site}/ is unchanged.", file=sys.stderr)
        return 1
    for lang, target, _ in runs[1:]:
        target.rename(new / lang)
    prune(new)
    indexed = index(new)
    finished = time.perf_counter()
    if indexed != 0:
        shutil.rmtree(new, ignore_errors=True)
        print(f"search indexing failed; the previous {site}/ is unchanged.", file=sys.stderr)
        return 1
    if site.exists():
        site.rename(old)
    new.rename(site)
    shutil.rmtree(old, ignore_errors=True)
    print(f"site: built {site}/ (MkDocs {built - started:.1f} s, Pagefind {finished - built:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(build())
