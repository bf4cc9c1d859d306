"""Build ``site/`` with MkDocs and index it with Pagefind, so that a failed build leaves the
previous ``site/`` intact.

MkDocs writes into a fresh folder beside ``site/``; only a successful build replaces it.
Run as ``python -m generator.mkdocs.build``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

SITE = Path("site")
# Material's own search (lunr, its worker) is replaced by Pagefind: its files are never loaded.
UNUSED = ["assets/javascripts/lunr", "assets/javascripts/workers"]
# Not indexed: footnotes (copies of source paragraphs), "cited by" lines, permalink and edit icons.
NOT_INDEXED = [".footnote", ".src-citedby", ".headerlink", ".md-content__button"]


def prune(site: Path) -> None:
    """Drop theme assets the site never loads."""
    for path in UNUSED:
        shutil.rmtree(site / path, ignore_errors=True)


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


def build(site: Path = SITE, config: str = "mkdocs.yml") -> int:
    """Run ``mkdocs build --strict`` into a new folder, then swap it in place of ``site``."""
    new, old = site.with_name(f".{site.name}.new"), site.with_name(f".{site.name}.old")
    for leftover in (new, old):
        shutil.rmtree(leftover, ignore_errors=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    # Not --quiet: it hides warnings from the count that --strict fails on.
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config, "-d", str(new.resolve())]
    started = time.perf_counter()
    result = subprocess.run(command, env=env, check=False, capture_output=True, text=True)
    built = time.perf_counter()
    print(important(result.stderr + result.stdout), end="", file=sys.stderr)
    if result.returncode != 0:
        shutil.rmtree(new, ignore_errors=True)
        print(f"mkdocs build failed; the previous {site}/ is unchanged.", file=sys.stderr)
        return result.returncode
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
