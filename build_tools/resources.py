"""Files the package ships besides code: the theme layer, templates and `guides new` scaffold.

In this repository they live at the top (`site_overrides/`, `partials/`), where its own
mkdocs.yml uses them; pyproject.toml maps them into the package as `build_tools.theme` and
`build_tools.templates`, so a wheel carries them and an editable install finds them in place.
"""

from __future__ import annotations

from functools import cache
from importlib.metadata import PackageNotFoundError, version
from importlib.resources import files
from pathlib import Path

DISTRIBUTION = "accessible-guides"


@cache
def package_dir(package: str) -> Path:
    """The folder of a data package on disk. MkDocs, Jinja and WeasyPrint read real files,
    so a zipped install (which no installer makes for us) is refused plainly."""
    root = files(package)
    if not isinstance(root, Path):
        raise RuntimeError(f"{package} is not installed as files on disk ({root!r}); reinstall with pip")
    return root


def theme_dir() -> Path:
    """Our Material overrides (`site_overrides/` in this repository)."""
    return package_dir("build_tools.theme")


def templates_dir() -> Path:
    """Sheet and landing-page templates and print.css (`partials/` in this repository)."""
    return package_dir("build_tools.templates")


def scaffold_dir() -> Path:
    """The starter project `guides new` copies."""
    return package_dir("build_tools.scaffold") / "project"


def offline_search_shim() -> bytes:
    """iframe-worker's shim: runs Material's search worker in a page opened from `file://`."""
    return (package_dir("build_tools.vendor") / "iframe-worker" / "shim.js").read_bytes()


def tool_version() -> str:
    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:  # running from a checkout that was never installed
        return "unknown"
