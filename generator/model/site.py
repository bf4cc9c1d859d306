"""The site: everything the render stage reads, built once at the end of the link stage and never
changed after; and the facts of one build (repository, address, git history), kept apart."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache
from pathlib import Path

from generator.model.config import SiteConfig
from generator.model.document import Document, TranslationStatus
from generator.model.entry import Entry, Mention
from generator.model.indexes import NameIndex, Resolver
from generator.model.keys import PageKey
from generator.model.records import Record
from generator.model.story import StoryPage
from generator.model.updates import Update


@dataclass(frozen=True)
class DiagramEdge:
    """An edge of the who-is-who diagram; documents are keyed ``(source, id)``."""

    source: PageKey
    type: str
    target: PageKey
    cite: str
    certainty: str


@dataclass(frozen=True)
class Site:
    """Everything the renderer needs: the collection as read and checked, and what the link stage
    found in it. Built once by ``generator.link.link``; frozen."""

    config: SiteConfig
    documents: list[Document]
    translations: dict[tuple[str, str], list[TranslationStatus]]
    """``(document id, language)`` -> status of each paragraph."""
    entries: list[Entry]
    pages: list[StoryPage]
    removed: dict[str, Record]
    """Ids of documents taken out of the collection -> their records."""
    resolver: Resolver
    """Finds what a citation cites: the one resolver of the build."""
    name_index: NameIndex
    """Finds entry names in a text."""
    mentions: list[Mention] = field(default_factory=list)
    cited_by: dict[tuple[str, str], list[PageKey]] = field(default_factory=dict)
    """``(document id, paragraph key)`` -> keys of the entries that cite it."""
    related: dict[PageKey, list[PageKey]] = field(default_factory=dict)
    """Entry key -> keys of related entries, both ways."""
    diagram: list[DiagramEdge] = field(default_factory=list)
    """Edges of the who-is-who diagram (``generator.link.graph.diagram_edges``)."""
    updates: tuple[Update, ...] = ()
    """The update records, the newest first."""

    def updates_of(self, key: PageKey) -> list[Update]:
        """The updates that changed the page ``key``, the newest first."""
        return [update for update in self.updates if update.touches(key)]

    @cached_property
    def _documents(self) -> dict[str, Document]:
        return {doc.id: doc for doc in self.documents}

    @cached_property
    def _entries(self) -> dict[PageKey, Entry]:
        return {entry.key: entry for entry in self.entries}

    @cached_property
    def _mentions(self) -> dict[PageKey, dict[str, list[str]]]:
        index: dict[PageKey, dict[str, list[str]]] = {}
        for mention in self.mentions:
            numbers = index.setdefault(mention.entry, {}).setdefault(mention.document, [])
            if not numbers or numbers[-1] != mention.paragraph:
                numbers.append(mention.paragraph)
        return index

    def document_ids(self) -> list[str]:
        """Every document's id, in the site's order: a page that lists the documents reads each
        one's data through :meth:`document`, not every document whole."""
        return [doc.id for doc in self.documents]

    def entry_keys(self) -> list[PageKey]:
        """Every entry's key, in the site's order (as :meth:`document_ids`, for entries)."""
        return [entry.key for entry in self.entries]

    def document(self, doc_id: str) -> Document:
        return self._documents[doc_id]

    def entry(self, key: PageKey | tuple[str, str]) -> Entry:
        return self._entries[key]  # type: ignore[index]  # a (kind, id) tuple equals its PageKey

    def mentioned_in(self, key: PageKey) -> list[tuple[str, list[str]]]:
        """The paragraphs naming the entry ``key``: ``(document id, paragraph keys)``, in the
        site's order."""
        return [(doc_id, numbers) for doc_id, numbers in self._mentions.get(key, {}).items()]


@lru_cache(maxsize=1 << 14)
def _from_top(path: Path, top: Path) -> str:
    return path.resolve().relative_to(top).as_posix()


@dataclass(frozen=True)
class History:
    """What git knows of the checkout a site is built from (``generator/read/git.py``)."""

    commit: str
    """The commit checked out (``git rev-parse HEAD``)."""
    clean: bool
    """True when ``sources/`` has no change that is not committed: the commit is what was built."""
    changed: dict[str, date] = field(default_factory=dict)
    """Path from the repository's top (``sources/glossary/example-term.yml``) -> date of the newest
    commit that touched it; files with uncommitted changes are left out."""
    top: Path = Path(".")
    """The repository's top folder."""
    reviews: tuple[str, ...] = ()
    """The committed reviews of the site's text (``reviews/*.md``, paths from the top)."""
    commits: dict[str, tuple[int, str]] = field(default_factory=dict)
    """Path (as in ``changed``) -> ``(n, commit)``: the newest commit that touched it, and how many
    commits touching ``sources/`` are newer than that one."""

    def names(self, paths: list[Path] | tuple[Path, ...]) -> list[str] | None:
        """``paths`` as names from the repository's top; None when one is outside it."""
        try:
            return [_from_top(Path(path), self.top) for path in paths]
        except ValueError:
            return None

    def last_commit(self, paths: list[Path] | tuple[Path, ...]) -> str | None:
        """The newest commit that touched one of ``paths``: each of them is at that commit as it is
        now. None when any of them is not committed as is."""
        names = self.names(paths)
        if not names or any(name not in self.commits for name in names):
            return None
        return min(self.commits[name] for name in names)[1]

    def last_changed(self, paths: list[Path] | tuple[Path, ...]) -> date | None:
        """The newest commit date among ``paths``; None when any of them is not committed as is."""
        names = self.names(paths)
        if names is None or any(name not in self.changed for name in names):
            return None
        return max((self.changed[name] for name in names), default=None)

    def permalink(self, repo: str | None, path: str, inputs: list[Path] | None = None) -> str | None:
        """``<repo>/tree/<commit>/<path>`` at the newest commit that touched one of ``inputs`` (by
        default ``path`` alone): a page's link then changes only when what it shows does, not with
        every commit. None when one of them has changes not committed."""
        commit = self.last_commit(inputs if inputs is not None else [self.top / path])
        return f"{repo}/tree/{commit}/{path}" if repo and commit else None

    def file_link(self, repo: str | None, path: str) -> str | None:
        """A committed file as the repository has it now (``tree/HEAD``): the same in every build."""
        return f"{repo}/tree/HEAD/{path}" if repo else None


@dataclass(frozen=True)
class BuildFacts:
    """What belongs to one build rather than to the sources: where the project is kept and
    published, and what git knows. Read once by the pipeline; empty in tests and outside git."""

    repository: str | None = None
    """The project's repository: where mistakes are reported."""
    address: str = ""
    """The published address, ending in ``/``; '' when unknown or a preview's loopback address:
    citations then give no address."""
    history: History | None = None
