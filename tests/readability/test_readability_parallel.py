"""Measuring on several cores gives exactly what one process gives."""

from __future__ import annotations

from pathlib import Path

from build_tools.readability import ReadabilitySettings
from build_tools.readability.parallel import PARALLEL_FROM, PageJob, measure_pages

FIXTURES = Path(__file__).parent / "fixtures"


def test_parallel_results_equal_serial_results() -> None:
    pages = sorted(FIXTURES.glob("*.md"))
    jobs = [
        PageJob(f"copy-{n}/{page.name}", page.read_text(), 1, page.name.endswith(".easy.md"), "guide")
        for n in range(PARALLEL_FROM // len(pages) + 1)
        for page in pages
    ]
    assert len(jobs) >= PARALLEL_FROM
    settings = ReadabilitySettings()
    serial = measure_pages(jobs, {"dbs": "a check"}, settings, workers=1)
    parallel = measure_pages(jobs, {"dbs": "a check"}, settings, workers=2)
    assert serial == parallel
    assert any(report.findings for report in serial.values())
