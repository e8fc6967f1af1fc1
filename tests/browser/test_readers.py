"""What an outside audit found beyond a desktop axe run (issue 12): forced colours, tick
boxes and ratings that work and are remembered on the device, no layout shift while the
font loads, phone and email links, dates in words, the way back from a 404 page, and the
landing page's icon."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from browser_support import DESKTOP, HELPERS_JS, PHONE, settle

pytestmark = pytest.mark.browser

UI = 3.0  # non-text contrast (WCAG 1.4.11): pictures, boxes, borders, focus rings

# Each easy-read picture's rendered colour against what it is drawn on.
PICTURES_JS = r"""
() => {
  const G = window.__guides;
  return [...document.querySelectorAll(".guides-picture__icon svg")].filter(G.visible).map(svg => {
    const path = svg.querySelector("path") || svg;
    const fill = G.parse(getComputedStyle(path).fill) || G.parse(getComputedStyle(svg).fill);
    const bg = G.background(svg.parentElement);
    return { label: svg.getAttribute("aria-label") || "(decorative)", fill: getComputedStyle(path).fill,
             background: `rgb(${bg.r}, ${bg.g}, ${bg.b})`, contrast: fill ? G.ratio(G.over(fill, bg), bg) : 0 };
  });
}
"""

# Other things we colour: badges' edges and text, tool buttons' borders, tick boxes.
PARTS_JS = r"""
() => {
  const G = window.__guides;
  const out = [];
  for (const el of document.querySelectorAll(".guides-badge, .guides-tool:not([disabled])")) {
    if (!G.visible(el)) continue;
    const s = getComputedStyle(el), bg = G.background(el.parentElement);
    const own = G.background(el);
    out.push({ what: G.describe(el), text: G.ratio(G.over(G.parse(s.color), own), own),
               edge: G.ratio(G.over(G.parse(s.borderTopColor), bg), bg) });
  }
  return out;
}
"""


def _contexts(browser: Any, scheme: str) -> Any:
    return browser.new_context(viewport=DESKTOP, forced_colors="active", color_scheme=scheme)


@pytest.mark.parametrize("scheme", ["dark", "light"])
def test_every_easy_read_picture_keeps_contrast_in_forced_colours(browser: Any, server: Any, sweep: dict, scheme: str) -> None:
    """Windows contrast themes (emulated): the pictures are the core of easy read, and a
    fixed teal fill was about 2.4:1 on the dark theme's black."""
    easy = [r.path for r in sweep.values() if r.easy]
    assert easy, "no easy-read pages"
    context = _contexts(browser, scheme)
    page = context.new_page()
    problems, measured = [], 0
    try:
        for path in easy:
            page.goto(server.base_url + path)
            page.evaluate(HELPERS_JS)
            assert page.evaluate("() => matchMedia('(forced-colors: active)').matches")
            pictures = page.evaluate(PICTURES_JS)
            measured += len(pictures)
            problems += [f"{path}: {p['label']}: {p['fill']} on {p['background']} is {p['contrast']:.2f}:1" for p in pictures if p["contrast"] < UI]
            parts = page.evaluate(PARTS_JS)
            problems += [f"{path}: {p['what']}: text {p['text']:.2f}:1" for p in parts if p["text"] < 4.5]
            problems += [f"{path}: {p['what']}: edge {p['edge']:.2f}:1" for p in parts if p["edge"] < UI]
    finally:
        context.close()
    assert measured >= len(easy), f"only {measured} pictures measured on {len(easy)} easy-read pages"
    assert not problems, f"{scheme} forced colours:\n" + "\n".join(problems)


def test_focus_ring_shows_in_forced_colours(browser: Any, server: Any, sweep: dict) -> None:
    path = next(r.path for r in sweep.values() if r.easy and r.has_read_aloud)
    context = _contexts(browser, "dark")
    try:
        page = context.new_page()
        page.goto(server.base_url + path)
        page.evaluate(HELPERS_JS)
        for _ in range(60):
            page.keyboard.press("Tab")
            if page.evaluate("() => document.activeElement.classList.contains('guides-tool')"):
                break
        ring = page.evaluate("""() => { const G = window.__guides, el = document.activeElement, s = getComputedStyle(el);
            const bg = G.background(el.parentElement);
            return { width: parseFloat(s.outlineWidth), style: s.outlineStyle, contrast: G.ratio(G.parse(s.outlineColor), bg) }; }""")
        assert ring["style"] != "none" and ring["width"] >= 2 and ring["contrast"] >= UI, ring
    finally:
        context.close()


# -- Tick boxes and ratings -------------------------------------------------------------------


@pytest.fixture(scope="module")
def tick_pages(site_dir: Path) -> dict[str, str]:
    """A page with task-list tick boxes, a self-assessment page and a page with a Tick table."""
    found: dict[str, str] = {}
    for html in sorted(site_dir.rglob("index.html")):
        text = html.read_text(encoding="utf-8")
        rel = html.relative_to(site_dir).as_posix()
        if "data-guides-ratings" in text:
            found.setdefault("ratings", rel)
        elif "task-list-item" in text:
            found.setdefault("ticks", rel)
        if re.search(r"<th[^>]*>Tick</th>", text):
            found.setdefault("table", rel)
    assert set(found) == {"ratings", "ticks", "table"}, found
    return found


def test_ticks_work_are_kept_on_reload_and_can_be_cleared(open_page: Callable[..., Any], tick_pages: dict[str, str]) -> None:
    page = open_page(tick_pages["ticks"])
    boxes = page.locator(".guides-page input[type=checkbox]")
    assert boxes.count() >= 2
    info = page.evaluate("""() => [...document.querySelectorAll('.guides-page input[type=checkbox]')].map(b => ({
        disabled: b.disabled, label: b.labels.length ? b.labels[0].textContent.trim() : '', aria: b.getAttribute('aria-label') }))""")
    assert all(not b["disabled"] and len(b["label"]) > 3 and b["aria"] is None for b in info), info
    # Ticked with the keyboard (Space), as a screen reader user would.
    boxes.nth(1).focus()
    page.keyboard.press(" ")
    assert boxes.nth(1).is_checked()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.reload()
    page.wait_for_load_state("load")
    boxes = page.locator(".guides-page input[type=checkbox]")
    assert boxes.nth(1).is_checked() and not boxes.nth(0).is_checked(), "the tick was not kept"
    assert not [u for u in requests if "?" in u or u.endswith(("/answers", "/save"))], requests
    stored = page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('guides:'))")
    assert stored == [f"guides:answers:/{tick_pages['ticks'].removesuffix('index.html')}"], stored
    note = page.locator(".guides-ticks-note")
    assert re.search(r"on this (device|phone or computer) only\. (It is|They are) not sent", note.inner_text()), note.inner_text()
    page.get_by_role("button", name="Clear my answers").click()
    assert not boxes.nth(1).is_checked()
    page.reload()
    assert not page.locator(".guides-page input[type=checkbox]").nth(1).is_checked()
    assert page.evaluate("() => localStorage.length") == 0


def test_ticks_are_printed(open_page: Callable[..., Any], tick_pages: dict[str, str]) -> None:
    page = open_page(tick_pages["ticks"])
    page.locator(".guides-page input[type=checkbox]").first.check()
    page.emulate_media(media="print")
    box = page.locator(".guides-page input[type=checkbox]").first
    assert box.is_visible() and box.is_checked()
    assert not page.locator(".guides-ticks-note").is_visible()


def test_self_assessment_ratings_and_notes_are_real_controls_kept_on_reload(open_page: Callable[..., Any], tick_pages: dict[str, str]) -> None:
    page = open_page(tick_pages["ratings"])
    groups = page.locator("fieldset.guides-rating")
    assert groups.count() >= 3
    first = groups.first
    statement = first.locator("legend").inner_text().strip()
    assert len(statement) > 10
    radios = first.get_by_role("radio")
    assert radios.count() == 3 and [first.locator("label").nth(i).inner_text().strip() for i in range(3)] == ["Not yet", "Partly", "Fully"]
    notes = first.get_by_role("textbox", name="Notes")
    assert notes.count() == 1
    first.get_by_role("radio", name="Partly").check()
    notes.fill("We ask partners to every panel.")
    groups.nth(2).get_by_role("radio", name="Fully").check()
    page.reload()
    groups = page.locator("fieldset.guides-rating")
    assert groups.first.get_by_role("radio", name="Partly").is_checked()
    assert not groups.first.get_by_role("radio", name="Fully").is_checked()
    assert groups.first.get_by_role("textbox", name="Notes").input_value() == "We ask partners to every panel."
    assert groups.nth(2).get_by_role("radio", name="Fully").is_checked()
    assert page.evaluate("() => document.querySelectorAll('.guides-page input[type=checkbox]').length") == 0


def test_tick_tables_get_a_labelled_box_in_each_row(open_page: Callable[..., Any], tick_pages: dict[str, str]) -> None:
    page = open_page(tick_pages["table"])
    boxes = page.locator("input.guides-tick-cell")
    rows = page.locator(".guides-page table:has(input.guides-tick-cell) tbody tr")
    assert boxes.count() == rows.count() > 3
    name = page.evaluate("() => { const b = document.querySelector('input.guides-tick-cell'); return document.getElementById(b.getAttribute('aria-labelledby')).textContent.trim(); }")
    assert name and name == rows.first.locator("td").first.inner_text().strip()
    boxes.nth(2).check()
    page.reload()
    assert page.locator("input.guides-tick-cell").nth(2).is_checked()


# -- Fonts: no layout shift --------------------------------------------------------------------

SHIFT_JS = r"""
(() => {
  window.__shift = 0;
  window.__shifts = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) { window.__shift += entry.value; window.__shifts += 1; }
  }).observe({ type: "layout-shift", buffered: true });
})();
"""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_slow_font_moves_no_text(browser: Any, server: Any, sweep: dict, viewport: dict[str, int]) -> None:
    """The font arrives 1.5 s late (a slow phone network): nothing may jump when it does."""
    path = next(r.path for r in sweep.values() if r.easy and r.has_read_aloud)
    context = browser.new_context(viewport=viewport)
    fonts: list[str] = []

    def slow(route: Any) -> None:
        fonts.append(route.request.url)
        time.sleep(1.5)
        route.continue_()

    context.route(re.compile(r".*\.woff2?$"), slow)
    context.add_init_script(script=SHIFT_JS)
    try:
        page = context.new_page()
        page.goto(server.base_url + path, wait_until="load")
        page.wait_for_timeout(2500)  # the late font has arrived by now
        shift = page.evaluate("() => window.__shift")
        assert fonts, "the font was never requested"
        assert shift <= 0.01, f"cumulative layout shift {shift:.3f} while the font loaded (good is 0.1 or less; we want none)"
        preloaded = page.evaluate("() => [...document.querySelectorAll('link[rel=preload][as=font]')].map(l => l.href)")
        assert len(preloaded) == 2 and all(p.endswith(".woff2") for p in preloaded)
    finally:
        context.close()


# -- Small things readers meet ----------------------------------------------------------------


def test_phone_numbers_and_email_addresses_can_be_tapped(site_dir: Path) -> None:
    from build_tools.config import load_config
    from support import ROOT

    contact = load_config(ROOT / "mkdocs.yml").guides.variables["contact"]
    html = (site_dir / "partner" / "glossary" / "index.html").read_text(encoding="utf-8")
    digits = "".join(c for c in str(contact["phone"]) if c.isdigit())
    assert re.search(rf'<a [^>]*href="tel:{digits}"[^>]*>{re.escape(str(contact["phone"]))}</a>', html)
    assert re.search(rf'<a [^>]*href="mailto:{re.escape(contact["email"])}"[^>]*>{re.escape(contact["email"])}</a>', html)


def test_dates_are_in_words(site_dir: Path) -> None:
    pages = [p for p in site_dir.rglob("*.html") if "guides-page-facts" in p.read_text(encoding="utf-8")]
    assert pages
    for page in pages:
        facts = re.search(r'class="guides-page-facts">(.*?)</p>', page.read_text(encoding="utf-8"), re.S)
        assert facts and not re.search(r">\d{4}-\d\d-\d\d<", facts.group(1)), facts.group(1) if facts else page
        if "review" in facts.group(1):
            assert re.search(r'<time datetime="\d{4}-\d\d-\d\d">\d{1,2} [A-Z][a-z]+ \d{4}</time>', facts.group(1)), facts.group(1)


def test_404_leads_back_to_the_landing_page(site_dir: Path) -> None:
    from build_tools.config import load_config
    from support import ROOT

    landing = load_config(ROOT / "mkdocs.yml").site_url
    for role in load_config(ROOT / "mkdocs.yml").role_ids:
        html = (site_dir / role / "404.html").read_text(encoding="utf-8")
        assert re.search(rf'<a href="{re.escape(landing)}">Choose a different site</a>', html), role


def test_landing_page_has_its_icon(open_page: Callable[..., Any], site_dir: Path) -> None:
    page = open_page("index.html")
    href = page.evaluate("() => document.querySelector('link[rel=icon]') && document.querySelector('link[rel=icon]').href")
    assert href and (site_dir / "assets" / "images" / "favicon.png").is_file()
    assert page.request.get(href).status == 200


def test_sheet_links_open_in_the_browser(site_dir: Path) -> None:
    links = [m for p in site_dir.rglob("*.html") for m in re.findall(r'<a class="guides-tool"[^>]*\.pdf"[^>]*>', p.read_text(encoding="utf-8"))]
    assert links and not [link for link in links if "download" in link], links[:3]


def test_easy_read_pages_have_no_side_menus_on_desktop_but_a_way_back(open_page: Callable[..., Any], sweep: dict) -> None:
    path = next(r.path for r in sweep.values() if r.easy)
    page = open_page(path, viewport=DESKTOP)
    assert not page.locator(".md-sidebar--primary").is_visible() and not page.locator(".md-sidebar--secondary").is_visible()
    back = page.locator("a.guides-back")
    assert back.is_visible() and back.inner_text().startswith("Back to")
    assert page.request.get(back.evaluate("a => a.href")).status == 200
    phone = open_page(path, viewport=PHONE)
    phone.locator("button.guides-menu").click()
    settle(phone)
    assert phone.locator(".md-sidebar--primary").is_visible(), "the menu must still open on a phone"
