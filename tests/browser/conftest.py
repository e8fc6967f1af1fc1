"""The browser suite's fixtures: one build, one local server, one Chromium and one
sweep over every page, shared by the whole session.

The sweep visits each HTML page of the built site once, at a desktop size, and
records what the tests then judge: every request, axe-core's violations, the
first Tab stop and where the skip link leads, sideways scrolling at 320 px and at
200 % zoom, text clipped or overlapping under WCAG 1.4.12 spacing, the level
badges and how each of our own controls shows focus. Tests read the records, so
each problem is reported once, with its page, and the browser work is done once.

Set GUIDES_A11Y_SITE=/path/to/site to audit a site that is already built instead
of building the shipped content.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from browser_support import (
    DESKTOP,
    FOCUS_JS,
    HELPERS_JS,
    PAINTED_TEXT_JS,
    REFLOW_JS,
    REFLOW_SIZES,
    SPACING_PROBLEMS_JS,
    TEXT_SPACING_CSS,
    RequestLog,
    StaticServer,
    axe_script,
    launch,
    run_axe,
    settle,
    site_pages,
)
from support import ROOT, run_guides

BUILD_DATE = "2026-11-22"  # review dates are judged against this day, so the build is repeatable
NO_MOTION_CSS = "*, *::before, *::after { transition: none !important; animation: none !important; }"




@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped content, built once for the session (or the site named by GUIDES_A11Y_SITE)."""
    given = os.environ.get("GUIDES_A11Y_SITE")
    if given:
        path = Path(given).resolve()
        if not (path / "index.html").is_file():
            pytest.fail(f"GUIDES_A11Y_SITE={given}: no index.html there", pytrace=False)
        return path
    out = tmp_path_factory.mktemp("a11y") / "site"
    result = run_guides("build", "-f", str(ROOT / "mkdocs.yml"), "-d", str(out), "--today", BUILD_DATE, cwd=ROOT)
    if result.returncode != 0:
        pytest.fail(f"guides build exited {result.returncode}:\n{result.stdout}\n{result.stderr}", pytrace=False)
    # The authors' report is written outside the published site (.guides-cache/report/);
    # it is audited too, served beside the site as report/ for this session only.
    shutil.copytree(ROOT / ".guides-cache" / "report", out / "report")
    return out


@pytest.fixture(scope="session")
def server(site_dir: Path) -> Iterator[StaticServer]:
    with StaticServer(site_dir) as running:
        yield running


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def pages(site_dir: Path) -> list[str]:
    found = site_pages(site_dir)
    assert found, f"no HTML pages in {site_dir}"
    return found


@pytest.fixture
def open_page(browser: Any, server: StaticServer) -> Iterator[Callable[..., Any]]:
    """Open a site page in a fresh context: `open_page("partner/", viewport=PHONE, init_script=...)`."""
    contexts: list[Any] = []

    def opener(path: str, viewport: dict[str, int] = DESKTOP, init_script: str | None = None) -> Any:
        context = browser.new_context(viewport=viewport)
        contexts.append(context)
        if init_script:
            context.add_init_script(script=init_script)
        page = context.new_page()
        page.goto(server.base_url + path)
        page.evaluate("() => document.fonts.ready.then(() => true)")
        page.evaluate(HELPERS_JS)
        page.add_style_tag(content=NO_MOTION_CSS)
        return page

    yield opener
    for context in contexts:
        context.close()


@dataclass
class PageRecord:
    """What the sweep saw on one page."""

    path: str
    requests: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)
    violations: list[dict[str, Any]] = field(default_factory=list)
    first_tab: dict[str, Any] = field(default_factory=dict)
    skip_href: str | None = None
    after_skip_in_target: bool = False
    after_skip: str = ""
    reflow: dict[str, dict[str, Any]] = field(default_factory=dict)
    spacing: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    badges: list[dict[str, Any]] = field(default_factory=list)
    tool_focus: list[dict[str, Any]] = field(default_factory=list)
    easy: bool = False
    has_sheet: bool = False
    has_read_aloud: bool = False


SKIP_JS = r"""
() => {
  const a = document.activeElement;
  const href = a && a.getAttribute("href");
  return { href, text: a ? a.textContent.trim() : "" };
}
"""

AFTER_SKIP_JS = r"""
(href) => {
  const target = document.querySelector(href);
  const a = document.activeElement;
  if (!target || !a || a === document.body) return { ok: false, now: a ? a.tagName : "none" };
  const after = target.contains(a) || !!(target.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING);
  const inNav = !!a.closest(".md-sidebar, .md-header, .md-banner");
  return { ok: after && !inNav, now: window.__guides.describe(a) };
}
"""

FEATURES_JS = r"""
() => {
  const G = window.__guides;
  const badges = [...document.querySelectorAll(".guides-badge")].filter(G.visible).map(b => {
    const s = getComputedStyle(b);
    const bg = G.background(b);
    return { text: b.textContent.trim(), contrast: G.ratio(G.over(G.parse(s.color), bg), bg),
             fontSize: parseFloat(s.fontSize), bold: parseInt(s.fontWeight, 10) >= 700 };
  });
  return {
    badges,
    easy: !!document.querySelector(".guides-page--easy"),
    hasSheet: !!document.querySelector('a.guides-tool[href$=".pdf"]'),
    hasReadAloud: !!document.querySelector(".guides-read-aloud"),
  };
}
"""

TOOLS = ".guides-tool:not([disabled]), a.guides-skip"


def _visit(page: Any, url: str, record: PageRecord) -> None:
    if page.viewport_size != DESKTOP:
        page.set_viewport_size(DESKTOP)
    page.goto(url, wait_until="load")
    page.evaluate("() => document.fonts.ready.then(() => true)")
    page.evaluate(HELPERS_JS)
    page.add_style_tag(content=NO_MOTION_CSS)

    # Keyboard first, while nothing has had focus: the first Tab stop, then the skip link.
    page.keyboard.press("Tab")
    settle(page)
    record.first_tab = {**page.evaluate(FOCUS_JS), **page.evaluate(SKIP_JS)}
    href = record.first_tab.get("href") or ""
    if href.startswith("#") and len(href) > 1:
        record.skip_href = href
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
        settle(page)
        after = page.evaluate(AFTER_SKIP_JS, href)
        record.after_skip_in_target, record.after_skip = after["ok"], after["now"]
    page.evaluate(RESET_JS)

    # axe-core (put in the page by the context's init script) on the page as loaded;
    # the read-aloud controls show, as Chromium has speech synthesis.
    record.violations = run_axe(page)

    features = page.evaluate(FEATURES_JS)
    record.badges = features["badges"]
    record.easy, record.has_sheet, record.has_read_aloud = features["easy"], features["hasSheet"], features["hasReadAloud"]

    # Our own controls, focused after keyboard use (so :focus-visible applies).
    controls = page.locator(TOOLS)
    for index in range(controls.count()):
        control = controls.nth(index)
        if not control.is_visible() and "guides-skip" not in (control.get_attribute("class") or ""):
            continue
        control.focus()
        record.tool_focus.append(page.evaluate(FOCUS_JS))
    page.evaluate(RESET_JS)

    # WCAG 1.4.12 text spacing at desktop size; then at 320 CSS px, reflow (1.4.10)
    # and spacing again; then 200 % zoom of a 1280 x 720 window, reflow.
    _spacing(page, record, "desktop")
    page.set_viewport_size(REFLOW_SIZES["320px"])
    record.reflow["320px"] = page.evaluate(REFLOW_JS)
    _spacing(page, record, "320px")
    page.set_viewport_size(REFLOW_SIZES["200% zoom"])
    record.reflow["200% zoom"] = page.evaluate(REFLOW_JS)


RESET_JS = "() => { document.activeElement && document.activeElement.blur(); history.replaceState(null, '', location.pathname); scrollTo(0, 0); }"


def _spacing(page: Any, record: PageRecord, name: str) -> None:
    page.evaluate("() => scrollTo(0, 0)")
    page.evaluate(PAINTED_TEXT_JS)
    spacing = page.add_style_tag(content=TEXT_SPACING_CSS)
    record.spacing[name] = page.evaluate(SPACING_PROBLEMS_JS)
    spacing.evaluate("el => el.remove()")


@pytest.fixture(scope="session")
def sweep(browser: Any, server: StaticServer, pages: list[str]) -> dict[str, PageRecord]:
    """Visit every page once; see the module docstring for what is recorded."""
    context = browser.new_context(viewport=DESKTOP)
    context.add_init_script(script=axe_script())
    log = RequestLog(server.base_url)
    log.attach(context)
    page = context.new_page()
    records: dict[str, PageRecord] = {}
    try:
        for path in pages:
            record = records[path] = PageRecord(path)
            log.take()
            _visit(page, server.base_url + path, record)
            # Requests made after `load` (fonts, the search index) count for this page too.
            page.wait_for_timeout(50)
            record.requests = log.take()
            record.outside_requests = log.outside(record.requests)
    finally:
        context.close()
    return records

