"""An offline copy opened from `file://` in Debian's Chromium: search finds a page and its
result opens it, and the copy asks for nothing outside its own folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from adopt_support import starter
from browser.browser_support import DESKTOP, launch
from support import guides_in_process


@pytest.mark.slow
@pytest.mark.browser
def test_search_works_in_an_offline_copy_opened_from_a_folder(tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    usb = tmp_path / "usb"
    code, output = guides_in_process("build", "-f", str(starter(tmp_path / "p")), "--offline", "--role", "public", "-d", str(usb))
    assert code == 0, output
    outside: list[str] = []
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            page = browser.new_page(viewport=DESKTOP)
            page.on("request", lambda request: outside.append(request.url) if not request.url.startswith(("file:", "data:", "blob:", "about:")) else None)
            page.goto((usb / "index.html").as_uri())
            page.keyboard.press("s")  # Material's shortcut: focus the search box
            page.keyboard.type("expenses")
            first = page.locator(".md-search-result__item a").first
            first.wait_for(timeout=15000)
            assert "matching document" in page.inner_text(".md-search-result__meta")
            href = first.get_attribute("href")
            assert href.startswith(usb.as_uri()) and href.split("?")[0].endswith("/guides/expenses-form.html"), href
            first.click()
            page.wait_for_load_state()
            assert page.url.split("?")[0] == (usb / "guides" / "expenses-form.html").as_uri()
            assert page.locator("h1").first.inner_text() == "Expenses form"
        finally:
            browser.close()
    assert outside == []
