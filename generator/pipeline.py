"""The pipeline from ``sources/`` to pages, one call per stage:
read -> check -> link -> render -> write. What belongs to the build rather than to the sources
(repository, published address, git history) is read once, beside it, into :class:`BuildFacts`."""

from __future__ import annotations

import ipaddress
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from generator.check.collection import check_collection
from generator.link import link
from generator.model import BuildFacts, Site
from generator.model.problems import Problems
from generator.publish.builder_config import Loader
from generator.publish.write import WriteReport, atomic_write, write
from generator.read import git, memo
from generator.read.collection import read_collection
from generator.render import record
from generator.render.run import render_changed


def build(sources: Path, with_entries: bool = True) -> tuple[Site, Problems]:
    """Read, check and link ``sources``; raise :class:`~generator.model.problems.InputError`
    listing every problem if anything is wrong. ``with_entries=False`` reads only the documents
    and their translations."""
    problems = Problems()
    collection = read_collection(sources, problems, with_entries)
    checked = check_collection(collection, problems)
    return link(collection, checked), problems


def generate(sources: Path, out: Path, parallel: bool = True) -> tuple[WriteReport, Problems]:
    """Build the site from ``sources`` and write the changed pages to ``out``: only the pages whose
    reads changed since the last build into ``out`` are rendered (``generator/render/record.py``)."""
    memo.load(out / memo.NAME)
    site, problems = build(sources)
    previous = record.load(out)
    output = render_changed(site, build_facts(sources), previous, out, parallel)
    report = write(output.pages, out, output.kept)
    report.rendered = (len(output.made) - output.skipped, len(output.made))
    if previous is None or output.skipped < len(output.made):  # else the record is as it was
        atomic_write(out / record.NAME, record.dumps(output.record.stamped(out, output.made)))
    if memo.changed():
        atomic_write(out / memo.NAME, memo.dumps())
    return report, problems


def build_facts(sources: Path) -> BuildFacts:
    """The repository, the published address and the git history of the project holding ``sources``."""
    project = sources.resolve().parent
    return BuildFacts(git.repository_url(project), site_address(project), git.read(sources))


def site_address(project: Path) -> str:
    """The published address (``git.published_address``, with ``site_url`` of ``mkdocs.yml``),
    or '' when none is known or it is a loopback address (a preview's)."""
    configured = None
    config = project / "mkdocs.yml"
    if config.exists():
        configured = (yaml.load(config.read_text(encoding="utf-8"), Loader=Loader) or {}).get("site_url")
    address = git.published_address(project, configured)
    host = urlsplit(address).hostname or ""
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = host == "localhost" or host.endswith(".localhost")
    return "" if loopback else address
