"""Regenerate the README's screenshots in docs/images/.

    .venv/bin/python scripts/screenshots.py [--site BUILT_SITE] [--out docs/images]

Builds the shipped content into a temporary folder (unless --site names a built
site), serves it on 127.0.0.1 and photographs it in Debian's Chromium:

    landing.png               the landing page, desktop
    partner-easy-read-phone.png  a partner easy-read page on a 390 x 844 phone
    staff-page.png            a staff page, desktop
    printable-sheet.png       page 1 of that easy-read page's PDF sheet (pdftoppm, 80 dpi)

Pages are chosen from the build by what they show (an easy-read page with a
sheet; a staff page with a level badge and a sheet), so the pictures follow the
content. Nothing is fetched from outside the machine.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD_DATE = "2026-11-22"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


def build(site_dir: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    command = [sys.executable, "-m", "build_tools.cli", "build", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site_dir), "--today", BUILD_DATE]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"guides build failed:\n{result.stdout}\n{result.stderr}")


def choose_pages(site_dir: Path) -> tuple[str, str]:
    """A partner easy-read page with a sheet, and a staff page with a level badge and a sheet."""

    def pages(role: str) -> list[tuple[str, str]]:
        return sorted((p.relative_to(site_dir).as_posix(), p.read_text(encoding="utf-8")) for p in (site_dir / role).rglob("index.html"))

    def pick(found: list[tuple[str, str]], wants: list[str], what: str) -> str:
        for count in range(len(wants), 0, -1):  # as many of the wanted features as a page has
            for path, html in found:
                if all(w in html for w in wants[:count]):
                    return path
        raise SystemExit(f"no {what} in the build")

    sheet = 'type="application/pdf"'  # the "Print this sheet" link
    easy = pick(pages("partner"), ["guides-page--easy", "guides-tool\" href=", sheet], "partner easy-read page")
    staff = pick([(p, h) for p, h in pages("staff") if "guides-page--easy" not in h], ["guides-badge", sheet], "staff page")
    return easy, staff


def sheet_of(site_dir: Path, page: str) -> Path:
    """The PDF a page links to ("Print this sheet")."""
    import re

    html = (site_dir / page).read_text(encoding="utf-8")
    match = re.search(r'href="([^"]+\.pdf)" type="application/pdf"', html)
    if not match:
        raise SystemExit(f"{page} links to no PDF sheet")
    return (site_dir / page).parent.joinpath(match.group(1)).resolve()


def shoot(site_dir: Path, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    easy, staff = choose_pages(site_dir)
    handler = functools.partial(_Quiet, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    written = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for name, path, viewport, scale in (
                ("landing.png", "index.html", DESKTOP, 1),
                ("partner-easy-read-phone.png", easy, PHONE, 2),
                ("staff-page.png", staff, DESKTOP, 1),
            ):
                context = browser.new_context(viewport=viewport, device_scale_factor=scale)
                page = context.new_page()
                outside: list[str] = []
                page.on("request", lambda r: outside.append(r.url) if not r.url.startswith((base, "data:", "blob:")) else None)
                page.goto(base + path, wait_until="load")
                page.evaluate("() => document.fonts.ready.then(() => true)")
                page.wait_for_timeout(300)  # Material's header and sidebar settle after load
                if outside:
                    raise SystemExit(f"{path} asked another host for: {outside}")
                page.screenshot(path=str(out / name))
                written.append(out / name)
                context.close()
            browser.close()
    finally:
        server.shutdown()
    sheet = sheet_of(site_dir, easy)
    target = out / "printable-sheet"
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(sheet), str(target)], check=True)
    written.append(target.with_suffix(".png"))
    return written


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a site already built with `guides build` (default: build one)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    args = parser.parse_args()
    for tool in ("pdftoppm",):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} not found: install Debian's poppler-utils")
    args.out.mkdir(parents=True, exist_ok=True)
    if args.site:
        written = shoot(args.site.resolve(), args.out)
    else:
        with tempfile.TemporaryDirectory(prefix="guides-screens-") as tmp:
            site = Path(tmp) / "site"
            build(site)
            written = shoot(site, args.out)
    for path in written:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


if __name__ == "__main__":
    main()
