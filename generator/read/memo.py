"""What the read stage works out from a file's text alone (its YAML parsed, a document's text
repaired), kept between builds by the text's digest: after an edit, only the files whose text
changed are parsed again. Every file is still read; a result is used only when the engine (the
generator's code and the packages it runs on) is the one that worked it out.

``pipeline.generate`` loads the memo before reading and keeps, after a build, only what that build
used. Each use gets a fresh copy, so no reader can change what another one gets.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import hashlib
import importlib
import importlib.metadata
import io
import pickle
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

NAME = ".read-memo"
ENGINE = Path(__file__).resolve().parents[1]
"""The generator's folder: its code, templates and words make the engine's digest."""

Result = TypeVar("Result")
_known: dict[bytes, bytes] = {}
"""Digest of a function's name and its text -> the result, pickled."""
_used: set[bytes] = set()
_learnt = False
"""True once this build worked out something the memo did not hold."""
_loaded: set[bytes] = set()
"""What the memo file held when this build started."""


@functools.cache
def engine() -> bytes:
    """A digest of what builds the site: the generator's files, Python and the installed packages."""
    hashed = hashlib.blake2b(digest_size=16)
    for path in sorted(ENGINE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            hashed.update(path.relative_to(ENGINE).as_posix().encode() + b"\0" + path.read_bytes())
    hashed.update(sys.version.encode())
    for dist in sorted(f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions()):
        hashed.update(dist.encode() + b"\0")
    return hashed.digest()


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


SAFE = {
    *(
        ("builtins", name)
        for name in ("bytes", "complex", "dict", "frozenset", "list", "set", "slice", "tuple")
    ),
    ("datetime", "date"),
    ("datetime", "datetime"),
    ("pathlib", "PosixPath"),
    ("pathlib", "PurePosixPath"),
    ("markupsafe", "Markup"),
}
"""What a kept file may name besides the model's own values (dataclasses, enumerations and named
tuples of ``generator``): a file in the output folder could come from anyone, so nothing that
runs code."""


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> type:
        if (module, name) in SAFE:
            found: type = super().find_class(module, name)
            return found
        if module.startswith("generator.") and "." not in name:
            value = getattr(importlib.import_module(module), name, None)
            if isinstance(value, type) and (
                dataclasses.is_dataclass(value) or issubclass(value, enum.Enum | tuple)  # named tuples
            ):
                return value
        raise pickle.UnpicklingError(f"{module}.{name} may not be read from a kept file")


def safe_loads(data: bytes) -> object:
    """A file this generator pickled (the memo, the render record), read back without running
    anything it might name but the model's values."""
    return _Unpickler(io.BytesIO(data)).load()


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
