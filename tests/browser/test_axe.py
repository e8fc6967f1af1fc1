"""Every page passes axe-core's WCAG 2.2 A/AA rules and asks nothing of another machine."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser_support import AXE_TAGS, by_section, describe_violations, sections, site_section
from support import ROOT

pytestmark = pytest.mark.browser

SECTIONS = sections(ROOT)


def test_every_page_of_every_site_is_audited(sweep: dict, pages: list[str], site_dir: Path) -> None:
    assert set(sweep) == set(pages)
    found = {site_section(p) for p in pages}
    assert set(SECTIONS) <= found, f"sites missing from the build: {set(SECTIONS) - found}"
    assert {"index.html", "report/index.html"} <= set(pages)
    for role in SECTIONS[1:-1]:
        assert f"{role}/index.html" in pages and f"{role}/404.html" in pages


@pytest.mark.parametrize("section", SECTIONS)
def test_axe_finds_no_violations(sweep: dict, section: str) -> None:
    problems = [line for record in by_section(sweep, section) for line in describe_violations(record.path, record.violations)]
    assert not problems, f"axe-core ({', '.join(AXE_TAGS)}) found {len(problems)} problem(s):\n" + "\n".join(problems)


@pytest.mark.parametrize("section", SECTIONS)
def test_no_request_leaves_the_machine(sweep: dict, section: str) -> None:
    records = by_section(sweep, section)
    outside = [f"{r.path}: {url}" for r in records for url in r.outside_requests]
    assert not outside, "requests to another host:\n" + "\n".join(outside)
    # The recording works: every page loaded at least itself and, on role sites, its assets.
    for record in records:
        assert any(url.split("#")[0].endswith((record.path, record.path.removesuffix("index.html"))) for url in record.requests), record.path
