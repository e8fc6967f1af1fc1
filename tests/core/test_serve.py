"""`guides serve`: the preview follows edits, and a broken edit keeps the last good page."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from support import ROOT


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str, wait_for: str, seconds: float = 30) -> str:
    deadline = time.monotonic() + seconds
    text = ""
    while time.monotonic() < deadline:
        try:
            text = urllib.request.urlopen(url, timeout=2).read().decode()
            if wait_for in text:
                return text
        except OSError:
            pass
        time.sleep(0.3)
    return text


@pytest.mark.slow
def test_preview_follows_edits_and_survives_errors(basic_site: Path) -> None:
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    server = subprocess.Popen(
        [sys.executable, "-m", "build_tools.cli", "serve", "--role", "partner", "-a", f"127.0.0.1:{port}",
         "-f", str(basic_site / "mkdocs.yml")],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env,
    )
    url = f"http://127.0.0.1:{port}/partner/shared/"
    page = basic_site / "content" / "shared.md"
    try:
        first = fetch(url, "Everyone reads this sentence")
        assert "Everyone reads this sentence" in first
        assert "staffonlymarker" not in first

        page.write_text(page.read_text().replace("Everyone reads this sentence", "Everyone reads this edit"))
        assert "Everyone reads this edit" in fetch(url, "Everyone reads this edit")

        page.write_text(page.read_text().replace("Everyone reads this edit", "Broken {{ nope.nothing }}"))
        # The last good page stays, with the problem shown above it until it is fixed.
        shown = fetch(url, "This preview is out of date")
        assert "Everyone reads this edit" in shown
        assert "content/shared.md:11: error variable: unknown variable `nope.nothing`" in shown

        other = url.replace("/shared/", "/partner/guide/")
        assert "This preview is out of date" in fetch(other, "This preview is out of date")
        page.write_text(page.read_text().replace("Broken {{ nope.nothing }}", "Everyone reads the fix"))
        fixed = fetch(url, "Everyone reads the fix")
        assert "Everyone reads the fix" in fixed and "This preview is out of date" not in fixed
        # Every other page drops the errors too, not only the page that was fixed.
        deadline = time.monotonic() + 30
        while "This preview is out of date" in (text := fetch(other, "")) and time.monotonic() < deadline:
            time.sleep(0.3)
        assert "This preview is out of date" not in text

        # A new page changes the navigation: every page is rendered again and links to it.
        (basic_site / "content" / "later.md").write_text("---\ntitle: A page added later\n---\n\nNew words.\n")
        assert "A page added later" in fetch(url, "A page added later")
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=20)
    assert "content/shared.md:11: error variable: unknown variable `nope.nothing`" in errors
    assert "Traceback" not in errors


@pytest.mark.slow
def test_no_build_starts_while_staging_is_being_written(basic_site: Path) -> None:
    """The race that left stale pages: a build must wait for the whole staging, and a
    rebuild asked for during staging happens once the staging is complete."""
    from datetime import date

    from build_tools import preview, site

    staged = preview.Preview(basic_site / "mkdocs.yml", "partner", date(2026, 1, 1))
    assert staged.restage()
    port = free_port()
    server = site.LiveServer(staged.project / "mkdocs.yml", f"127.0.0.1:{port}", "mkdocs", staged.lock)
    server.build()
    serving = threading.Thread(target=server.serve, daemon=True)
    serving.start()
    url = f"http://127.0.0.1:{port}/partner/shared/"
    page = staged.project / "docs" / "shared.md"
    try:
        assert "Everyone reads this sentence" in fetch(url, "Everyone reads this sentence")
        with staged.lock:  # as staging holds it while writing
            page.write_text(page.read_text().replace("Everyone reads this sentence", "Half written"))
            server.rebuild()
            time.sleep(1.5)
            assert "Half written" not in fetch(url, "", seconds=1)
            page.write_text(page.read_text().replace("Half written", "Whole staging"))
        assert "Whole staging" in fetch(url, "Whole staging")
    finally:
        server.stop()
    assert not server.site_dir.exists()


@pytest.mark.slow
def test_the_preview_runs_on_properdocs_too(basic_site: Path) -> None:
    """ProperDocs in the serving process must see Material's plugins as its own (as its CLI does)."""
    config = basic_site / "mkdocs.yml"
    config.write_text(config.read_text().replace("guides:\n", "guides:\n  engine: properdocs\n", 1))
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "build_tools.cli", "serve", "--role", "partner", "-a", f"127.0.0.1:{port}", "-f", str(config)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )
    try:
        assert "Everyone reads this sentence" in fetch(f"http://127.0.0.1:{port}/partner/shared/", "Everyone reads this sentence")
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=20)
    assert "Traceback" not in errors and "must be a subclass" not in errors


def test_compiled_templates_follow_edits(tmp_path: Path) -> None:
    """The preview keeps compiled templates between rebuilds; an edited template is compiled again."""
    import jinja2

    from build_tools.site import CompiledTemplates

    compiled = CompiledTemplates()
    template = tmp_path / "page.html"

    def render() -> str:
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(tmp_path)), auto_reload=False)
        env.bytecode_cache = compiled
        return env.get_template("page.html").render(name="partner")

    template.write_text("Hello {{ name }}.")
    assert render() == "Hello partner." and compiled.compiled
    assert render() == "Hello partner."  # from the compiled copy
    template.write_text("Goodbye {{ name }}.")
    assert render() == "Goodbye partner."
