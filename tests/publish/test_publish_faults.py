"""The published path is always the complete old tree or the complete new one.

Fault injection: `publish()` runs in a forked child that dies (`os._exit`, as abrupt as
`kill -9`: no cleanup, no finally) just before or just after its k-th file-system call,
for every k; and real `kill -9` of a process publishing in a loop at random moments.
After each death the tree at the published path must be exactly one of the two, and
the next publish must clean up and succeed."""

from __future__ import annotations

import errno
import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from build_tools import publish
from build_tools.publish import clean_leftovers, new_tree
from publish_support import tree

#: What publish() may call that changes the file system, by module attribute.
CALLS = [(publish.os, "rename"), (publish.os, "replace"), (publish.os, "symlink"), (publish, "exchange"),
         (publish.shutil, "rmtree"), (Path, "unlink")]


def make_tree(root: Path, label: str, files: int = 30) -> dict[str, bytes]:
    for n in range(files):
        target = root / f"d{n % 4}" / f"page{n}.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"{label} page {n}\n" * (n + 1))
    (root / "index.html").write_text(f"{label} landing\n")
    return tree(root)


def assemble(site: Path, label: str) -> tuple[Path, dict[str, bytes]]:
    with new_tree(site) as new:
        content = make_tree(new, label)
    return new, content


def die_at(k: int, after: bool) -> None:
    """In this (child) process: exit abruptly at the k-th file-system call of publish()."""
    count = [0]
    for owner, name in CALLS:
        original = getattr(owner, name)

        def wrapped(*args, _original=original, **kwargs):
            count[0] += 1
            if count[0] == k and not after:
                os._exit(9)
            result = _original(*args, **kwargs)
            if count[0] == k and after:
                os._exit(9)
            return result

        setattr(owner, name, wrapped)


def publish_in_child(new: Path, site: Path, k: int, after: bool) -> int:
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            die_at(k, after)
            publish.publish(new, site)
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


@pytest.mark.parametrize("layout", ["folder", "symlink", "first", "fallback"])
def test_killed_at_every_step_leaves_old_or_new(tmp_path: Path, layout: str, monkeypatch) -> None:
    if layout == "fallback":
        # A file system without RENAME_EXCHANGE: the documented two renames.
        def no_exchange(a, b):
            raise OSError(errno.EINVAL, "not supported", str(a))
        monkeypatch.setattr(publish, "exchange", no_exchange)
    deaths = 0
    for k in range(1, 12):
        for after in (False, True):
            base = tmp_path / f"k{k}{after}"
            base.mkdir()
            site = base / "site"
            old: dict[str, bytes] | None = None
            if layout == "symlink":
                first, old = assemble(site, "old")
                site.symlink_to(first.name)
            elif layout != "first":
                site.mkdir()
                old = make_tree(site, "old")
            new, fresh = assemble(site, "new")
            code = publish_in_child(new, site, k, after)
            deaths += code == 9
            now = tree(site) if site.exists() else None
            if layout == "fallback" and now is None:
                # Documented: between its two renames the fallback has no site/ (a note says so).
                continue
            assert now in (old, fresh), f"k={k} after={after}: a mixed or missing tree"
            if code == 0:
                assert now == fresh
            # The next build cleans up and publishes.
            clean_leftovers(site)
            again, latest = assemble(site, "next")
            publish.publish(again, site)
            assert tree(site) == latest
            assert sorted(p.name for p in base.iterdir() if p.name != site.name and not p.is_symlink()) == (
                [] if layout != "symlink" else [os.readlink(site)]
            )
    assert deaths >= 2, "the injected deaths never happened: the test would prove nothing"


def test_real_kill_9_while_publishing_in_a_loop(tmp_path: Path) -> None:
    """A process publishes trees A, B, A, B ... as fast as it can; it is killed with SIGKILL
    at random moments, and each time site/ must be a complete A or B."""
    site = tmp_path / "site"
    script = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        sys.path[:0] = [{str(Path(__file__).parent)!r}, {str(Path(__file__).parent.parent)!r}]
        from test_publish_faults import assemble
        from build_tools import publish
        site = Path({str(site)!r})
        n = 0
        while True:
            publish.clean_leftovers(site)
            new, _ = assemble(site, "AB"[n % 2])
            publish.publish(new, site)
            n += 1
            if n == 2:
                print("ready", flush=True)
    """)
    root = Path(__file__).resolve().parents[2]
    expected = {label: make_tree(tmp_path / label, label) for label in "AB"}
    rng = random.Random(10)
    for _ in range(8):
        proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, cwd=root,
                                env=dict(os.environ, PYTHONPATH=str(root)))
        assert proc.stdout is not None and proc.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.0, 0.3))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert tree(site) in expected.values()
    shutil.rmtree(site)


def test_leftovers_of_killed_builds_are_removed(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("kept")
    for name in (".site.new-123-abcd", ".site.old", ".site.old-99"):
        (tmp_path / name / "x").mkdir(parents=True)
    (tmp_path / ".site.link-5").symlink_to("nowhere")
    (tmp_path / ".other").mkdir()
    removed = clean_leftovers(site)
    assert len(removed) == 4
    assert sorted(p.name for p in tmp_path.iterdir()) == [".other", "site"]
    assert (site / "index.html").read_text() == "kept"


def test_exchange_keeps_site_a_real_folder(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    make_tree(site, "old")
    new, fresh = assemble(site, "new")
    assert publish.publish(new, site) is None
    assert site.is_dir() and not site.is_symlink()
    assert tree(site) == fresh
    assert [p.name for p in tmp_path.iterdir()] == ["site"]
    assert oct(site.stat().st_mode & 0o777) != oct(0o700), "a published folder must not be private to its owner"


def test_fallback_says_so(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(publish, "exchange", lambda a, b: (_ for _ in ()).throw(OSError(errno.ENOSYS, "no", str(a))))
    site = tmp_path / "site"
    site.mkdir()
    new, fresh = assemble(site, "new")
    note = publish.publish(new, site)
    assert note and "missing for a moment" in note
    assert tree(site) == fresh
    assert [p.name for p in tmp_path.iterdir()] == ["site"]
