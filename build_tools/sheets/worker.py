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


def render_one(request: SheetRequest, cache_dir: Path) -> float:
    """Render one sheet into the cache (written whole, then renamed); return the seconds it took."""
    from build_tools.sheets.pdf import render_pdf

    started = time.perf_counter()
    data = render_pdf(request.html, base_url=request.base_url, allowed_roots=request.allowed_roots, name=request.name)
    target = cached_pdf(cache_dir, request)
    partial = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    partial.write_bytes(data)
    os.replace(partial, target)
    return time.perf_counter() - started
