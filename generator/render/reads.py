"""What a page read while it was rendered, so that the next build renders it again only when
something it read has changed.

A page is rendered against *views* of the site, the build's facts and the drawings' sizes instead
of the objects themselves. A view hands out what is asked of it and notes, for each thing read,
how to read it again (its path: attribute names, and each call's arguments) and a digest of what
it was (a hash of its pickled value). The next build reads each noted thing again from its own
site and compares digests: a page whose job and every read digest the same would be rendered into
the same bytes. The views see all the reads because the renderer is only ever given views; a value
whose digest cannot be taken makes its page one that is rendered every time.

What is read part by part: the resolver, the build's history, dictionaries and lists (each call,
``site.cited_by.get(key)``, ``history.last_commit(paths)``, ``[i]``, on its own; iterating reads
the whole), and what a citation leads to (a paragraph, its document, its data: each attribute on
its own). Anything else is noted whole; a large value (a document, an entry, a story page, the
configuration) inside another counts by its own digest, taken once per build.
"""

from __future__ import annotations

import copyreg
import dataclasses
import hashlib
import io
import pickle
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from generator.model import (
    Cited,
    Document,
    DocumentMeta,
    Entry,
    History,
    Paragraph,
    RawDocument,
    Resolver,
    Site,
    SiteConfig,
    StoryPage,
    TranslationStatus,
)

Path_ = tuple[str | tuple[object, ...], ...]
"""Where a value was read: a root's name, then attribute names and calls' arguments."""


@dataclass(frozen=True)
class Read:
    """One thing a page read, found again by ``path`` (attribute names, and the arguments of
    each call as a tuple), and the digest of what it was."""

    path: Path_
    digest: bytes


@dataclass(frozen=True)
class Raised:
    """What a read gave when it raised (a missing key is a read too: a page that found nothing
    depends on there being nothing)."""

    error: str


def outcome(read: Callable[[], Any]) -> Any:
    """``read()``, or :class:`Raised` with the name of what it raised."""
    try:
        return read()
    except Exception as error:  # noqa: BLE001 - noted, then raised again by the caller
        return Raised(type(error).__name__)


SHARED = (Document, Entry, StoryPage, SiteConfig)
"""The model's large values, read by many pages: each is pickled once per build, and a value
holding one holds its digest."""
_shared: dict[int, tuple[object, bytes]] = {}


def _fields(obj: Any) -> tuple[type, tuple[object, ...]]:
    """A dataclass by its fields alone: what its cached properties hold (``Site._documents``,
    ``Document._by_key``) depends on which pages ran first, not on its value."""
    return type(obj), tuple(getattr(obj, field.name) for field in dataclasses.fields(obj))


def _stand_in(obj: object) -> tuple[type, tuple[bytes]]:
    """How a large value is pickled inside another: as its own digest."""
    known = _shared.get(id(obj))
    if known is None or known[0] is not obj:
        known = _shared[id(obj)] = (obj, _hash(obj, _PLAIN))
    return bytes, (known[1],)


_PLAIN = {**copyreg.dispatch_table, Site: _fields, Document: _fields}
_TABLE = {**_PLAIN, **dict.fromkeys(SHARED, _stand_in)}
"""Called for these values only (a per-object hook would be called for every object)."""


def _hash(value: object, table: dict = _TABLE) -> bytes:
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=5)
    pickler.dispatch_table = table
    pickler.dump(value)
    return hashlib.blake2b(buffer.getbuffer(), digest_size=16).digest()


def digest(value: object) -> bytes:
    """A digest of ``value``: equal for equal values built the same way (pickled, hashed). A set
    is taken in a fixed order (its own order changes from one process to the next)."""
    if isinstance(value, set | frozenset):
        value = (type(value).__name__, sorted(value, key=lambda item: (type(item).__name__, repr(item))))
    return _hash(value)


def forget() -> None:
    """Drop the digests of the last build's large values (a new build has new ones)."""
    _shared.clear()


@dataclass
class Reads:
    """The reads of one page, and the digests already taken in this build (shared by pages)."""

    memo: dict[Path_, bytes]
    found: dict[Path_, Read] = field(default_factory=dict)
    sound: bool = True
    """False once a read could not be digested: the page is then rendered in every build."""

    def note(self, path: Path_, value: object) -> None:
        if path in self.found or not self.sound:
            return
        known = self.memo.get(path)
        if known is None:
            try:
                known = self.memo[path] = digest(value)
            except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
                self.sound = False
                return
        self.found[path] = Read(path, known)

    def result(self) -> tuple[Read, ...] | None:
        """What the page read, or None when it must be rendered every time."""
        return tuple(self.found.values()) if self.sound else None


SERVICES = (dict, list, Resolver, History)
"""Values read part by part: their calls (``get``, ``[]``, ``cited``) are noted one by one."""
DEEP = (Cited, Document, RawDocument, DocumentMeta, Paragraph, TranslationStatus, Entry)
"""Values read attribute by attribute: a page that cites a paragraph reads that paragraph's text
and its document's data, not the whole document with every translation."""
TRUTH = "?bool"
"""A path's last part when what was read is whether the value is true (``if history``)."""
WHOLE = ("items", "keys", "values", "copy")
"""A dictionary's methods that read all of it."""


def viewed(value: object, path: Path_, reads: Reads) -> Any:
    """``value`` as read at ``path``: a view of a service or a deep value (noted as it is read),
    any other value as it is, noted whole."""
    if isinstance(value, SERVICES) or type(value) in DEEP:
        return View(value, path, reads)
    reads.note(path, value)
    return value


class View:
    """``target`` as the renderer sees it: every read noted in ``reads``. It passes for its
    target in ``isinstance``, ``==``, ``hash``, ``str`` and ``format`` (which read all of it)."""

    _target: Any
    _path: Path_
    _reads: Reads

    def __init__(self, target: object, path: Path_, reads: Reads):
        self.__dict__.update(_target=target, _path=path, _reads=reads)

    @property  # type: ignore[misc]
    def __class__(self) -> type:
        return type(self._target)

    def __getattr__(self, name: str) -> Any:
        path = (*self._path, name)
        if name.startswith("__"):  # copy, pickle and the like ask for what a view does not have
            raise AttributeError(name)
        try:
            value = getattr(self._target, name)
        except AttributeError as error:
            self._reads.note(path, Raised(type(error).__name__))
            raise
        if isinstance(self._target, dict) and name in WHOLE:
            self._reads.note(self._path, self._target)
            return value
        if callable(value) and not isinstance(value, type):
            return _Call(value, path, self._reads)
        value = viewed(value, path, self._reads)
        self.__dict__[name] = value  # noted once per page: the next reads go straight to it
        return value

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a view is read-only: {name}")

    def __getitem__(self, key: object) -> Any:
        return _Call(self._target.__getitem__, (*self._path, "__getitem__"), self._reads)(key)

    def __contains__(self, key: object) -> bool:
        return bool(_Call(self._target.__contains__, (*self._path, "__contains__"), self._reads)(key))

    def __bool__(self) -> bool:
        value = bool(self._target)
        self._reads.note((*self._path, TRUTH), value)
        return value

    def __iter__(self) -> Iterator[Any]:
        return iter(whole(self))

    def __len__(self) -> int:
        length = len(self._target)
        self._reads.note((*self._path, "__len__", ()), length)
        return length

    def __add__(self, other: object) -> Any:
        return whole(self) + whole(other)

    def __radd__(self, other: object) -> Any:
        return whole(other) + whole(self)

    def __str__(self) -> str:  # a template that prints a value prints the value, not its view
        return str(whole(self))

    def __repr__(self) -> str:
        return repr(whole(self))

    def __format__(self, spec: str) -> str:
        return format(whole(self), spec)

    def __eq__(self, other: object) -> bool:
        return bool(whole(self) == whole(other))

    def __hash__(self) -> int:
        return hash(whole(self))


class _Call:
    """A method of a viewed object: each call, with its arguments, is noted with its result."""

    def __init__(self, method: Callable[..., Any], path: Path_, reads: Reads):
        self.method, self.path, self.reads = method, path, reads

    def __call__(self, *given: object) -> Any:
        # called, noted and called again the same way: lists as tuples, so that the call is a key
        args = tuple(tuple(whole(a)) if isinstance(a, list) else whole(a) for a in given)
        path: Path_ | None = (*self.path, args)
        try:
            hash(path)
        except TypeError:  # arguments that cannot be a key: the page is rendered every time
            self.reads.sound, path = False, None
        try:
            result = self.method(*args)
        except Exception as error:
            if path is not None:
                self.reads.note(path, Raised(type(error).__name__))
            raise
        return result if path is None else viewed(result, path, self.reads)


def whole(value: Any) -> Any:
    """The object behind a view, noted whole (for code that reads all of it, or keeps a cache by
    the object's identity); any other value as it is."""
    if type(value) is View:
        value._reads.note(value._path, value._target)
        return value._target
    return value


def again(read: Read, roots: dict[str, object]) -> bytes | None:
    """Read ``read`` again from ``roots`` (this build's site, facts, sizes): its digest now, or
    None when it cannot be read any more."""
    try:
        value: Any = roots[str(read.path[0])]
        for step in read.path[1:]:
            if isinstance(step, tuple):
                value = outcome(lambda: value(*step))  # noqa: B023 - called at once
            elif step == TRUTH:
                value = bool(value)
            else:
                value = getattr(value, step)
        return digest(value)
    except AttributeError as error:
        return digest(Raised(type(error).__name__))
    except Exception:  # noqa: BLE001 - whatever failed, the page is rendered again
        return None
