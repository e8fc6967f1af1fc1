"""`guides serve --role ID`: a live preview of one role's site that keeps up with typing.

We stage the role and serve the staged project with the engine's live-reload server
(`site.LiveServer`), building `--dirty`: only the staged files whose bytes changed are
rendered again (staging writes a file only when its bytes change). A build starts only
after a staging is complete, and never while one is being written. When a change reaches further
than page bodies (a title, the navigation, the config, the theme), every staged page
is touched so that MkDocs renders them all: the same rule as `guides build`
(`incremental.plan`). Content, partials, theme and config are watched with inotify
(watchdog), not polled.

A change with errors prints them, keeps the last good pages, and shows the errors
at the top of every previewed page until they are fixed.
"""

from __future__ import annotations

import os
import signal
import socket
import sys
import threading
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from build_tools import incremental, pipeline, site
from build_tools.errors import EngineError, Finding, UsageError, has_errors
from build_tools.readability.metrics import pronunciations
from build_tools.results import CheckResult

#: Edits arrive in bursts (an editor writes a temporary file, then renames it):
#: wait this long after the last event before staging again.
SETTLE_SECONDS = 0.05


def serve(config_file: Path, role: str, address: str, today: date | None) -> None:
    preview = Preview(config_file, role, today or date.today())
    if not preview.restage():
        raise SystemExit(1)
    config = preview.checked.config
    watched = [config.config_file, config.docs_dir, config.custom_dir, *config.partials_dirs]
    _check_address(address)
    server = site.LiveServer(preview.project / "mkdocs.yml", address, config.guides.engine, preview.lock,
                             errors=lambda: preview.errors)
    try:
        server.build()
    except Exception as exc:  # noqa: BLE001 (whatever the engine raises, the author gets one line)
        server.stop()
        raise EngineError(f"{config.guides.engine} could not build the {role} preview: {exc}") from None
    path = urlsplit(config.role_url(role)).path.lstrip("/")  # served at site_url's path, as MkDocs does
    print(f"guides: previewing the {role} site at http://{address}/{path} (Ctrl+C to stop)", file=sys.stderr)
    # A polite stop (SIGTERM, as from a process manager or a test) ends the loop below.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    serving = threading.Thread(target=server.serve, name="preview-server", daemon=True)
    serving.start()
    # The pronouncing dictionary takes seconds to load: load it now, not on the first save.
    threading.Thread(target=pronunciations, name="preview-warm-up", daemon=True).start()
    changed = threading.Event()
    observer = _watch(watched, changed)
    try:
        while serving.is_alive():
            if changed.wait(timeout=0.5):
                while changed.wait(timeout=SETTLE_SECONDS):
                    changed.clear()
                preview.restage()
                server.rebuild()
        raise UsageError("the preview server stopped; see its messages above")
    except KeyboardInterrupt:
        pass
    finally:
        observer.stop()
        server.stop()


def _check_address(address: str) -> None:
    """A clear error, before MkDocs starts, when the address cannot be served on."""
    host, _, port = address.rpartition(":")
    if not host or not port.isdigit():
        raise UsageError(f"-a {address}: give an address as IP:PORT, e.g. 127.0.0.1:8000")
    try:
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
            probe.bind((host.strip("[]"), int(port)))
    except OSError as exc:
        raise UsageError(f"-a {address}: cannot serve there: {exc.strerror or exc} (choose another port with -a)") from None


class Preview:
    """The staged project of one role, kept in step with the content."""

    def __init__(self, config_file: Path, role: str, today: date) -> None:
        self.config_file, self.role, self.today = config_file, role, today
        self.checked: CheckResult
        self.project = Path()
        self.manifest: incremental.Manifest | None = None
        self.first = True
        #: Errors shown above every previewed page (given to each build, not written to the
        #: staged config); while there are some, the next good staging renders every page again.
        self.errors: list[str] = []
        #: Held while staging writes and while the engine builds: a build sees a whole staging.
        self.lock = threading.Lock()

    def restage(self) -> bool:
        """Check and stage again; on errors keep the last good pages and show the errors.
        Under the project lock: a `guides build` running now finishes first (and waits for us)."""
        with self.lock, pipeline.project_locked(self.config_file, "serve"):
            return self._restage()

    def _restage(self) -> bool:
        first = self.first
        checked = pipeline.check(self.config_file, self.today)
        problems = [f for f in checked.findings if f.severity == "error"]
        for finding in checked.findings:
            print(finding.format(), file=sys.stderr)
        if self.role not in checked.config.role_ids:
            print(f"guides: unknown role {self.role}; roles are: {', '.join(checked.config.role_ids)}", file=sys.stderr)
            return False
        if has_errors(checked.findings):
            print("guides: fix the errors above; the preview shows the last good version", file=sys.stderr)
            if not first:
                self._show_errors(problems)
            return False
        self.checked = checked
        cache = checked.config.project_dir / pipeline.CACHE
        pipeline.stage_roles(checked, [self.role], cache, self.today)
        self.project = cache / "stage" / self.role
        manifest = incremental.manifest(self.project, pipeline.theme_dirs(checked.config))
        if not first and (self.errors or incremental.plan(self.manifest, manifest).kind == "full"):
            _touch_pages(self.project / "docs")  # MkDocs --dirty then renders every page
        self.manifest, self.first, self.errors = manifest, False, []
        if not first:
            print("guides: preview updated", file=sys.stderr)
        return True

    def _show_errors(self, problems: list[Finding]) -> None:
        """Every page shows the errors until they are fixed: render them all again."""
        self.errors = [f.format() for f in problems]
        _touch_pages(self.project / "docs")


def _touch_pages(docs: Path) -> None:
    for path in docs.rglob("*.md"):
        os.utime(path)


def _watch(paths: list[Path], changed: threading.Event):  # type: ignore[no-untyped-def]
    """Set `changed` on any change under `paths` (files or folders)."""
    from watchdog.events import FileSystemEventHandler
    from watchdog.observers import Observer

    class Handler(FileSystemEventHandler):
        def __init__(self, only: str | None = None) -> None:
            self.only = only  # a watched file's path, when its folder is watched for it

        def on_any_event(self, event) -> None:  # type: ignore[no-untyped-def]
            if event.event_type in ("opened", "closed_no_write"):
                return
            paths = {os.fsdecode(event.src_path), os.fsdecode(getattr(event, "dest_path", "") or "")}
            if self.only is None or self.only in paths:
                changed.set()

    observer = Observer()
    for path in paths:
        if path.is_dir():
            observer.schedule(Handler(), str(path), recursive=True)
        elif path.is_file():
            observer.schedule(Handler(str(path.resolve())), str(path.resolve().parent), recursive=False)
    observer.start()
    return observer
