"""The only module that runs a site engine: MkDocs, or ProperDocs (its maintained continuation).

Each role's staged project is built by `<engine> build` in its own process:
MkDocs caches plugins across configs loaded in one process, so two roles in
one process could share state. Processes also let the roles use both cores.
Both engines read the same staged `mkdocs.yml` and run Material; because every
role filter happens in staging, an engine only ever sees one role's text.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path

from build_tools.config import Engine
from build_tools.errors import EngineError, UsageError

ENGINE_NAMES: dict[str, str] = {"mkdocs": "MkDocs", "properdocs": "ProperDocs"}
#: MkDocs log lines worth showing an author: warnings and errors, not INFO chatter.
LOG_LINE = re.compile(r"^(WARNING|ERROR)\s*-\s*(.*)$")


@dataclass(frozen=True)
class MkDocsRun:
    role_id: str
    config_file: Path
    site_dir: Path
    engine: Engine = "mkdocs"


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
    running: list[tuple[MkDocsRun, subprocess.Popen[str]]] = []
    failures: list[str] = []
    while pending or running:
        while pending and len(running) < jobs:
            run = pending.pop(0)
            running.append((run, _start(run)))
        run, proc = running.pop(0)
        _, stderr = proc.communicate()
        lines = [m.group(1).lower() + ": " + m.group(2).strip() for m in map(LOG_LINE.match, stderr.splitlines()) if m]
        warnings += [f"{run.role_id} site: {line}" for line in lines]
        if proc.returncode != 0:
            tail = "\n".join(stderr.strip().splitlines()[-8:])
            failures.append(f"{ENGINE_NAMES[run.engine]} could not build the {run.role_id} site:\n{tail}")
    if failures:
        raise EngineError("\n".join(failures))
    return warnings


def engine_command(engine: Engine) -> list[str]:
    """How to run an engine with this Python; a usage error when it is not installed."""
    if find_spec(engine) is None:
        raise UsageError(f"the {engine} engine is not installed (pip install {engine}, or choose another with --engine)")
    return [sys.executable, "-m", engine]


def _start(run: MkDocsRun) -> subprocess.Popen[str]:
    command = [*engine_command(run.engine), "build", "--clean", "-f", str(run.config_file), "-d", str(run.site_dir)]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=mkdocs_env())


def serve(config_file: Path, address: str, engine: Engine = "mkdocs") -> subprocess.Popen[bytes]:
    """`<engine> serve` on a staged project; it reloads the browser when staging rewrites files."""
    command = [*engine_command(engine), "serve", "-f", str(config_file), "-a", address, "--livereload", "--watch-theme"]
    return subprocess.Popen(command, env=mkdocs_env())
