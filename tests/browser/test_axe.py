"""Every page passes axe-core's WCAG 2.2 A/AA rules and asks nothing of another machine."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from browser_support import (
    AXE_TAGS, DESKTOP, PHONE, axe_script, by_section, describe_violations, run_axe, sections, settle, site_section,
)
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


# -- Phone width, and axe's best-practice rules -------------------------------------------

#: Best-practice rules we do not meet, each with the reason. Everything else must pass.
BEST_PRACTICE_EXCEPTIONS: dict[str, str] = {}


@pytest.fixture(scope="session")
def axe_more(browser: Any, server: Any, pages: list[str]) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """Every page again: the WCAG rules at 390 CSS px (a phone), and the best-practice
    rules at desktop size (issue 12: an outside audit found at phone width what a
    desktop run did not)."""
    found: dict[str, dict[str, list[dict[str, Any]]]] = {}
    context = browser.new_context(viewport=PHONE)
    context.add_init_script(script=axe_script())
    page = context.new_page()
    try:
        for path in pages:
            page.set_viewport_size(PHONE)
            page.goto(server.base_url + path, wait_until="load")
            page.evaluate("() => document.fonts.ready.then(() => true)")
            phone = run_axe(page)
            page.set_viewport_size(DESKTOP)
            settle(page)
            found[path] = {"phone": phone, "best-practice": run_axe(page, ["best-practice"])}
    finally:
        context.close()
    return found


@pytest.mark.parametrize("section", SECTIONS)
def test_axe_finds_no_violations_at_phone_width(axe_more: dict, section: str) -> None:
    problems = [line for path, runs in axe_more.items() if site_section(path) == section
                for line in describe_violations(path, runs["phone"])]
    assert any(site_section(p) == section for p in axe_more), f"no pages for {section}"
    assert not problems, f"axe-core at {PHONE['width']} px found {len(problems)} problem(s):\n" + "\n".join(problems)


@pytest.mark.parametrize("section", SECTIONS)
def test_axe_best_practice_rules_pass_or_are_justified(axe_more: dict, section: str) -> None:
    problems = [line for path, runs in axe_more.items() if site_section(path) == section
                for line in describe_violations(path, [v for v in runs["best-practice"] if v["id"] not in BEST_PRACTICE_EXCEPTIONS])]
    assert not problems, f"axe-core best-practice found {len(problems)} problem(s):\n" + "\n".join(problems)


def test_every_best_practice_exception_is_still_needed(axe_more: dict) -> None:
    """An exception nothing triggers any more is removed, so the list stays honest."""
    seen = {v["id"] for runs in axe_more.values() for v in runs["best-practice"]}
    assert set(BEST_PRACTICE_EXCEPTIONS) <= seen, f"no longer needed: {set(BEST_PRACTICE_EXCEPTIONS) - seen}"
