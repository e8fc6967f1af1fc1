"""Reflow (WCAG 1.4.10) and text spacing (WCAG 1.4.12) on every page."""

from __future__ import annotations

import pytest

from browser_support import REFLOW_SIZES, by_section, sections
from support import ROOT

pytestmark = pytest.mark.browser

SECTIONS = sections(ROOT)
SPACING_SECTIONS = SECTIONS


@pytest.mark.parametrize("section", SECTIONS)
def test_no_page_scrolls_sideways(sweep: dict, section: str) -> None:
    problems = []
    for record in by_section(sweep, section):
        for size in REFLOW_SIZES:
            seen = record.reflow[size]
            if seen["scrollWidth"] > seen["innerWidth"]:
                problems.append(f"{record.path} at {size}: {seen['scrollWidth']} px wide in a {seen['innerWidth']} px window; wide: {seen['wide']}")
    assert not problems, "pages that scroll sideways (WCAG 1.4.10):\n" + "\n".join(problems)


@pytest.mark.parametrize("section", SPACING_SECTIONS)
def test_text_spacing_clips_and_overlaps_nothing(sweep: dict, section: str) -> None:
    problems = []
    for record in by_section(sweep, section):
        for size, found in record.spacing.items():
            problems += [f"{record.path} at {size}: clipped: {c}" for c in found["clipped"]]
            problems += [f"{record.path} at {size}: {o}" for o in found["overlaps"]]
    assert not problems, "with WCAG 1.4.12 text spacing (WCAG 1.4.12):\n" + "\n".join(problems)


def test_spacing_is_checked_on_easy_read_and_standard_pages(sweep: dict) -> None:
    role_pages = [r for r in sweep.values() if r.spacing and "/" in r.path and not r.path.startswith("report/")]
    assert any(r.easy for r in role_pages) and any(not r.easy for r in role_pages)
