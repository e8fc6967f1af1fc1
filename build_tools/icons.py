"""Material's bundled icons (`material-account-group`), found on disk and inlined as SVG.

Icons are drawn inline so pages and PDFs need no network and no icon font.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path


@lru_cache(maxsize=1)
def icons_dir() -> Path:
    spec = find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("mkdocs-material is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "templates" / ".icons"


@lru_cache(maxsize=None)
def icon_path(name: str) -> Path | None:
    """`material-account-group` -> .../material/account-group.svg; None if there is no such icon."""
    parts = name.strip().split("-")
    if len(parts) < 2:
        return None
    base = icons_dir() / parts[0]
    rest = parts[1:]
    # Sets such as fontawesome have a second folder level (fontawesome/solid/...).
    if len(rest) > 1 and (base / rest[0]).is_dir():
        base, rest = base / rest[0], rest[1:]
    path = base / ("-".join(rest) + ".svg")
    return path if path.is_file() else None


@lru_cache(maxsize=None)
def icon_svg(name: str) -> str:
    path = icon_path(name)
    if path is None:
        raise KeyError(name)
    return path.read_text(encoding="utf-8")
