"""The two versions a change report compares: the sources of a git ref unpacked beside the
working tree's, each built and rendered, and a cited paragraph of either shown in a line."""

from __future__ import annotations

import dataclasses
import io
import tarfile
from dataclasses import dataclass, field
from pathlib import Path

from generator import pipeline
from generator.model import BuildFacts, Cited, Document, Paragraph, Resolver, Site
from generator.model.problems import CommandError, InputError, Problem
from generator.read.git import GitMissing
from generator.read.git import run as run_git
from generator.render.markdown_text import escape
from generator.render.run import render

SHORT = 160
"""Characters of a paragraph or quote shown in the report."""
QUOTE_MARKS = "\"'“”‘’"


@dataclass(frozen=True)
class Rendered:
    """A rendered Markdown page: its text, and its group (the same for its versions in every language)."""

    content: str
    group: str


@dataclass
class Side:
    """One version of the collection: its site (None when it does not build), its Markdown pages
    by path, and its problems, with every file named relative to the repository's root."""

    folder: Path
    prefix: Path
    site: Site | None = None
    pages: dict[str, Rendered] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def where(self, path: Path | str) -> str:
        """A file of this version as the repository names it (``sources/glossary/example-term.yml``)."""
        try:
            inner = Path(path).resolve().relative_to(self.folder.resolve())
        except ValueError:
            return str(path)
        return (self.prefix / inner).as_posix()

    @property
    def built(self) -> Site:
        """The site, of a version that builds (the report compares texts only of those)."""
        if self.site is None:
            raise ValueError(f"{self.folder} does not build: it has no pages or citations to compare")
        return self.site

    @property
    def resolver(self) -> Resolver:
        return self.built.resolver

    def cited(self, ref: str) -> tuple[Document, Paragraph | None]:
        """The document and paragraph ``ref`` cites; in a site that builds, every citation resolves."""
        found = self.resolver.resolve(ref)
        if not isinstance(found, Cited):
            raise ValueError(f"[@{ref}] cites nothing in {self.folder}")
        return found.document, found.paragraph

    def canonical(self, ref: str) -> str:
        """``001_9325e6259af9a897#p5`` for ``001#p5``: one name per cited paragraph."""
        doc, para = self.cited(ref)
        return f"{doc.id}#p{para.key}" if para else doc.id

    def paragraph(self, ref: str, near: str = "") -> str:
        """``[@001#p5] “Paragraph text …”``, in the paragraph's own language (around ``near``)."""
        doc, para = self.cited(ref)
        if para is None:
            return f"`[@{self.resolver.key(doc.id)}]` the document's own data (publisher, author, date)"
        return f"`[@{self.resolver.key(doc.id)}#p{para.key}]` {said(para.text, near)}"


def git(root: Path, *args: str, problem: str, fix: str) -> bytes:
    """Run git in ``root``; a failure is a :class:`CommandError` saying ``problem -- fix``."""
    try:
        done = run_git(root, *args)
    except GitMissing:
        raise CommandError("git is not installed -- install git to compare with a git ref") from None
    if done.returncode:
        detail = done.stderr.decode(errors="replace").strip().splitlines()
        raise CommandError(f"{problem}{f' ({detail[-1]})' if detail else ''} -- {fix}")
    return done.stdout


def checkout(sources: Path) -> tuple[Path, Path]:
    """The root of the git checkout holding ``sources``, and the path of ``sources`` inside it."""
    if not sources.is_dir():
        raise CommandError(f"{sources}: no such folder -- run from the project's root or pass --sources")
    root, prefix = (
        git(
            sources,
            "rev-parse",
            "--show-toplevel",
            "--show-prefix",
            problem=f"{sources} is not in a git checkout",
            fix="run the command in a clone of the project's repository",
        )
        .decode()
        .split("\n")[:2]
    )
    return Path(root), Path(prefix or ".")


def extract(root: Path, base: str, prefix: Path, target: Path) -> Path:
    """Write the sources of ``base`` into ``target``; return their folder there."""
    commit = (
        git(
            root,
            "rev-parse",
            "--verify",
            "--quiet",
            "--end-of-options",
            f"{base}^{{commit}}",
            problem=f"'{base}' is not a commit, branch or tag of this repository",
            fix="name an existing ref (git fetch origin brings the remote branches, e.g. origin/main)",
        )
        .decode()
        .strip()
    )
    archive = git(
        root,
        "archive",
        "--format=tar",
        commit,
        "--",
        prefix.as_posix(),
        problem=f"{base} has no {prefix.as_posix()}/ folder",
        fix="compare with a ref that has one",
    )
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")
    return target / prefix


def build(folder: Path, prefix: Path) -> Side:
    """Build and render one version; of a version that does not build only its problems remain."""
    side = Side(folder, prefix)
    try:
        side.site, problems = pipeline.build(folder)
    except InputError as exc:
        problems = exc.problems
    else:
        side.pages = {
            p.path: Rendered(p.content, p.group)
            for p in render(side.site, BuildFacts(), parallel=False)
            if p.path.endswith(".md") and isinstance(p.content, str)  # a Markdown page is text
        }
    shown, inside = f"{folder.absolute()}/", "" if prefix == Path(".") else f"{prefix.as_posix()}/"
    side.problems = [
        dataclasses.replace(
            p,
            file=side.where(p.file),
            message=p.message.replace(shown, inside),
            hint=p.hint.replace(shown, inside),
        )
        for p in problems
    ]
    return side


def shorten(text: str, near: str = "") -> str:
    """``text`` on one line, cut at whole words to about ``SHORT`` characters; when it holds the
    first words of ``near`` (a quote in its paragraph), from a few words before them."""
    text = " ".join(text.split())
    at = text.find(" ".join(near.strip(QUOTE_MARKS).split()[:4]))
    if at > SHORT // 2:
        text = "… " + text[text.find(" ", at - SHORT // 4) + 1 :]
    return text if len(text) <= SHORT else text[:SHORT].rsplit(" ", 1)[0] + " …"


def inert(text: object) -> str:
    """``text`` as plain text in GitHub's Markdown: nothing in it can become markup (GitHub also
    strikes through ``~~words~~``, which the site's Markdown does not)."""
    return str(escape(text)).replace("~", "\\~")


def said(text: str, near: str = "") -> str:
    """In quotation marks (instead of its own), shortened around ``near``, inert in Markdown."""
    text = text.strip()
    if len(text) > 1 and text[0] in QUOTE_MARKS and text[-1] in QUOTE_MARKS:
        text = text[1:-1]
    return f"“{inert(shorten(text, near))}”"
