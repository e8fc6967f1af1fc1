"""`guides serve --role ID`: a live preview of one role's site.

We stage the role, hand the staged project to `mkdocs serve` (which reloads
the browser when staged files change), and re-stage whenever content,
partials, theme overrides or the config change. A change with errors prints
them and leaves the last good preview in place.
"""

from __future__ import annotations

import signal
import sys
import time
from datetime import date
from pathlib import Path

from build_tools import pipeline, site
from build_tools.errors import has_errors

POLL_SECONDS = 1.0


def serve(config_file: Path, role: str, address: str, today: date | None) -> None:
    checked = _stage(config_file, role, today, first=True)
    if checked is None:
        raise SystemExit(1)
    project = checked.config.project_dir / pipeline.CACHE / "stage" / role / "mkdocs.yml"
    watched = [checked.config.config_file, checked.config.docs_dir, checked.config.custom_dir, *checked.config.partials_dirs]
    # A polite stop (SIGTERM, as from a process manager or a test) must also stop MkDocs.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    server = site.serve(project, address)
    path = f"{role}/" if checked.config.site_url else ""
    print(f"guides: previewing the {role} site at http://{address}/{path} (Ctrl+C to stop)", file=sys.stderr)
    seen = _snapshot(watched)
    try:
        while server.poll() is None:
            time.sleep(POLL_SECONDS)
            now = _snapshot(watched)
            if now != seen:
                seen = now
                _stage(config_file, role, today, first=False)
    finally:
        server.terminate()
        server.wait()


def _stage(config_file: Path, role: str, today: date | None, first: bool) -> pipeline.CheckResult | None:
    # Under the project lock: a `guides build` running now finishes first (and waits for us).
    with pipeline.project_locked(config_file, "serve"):
        return _stage_unlocked(config_file, role, today, first)


def _stage_unlocked(config_file: Path, role: str, today: date | None, first: bool) -> pipeline.CheckResult | None:
    checked = pipeline.check(config_file, today or date.today())
    for finding in checked.findings:
        print(finding.format(), file=sys.stderr)
    if has_errors(checked.findings):
        print("guides: fix the errors above; the preview shows the last good version", file=sys.stderr)
        return None
    if role not in checked.config.role_ids:
        print(f"guides: unknown role {role}; roles are: {', '.join(checked.config.role_ids)}", file=sys.stderr)
        return None
    pipeline.stage_roles(checked, [role], checked.config.project_dir / pipeline.CACHE, today or date.today())
    if not first:
        print("guides: preview updated", file=sys.stderr)
    return checked


def _snapshot(paths: list[Path]) -> dict[str, float]:
    state: dict[str, float] = {}
    for root in paths:
        files = [root] if root.is_file() else (p for p in root.rglob("*") if p.is_file()) if root.is_dir() else []
        for path in files:
            state[str(path)] = path.stat().st_mtime
    return state
