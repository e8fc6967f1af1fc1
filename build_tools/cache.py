"""`.guides-cache/`: its layout in one place, and caches that are data, never code.

Layout (everything a build keeps between runs; deleting the folder is always safe):

    .guides-cache/
      lock                      held by a running build or serve (see lock.py)
      readability.json          per-page readability results (ResultCache)
      stage/<role>/             the role's generated MkDocs project
      sites/<role>/             the role's last built site
      sites/<role>.manifest.json  what that site was built from (incremental.py)
      sites/<role>.guarded      digest of what the leak guard last passed for that site
      sheets/                   rendered PDF sheets and the sheet planner's memo
      report/                   the authors' report of the last build

Caches are JSON, parsed and validated on load (pydantic); nothing is ever unpickled,
so a planted or shared cache cannot run code. A corrupt, foreign or old cache file
(including the old `*.pickle` files) is ignored, removed and rebuilt, with a note.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sys
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from pydantic import TypeAdapter, ValidationError

from build_tools.incremental import Manifest

if TYPE_CHECKING:
    from build_tools.readability import PageReadability

T = TypeVar("T")

#: Written into every cache file; a file without it is not ours.
FORMAT = "guides-cache"
VERSION = 1


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


def note(message: str) -> None:
    """A cache problem is never an error: say it on stderr and go on without the cache."""
    print(f"guides: note: {message}", file=sys.stderr)


def write_atomically(path: Path, text: str) -> None:
    """Write a whole file or nothing (a killed build leaves the old file or none)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)


def _as_str(value: Any) -> Any:
    if not isinstance(value, str):
        raise ValueError(f"expected a string, not {type(value).__name__}")
    return value


class ResultCache(Generic[T]):
    """`get_or_make(key, make)`, then `save()` keeps only the keys used this time.

    Values are JSON: `dump` makes one from a value, `load` validates one back and raises
    ValueError (or pydantic's ValidationError) if it is not right; the file is then ignored
    as a whole, with a note. The defaults store strings."""

    def __init__(self, path: Path, load: Callable[[Any], T] = _as_str, dump: Callable[[T], Any] = lambda v: v) -> None:
        self.path = path
        self.load, self.dump = load, dump
        #: Entries as read from the file: written back as they were, not dumped again.
        self.stored: dict[str, Any] = {}
        self.old: dict[str, T] = self._load()
        self.used: dict[str, T] = {}
        self.made = 0

    def _load(self) -> dict[str, T]:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return {}
        except OSError as exc:
            note(f"{self.path}: cache unreadable ({exc.strerror}); ignored, it will be rebuilt")
            return {}
        try:
            data = json.loads(raw.decode("utf-8"))
            if not (isinstance(data, dict) and data.get("format") == FORMAT and data.get("version") == VERSION
                    and isinstance(data.get("entries"), dict)):
                raise ValueError("not a guides cache of this version")
            old = {str(key): self.load(value) for key, value in data["entries"].items()}
            self.stored = data["entries"]
            return old
        except (ValueError, ValidationError, TypeError, RecursionError) as exc:
            reason = str(exc).splitlines()[0][:120]
            note(f"{self.path}: not a valid cache ({reason}); ignored, it will be rebuilt")
            return {}

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
        entries = {key: self.stored[key] if value is self.old.get(key) else self.dump(value) for key, value in self.used.items()}
        try:
            write_atomically(self.path, json.dumps({"format": FORMAT, "version": VERSION, "entries": entries}))
        except OSError as exc:  # a cache that cannot be kept only makes the next run slower
            note(f"{self.path}: cache not saved ({exc.strerror})")


class CacheDir:
    """Where each thing lives under `.guides-cache/`, and the bookkeeping of built sites."""

    NAME = ".guides-cache"

    def __init__(self, root: Path) -> None:
        self.root = root

    @classmethod
    def of_project(cls, project_dir: Path) -> CacheDir:
        return cls(project_dir / cls.NAME)

    @property
    def lock_file(self) -> Path:
        return self.root / "lock"

    @property
    def readability(self) -> Path:
        return self.root / "readability.json"

    @property
    def sheets(self) -> Path:
        return self.root / "sheets"

    @property
    def report(self) -> Path:
        return self.root / "report"

    def stage(self, role: str) -> Path:
        return self.root / "stage" / role

    def site(self, role: str) -> Path:
        return self.root / "sites" / role

    def sheet_html(self, key: str) -> Path:
        """The HTML a cached sheet `<key>.pdf` was printed from (the leak guard reads it)."""
        return self.sheets / f"{key}.html"

    def prune_sheet_html(self) -> None:
        """Drop the HTML of sheets whose PDF the renderer pruned."""
        for page in self.sheets.glob("*.html"):
            if not page.with_suffix(".pdf").is_file():
                page.unlink(missing_ok=True)

    def last_manifest(self, role: str) -> Manifest | None:
        """The manifest of `role`'s cached site (incremental.py), if that site is complete."""
        text = self._read(self._manifest(role))
        if text is None or not (self.site(role) / "search" / "search_index.json").is_file():
            return None
        return Manifest.from_json(text)

    def forget_built(self, role: str) -> None:
        """Call before rendering into a role's site: a killed build then leaves no manifest,
        and the next build renders the whole role."""
        self._manifest(role).unlink(missing_ok=True)
        (self.root / "sites" / f"{role}.guarded").unlink(missing_ok=True)

    def remember_built(self, role: str, manifest: Manifest) -> None:
        write_atomically(self._manifest(role), manifest.to_json())

    def _manifest(self, role: str) -> Path:
        return self.root / "sites" / f"{role}.manifest.json"

    def guarded(self, role: str) -> str | None:
        """What the leak guard last passed for `role`'s cached site (see leakguard.py)."""
        return self._read(self.root / "sites" / f"{role}.guarded")

    def remember_guarded(self, role: str, value: str) -> None:
        write_atomically(self.root / "sites" / f"{role}.guarded", value)

    def drop_pickles(self) -> None:
        """Old versions kept pickles here; never open them (unpickling runs code): delete them."""
        for folder in (self.root, self.sheets):
            if folder.is_dir():
                for old in folder.glob("*.pickle"):
                    note(f"{old}: old cache format (pickle) ignored and removed; caches are JSON now")
                    old.unlink(missing_ok=True)

    @staticmethod
    def _read(path: Path) -> str | None:
        try:
            return path.read_text(encoding="utf-8").strip() or None
        except (OSError, UnicodeDecodeError):
            return None


# Readability results (`PageReadability`, a dataclass of readability/check.py), as JSON,
# validated against the dataclass itself (strict: no "1" for 1, no 1 for true).
@lru_cache(maxsize=1)
def _readability_schema() -> TypeAdapter[PageReadability]:
    from build_tools.readability import PageReadability

    return TypeAdapter(PageReadability)


def dump_readability(page: PageReadability) -> dict[str, Any]:
    return json.loads(json.dumps(dataclasses.asdict(page)))  # tuples become lists, as JSON has them


def load_readability(value: Any) -> PageReadability:
    if not isinstance(value, dict):
        raise ValueError("a readability result must be an object")
    return _readability_schema().validate_json(json.dumps(value), strict=True)
