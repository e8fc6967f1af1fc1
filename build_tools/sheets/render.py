"""render_sheets: write each request's PDF, from the cache when its key is known.

A rebuild with no change renders no sheet: a PDF is stored in the cache under
its request's key and copied from there. Cached PDFs no build has used for
`KEEP_DAYS` are deleted. Sheets to render are shared among
worker processes (one WeasyPrint import per worker, many sheets each); a single
sheet is rendered in this process.
"""

from __future__ import annotations

import logging
import os
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context
from pathlib import Path

from build_tools.errors import EngineError, Finding, warning
from build_tools.sheets.model import SheetOutcome, SheetRequest
from build_tools.sheets.worker import cached_pdf, page_count_file, render_one, start

log = logging.getLogger(__name__)

#: GOV.UK's easy-read guidance: a document over about 24 pages is too long to take in;
#: split it.
PACK_PAGES = 24
#: A cached PDF unused for this long is deleted (a build for one role must not
#: throw away the other roles' sheets, so "unused by this build" is not enough).
KEEP_DAYS = 30


def render_sheets(requests: list[SheetRequest], cache_dir: Path, jobs: int | None = None) -> SheetOutcome:
    """Write every request's PDF at `request.output`; return how many were rendered and
    how many reused from `cache_dir`. Raises EngineError naming every sheet that failed."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    todo: dict[str, SheetRequest] = {}
    for request in requests:
        if not cached_pdf(cache_dir, request).is_file():
            todo.setdefault(request.key, request)
    # Largest first, so one long pack does not finish last on its own.
    pending = sorted(todo.values(), key=lambda r: len(r.html), reverse=True)
    failures = _render_all(pending, cache_dir, jobs)
    if failures:
        raise EngineError("\n".join(sorted(failures)))
    for request in requests:
        cached = cached_pdf(cache_dir, request)
        os.utime(cached)  # used now: keep it
        _place(cached, request.output)
    _prune(cache_dir, time.time() - KEEP_DAYS * 86400)
    return SheetOutcome(rendered=len(pending), reused=len(requests) - len(pending), findings=long_packs(requests, cache_dir))


def long_packs(requests: list[SheetRequest], cache_dir: Path) -> list[Finding]:
    """A warning for each easy-read pack longer than `PACK_PAGES` pages, on the pack's page."""
    found = []
    for request in requests:
        counted = page_count_file(cache_dir, request)
        if request.layout != "pack" or not counted.is_file():
            continue
        pages = int(counted.read_text(encoding="ascii") or 0)
        if pages > PACK_PAGES:
            found.append(warning(
                request.source, 0, "sheet-length",
                f"sheet {request.role_id}: {request.output_rel} has {pages} pages; easy-read documents should have no more than {PACK_PAGES}",
                "split the pack into two, or move pages out of it (GOV.UK easy read guidance)",
            ))
    return sorted(set(found))


def _render_all(pending: list[SheetRequest], cache_dir: Path, jobs: int | None) -> list[str]:
    workers = min(jobs or os.cpu_count() or 1, len(pending))
    failures: list[str] = []
    if workers <= 1:
        for request in pending:
            try:
                seconds = render_one(request, cache_dir)
                log.debug("rendered %s in %.2fs", request.name, seconds)
            except EngineError as exc:
                failures.append(str(exc))
        return failures
    # Fresh processes, not forks: no state of this process (threads, loggers, caches)
    # leaks into the workers. As with any spawned pool, a script calling this must
    # guard its entry point with `if __name__ == "__main__":` (the CLI does).
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn"), initializer=start) as pool:
        futures = {pool.submit(render_one, request, cache_dir): request for request in pending}
        for future in as_completed(futures):
            request = futures[future]
            try:
                log.debug("rendered %s in %.2fs", request.name, future.result())
            except EngineError as exc:
                failures.append(str(exc))
            except BrokenProcessPool as exc:
                failures.append(f"sheet {request.name}: the worker process stopped: {exc}")
            except Exception as exc:  # anything else a worker raised, named by its sheet
                failures.append(f"sheet {request.name}: {type(exc).__name__}: {exc}")
    return failures


def _prune(cache_dir: Path, before: float) -> None:
    for old in cache_dir.glob("*.pdf"):
        if old.stat().st_mtime < before:
            old.unlink(missing_ok=True)
            old.with_suffix(".pages").unlink(missing_ok=True)


def _place(source: Path, target: Path) -> None:
    """Copy the cached PDF to its place, leaving an identical file untouched."""
    data = source.read_bytes()
    if target.is_file() and target.stat().st_size == len(data) and target.read_bytes() == data:
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.tmp")
    partial.write_bytes(data)
    os.replace(partial, target)
