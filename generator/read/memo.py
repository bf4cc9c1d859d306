"""What the read stage works out from a file's text alone (its YAML parsed, a document's text
repaired), kept between builds by the text's digest: after an edit, only the files whose text
changed are parsed again. Every file is still read; a result is used only when the engine (the
generator's code and the packages it runs on) is the one that worked it out.

``pipeline.generate`` loads the memo before reading and keeps, after a build, only what that build
used. Each use gets a fresh copy, so no reader can change what another one gets.
"""

from __future__ import annotations

import functools
import hashlib
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from generator.read.kept import engine, safe_loads

NAME = ".read-memo"

Result = TypeVar("Result")
_known: dict[bytes, bytes] = {}
"""Digest of a function's name and its text -> the result, pickled."""
_used: set[bytes] = set()
_learnt = False
"""True once this build worked out something the memo did not hold."""
_loaded: set[bytes] = set()
"""What the memo file held when this build started."""


def remembered(function: Callable[[str], Result]) -> Callable[[str], Result]:
    """``function`` of a text, its results kept by the text's digest."""
    name = function.__qualname__.encode()

    @functools.wraps(function)
    def wrapper(text: str) -> Result:
        global _learnt
        key = hashlib.blake2b(name + b"\0" + text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        _used.add(key)
        found = _known.get(key)
        if found is not None:
            try:
                kept: Result = safe_loads(found)  # type: ignore[assignment]
                return kept
            except Exception:  # noqa: BLE001 - a result that cannot be read is worked out again
                pass
        result = function(text)
        _known[key] = pickle.dumps(result, protocol=5)
        _learnt = True
        return result

    return wrapper


def load(path: Path) -> None:
    """Start a build: the memo kept at ``path``, when there is one from this engine, and nothing
    used yet."""
    global _learnt
    _used.clear()
    _loaded.clear()
    _learnt = False
    try:
        found = safe_loads(path.read_bytes())
        kept, known = found if isinstance(found, tuple) and len(found) == 2 else (None, None)
    except Exception:  # noqa: BLE001 - no memo, or an unreadable one: every text is worked out
        return
    if kept == engine() and isinstance(known, dict):  # each entry is read by safe_loads when used
        _known.update(known)
        _loaded.update(known)


def changed() -> bool:
    """True when the memo to keep differs from the file this build started with."""
    return _learnt or _loaded != _used


def dumps() -> bytes:
    """What this build used, to keep for the next."""
    return pickle.dumps((engine(), {key: _known[key] for key in _used if key in _known}), protocol=5)
