"""Where a `guides build` spends its time: the pipeline's stages, timed in-process.

    python benchmarks/phases.py [-f mkdocs.yml] [--cold] [-o phases.json]

Runs `build_tools.pipeline.build()` once with a timer around each stage function
(looked up by name; a stage that another engineer renamed is reported as missing,
not an error), and times each role's `mkdocs build` process inside the parallel
render step. With `--cold` the cache and site are deleted first. Prints JSON:
{"total": s, "stages": {name: seconds}, "roles": {role: seconds}, "missing": [...]}.

"cpu_stages" has the CPU seconds of this process per stage and "cpu_total" the CPU
seconds of the whole build (this process and every child it waited for: MkDocs, WeasyPrint),
to compare a stage with the build when the machine is shared.

Seconds of nested stages overlap (e.g. `check` contains `load`, `validate`,
`readability`); `run.py` shows them indented.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sys
import threading
import time
from datetime import date
from pathlib import Path

#: (module, attribute, label): the functions the pipeline calls, outermost first.
STAGES = [
    ("build_tools.pipeline", "check", "check (configure, load, validate, readability)"),
    ("build_tools.pipeline", "load_corpus", "  load"),
    ("build_tools.pipeline", "validate", "  validate"),
    ("build_tools.stamp", "stale_easy_read", "  easy-read stamps"),
    ("build_tools.pipeline", "readability", "  readability"),
    ("build_tools.pipeline", "stage_roles", "stage_roles (select, sheets, stage)"),
    ("build_tools.pipeline", "select", "  select (per role)"),
    ("build_tools.sheets", "plan_sheets", "  plan sheets (Markdown+HTML per sheet)"),
    ("build_tools.sheets", "render_sheets", "  render sheets (WeasyPrint, cached)"),
    ("build_tools.pipeline", "stage_role", "  write staged projects"),
    ("build_tools.incremental", "manifest", "manifest (per role: what changed)"),
    ("build_tools.pipeline", "build_sites", "build_sites (mkdocs build per role, parallel)"),
    ("build_tools.pipeline", "link_tree", "assemble: hard-link role sites"),
    ("build_tools.landing", "write_landing", "assemble: landing page"),
    ("build_tools.pipeline", "report_rows", "authors' report: rows"),
    ("build_tools.pipeline", "write_report", "authors' report: write"),
    ("build_tools.pipeline", "guard_leaks", "leak guard (fingerprint, scan every output file)"),
    ("build_tools.leakguard", "fingerprint", "  leak guard: fingerprint"),
    ("build_tools.leakguard", "scan_tree", "  leak guard: scan (per role)"),
    ("build_tools.pipeline", "publish", "publish (atomic swap)"),
]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--cold", action="store_true", help="delete .guides-cache and site first")
    parser.add_argument("-o", "--output", type=Path)
    args = parser.parse_args()

    project = args.config_file.resolve().parent
    if args.cold:
        shutil.rmtree(project / ".guides-cache", ignore_errors=True)
        shutil.rmtree(project / "site", ignore_errors=True)

    import importlib

    stages: dict[str, float] = {}
    missing: list[str] = []
    for module_name, attribute, label in STAGES:
        try:
            module = importlib.import_module(module_name)
            original = getattr(module, attribute)
        except (ImportError, AttributeError):
            missing.append(f"{module_name}.{attribute}")
            continue
        setattr(module, attribute, _timed(original, label, stages))

    roles: dict[str, float] = {}
    _time_role_processes(roles)

    from build_tools import pipeline

    started = time.perf_counter()
    result = pipeline.build(args.config_file, project / "site", date.today())
    total = time.perf_counter() - started
    usage = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    report = {
        "total": total,
        "stages": stages,
        "roles": roles,
        "missing": missing,
        "cpu_stages": CPU,
        "cpu_total": sum(u.ru_utime + u.ru_stime for u in usage),
        "roles_built": result.roles_built,
        "roles_skipped": result.roles_skipped,
        "sheets_rendered": result.sheets_rendered,
        "sheets_reused": result.sheets_reused,
    }
    text = json.dumps(report, indent=2)
    if args.output:
        args.output.write_text(text)
    print(text)
    return 0


#: CPU seconds of this process per stage (the machine may be shared: wall time is noisy).
CPU: dict[str, float] = {}


def _timed(function, label, into):
    def wrapper(*args, **kwargs):
        started, cpu = time.perf_counter(), time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            into[label] = into.get(label, 0.0) + time.perf_counter() - started
            CPU[label] = CPU.get(label, 0.0) + time.process_time() - cpu

    wrapper.__wrapped__ = function
    return wrapper


def _time_role_processes(roles: dict[str, float]) -> None:
    """Time each role's MkDocs process from its start to its exit, without reaping it."""
    try:
        from build_tools import site
    except ImportError:
        return
    start = getattr(site, "_start", None)
    if start is None:
        return

    def timed_start(run):
        began = time.perf_counter()
        proc = start(run)

        def watch() -> None:
            try:
                os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOWAIT)
            except ChildProcessError:
                pass
            roles[run.role_id] = time.perf_counter() - began

        threading.Thread(target=watch, daemon=True).start()
        return proc

    site._start = timed_start


if __name__ == "__main__":
    sys.exit(main())
