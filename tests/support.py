"""Helpers for tests: fixture sites copied to a temporary folder, and the `guides` command."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def copy_fixture(name: str, target: Path) -> Path:
    """Copy a fixture site; point its theme at the real site_overrides and partials."""
    shutil.copytree(FIXTURES / name, target, dirs_exist_ok=True)
    config = target / "mkdocs.yml"
    config.write_text(config.read_text().replace("../../../site_overrides", str(ROOT / "site_overrides")))
    if not (target / "partials").exists():
        (target / "partials").symlink_to(ROOT / "partials")
    return target


def run_guides(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-m", "build_tools.cli", *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=600
    )


def guides_in_process(*args: str) -> tuple[int, str]:
    """Run the CLI in this process (fast: engines load once per test session).

    Returns the exit code and everything printed. An uncaught exception is a
    test failure, which is what "never a traceback" means in-process."""
    import contextlib
    import io

    from build_tools.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = main(list(args))
    return code, out.getvalue()
