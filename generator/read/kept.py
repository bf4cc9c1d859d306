"""Files the generator keeps between builds in its output folder (the read memo, the render
record): whose engine made them, and how to read them back safely."""

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
from pathlib import Path

ENGINE = Path(__file__).resolve().parents[1]
"""The generator's folder: its code, templates and words make the engine's digest."""


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
