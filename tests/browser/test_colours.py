"""Colour pairs the theme adds, including states axe-core does not see (hover, focus,
disabled), and level badges that say their level in words."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from browser_support import contrast_ratio
from support import ROOT

pytestmark = pytest.mark.browser

TEXT, LARGE_OR_UI = 4.5, 3.0


def test_level_colours_in_mkdocs_yml_carry_white_text() -> None:
    from build_tools.config import load_config

    for level in load_config(ROOT / "mkdocs.yml").guides.levels:
        assert contrast_ratio(level.colour, "#ffffff") >= TEXT, f"{level.id}: {level.colour} on white"


def test_theme_uses_the_level_colours_from_mkdocs_yml(open_page: Callable[..., Any]) -> None:
    from build_tools.config import load_config

    page = open_page(f"{load_config(ROOT / 'mkdocs.yml').role_ids[0]}/")
    for level in load_config(ROOT / "mkdocs.yml").guides.levels:
        css = page.evaluate("n => getComputedStyle(document.body).getPropertyValue(n).trim()", f"--guides-{level.id}")
        assert css.lower() == level.colour.lower(), f"guides.css --guides-{level.id} is {css!r}, mkdocs.yml says {level.colour}"


def test_level_badges_meet_contrast_and_say_the_level(sweep: dict) -> None:
    from build_tools.config import load_config

    labels = {level.label for level in load_config(ROOT / "mkdocs.yml").guides.levels}
    badges = [(r.path, b) for r in sweep.values() for b in r.badges]
    assert badges, "no level badge on any page"
    problems = [f"{path}: {b['text']!r} {b['contrast']:.2f}:1" for path, b in badges if b["contrast"] < TEXT]
    problems += [f"{path}: badge {b['text']!r} does not name a level" for path, b in badges if b["text"] not in labels]
    assert not problems, "\n".join(problems)


# An element's text against its background, and its border against what is around it.
PAIRS_JS = r"""
(selector) => {
  const G = window.__guides;
  const el = document.querySelector(selector);
  if (!el) return null;
  const s = getComputedStyle(el);
  const bg = G.background(el);
  const around = G.background(el.parentElement);
  const out = { text: G.ratio(G.over(G.parse(s.color), bg), bg) };
  if (parseFloat(s.borderTopWidth) > 0 && s.borderTopStyle !== "none") {
    out.border = G.ratio(G.over(G.parse(s.borderTopColor), around), around);
  }
  return out;
}
"""

STATES = [
    # (what, marker in the page's HTML, selector, state, minimum for text, minimum for its edge)
    ("easy-read switch / PDF link", "guides-tool", "a.guides-tool", None, TEXT, LARGE_OR_UI),
    ("easy-read switch / PDF link, hovered", "guides-tool", "a.guides-tool", "hover", TEXT, LARGE_OR_UI),
    ("easy-read switch / PDF link, focused", "guides-tool", "a.guides-tool", "focus", TEXT, None),
    ("Read aloud button", 'data-read-aloud="play"', '[data-read-aloud="play"]', None, TEXT, LARGE_OR_UI),
    ("Read aloud button, hovered", 'data-read-aloud="play"', '[data-read-aloud="play"]', "hover", TEXT, LARGE_OR_UI),
    ("Pause button, disabled", 'data-read-aloud="pause"', '[data-read-aloud="pause"]', None, TEXT, LARGE_OR_UI),
    ("link in text", "guides-page", ".guides-page p a[href]:not(.guides-tool)", None, TEXT, None),
    ("link in text, hovered", "guides-page", ".guides-page p a[href]:not(.guides-tool)", "hover", TEXT, None),
    ("link in text, focused", "guides-page", ".guides-page p a[href]:not(.guides-tool)", "focus", TEXT, None),
    ("skip link, focused", "guides-skip", "a.guides-skip", "focus", TEXT, None),
    ("banner link", "guides-announce", ".guides-announce a", None, TEXT, None),
    ("banner link, focused", "guides-announce", ".guides-announce a", "focus", TEXT, None),
    ("footer text", "md-copyright", ".md-copyright", None, TEXT, None),
    ("level badge", "guides-badge", ".guides-badge", None, TEXT, None),
    ("review notice", "guides-notice", ".guides-notice", None, TEXT, LARGE_OR_UI),
    ("role block label", "guides-role__label", ".guides-role__label", None, TEXT, None),
    ("page facts", "guides-page-facts", ".guides-page-facts", None, TEXT, None),
]
MUST_MEASURE = {"easy-read switch / PDF link", "Read aloud button", "skip link, focused", "level badge", "link in text, hovered"}


def test_theme_colour_pairs_in_every_state(site_dir: Path, pages: list[str], open_page: Callable[..., Any]) -> None:
    from test_read_aloud import FAKE_SPEECH  # the read-aloud buttons show only where speech exists

    role_pages = [p for p in pages if "/" in p and not p.startswith("report/")]
    html = {p: (site_dir / p).read_text(encoding="utf-8") for p in role_pages}
    opened: dict[str, Any] = {}
    problems, measured = [], set()
    for what, marker, selector, state, text_min, edge_min in STATES:
        page = path = None
        for candidate in (p for p in role_pages if marker in html[p]):
            if candidate not in opened:
                opened[candidate] = open_page(candidate, init_script=FAKE_SPEECH)
            if opened[candidate].locator(selector).count():
                page, path = opened[candidate], candidate
                break
        if page is None:  # the content has no such element yet
            continue
        page.mouse.move(0, 0)
        page.evaluate("() => document.activeElement && document.activeElement.blur()")
        target = page.locator(selector).first
        if state == "hover":
            target.scroll_into_view_if_needed()
            target.hover()
        elif state == "focus":
            page.keyboard.press("Tab")  # keyboard modality, so :focus-visible applies
            target.focus()
        found = page.evaluate(PAIRS_JS, selector)
        measured.add(what)
        if found["text"] < text_min:
            problems.append(f"{what} on {path}: text {found['text']:.2f}:1 (needs {text_min}:1)")
        if edge_min and "border" in found and found["border"] < edge_min:
            problems.append(f"{what} on {path}: edge {found['border']:.2f}:1 (needs {edge_min}:1)")
    assert not problems, "\n".join(problems)
    assert MUST_MEASURE <= measured, f"not measured: {MUST_MEASURE - measured}"
