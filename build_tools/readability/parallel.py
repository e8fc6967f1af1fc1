"""Measure many pages on every core.

The pronouncing dictionary and the plain-words index are loaded once in this
process before the workers are forked, so they share them instead of each
loading them again (about a second and half a second).
Few pages are measured here, in this process: starting workers costs more.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from typing import NamedTuple

from build_tools.readability.check import PageReadability, check_page
from build_tools.readability.metrics import warm_up
from build_tools.readability.plain_words import default_index
from build_tools.readability.settings import ReadabilitySettings

#: Below this many pages one process is quicker than starting workers.
PARALLEL_FROM = 150


class PageJob(NamedTuple):
    path: str
    text: str
    body_start: int
    is_easy: bool
    page_type: str


def measure_pages(jobs: list[PageJob], terms: Mapping[str, str], settings: ReadabilitySettings,
                  workers: int | None = None) -> dict[str, PageReadability]:
    """`check_page` for every job, by path."""
    workers = min(workers or os.cpu_count() or 1, max(1, len(jobs) // 50))
    if len(jobs) < PARALLEL_FROM or workers < 2 or "fork" not in _methods():
        return {job.path: _measure(job, terms, settings) for job in jobs}
    warm_up(settings.language)
    default_index()  # built once here, shared by the forked workers
    chunks = [jobs[i::workers] for i in range(workers)]
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("fork")) as pool:
        parts = pool.map(_measure_all, chunks, [dict(terms)] * workers, [settings] * workers)
        return {path: report for part in parts for path, report in part.items()}


def _measure_all(jobs: list[PageJob], terms: Mapping[str, str], settings: ReadabilitySettings) -> dict[str, PageReadability]:
    return {job.path: _measure(job, terms, settings) for job in jobs}


def _measure(job: PageJob, terms: Mapping[str, str], settings: ReadabilitySettings) -> PageReadability:
    return check_page(path=job.path, text=job.text, body_start=job.body_start, is_easy=job.is_easy,
                      page_type=job.page_type, glossary_terms=terms, settings=settings)


def _methods() -> list[str]:
    from multiprocessing import get_all_start_methods

    return get_all_start_methods()
