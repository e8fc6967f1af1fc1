"""The only module that runs a site engine: MkDocs, or ProperDocs (its maintained continuation).

Each role's staged project is built by `<engine> build` in its own process:
MkDocs caches plugins across configs loaded in one process, so two roles in
one process could share state. Processes also let the roles use both cores.
Both engines read the same staged `mkdocs.yml` and run Material; because every
role filter happens in staging, an engine only ever sees one role's text.
The preview (`LiveServer`) runs one role's engine inside `guides serve` itself, so
that it builds only when a staging is complete.
"""

from __future__ import annotations

import dataclasses
import importlib
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
import jinja2.bccache

from build_tools.config import Engine
from build_tools.errors import EngineError, UsageError

ENGINE_NAMES: dict[str, str] = {"mkdocs": "MkDocs", "properdocs": "ProperDocs"}
#: MkDocs log lines worth showing an author: warnings and errors, not INFO chatter.
LOG_LINE = re.compile(r"^(WARNING|ERROR)\s*-\s*(.*)$")


#: What MkDocs writes on every build, dirty or not: taken out before a dirty build so that
#: MkDocs writes new files instead of overwriting ones hard-linked into the published site.
ALWAYS_WRITTEN = ("search/search_index.json", "sitemap.xml", "sitemap.xml.gz", "404.html")
SEARCH_INDEX = "search/search_index.json"
#: MkDocs' own warning on every dirty build; ours are exact (see `Rerender`), so it is noise.
#: How often the preview server looks for a rebuild request (one small file).
TRIGGER_POLL_SECONDS = 0.02
DIRTY_NOTICE = "A 'dirty' build is being performed"


@dataclass(frozen=True)
class Rerender:
    """Render only some pages of a site built before, leaving the rest as they are.

    `outputs` are the site-relative files to write again (pages' HTML, changed static
    files); `page_urls` the URLs of the pages among them, whose search entries are
    replaced. Only used when titles, navigation, config and theme are unchanged
    (see `incremental.plan`), so no other page can show anything different.
    """

    outputs: tuple[str, ...]
    page_urls: tuple[str, ...]
    #: The staged `docs/` files that changed (the sources of `outputs`).
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class MkDocsRun:
    role_id: str
    config_file: Path
    site_dir: Path
    engine: Engine = "mkdocs"
    #: None: build the whole site afresh (`--clean`).
    rerender: Rerender | None = None


def mkdocs_env() -> dict[str, str]:
    env = dict(os.environ)
    # Material prints a banner about MkDocs 2.0 on every run; our users cannot act on it.
    env["NO_MKDOCS_2_WARNING"] = "1"
    env["DISABLE_MKDOCS_2_WARNING"] = "true"
    return env


def build_sites(runs: list[MkDocsRun], jobs: int | None = None) -> list[str]:
    """Run `mkdocs build` for every run, `jobs` at a time; return MkDocs' warnings.

    Raises EngineError naming the role when a build fails.
    """
    jobs = max(1, jobs or os.cpu_count() or 1)
    warnings: list[str] = []
    pending = list(runs)
    running: list[tuple[MkDocsRun, subprocess.Popen[str], bytes | None]] = []
    failures: list[str] = []
    while pending or running:
        while pending and len(running) < jobs:
            run = pending.pop(0)
            old_index = _prepare_rerender(run) if run.rerender else None
            running.append((run, _start(run), old_index))
        run, proc, old_index = running.pop(0)
        _, stderr = proc.communicate()
        lines = [m.group(1).lower() + ": " + m.group(2).strip() for m in map(LOG_LINE.match, stderr.splitlines()) if m]
        warnings += [f"{run.role_id} site: {line}" for line in lines if DIRTY_NOTICE not in line]
        if proc.returncode != 0:
            tail = "\n".join(stderr.strip().splitlines()[-8:])
            failures.append(f"{ENGINE_NAMES[run.engine]} could not build the {run.role_id} site:\n{tail}")
        elif run.rerender is not None and not _restore_search_entries(run.site_dir / SEARCH_INDEX, old_index, set(run.rerender.page_urls)):
            pending.append(dataclasses.replace(run, rerender=None))  # rare: see _restore_search_entries
    if failures:
        raise EngineError("\n".join(failures))
    return warnings


def engine_command(engine: Engine) -> list[str]:
    """How to run an engine with this Python; a usage error when it is not installed."""
    if find_spec(engine) is None:
        raise UsageError(f"the {engine} engine is not installed (pip install {engine}, or choose another with --engine)")
    return [sys.executable, "-m", engine]


def _start(run: MkDocsRun) -> subprocess.Popen[str]:
    mode = "--dirty" if run.rerender else "--clean"
    command = [*engine_command(run.engine), "build", mode, "-f", str(run.config_file), "-d", str(run.site_dir)]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=mkdocs_env())


def _prepare_rerender(run: MkDocsRun) -> bytes:
    """Remove what the dirty build will write, so it writes new files (new inodes): the
    old ones may be hard-linked into the published site, which must not change under
    readers. A removed output is also how MkDocs knows to render its page again.
    Returns the search index of the last build, whose other pages' entries are kept."""
    assert run.rerender is not None
    old_index = (run.site_dir / SEARCH_INDEX).read_bytes()
    for rel in (*run.rerender.outputs, *ALWAYS_WRITTEN):
        (run.site_dir / rel).unlink(missing_ok=True)
    # MkDocs --dirty renders every page whose source is newer than its output: make every
    # other staged file old (a preview may have touched them), so that exactly the outputs
    # removed above are written and no file shared with the published site is opened.
    docs = run.config_file.parent / "docs"
    changed = set(run.rerender.sources)
    for path in docs.rglob("*"):
        if path.is_file() and path.relative_to(docs).as_posix() not in changed:
            os.utime(path, (0, 0))
    return old_index


def _restore_search_entries(path: Path, old_index: bytes | None, page_urls: set[str]) -> bool:
    """A dirty build's search index holds only the pages it rendered: put back every other
    page's entries, in the order a full build gives (the old index's order). False when
    that order is unknown (a page that had no entries before): build the role afresh."""
    new = json.loads(path.read_bytes())
    old = json.loads(old_index or b"{}")
    fresh: dict[str, list[dict[str, object]]] = {}
    for entry in new["docs"]:
        fresh.setdefault(str(entry["location"]).split("#")[0], []).append(entry)
    docs: list[dict[str, object]] = []
    for entry in old.get("docs", []):
        page = str(entry["location"]).split("#")[0]
        if page not in page_urls:
            docs.append(entry)
        elif page in fresh:
            docs += fresh.pop(page)
    if fresh:
        return False
    # Written exactly as Material's search plugin writes it, so the bytes match a full build.
    path.write_text(json.dumps({"config": new["config"], "docs": docs}, separators=(",", ":"), default=str), encoding="utf-8")
    return True


class LiveServer:
    """`<engine> serve --dirty` on a staged project, run in this process and rebuilt only when told.

    MkDocs' own `serve` polls the staged files and may start a build while staging is still
    writing them; a dirty build then renders a page from the old config (or a page touched
    before the build wrote it) and no later build renders it again. Here the preview calls
    `rebuild()` once staging is complete, and builds and staging hold one `lock`, so every
    build sees a whole staging. Only one role's config is ever loaded in this process.
    """

    def __init__(self, config_file: Path, address: str, engine: Engine, lock: threading.Lock,
                 errors: Callable[[], list[str]] = list) -> None:
        engine_command(engine)  # a usage error when it is not installed
        os.environ.update(mkdocs_env())
        if engine == "properdocs":  # as `properdocs` does on start: plugins' `mkdocs.*` imports mean ProperDocs
            importlib.import_module("properdocs.replacement")
        self._build = importlib.import_module(f"{engine}.commands.build").build
        self._load = importlib.import_module(f"{engine}.config").load_config
        livereload = importlib.import_module(f"{engine}.livereload")
        logging.getLogger(f"{engine}.commands.build").addFilter(lambda record: DIRTY_NOTICE not in record.getMessage())
        self.config_file, self.address, self.lock = config_file, address, lock
        #: The content's current errors, shown above every page built (`extra.guides.preview_errors`).
        self.errors = errors
        self._compiled = CompiledTemplates()
        self.site_dir = Path(tempfile.mkdtemp(prefix="guides-preview-"))
        config = self._config()
        host, port = config.dev_addr
        mount_path = urlsplit(config.site_url or "/").path
        self.url = f"http://{host}:{port}{mount_path}"
        self.server = livereload.LiveReloadServer(
            builder=self.build, host=host, port=port, root=str(self.site_dir), mount_path=mount_path,
            polling_interval=TRIGGER_POLL_SECONDS)
        self.server.error_handler = self._error_page
        self.server.build_delay = 0  # a build is asked for only once staging is complete
        self._trigger = self.site_dir.with_name(self.site_dir.name + ".rebuild")
        self._trigger.touch()
        self.server.watch(str(self._trigger), recursive=False)

    def _config(self):  # type: ignore[no-untyped-def]
        return self._load(config_file=str(self.config_file), site_dir=str(self.site_dir), dev_addr=self.address)

    def build(self) -> None:
        with self.lock:
            config = self._config()
            config.site_url = self.url
            config.extra["guides"] = {**(config.extra.get("guides") or {}), "preview_errors": self.errors()}
            new_env = config.theme.get_env

            def get_env():  # type: ignore[no-untyped-def]
                env = new_env()
                env.bytecode_cache = self._compiled  # the theme's templates compile once, not per rebuild
                return env

            config.theme.get_env = get_env
            self._build(config, serve_url=self.url, dirty=True)

    def rebuild(self) -> None:
        """Ask for a build (staging is complete): the server builds, then reloads browsers."""
        self._trigger.write_text(str(time.monotonic_ns()), encoding="utf-8")

    def serve(self) -> None:
        """Serve and rebuild when asked, until `stop()` (blocks)."""
        self.server.serve()

    def stop(self) -> None:
        self.server.shutdown(wait=self.server.serve_thread.ident is not None)  # only once served
        shutil.rmtree(self.site_dir, ignore_errors=True)
        self._trigger.unlink(missing_ok=True)

    def _error_page(self, code: int) -> bytes | None:
        page = self.site_dir / f"{code}.html"
        return page.read_bytes() if code in (404, 500) and page.is_file() else None


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled Jinja templates kept in memory between preview rebuilds. Jinja checks each
    against its template's source, so an edited template is compiled again."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if (code := self.compiled.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()
