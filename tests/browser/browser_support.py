"""What the browser tests share: a local web server, Debian's Chromium, axe-core,
and small probes that run inside a page and return plain data.

Nothing here fetches anything: the site is served from 127.0.0.1, the browser is
/usr/bin/chromium (never downloaded), and axe-core is the copy bundled in the
`axe-playwright-python` wheel.
"""

from __future__ import annotations

import functools
import http.server
import threading
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
# No sandbox (CI runs as root), no GPU, and none of Chrome's own calls home.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
# WCAG 1.4.10: 320 CSS px wide (a 1280 px window at 400 %), and a 1280 x 720
# window at 200 % zoom, which lays out as 640 x 360 CSS px.
REFLOW_SIZES = {"320px": {"width": 320, "height": 640}, "200% zoom": {"width": 640, "height": 360}}
# Schemes that never leave the machine.
LOCAL_SCHEMES = ("data:", "blob:", "about:")


def axe_script() -> str:
    """axe.min.js as shipped inside the axe-playwright-python wheel (axe-core 4.12)."""
    try:
        from axe_playwright_python.base import AXE_FILE_PATH
    except ImportError as exc:  # a missing engine must fail the suite, never skip it
        raise RuntimeError(
            "axe-core is missing: install the test extras (pip install -e '.[test]'), "
            "which must pin axe-playwright-python==0.1.8"
        ) from exc
    return Path(AXE_FILE_PATH).read_text(encoding="utf-8")


def launch(playwright: Any) -> Any:
    """Debian's Chromium, headless."""
    if not CHROMIUM.is_file():
        raise RuntimeError(f"{CHROMIUM} not found: install Debian's chromium package (make setup-test does)")
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass


class StaticServer:
    """Serves a folder on 127.0.0.1 at a free port, from a background thread."""

    def __init__(self, root: Path) -> None:
        handler = functools.partial(_QuietHandler, directory=str(root))
        self._httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="site-server", daemon=True)
        self.base_url = f"http://127.0.0.1:{self._httpd.server_port}/"

    def __enter__(self) -> StaticServer:
        self._thread.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)


def site_pages(site_dir: Path) -> list[str]:
    """Every HTML page of a built site, as paths relative to its root."""
    return sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html"))


def site_section(page: str) -> str:
    """Which site a page belongs to: `landing`, `report` or a role id."""
    return page.split("/", 1)[0] if "/" in page else "landing"


def sections(root: Path) -> list[str]:
    """The sites we publish: the landing page, one per role as declared in mkdocs.yml, the report."""
    from build_tools.config import load_config

    return ["landing", *load_config(root / "mkdocs.yml").role_ids, "report"]


def by_section(records: dict[str, Any], section: str) -> list[Any]:
    """The sweep's records for one site; a site with no pages is itself a failure."""
    chosen = [record for path, record in records.items() if site_section(path) == section]
    assert chosen, f"no pages were found for {section!r}"
    return chosen


@dataclass
class RequestLog:
    """Every request a browser context makes (pages and their workers)."""

    base_url: str
    urls: list[str] = field(default_factory=list)

    def attach(self, context: Any) -> None:
        context.on("request", lambda request: self.urls.append(request.url))

    def take(self) -> list[str]:
        urls, self.urls = self.urls, []
        return urls

    def outside(self, urls: list[str]) -> list[str]:
        return [u for u in urls if not u.startswith(self.base_url) and not u.startswith(LOCAL_SCHEMES)]


def run_axe(page: Any, tags: list[str] = AXE_TAGS) -> list[dict[str, Any]]:
    """axe-core's rules with `tags` (WCAG 2.0-2.2 A and AA unless told) on the page as it
    is; returns the violations.

    axe must already be in the page: `context.add_init_script(script=axe_script())`."""
    options = {"runOnly": {"type": "tag", "values": tags}, "resultTypes": ["violations"]}
    result = page.evaluate("options => axe.run(document, options)", options)
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [{"target": n["target"], "summary": n.get("failureSummary", "")} for n in v["nodes"]],
        }
        for v in result["violations"]
    ]


def describe_violations(page: str, violations: list[dict[str, Any]]) -> list[str]:
    lines = []
    for v in violations:
        for node in v["nodes"]:
            summary = " ".join(node["summary"].split())[:300]
            lines.append(f"{page}: {v['id']} ({v['impact']}) {' '.join(map(str, node['target']))}: {v['help']}. {summary}")
    return lines


def settle(page: Any) -> None:
    """Let the page's own scripts react to the last key or resize (two animation frames)."""
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


# --- Probes: JavaScript run in the page, returning plain data -------------------

# Shared helpers defined once per page: colour parsing, contrast, visibility.
HELPERS_JS = r"""
() => {
  if (window.__guides) return;
  const parse = (c) => {
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(Number);
    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
  };
  const over = (top, under) => ({
    r: top.r * top.a + under.r * (1 - top.a), g: top.g * top.a + under.g * (1 - top.a),
    b: top.b * top.a + under.b * (1 - top.a), a: 1 });
  const lum = (c) => {
    const ch = [c.r, c.g, c.b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
  };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  // The background an element is painted on: its own and its ancestors' colours, blended.
  const background = (el) => {
    const layers = [];
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; }
    }
    let bg = { r: 255, g: 255, b: 255, a: 1 };
    for (const c of layers.reverse()) bg = over(c, bg);
    return bg;
  };
  const visible = (el) => {
    const s = getComputedStyle(el);
    if (s.visibility !== "visible" || s.display === "none" || parseFloat(s.opacity) === 0) return false;
    const r = el.getBoundingClientRect();
    return r.width > 1 && r.height > 1;
  };
  const describe = (el) => {
    if (!el || el === document.body) return "body";
    const text = (el.innerText || el.value || el.getAttribute("aria-label") || "").trim().replace(/\s+/g, " ").slice(0, 50);
    const cls = el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : "";
    return `${el.tagName.toLowerCase()}${cls}${el.getAttribute("href") ? "[href=" + el.getAttribute("href") + "]" : ""} "${text}"`;
  };
  window.__guides = { parse, over, lum, ratio, background, visible, describe };
}
"""

# The focused element: what it is, whether its focus indicator can be seen, and
# whether it is on screen and not covered (WCAG 2.4.7, 2.4.11, 2.4.13 in part).
FOCUS_JS = r"""
() => {
  const G = window.__guides;
  const el = document.activeElement;
  if (!el || el === document.body) return { element: "body" };
  const s = getComputedStyle(el);
  const bg = G.background(el.parentElement || el);
  const ring = [];
  if (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2) {
    const c = G.parse(s.outlineColor); if (c) ring.push(G.ratio(G.over(c, bg), bg));
  }
  if (s.boxShadow && s.boxShadow !== "none") {
    const c = G.parse(s.boxShadow); if (c) ring.push(G.ratio(G.over(c, bg), bg));
  }
  let seen = s.visibility === "visible";
  for (let e = el; e && e !== document.documentElement; e = e.parentElement) {
    if (parseFloat(getComputedStyle(e).opacity) < 0.1) seen = false;
  }
  const r = el.getBoundingClientRect();
  const cx = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
  const cy = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
  const hit = document.elementFromPoint(cx, cy);
  const all = [...document.querySelectorAll("*")];
  el.setAttribute("data-guides-reached", "");  // lets a Tab walk prove which controls it reached
  return {
    element: G.describe(el),
    domIndex: all.indexOf(el),
    ringContrast: ring.length ? Math.max(...ring) : 0,
    seen,
    inViewport: r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth && r.width > 0 && r.height > 0,
    covered: !!hit && hit !== el && !el.contains(hit) && !hit.contains(el),
    coveredBy: hit ? G.describe(hit) : null,
  };
}
"""

# Sideways scrolling of the whole page (WCAG 1.4.10), and what sticks out.
REFLOW_JS = r"""
() => {
  const de = document.documentElement;
  const width = de.clientWidth;
  const wide = [];
  if (de.scrollWidth > width) {
    for (const el of document.body.querySelectorAll("*")) {
      const r = el.getBoundingClientRect();
      if (r.right > width + 1 && r.width > 0 && getComputedStyle(el).position !== "fixed") {
        wide.push(`${el.tagName.toLowerCase()}.${(el.className && el.className.baseVal === undefined ? el.className : "").toString().trim().replace(/\s+/g, ".")} right=${Math.round(r.right)}`);
        if (wide.length >= 5) break;
      }
    }
  }
  return { scrollWidth: de.scrollWidth, innerWidth: width, wide };
}
"""

# WCAG 1.4.12's spacing, applied the way a reader's style sheet or bookmarklet does.
TEXT_SPACING_CSS = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""

# Text a reader can see: every line of a text node lies inside each box that clips
# it, on the page, under no ancestor that is transparent or hidden. Stored before
# the spacing is applied, so text that was already out of sight (a collapsed
# menu, the off-canvas drawer, visually hidden labels) is not counted.
PAINTED_TEXT_JS = r"""
() => {
  const styleOf = new Map();
  const style = (el) => { let s = styleOf.get(el); if (!s) { s = getComputedStyle(el); styleOf.set(el, s); } return s; };
  const scrolls = (v) => v !== "visible";
  const clips = (v) => v === "hidden" || v === "clip";
  const shown = (el) => {
    if (style(el).visibility !== "visible") return false;
    for (let e = el; e && e !== document.documentElement; e = e.parentElement) {
      const s = style(e);
      if (s.display === "none" || parseFloat(s.opacity) === 0) return false;
    }
    return true;
  };
  // Where each line of a text node sticks out of a box that clips or scrolls it.
  const lines = (node) => {
    const range = document.createRange(); range.selectNodeContents(node);
    return [...range.getClientRects()].filter(r => r.width >= 2 && r.height >= 2).map(r => {
      const out = [];
      for (let e = node.parentElement; e && e !== document.documentElement; e = e.parentElement) {
        const s = style(e);
        const x = scrolls(s.overflowX), y = scrolls(s.overflowY);
        if (!x && !y) continue;
        const b = e.getBoundingClientRect();
        if (x && (r.left < b.left - 2 || r.right > b.right + 2)) out.push({ el: e, clipped: clips(s.overflowX) });
        if (y && (r.top < b.top - 2 || r.bottom > b.bottom + 2)) out.push({ el: e, clipped: clips(s.overflowY) });
      }
      const offPage = r.right <= 0 || r.bottom + scrollY <= 0;
      return { l: r.left + scrollX, r: r.right + scrollX, t: r.top + scrollY, b: r.bottom + scrollY, out, offPage };
    });
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => n.data.trim() && n.parentElement && !n.parentElement.closest("script, style, noscript")
      ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT });
  const painted = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!shown(n.parentElement)) continue;
    const ls = lines(n);
    if (ls.length && ls.every(l => !l.out.length && !l.offPage)) painted.push(n);
  }
  window.__guidesText = { painted, lines, shown };
  return painted.length;
}
"""

# After the spacing: text that was seen and is now cut off by a box that hides
# overflow (scrollable boxes are fine: the text can still be reached), and lines
# of text laid over other text.
SPACING_PROBLEMS_JS = r"""
() => {
  const { painted, lines, shown } = window.__guidesText;
  const name = (n) => JSON.stringify(n.data.trim().replace(/\s+/g, " ").slice(0, 40));
  const where = (el) => el.tagName.toLowerCase() + (typeof el.className === "string" && el.className.trim() ? "." + el.className.trim().split(/\s+/).join(".") : "");
  const clipped = [], boxes = [];
  for (const n of painted) {
    if (!n.isConnected || !shown(n.parentElement)) { clipped.push(`${name(n)} is no longer shown`); continue; }
    for (const l of lines(n)) {
      const cut = l.out.find(o => o.clipped);
      if (cut) { clipped.push(`${name(n)} cut off by ${where(cut.el)}`); break; }
      if (!l.out.length) boxes.push({ ...l, node: n });
    }
  }
  // Text scrolling under a sticky or fixed bar with a solid background is covered
  // by it, as intended, not drawn over it.
  const solidBar = (n) => {
    for (let e = n.parentElement; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.position === "sticky" || s.position === "fixed") {
        const bg = s.backgroundColor.match(/[\d.]+/g);
        if (bg && (bg.length < 4 || parseFloat(bg[3]) === 1)) return e;
      }
    }
    return null;
  };
  boxes.sort((a, b) => a.t - b.t);
  const overlaps = [];
  for (let i = 0; i < boxes.length && overlaps.length < 10; i++) {
    const a = boxes[i];
    for (let j = i + 1; j < boxes.length && boxes[j].t < a.b; j++) {
      const b = boxes[j];
      if (a.node === b.node) continue;
      const w = Math.min(a.r, b.r) - Math.max(a.l, b.l), h = Math.min(a.b, b.b) - Math.max(a.t, b.t);
      if (w <= 2 || h <= 4) continue;
      const barA = solidBar(a.node), barB = solidBar(b.node);
      if (barA !== barB && (barA || barB)) continue;
      overlaps.push(`${name(a.node)} overlaps ${name(b.node)}`);
    }
  }
  return { clipped: [...new Set(clipped)], overlaps };
}
"""


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio of two opaque #rrggbb colours."""

    def luminance(hex_colour: str) -> float:
        h = hex_colour.lstrip("#")
        channels = [int(h[i : i + 2], 16) / 255 for i in (0, 2, 4)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)
