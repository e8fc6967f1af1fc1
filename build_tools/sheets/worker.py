"""What a worker process runs: render one sheet into the cache.

Kept apart from render.py so a worker imports only this, the request model and
pdf.py (WeasyPrint): no Markdown, Jinja or configuration.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from build_tools.sheets.model import SheetRequest


def start() -> None:
    """Import WeasyPrint once per worker, before its first sheet."""
    import build_tools.sheets.pdf  # noqa: F401  (the import is the point)


def cached_pdf(cache_dir: Path, request: SheetRequest) -> Path:
    return cache_dir / f"{request.key}.pdf"


def page_count_file(cache_dir: Path, request: SheetRequest) -> Path:
    """Beside each cached PDF: its number of pages (read back without a PDF parser)."""
    return cache_dir / f"{request.key}.pages"


def render_one(request: SheetRequest, cache_dir: Path) -> float:
    """Render one sheet into the cache (written whole, then renamed), with its page count
    beside it; return the seconds it took."""
    from build_tools.sheets.pdf import render_pdf

    started = time.perf_counter()
    data, pages = render_pdf(request.html, base_url=request.base_url, allowed_roots=request.allowed_roots, name=request.name)
    page_count_file(cache_dir, request).write_text(str(pages), encoding="ascii")
    target = cached_pdf(cache_dir, request)
    partial = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    partial.write_bytes(data)
    os.replace(partial, target)
    return time.perf_counter() - started
