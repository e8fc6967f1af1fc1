"""The cache key of a sheet: sha256 over every input that can change its PDF."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from build_tools.sheets.model import RENDER_OPTIONS

#: Bump to discard every cached sheet (e.g. after changing how PDFs are written).
FORMAT = "sheets-2"
#: Libraries whose output ends up in the PDF.
ENGINES = ("weasyprint", "pydyf", "fonttools", "markdown", "pymdown-extensions", "jinja2", "segno", "mkdocs-material")
#: Our own code that shapes a sheet (the package version, as far as sheets are concerned).
CODE = Path(__file__).resolve().parent
SHARED_CODE = ("markdown_ext.py", "markdown_options.py", "contact_links.py", "hardwords.py", "blanking.py", "icons.py")


def sheet_key(*, texts: Iterable[str], html: str, files: Iterable[Path], settings: Iterable[str]) -> str:
    """`texts`: the role-filtered staged pages; `html`: the finished document (it holds
    the templates' output and every setting shown); `files`: templates, stylesheet, fonts
    and pictures read while rendering; `settings`: anything else that matters."""
    digest = hashlib.sha256()

    def add(label: str, data: bytes) -> None:
        digest.update(label.encode() + b"\0" + hashlib.sha256(data).digest())

    add("format", FORMAT.encode())
    add("options", repr(sorted(RENDER_OPTIONS.items())).encode())
    for name in ENGINES:
        add(f"engine:{name}", _version(name).encode())
    for path in _code_files():
        add(f"code:{path.name}", path.read_bytes())
    for setting in settings:
        add("setting", setting.encode())
    for text in texts:
        add("text", text.encode())
    add("html", html.encode())
    for path in sorted(set(files)):
        add(f"file:{path}", path.read_bytes() if path.is_file() else b"missing")
    return digest.hexdigest()


@lru_cache(maxsize=None)  # once per process: asked for every sheet
def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"


def _code_files() -> list[Path]:
    return sorted(CODE.glob("*.py")) + [CODE.parent / name for name in SHARED_CODE if (CODE.parent / name).is_file()]
