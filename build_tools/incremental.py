"""How much of a role's site must be rendered again, decided from what staging changed.

A staged project is summed up by a `Manifest`: a digest of each file under its `docs/`,
and one digest of everything that shapes every page at once (its `mkdocs.yml`, which
holds the navigation and the page titles, the theme folders and the tool's own code).
Compared with the manifest of the role's last successful build:

- nothing differs: the last output is reused as it is;
- the same files and the same shared digest, only some files' bytes differ: only
  those pages are rendered again (plus what every build writes: the search index,
  sitemap and 404 page). Titles and navigation live in `mkdocs.yml`, so a page body
  edit cannot change what another page shows;
- anything else (a page added, removed or renamed, a title, the config, the theme,
  the tool): the whole role is rebuilt.

Pure, apart from reading the files it is asked to digest. Knows nothing of MkDocs.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

#: The manifest file's format; a file of another version is ignored (a full build follows).
FORMAT = 1


@dataclass(frozen=True)
class Manifest:
    #: Digest of everything shared by every page (config, navigation, theme, tool code).
    shared: str
    #: `docs/`-relative POSIX path -> digest of the file's bytes.
    files: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps({"format": FORMAT, "shared": self.shared, "files": self.files}, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Manifest | None:
        """The manifest in `text`, or None when it is not one we wrote (damaged, old, foreign)."""
        try:
            data = json.loads(text)
        except ValueError:
            return None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return None
        shared, files = data.get("shared"), data.get("files")
        if not isinstance(shared, str) or not isinstance(files, dict):
            return None
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in files.items()):
            return None
        return cls(shared, dict(files))


@dataclass(frozen=True)
class Plan:
    kind: Literal["skip", "pages", "full"]
    #: With kind "pages": the `docs/`-relative files whose bytes changed.
    changed: tuple[str, ...] = ()


def plan(old: Manifest | None, new: Manifest) -> Plan:
    """What to render for `new`, given the manifest of the last good build (None: unknown)."""
    if old is None or old.shared != new.shared or old.files.keys() != new.files.keys():
        return Plan("full")
    changed = tuple(sorted(path for path, digest in new.files.items() if old.files[path] != digest))
    return Plan("pages", changed) if changed else Plan("skip")


def manifest(project_dir: Path, shared_dirs: list[Path], *settings: str) -> Manifest:
    """Digest a staged project (`mkdocs.yml` + `docs/`), the folders every page depends on,
    and any other `settings` that shape every page (e.g. the engine's name)."""
    docs = project_dir / "docs"
    files = {p.relative_to(docs).as_posix(): _file_digest(p) for p in sorted(docs.rglob("*")) if p.is_file()}
    shared = hashlib.sha256()
    shared.update(_file_digest(project_dir / "mkdocs.yml").encode())
    for setting in settings:
        shared.update(setting.encode() + b"\0")
    for root in shared_dirs:
        if not root.is_dir():
            continue
        for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            shared.update(path.relative_to(root).as_posix().encode() + b"\0" + _file_digest(path).encode())
    return Manifest(shared.hexdigest(), files)


def _file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
