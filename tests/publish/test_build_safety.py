"""A build that cannot lose the site: the lock, and file-system failures (issue 10, item 6)."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from build_tools import landing, pipeline, publish
from build_tools.lock import project_lock
from publish_support import build, tree
from support import ROOT


def test_second_lock_holder_waits_with_a_message(tmp_path: Path, capsys) -> None:
    lock = tmp_path / ".guides-cache" / "lock"
    order: list[str] = []
    with project_lock(lock, "build"):
        def second() -> None:
            with project_lock(lock, "serve"):
                order.append("second")

        thread = threading.Thread(target=second)
        thread.start()
        time.sleep(0.5)
        order.append("first done")
    thread.join(10)
    assert order == ["first done", "second"]
    assert "waiting for guides build (pid" in capsys.readouterr().err


def test_two_builds_at_once_never_interleave_and_the_newest_content_wins(built: Path) -> None:
    page = built / "content" / "index.md"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    command = [sys.executable, "-m", "build_tools.cli", "build", "--today", "2026-01-01"]
    page.write_text(page.read_text() + "\nFirst version firstversionmarker.\n")
    first = subprocess.Popen(command, cwd=built, env=env, stderr=subprocess.PIPE, text=True)
    lock = built / ".guides-cache" / "lock"
    deadline = time.time() + 120
    while f"pid {first.pid}" not in (lock.read_text() if lock.exists() else ""):
        assert time.time() < deadline and first.poll() is None, "the first build never took the lock"
        time.sleep(0.05)
    page.write_text(page.read_text().replace("firstversionmarker", "secondversionmarker"))
    second = subprocess.Popen(command, cwd=built, env=env, stderr=subprocess.PIPE, text=True)
    _, first_err = first.communicate(timeout=600)
    _, second_err = second.communicate(timeout=600)
    assert first.returncode == 0, first_err
    assert second.returncode == 0, second_err
    assert "waiting for guides build" in second_err
    published = (built / "site" / "partner" / "index.html").read_text()
    assert "secondversionmarker" in published and "firstversionmarker" not in published
    assert sorted(p.name for p in built.iterdir() if p.name.startswith(".site")) == []


@pytest.mark.parametrize(
    ("where", "code", "words"),
    [
        ("prepare", errno.EROFS, "read-only"),
        ("prepare", errno.EACCES, "Permission denied"),
        ("assemble", errno.ENOSPC, "No space left"),
        ("assemble", errno.EDQUOT, "quota"),
        ("publish", errno.EROFS, "read-only"),
        ("publish", errno.ENOSPC, "No space left"),
    ],
)
def test_file_system_failures_leave_the_site_byte_identical(built: Path, monkeypatch, where, code, words) -> None:
    before = tree(built / "site")
    target = str(built / "site")

    def fail(*args, **kwargs):
        raise OSError(code, os.strerror(code), target)

    if where == "prepare":
        monkeypatch.setattr(publish.Path, "mkdir", fail)
    elif where == "assemble":
        monkeypatch.setattr(landing, "write_landing", fail)
    else:
        monkeypatch.setattr(publish, "exchange", fail)
        monkeypatch.setattr(publish.os, "rename", fail)
    exit_code, out = build(built)
    monkeypatch.undo()
    assert exit_code == 3, out
    lines = [line for line in out.splitlines() if line.startswith("guides: ")]
    assert len(lines) == 1 and target in lines[0] and words in lines[0], out
    assert "Traceback" not in out
    assert tree(built / "site") == before
    assert sorted(p.name for p in built.iterdir() if p.name.startswith(".site")) == []


def test_an_unreadable_file_anywhere_is_one_line_not_a_traceback(built: Path, monkeypatch) -> None:
    before = tree(built / "site")

    def fail(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(built / "content" / "x.md"))

    monkeypatch.setattr(pipeline, "load_corpus", fail)
    code, out = build(built)
    assert code == 3, out
    assert "content/x.md: cannot read or write it: Permission denied" in out
    assert tree(built / "site") == before


def test_report_is_not_published(built: Path) -> None:
    code, out = build(built)
    assert code == 0, out
    assert sorted(p.name for p in (built / "site").iterdir()) == ["assets", "index.html", "partner", "staff"]
    report = built / ".guides-cache" / "report" / "index.html"
    assert f"authors' report (not published): {report}" in out
    # Its links lead to the published pages.
    assert 'href="../../site/partner/' in report.read_text()
