"""A small on-disk cache of per-page results, keyed by everything that can change them.

Used for readability results: an unchanged page is not measured again, so a
rebuild with no change never loads the pronouncing dictionary. The file is a
pickle in `.guides-cache/` (our own, local); a damaged or old file is ignored.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Generic, TypeVar

T = TypeVar("T")


def digest(*parts: str | bytes) -> str:
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(hashlib.sha256(data).digest())
    return h.hexdigest()


def code_digest(folder: Path, patterns: Iterable[str] = ("*.py", "*.yml")) -> str:
    """Digest of a package folder's source, so a code change empties the cache."""
    files = sorted(p for pattern in patterns for p in folder.rglob(pattern) if "__pycache__" not in p.parts)
    return digest(*(p.relative_to(folder).as_posix().encode() + b"\0" + p.read_bytes() for p in files))


class ResultCache(Generic[T]):
    """`get_or_make(key, make)`, then `save()` keeps only the keys used this time."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.old: dict[str, T] = {}
        self.used: dict[str, T] = {}
        self.made = 0
        try:
            with path.open("rb") as handle:
                loaded = pickle.load(handle)
            if isinstance(loaded, dict):
                self.old = loaded
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            self.old = {}

    def get_or_make(self, key: str, make: Callable[[], T]) -> T:
        if key in self.old:
            value = self.old[key]
        else:
            value = make()
            self.made += 1
        self.used[key] = value
        return value

    def save(self) -> None:
        if self.made == 0 and self.used.keys() == self.old.keys():
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        with tmp.open("wb") as handle:
            pickle.dump(self.used, handle, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(self.path)
