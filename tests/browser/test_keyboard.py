"""Keyboard use: a skip link first, visible focus on every control, a sensible order,
and Material's menu and search panels usable without a mouse."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from browser_support import DESKTOP, FOCUS_JS, PHONE, REFLOW_SIZES, by_section, sections, settle
from support import ROOT

pytestmark = pytest.mark.browser

SECTIONS = sections(ROOT)
MIN_RING = 3.0  # focus indicator against what is behind it (WCAG 1.4.11, 2.4.13's contrast)
WIDTHS = {"desktop": DESKTOP, "200% zoom": REFLOW_SIZES["200% zoom"], "phone": PHONE}


def focus_problems(stop: dict[str, Any]) -> list[str]:
    problems = []
    if stop["ringContrast"] < MIN_RING:
        problems.append(f"focus ring contrast {stop['ringContrast']:.2f}:1 (needs {MIN_RING}:1)")
    if not stop["seen"]:
        problems.append("focused while invisible")
    if not stop["inViewport"]:
        problems.append("focused off screen")
    if stop["covered"]:
        problems.append(f"focused under {stop['coveredBy']}")
    return problems


@pytest.mark.parametrize("section", SECTIONS)
def test_tab_from_the_top_reaches_the_skip_link_first(sweep: dict, section: str) -> None:
    problems = []
    for record in by_section(sweep, section):
        first = record.first_tab
        if not (record.skip_href and first.get("text", "").lower().startswith("skip")):
            problems.append(f"{record.path}: first Tab stop is {first.get('element')}, not a skip link")
            continue
        problems += [f"{record.path}: skip link {p}" for p in focus_problems(first)]
        if not record.after_skip_in_target:
            problems.append(f"{record.path}: after the skip link, Tab went to {record.after_skip}, not past the navigation")
    assert not problems, "\n".join(problems)


def test_our_controls_show_visible_focus_on_every_page(sweep: dict) -> None:
    """Easy-read / standard switches, PDF links, read-aloud buttons and skip links."""
    problems = []
    for record in sweep.values():
        for stop in record.tool_focus:
            problems += [f"{record.path}: {stop['element']}: {p}" for p in focus_problems(stop)]
    assert not problems, "\n".join(problems)
    focused = [s["element"] for r in sweep.values() for s in r.tool_focus]
    for kind in ("guides-tool", "guides-skip", "Print this sheet", "Read aloud"):
        assert any(kind in element for element in focused), f"no {kind!r} control was checked"


def _samples(sweep: dict) -> dict[str, str]:
    """Pages that together hold every kind of control: chosen from the built site."""
    role_pages = [r for r in sweep.values() if "/" in r.path and not r.path.startswith("report/")]

    def first(test: Callable[[Any], bool], what: str) -> str:
        found = next((r.path for r in role_pages if test(r)), None)
        assert found, f"the built site has no {what}"
        return found

    return {
        "landing": "index.html",
        "role home": first(lambda r: r.path.endswith("/index.html") and r.path.count("/") == 1, "role home page"),
        "easy read": first(lambda r: r.easy and r.has_read_aloud and r.has_sheet, "easy-read page with a sheet")
        if any(r.easy and r.has_sheet for r in role_pages) else first(lambda r: r.easy, "easy-read page"),
        "standard": first(lambda r: not r.easy and r.has_sheet, "standard page with a sheet"),
        "not found": first(lambda r: r.path.endswith("404.html"), "404 page"),
        "report": "report/index.html",
    }


WALKS = {
    "desktop": ["landing", "role home", "easy read", "standard", "not found", "report"],
    "200% zoom": ["landing", "easy read", "standard"],
    "phone": ["landing", "easy read", "standard"],
}


def walk(page: Any, limit: int = 400) -> list[dict[str, Any]]:
    """Press Tab from the top of the page until focus leaves it; every stop's focus probe."""
    stops: list[dict[str, Any]] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        settle(page)
        stop = page.evaluate(FOCUS_JS)
        if stop["element"] == "body" or (stops and stop["domIndex"] == stops[0]["domIndex"]):
            return stops
        stops.append(stop)
    pytest.fail(f"focus never left the page after {limit} Tab presses (a keyboard trap?)")


@pytest.mark.parametrize("width", list(WALKS))
def test_every_tab_stop_is_visible_in_source_order(sweep: dict, open_page: Callable[..., Any], width: str) -> None:
    samples = _samples(sweep)
    problems = []
    for kind in WALKS[width]:
        path = samples[kind]
        page = open_page(path, viewport=WIDTHS[width])
        stops = walk(page)
        assert stops, f"{path}: nothing takes keyboard focus"
        for stop in stops:
            problems += [f"{path} ({width}): {stop['element']}: {p}" for p in focus_problems(stop)]
        backwards = [f"{a['element']} -> {b['element']}" for a, b in zip(stops, stops[1:]) if b["domIndex"] < a["domIndex"]]
        problems += [f"{path} ({width}): Tab order jumps back: {b}" for b in backwards]
        missed = page.evaluate(
            """() => [...document.querySelectorAll('.guides-tool:not([disabled]), .md-typeset a[href]')]
                 .filter(e => e.offsetParent !== null && !e.hasAttribute('data-guides-reached'))
                 .map(e => e.textContent.trim())"""
        )
        problems += [f"{path} ({width}): Tab never reached {m!r}" for m in missed]
    assert not problems, "\n".join(problems)


def _tab_to(page: Any, selector: str, limit: int = 60) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        settle(page)
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"Tab never reached {selector}")


def _drawer_open(page: Any) -> bool:
    return page.evaluate("() => document.getElementById('__drawer').checked")


def _in_drawer(page: Any) -> bool:
    return page.evaluate("() => !!document.activeElement.closest('.md-sidebar--primary')")


def test_menu_button_opens_the_navigation_with_the_keyboard(sweep: dict, open_page: Callable[..., Any]) -> None:
    """Narrow screens and 200 % zoom: the navigation is a drawer behind a menu button."""
    page = open_page(_samples(sweep)["standard"], viewport=REFLOW_SIZES["200% zoom"])
    assert not page.locator(".md-sidebar--primary a.md-nav__link").first.is_visible(), "the closed drawer's links are on screen"
    menu_selector = "button.guides-menu"
    _tab_to(page, menu_selector)
    menu = page.locator(menu_selector)
    assert menu.get_attribute("aria-label") and menu.get_attribute("aria-expanded") == "false"
    assert not focus_problems(page.evaluate(FOCUS_JS))

    # Enter opens the drawer and moves focus into it; every stop in it can be seen.
    page.keyboard.press("Enter")
    settle(page)
    assert _drawer_open(page) and menu.get_attribute("aria-expanded") == "true"
    assert _in_drawer(page), "focus did not move into the opened drawer"
    problems = []
    for _ in range(60):
        stop = page.evaluate(FOCUS_JS)
        problems += [f"{stop['element']}: {p}" for p in focus_problems(stop)]
        page.keyboard.press("Tab")
        settle(page)
        if not _in_drawer(page):
            break
    assert not problems, "\n".join(problems)
    assert not _drawer_open(page), "the drawer stayed open after focus left it"

    # Space opens it too; Escape closes it and returns to the button.
    menu.focus()
    page.keyboard.press(" ")
    settle(page)
    assert _drawer_open(page) and _in_drawer(page)
    page.keyboard.press("Escape")
    settle(page)
    assert not _drawer_open(page) and menu.get_attribute("aria-expanded") == "false"
    assert page.evaluate("s => document.activeElement.matches(s)", menu_selector)


def test_every_level_of_the_drawer_is_reachable_by_keyboard(sweep: dict, open_page: Callable[..., Any]) -> None:
    """From a page inside a section, go up to the top level and down into another section."""
    page = open_page(_samples(sweep)["easy read"], viewport=PHONE)
    page.locator("button.guides-menu").focus()
    page.keyboard.press("Enter")
    settle(page)
    back = page.evaluate("() => document.activeElement.matches('label.md-nav__title > [data-guides-for][role=button]')")
    assert back, "the drawer should open on the page's own section, focus on its Back button"
    page.keyboard.press("Enter")  # up to the top level
    settle(page)
    stop = page.evaluate(FOCUS_JS)
    assert _in_drawer(page) and not focus_problems(stop), (stop["element"], focus_problems(stop))
    doors = page.evaluate(
        """() => [...document.querySelectorAll('.md-sidebar--primary .md-nav__item--section > label.md-nav__link > [data-guides-for], .md-sidebar--primary .md-nav__item--section > .md-nav__container > label.md-nav__link > [data-guides-for]')]
               .filter(e => e.tabIndex === 0 && e.getAttribute('role') === 'button' && getComputedStyle(e).visibility === 'visible').length"""
    )
    assert doors, "no top-level section can be opened from the keyboard"
    page.keyboard.press("Enter")  # back down into the section we came from
    settle(page)
    stop = page.evaluate(FOCUS_JS)
    assert page.evaluate("() => !!document.activeElement.closest('label.md-nav__title')") and not focus_problems(stop), stop


TOGGLES_JS = r"""
() => [...document.querySelectorAll('.md-sidebar--primary [data-guides-for]')].filter(e => e.offsetParent !== null).map(e => ({
  id: e.getAttribute('data-guides-for'), role: e.getAttribute('role'), tabindex: e.getAttribute('tabindex'),
  expanded: e.getAttribute('aria-expanded'), checked: document.getElementById(e.getAttribute('data-guides-for')).checked,
  section: e.hasAttribute('data-guides-section'), back: e.hasAttribute('data-guides-back'),
}))
"""


def test_sidebar_section_toggles_are_buttons_with_state(sweep: dict, open_page: Callable[..., Any]) -> None:
    """Wide screens: each show / hide control in the menu is a button Tab reaches, says
    whether its section is open, and works with Space and Enter; top-level sections are
    headings there, not controls (issue 12)."""
    staff = [r.path for r in sweep.values() if r.path.startswith("staff/") and not r.easy and r.path.count("/") == 1]
    page = open_page("staff/index.html" if "staff/index.html" in sweep else staff[0], viewport=DESKTOP)
    toggles = [t for t in page.evaluate(TOGGLES_JS) if not t["back"]]
    controls = [t for t in toggles if not t["section"]]
    assert controls, "the staff menu has no section that opens and closes"
    for toggle in toggles:
        if toggle["section"]:
            assert toggle["role"] is None and toggle["tabindex"] is None, toggle
        else:
            assert (toggle["role"], toggle["tabindex"]) == ("button", "0"), toggle
            assert toggle["expanded"] == ("true" if toggle["checked"] else "false"), toggle
    target = next(t for t in controls if not t["checked"])
    selector = f'[data-guides-for="{target["id"]}"]'
    _tab_to(page, selector, limit=120)
    assert not focus_problems(page.evaluate(FOCUS_JS))
    for key, expanded in ((" ", "true"), (" ", "false"), ("Enter", "true")):
        page.keyboard.press(key)
        settle(page)
        now = next(t for t in page.evaluate(TOGGLES_JS) if t["id"] == target["id"])
        assert (now["expanded"], now["checked"]) == (expanded, expanded == "true"), (key, now)
        assert page.evaluate("s => document.activeElement.matches(s)", selector), "focus left the toggle"
    assert page.evaluate("() => scrollY") == 0, "Space scrolled the page instead of pressing the button"


def test_search_panel_closes_when_focus_moves_on(sweep: dict, open_page: Callable[..., Any]) -> None:
    page = open_page(_samples(sweep)["standard"], viewport=DESKTOP)
    _tab_to(page, "input.md-search__input")
    assert page.evaluate("() => document.getElementById('__search').checked"), "search did not open on focus"
    page.keyboard.press("Tab")
    settle(page)
    assert not page.evaluate("() => document.getElementById('__search').checked"), "search stayed open"
    stop = page.evaluate(FOCUS_JS)
    assert not focus_problems(stop), (stop["element"], focus_problems(stop))
