"""Benchmark `guides build` against plain MkDocs on the same synthetic pages (issue #7).

    .venv/bin/python benchmarks/run.py [--pages 300 2000] [--repeat 3]
    .venv/bin/python benchmarks/run.py --pages 50 --repeat 1        # quick try, about a minute

For each size it writes a corpus in our syntax (benchmarks/corpus.py) into a temporary
folder, then, `--repeat` times, interleaved so that a change in the machine's load hits
every measurement alike:

1. plain    `python -m mkdocs build` of the same content folder with the same theme,
            custom_dir and markdown_extensions, as one site with MkDocs' own navigation
            (mkdocs-plain.yml; the `///` role and picture blocks render as text);
2. cold     `guides build` after deleting .guides-cache/ and site/;
3. no-change `guides build` again, nothing changed;
4. edit-one `guides build` after appending a sentence to one staff-only page
            (the page is put back afterwards);
5. check    `guides check` (its per-page readability cache warm from the builds);
6. check-cold `guides check` after deleting .guides-cache/ (every page measured).

Each command runs in its own process, reaped with os.wait4(), which gives that run's
CPU time and the largest resident set of any one process in it (ru_maxrss of the
process and the descendants it waited for); the whole process tree's resident memory
is also sampled every 0.2 s, for the peak of processes running at once. The CPU time
other processes used during a run (from /proc/stat) is recorded: the machine may be
shared.

Wall-time ratios (cold/plain, no-change/cold, edit-one/cold) are judged on the median of
the ratios within each repeat, whose measurements ran back to back; CPU-time ratios and
the ratio of the medians are shown beside them.

Results go to benchmarks/out/results-<pages>.json, and docs/benchmarks.md is rewritten
between its results markers (two HTML comments) from every results file present; the
text outside the markers is kept. Runs with fewer than 3 repeats (the quick try) keep
their results in benchmarks/out/trial/ and leave the page alone unless --doc is given.
`--feature FLAG` (e.g. navigation.prune) runs an experiment with a Material feature flag
added to the theme of both sides; its results are shown in a table of their own.

By default the benchmark runs against a snapshot of build_tools/, partials/ and
site_overrides/ taken when it starts (PYTHONPATH points at the copy), so that edits
other engineers make while a long run is going neither change what is measured nor
make the "no change" rebuild rebuild (its cache key covers the package's files).
`--live` runs the working tree as it is instead.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
OUT = HERE / "out"
DOC = REPO / "docs" / "benchmarks.md"
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402
import preview  # noqa: E402

STATUS = re.compile(
    r"^guides: built (?P<built>.*?)(?: \(unchanged, reused: (?P<reused>.*?)\))?; "
    r"sheets rendered (?P<rendered>\d+), reused (?P<sheets_reused>\d+); (?P<findings>.*?); "
    r"published .* in (?P<seconds>[\d.]+) s$"
)
KINDS = ("plain", "cold", "no-change", "edit-one", "check", "check-cold")
#: Edits timed in `guides serve` per corpus size (the median is judged).
PREVIEW_EDITS = 7
TICK = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")

# --- running one command -----------------------------------------------------------


def _cpu_busy() -> float:
    """Seconds of CPU time all processes have used since boot (all cores)."""
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    user, nice, system, idle, iowait, irq, softirq, steal = (fields + [0] * 8)[:8]
    return (user + nice + system + irq + softirq + steal) / TICK


def _tree_rss(root: int) -> int:
    """Bytes resident in `root` and all its descendants right now."""
    parent: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        rest = stat[stat.rfind(")") + 2:].split()
        parent[int(entry)] = int(rest[1])
        rss[int(entry)] = int(rest[21]) * PAGE
    total, todo = 0, [root]
    children: dict[int, list[int]] = {}
    for pid, ppid in parent.items():
        children.setdefault(ppid, []).append(pid)
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo += children.get(pid, [])
    return total


def measure(command: list[str], cwd: Path, env: dict[str, str], log: Path) -> dict[str, Any]:
    """Run `command`; return wall and CPU seconds, memory, exit code, and stderr's last line."""
    busy_before = _cpu_busy()
    load_before = os.getloadavg()[0]
    with open(log.with_suffix(".out"), "wb") as out, open(log.with_suffix(".err"), "wb") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        peak_tree = 0
        next_sample = started
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            now = time.perf_counter()
            if now >= next_sample:
                peak_tree = max(peak_tree, _tree_rss(proc.pid))
                next_sample = now + 0.2
            time.sleep(0.02)
        wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    others = max(0.0, _cpu_busy() - busy_before - cpu)
    stderr = log.with_suffix(".err").read_text(errors="replace").strip().splitlines()
    return {
        "command": command,
        "rc": proc.returncode,
        "wall": wall,
        "cpu": cpu,
        "max_rss_mb": usage.ru_maxrss / 1024,
        "peak_tree_rss_mb": peak_tree / 2**20,
        "others_cpu": others,
        "others_share": others / (wall * (os.cpu_count() or 1)),
        "load_before": load_before,
        # The build's status line ("guides: built …"); other notes may follow it.
        "last_line": next((line for line in reversed(stderr) if line.startswith("guides: built ")), stderr[-1] if stderr else ""),
        "log": str(log),
    }


def parse_status(line: str) -> dict[str, Any] | None:
    m = STATUS.match(line)
    if not m:
        return None
    built_notes = [r for r in m.group("built").split(", ") if r and r != "none"]
    built = [r.split(" (")[0] for r in built_notes]
    # "staff (3 changed files rendered again)": an incremental build of that role.
    rerendered = {r.split(" (")[0]: int(n.group(1)) for r in built_notes if (n := re.search(r"\((\d+) changed file", r))}
    reused = [r for r in (m.group("reused") or "").split(", ") if r]
    return {"built": built, "rerendered": rerendered, "reused": reused, "sheets_rendered": int(m.group("rendered")),
            "sheets_reused": int(m.group("sheets_reused")), "findings": m.group("findings"),
            "reported_seconds": float(m.group("seconds"))}


# --- the tool under test -----------------------------------------------------------


def tree_digest(roots: list[Path]) -> str:
    digest = hashlib.sha256()
    for root in roots:
        for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            digest.update(str(path.relative_to(root.parent)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def tool_state(live: bool, work: Path) -> tuple[dict[str, str], dict[str, Any]]:
    """The environment to run guides and mkdocs in, and a description of the code measured."""
    env = dict(os.environ)
    env["NO_MKDOCS_2_WARNING"] = "1"
    env["DISABLE_MKDOCS_2_WARNING"] = "true"
    env.pop("PYTHONPATH", None)
    parts = [REPO / "build_tools", REPO / "partials", REPO / "site_overrides"]
    info: dict[str, Any] = {"code": "working tree" if live else "snapshot of the working tree"}
    try:
        info["commit"] = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "build_tools", "partials", "site_overrides"],
                               cwd=REPO, capture_output=True, text=True).stdout
        info["uncommitted_files"] = len(dirty.splitlines())
    except OSError:
        pass
    if live:
        info["digest"] = tree_digest(parts)
        return env, info
    snap = work / "tool"
    for part in parts:
        shutil.copytree(part, snap / part.name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(REPO / "mkdocs.yml", snap / "mkdocs.yml")
    info["digest"] = tree_digest([snap / p.name for p in parts])
    env["PYTHONPATH"] = str(snap)
    env["GUIDES_BENCH_TOOL_ROOT"] = str(snap)
    return env, info


# --- one size ------------------------------------------------------------------------


def run_size(pages: int, repeat: int, env: dict[str, str], work: Path, phases: bool, seed: int,
             features: tuple[str, ...] = ()) -> dict[str, Any]:
    name = result_name(pages, features)
    project = work / name
    logs = OUT / "logs" / name
    shutil.rmtree(logs, ignore_errors=True)
    logs.mkdir(parents=True)
    os.environ.update({k: v for k, v in env.items() if k.startswith("GUIDES_BENCH")})
    stats = corpus.write_project(project, pages, seed, features)
    py = sys.executable
    guides = str(Path(sys.executable).with_name("guides"))
    plain = [py, "-m", "mkdocs", "build", "--clean", "-f", "mkdocs-plain.yml"]
    build = [guides, "build"]
    check = [guides, "check"]
    say(f"\n== {pages} pages ({stats.staff_site_pages} in the staff site, {stats.partner_site_pages} in the partner site, "
        f"{stats.sheets} sheets) in {project}")

    first = measure(check, project, env, logs / "validate")
    if first["rc"] != 0:
        raise SystemExit(f"guides check failed on the generated corpus; see {logs / 'validate.out'}")

    target = project / "content" / stats.staff_only_edit_target
    original = target.read_bytes()
    runs: dict[str, list[dict[str, Any]]] = {k: [] for k in KINDS}
    for n in range(1, repeat + 1):
        shutil.rmtree(project / "plain-site", ignore_errors=True)
        runs["plain"].append(_step("plain", measure(plain, project, env, logs / f"plain-{n}"), pages))
        shutil.rmtree(project / ".guides-cache", ignore_errors=True)
        shutil.rmtree(project / "site", ignore_errors=True)
        runs["cold"].append(_step("cold", measure(build, project, env, logs / f"cold-{n}"), pages))
        runs["no-change"].append(_step("no-change", measure(build, project, env, logs / f"no-change-{n}"), pages))
        target.write_bytes(original + f"\nThis sentence was added by the benchmark, run {n}.\n".encode())
        try:
            runs["edit-one"].append(_step("edit-one", measure(build, project, env, logs / f"edit-one-{n}"), pages))
        finally:
            target.write_bytes(original)
        runs["check"].append(_step("check", measure(check, project, env, logs / f"check-{n}"), pages))
        shutil.rmtree(project / ".guides-cache", ignore_errors=True)
        runs["check-cold"].append(_step("check-cold", measure(check, project, env, logs / f"check-cold-{n}"), pages))

    say("  preview: save-to-preview in `guides serve --role staff`")
    latency = preview.measure(project, f"content/{stats.staff_only_edit_target}", "staff", PREVIEW_EDITS,
                              [guides], env)
    say(f"  preview   median {latency['median']:.2f} s over {len(latency['seconds'])} edits "
        f"({', '.join(f'{v:.2f}' for v in latency['seconds'])}); load {latency['load'][0]:.2f}")

    breakdown = None
    if phases:
        breakdown = run_phases(project, env, logs)
    return {
        "pages": pages,
        "repeat": repeat,
        "seed": seed,
        "features": list(features),
        "corpus": stats.as_dict(),
        "runs": runs,
        "preview": latency,
        "phases": breakdown,
    }


def _step(kind: str, result: dict[str, Any], pages: int) -> dict[str, Any]:
    if result["rc"] != 0:
        tail = Path(result["log"]).with_suffix(".err").read_text(errors="replace")[-3000:]
        raise SystemExit(f"{kind} failed (exit {result['rc']}):\n{tail}")
    result["status"] = parse_status(result["last_line"]) if kind in ("cold", "no-change", "edit-one") else None
    extra = ""
    if result["status"]:
        s = result["status"]
        extra = (f"  built {', '.join(s['built']) or 'none'}; reused {', '.join(s['reused']) or 'none'}; "
                 f"sheets rendered {s['sheets_rendered']}, reused {s['sheets_reused']}")
    say(f"  {kind:<9} {result['wall']:7.1f} s wall {result['cpu']:7.1f} s CPU  {1000 * result['wall'] / pages:6.1f} ms/page  "
        f"max RSS {result['max_rss_mb']:5.0f} MB  tree {result['peak_tree_rss_mb']:5.0f} MB  "
        f"others {100 * result['others_share']:3.0f}%{extra}")
    return result


def run_phases(project: Path, env: dict[str, str], logs: Path) -> dict[str, Any]:
    """One instrumented cold build and one no-change build, then each role's staged
    project built alone with plain mkdocs (what each role costs without the other)."""
    out: dict[str, Any] = {}
    for label, flags in (("cold", ["--cold"]), ("no-change", [])):
        target = logs / f"phases-{label}.json"
        result = measure([sys.executable, str(HERE / "phases.py"), *flags, "-o", str(target)], project, env, logs / f"phases-{label}")
        if result["rc"] != 0 or not target.is_file():
            say(f"  phases ({label}) failed; see {result['log']}.err")
            return out
        out[label] = json.loads(target.read_text())
        out[label]["wall"] = result["wall"]
        say(f"  phases ({label}): {out[label]['total']:.1f} s")
    alone: dict[str, Any] = {}
    for staged in sorted((project / ".guides-cache" / "stage").glob("*/mkdocs.yml")):
        role = staged.parent.name
        site = project / ".bench-alone" / role
        result = measure([sys.executable, "-m", "mkdocs", "build", "--clean", "-f", str(staged), "-d", str(site)],
                         project, env, logs / f"alone-{role}")
        pages = sum(1 for _ in (staged.parent / "docs").rglob("*.md"))
        alone[role] = {"wall": result["wall"], "cpu": result["cpu"], "max_rss_mb": result["max_rss_mb"],
                       "pages": pages, "others_share": result["others_share"]}
        say(f"  {role} site alone: {result['wall']:.1f} s for {pages} pages")
        shutil.rmtree(site, ignore_errors=True)
    out["alone"] = alone
    return out


def say(text: str) -> None:
    print(text, flush=True)


def result_name(pages: int, features: tuple[str, ...] | list[str]) -> str:
    """`p2000`, or `p2000+navigation.prune` for an experiment with extra theme features."""
    return f"p{pages}" + "".join(f"+{f}" for f in features)


# --- the machine --------------------------------------------------------------------


def machine() -> dict[str, Any]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "unknown"
    try:
        kb = int(next(l for l in Path("/proc/meminfo").read_text().splitlines() if l.startswith("MemTotal")).split()[1])
        ram = f"{kb / 2**20:.1f} GiB"
    except (OSError, StopIteration):
        pass

    def version(name: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "absent"

    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "ram": ram,
        "os": platform.platform(),
        "python": platform.python_version(),
        "mkdocs": version("mkdocs"),
        "mkdocs-material": version("mkdocs-material"),
        "pymdown-extensions": version("pymdown-extensions"),
        "Markdown": version("Markdown"),
        "weasyprint": version("weasyprint"),
    }


# --- summarising ---------------------------------------------------------------------


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def summary(result: dict[str, Any]) -> dict[str, Any]:
    runs = result["runs"]
    pages = result["pages"]
    med = {k: median([r["wall"] for r in runs[k]]) for k in KINDS}
    low = {k: min((r["wall"] for r in runs[k]), default=float("nan")) for k in KINDS}
    cpu = {k: median([r["cpu"] for r in runs[k]]) for k in KINDS}
    others = {k: median([r["others_share"] for r in runs[k]]) for k in KINDS}
    rss = {k: max((r["max_rss_mb"] for r in runs[k]), default=0) for k in KINDS}
    tree = {k: max((r["peak_tree_rss_mb"] for r in runs[k]), default=0) for k in KINDS}
    edit = [r["status"] for r in runs["edit-one"] if r.get("status")]
    return {
        "pages": pages,
        "wall": med,
        "min": low,
        "cpu": cpu,
        "others": others,
        "cpu_ms_per_page": {k: 1000 * cpu[k] / pages for k in KINDS},
        "rss": rss,
        "tree": tree,
        "ms_per_page": {k: 1000 * med[k] / pages for k in KINDS},
        "cold_over_plain": med["cold"] / med["plain"],
        "cold_over_plain_cpu": cpu["cold"] / cpu["plain"],
        "nochange_over_cold": med["no-change"] / med["cold"],
        "edit_over_cold": med["edit-one"] / med["cold"],
        "edit_status": edit,
        "per_repeat": {
            "cold_over_plain": [c["wall"] / p["wall"] for p, c in zip(runs["plain"], runs["cold"])],
            "nochange_over_cold": [n["wall"] / c["wall"] for c, n in zip(runs["cold"], runs["no-change"])],
            "edit_over_cold": [e["wall"] / c["wall"] for c, e in zip(runs["cold"], runs["edit-one"])],
        },
        "others_share": max(r["others_share"] for k in KINDS for r in runs[k]),
    }


def _paired(values: list[float], limit: float) -> tuple[float, str]:
    """The median of per-repeat ratios, and how to show them."""
    shown = ", ".join(f"{v:.2f}" if limit >= 1 else f"{v:.3f}" for v in values)
    met = sum(v <= limit for v in values)
    return median(values), f"per repeat {shown}: {met} of {len(values)} within the target"


def targets(summaries: dict[int, dict[str, Any]], results: dict[int, dict[str, Any]]) -> list[tuple[str, str, bool | None]]:
    """(target, measured, met) for each target of issue #7.

    Ratio targets are judged on the median of the ratios within each repeat (plain,
    cold, no-change and edit-one ran back to back in each repeat, so a change in the
    machine's load affects both sides of a pair alike); the ratio of the medians and
    the CPU-time ratio are shown beside it."""
    rows: list[tuple[str, str, bool | None]] = []
    for pages, s in sorted(summaries.items()):
        paired, detail = _paired(s["per_repeat"]["cold_over_plain"], 1.0)
        rows.append((f"cold `guides build` ≤ 1.0× plain MkDocs ({pages} pages)",
                     f"{paired:.2f}× ({detail}; medians {s['wall']['cold']:.1f} s vs {s['wall']['plain']:.1f} s = "
                     f"{s['cold_over_plain']:.2f}×; CPU {s['cold_over_plain_cpu']:.2f}×)",
                     paired <= 1.0))
    for pages, s in sorted(summaries.items()):
        paired, detail = _paired(s["per_repeat"]["nochange_over_cold"], 0.1)
        rows.append((f"no-change rebuild ≤ 0.1× cold ({pages} pages)",
                     f"{paired:.3f}× ({detail}; medians {s['wall']['no-change']:.1f} s vs {s['wall']['cold']:.1f} s = "
                     f"{s['nochange_over_cold']:.3f}×; CPU {s['cpu']['no-change'] / s['cpu']['cold']:.3f}×)",
                     paired <= 0.1))
    for pages, s in sorted(summaries.items()):
        paired, detail = _paired(s["per_repeat"]["edit_over_cold"], 0.25)
        rows.append((f"`guides build` after editing one page ≤ 0.25× cold ({pages} pages)",
                     f"{paired:.3f}× ({detail}; medians {s['wall']['edit-one']:.1f} s vs {s['wall']['cold']:.1f} s)",
                     paired <= 0.25))
    for pages, r in sorted(results.items()):
        latency = r.get("preview")
        if latency:
            shown = ", ".join(f"{v:.2f}" for v in latency["seconds"])
            rows.append((f"save-to-preview in `guides serve` ≤ 1 s ({pages} pages)",
                         f"median {latency['median']:.2f} s of {len(latency['seconds'])} edits ({shown} s; load {latency['load'][0]:.2f})",
                         latency["median"] <= 1.0 if pages <= 300 else None))
    for pages, s in sorted(summaries.items()):
        ok = bool(s["edit_status"]) and all(st["built"] == ["staff"] and "partner" in st["reused"] and st["sheets_rendered"] == 0
                                             and st.get("rerendered", {}).get("staff") == 1
                                             for st in s["edit_status"])
        st = s["edit_status"][0] if s["edit_status"] else None
        shown = (f"built {', '.join(st['built']) or 'none'}; reused {', '.join(st['reused']) or 'none'}; "
                 f"sheets rendered {st['sheets_rendered']}, reused {st['sheets_reused']}") if st else "no status line"
        rows.append((f"edit one staff-only page: only that page of the staff site rendered, no sheet ({pages} pages)",
                     f"{shown} ({s['wall']['edit-one']:.1f} s, {s['edit_over_cold']:.2f}× cold)", ok))
    for pages, s in sorted(summaries.items()):
        worst = max(s["wall"]["check"], s["wall"]["check-cold"])
        rows.append((f"`guides check` ≤ 10 s ({pages} pages)",
                     f"{s['wall']['check-cold']:.1f} s with no cache, {s['wall']['check']:.1f} s with the cache of the last build",
                     worst <= 10.0 if pages >= 2000 else None))
    sizes = [300, 2000] if {300, 2000} <= set(summaries) else sorted(summaries)
    if len(sizes) >= 2:
        small, large = summaries[sizes[0]], summaries[sizes[-1]]
        g_plain = large["ms_per_page"]["plain"] / small["ms_per_page"]["plain"]
        g_cold = large["ms_per_page"]["cold"] / small["ms_per_page"]["cold"]
        c_plain = large["cpu_ms_per_page"]["plain"] / small["cpu_ms_per_page"]["plain"]
        c_cold = large["cpu_ms_per_page"]["cold"] / small["cpu_ms_per_page"]["cold"]
        rows.append((f"time per page {sizes[0]}→{sizes[-1]} pages grows no faster than plain MkDocs'",
                     f"wall: guides ×{g_cold:.2f} ({small['ms_per_page']['cold']:.0f}→{large['ms_per_page']['cold']:.0f} ms), "
                     f"plain ×{g_plain:.2f} ({small['ms_per_page']['plain']:.0f}→{large['ms_per_page']['plain']:.0f} ms); "
                     f"CPU: guides ×{c_cold:.2f} ({small['cpu_ms_per_page']['cold']:.0f}→{large['cpu_ms_per_page']['cold']:.0f} ms), "
                     f"plain ×{c_plain:.2f} ({small['cpu_ms_per_page']['plain']:.0f}→{large['cpu_ms_per_page']['plain']:.0f} ms)",
                     g_cold <= g_plain))
    return rows


def render(results: dict[int, dict[str, Any]]) -> str:
    summaries = {p: summary(r) for p, r in results.items()}
    any_result = next(iter(results.values()))
    m = any_result["machine"]
    lines = [
        "<!-- results: written by benchmarks/run.py; edits between these markers are overwritten -->",
        "",
        "## Machine",
        "",
        f"- {m['nproc']} cores ({m['cpu']}), {m['ram']} RAM, {m['os']}",
        f"- Python {m['python']}; mkdocs {m['mkdocs']}, mkdocs-material {m['mkdocs-material']}, "
        f"pymdown-extensions {m['pymdown-extensions']}, Markdown {m['Markdown']}, WeasyPrint {m['weasyprint']}",
        "- The machine is shared: other sessions' test suites (pytest, Chromium, `mkdocs serve`) may have been "
        "running at the same time. The \"others\" column is the share of the machine's CPU that other processes "
        "used during each measurement; where it is high, wall times are inflated and CPU times are the steadier figure.",
        "",
        "## Runs",
        "",
        "| pages | date (UTC) | command | code measured |",
        "| ---: | --- | --- | --- |",
    ]
    for pages, r in sorted(results.items()):
        code = r["code"]
        desc = f"{code['code']} at {code.get('commit', '?')} (+{code.get('uncommitted_files', '?')} uncommitted files), digest {code['digest']}"
        lines.append(f"| {pages} | {r['date']} | `{r['command']}` | {desc} |")
    lines += ["", "## Corpus", "",
              "| pages | words | folders (max depth) | staff-only | partner-only | shared | easy-read | step-by-step | sheets | staff site | partner site | role blocks | picture blocks |",
              "| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for pages, r in sorted(results.items()):
        c = r["corpus"]
        lines.append(f"| {c['pages']} | {c['words']:,} | {c['folders']} ({c['max_depth']}) | {c['staff_only']} | {c['partner_only']} | "
                     f"{c['shared']} | {c['easy']} | {c['step_by_step']} | {c['sheets']} | {c['staff_site_pages']} | "
                     f"{c['partner_site_pages']} | {c['role_blocks']} | {c['picture_blocks']} |")
    lines += ["", "## Results (median of the repeats)", "",
              "| pages | measurement | wall s | fastest wall s | CPU s | ms/page (wall) | ms/page (CPU) | others | max RSS of one process MB | peak RSS of the process tree MB |",
              "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for pages, s in sorted(summaries.items()):
        for k in KINDS:
            lines.append(f"| {pages} | {k} | {s['wall'][k]:.1f} | {s['min'][k]:.1f} | {s['cpu'][k]:.1f} | {s['ms_per_page'][k]:.1f} | "
                         f"{s['cpu_ms_per_page'][k]:.1f} | {100 * s['others'][k]:.0f}% | {s['rss'][k]:.0f} | {s['tree'][k]:.0f} |")
    lines += ["", "## Ratios", "",
              "Wall-time ratios are the median of the ratios within each repeat (the two sides ran back to back); "
              "CPU ratios are of the median CPU times.", "",
              "| pages | cold / plain (wall) | cold / plain (CPU) | no-change / cold (wall) | no-change / cold (CPU) | edit-one / cold (wall) | check s (no cache) | check s (cache) |",
              "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for pages, s in sorted(summaries.items()):
        r = s["per_repeat"]
        lines.append(f"| {pages} | {median(r['cold_over_plain']):.2f} | {s['cold_over_plain_cpu']:.2f} | {median(r['nochange_over_cold']):.3f} | "
                     f"{s['cpu']['no-change'] / s['cpu']['cold']:.3f} | {median(r['edit_over_cold']):.2f} | "
                     f"{s['wall']['check-cold']:.1f} | {s['wall']['check']:.1f} |")
    lines += ["", "## Targets (issue #7)", "", "| target | measured | met |", "| --- | --- | :---: |"]
    for target, measured, met in targets(summaries, results):
        lines.append(f"| {target} | {measured} | {'yes' if met else 'n/a' if met is None else '**no**'} |")
    lines += ["", "## Every run", "",
              "The build's own status line (stderr) is parsed for the rebuilds.", "",
              "| pages | # | measurement | wall s | CPU s | others | load before | status |",
              "| ---: | ---: | --- | ---: | ---: | ---: | ---: | --- |"]
    for pages, r in sorted(results.items()):
        for k in KINDS:
            for n, run in enumerate(r["runs"][k], start=1):
                st = run.get("status")
                shown = (f"built {', '.join(st['built']) or 'none'}; reused {', '.join(st['reused']) or 'none'}; "
                         f"sheets rendered {st['sheets_rendered']}, reused {st['sheets_reused']}") if st else ""
                lines.append(f"| {pages} | {n} | {k} | {run['wall']:.1f} | {run['cpu']:.1f} | {100 * run['others_share']:.0f}% | "
                             f"{run['load_before']:.1f} | {shown} |")
    phased = {p: r["phases"] for p, r in sorted(results.items()) if r.get("phases")}
    if phased:
        lines += ["", "## Where a build's time goes", "",
                  "One cold and one no-change build with a timer around each pipeline stage "
                  "(`benchmarks/phases.py`; indented stages are part of the stage above them), then each "
                  "role's staged project built alone by plain `mkdocs build`.", ""]
        for pages, ph in phased.items():
            labels: list[str] = []
            for part in ("cold", "no-change"):
                for label in (ph.get(part) or {}).get("stages", {}):
                    if label not in labels:
                        labels.append(label)
            lines += [f"### {pages} pages", "", "| stage | cold s | no-change s |", "| --- | ---: | ---: |"]
            for label in labels:
                cells = [f"{(ph.get(part) or {}).get('stages', {}).get(label, 0):.2f}" for part in ("cold", "no-change")]
                shown = label.replace("  ", "&nbsp;&nbsp;&nbsp;&nbsp;") if label.startswith("  ") else label
                lines.append(f"| {shown} | {cells[0]} | {cells[1]} |")
            totals = [f"{ph[part]['total']:.2f}" if ph.get(part) else "" for part in ("cold", "no-change")]
            walls = [f"{ph[part]['wall']:.2f}" if ph.get(part) and "wall" in ph[part] else "" for part in ("cold", "no-change")]
            lines.append(f"| **pipeline.build() total** | {totals[0]} | {totals[1]} |")
            lines.append(f"| **the whole process (with imports)** | {walls[0]} | {walls[1]} |")
            roles = (ph.get("cold") or {}).get("roles", {})
            if roles:
                lines += ["", "Each role's `mkdocs build` process inside the cold build (both at once, one core each): " +
                          ", ".join(f"{r} {s:.1f} s" for r, s in sorted(roles.items())) + "."]
            alone = ph.get("alone") or {}
            if alone:
                lines += ["", "Built alone: " + ", ".join(
                    f"{r} {a['wall']:.1f} s for {a['pages']} pages ({1000 * a['wall'] / max(a['pages'], 1):.0f} ms/page, "
                    f"max RSS {a['max_rss_mb']:.0f} MB)" for r, a in sorted(alone.items())) + "."]
            if (ph.get("cold") or {}).get("missing"):
                lines += ["", f"Stages not found (renamed?): {', '.join(ph['cold']['missing'])}."]
            lines.append("")
    lines += ["", "<!-- /results -->"]
    return "\n".join(lines)


HEADER = """# Benchmarks

How long `guides build` and `guides check` take on large content, compared with plain MkDocs
building the same pages with the same theme (issue #7). Reproduce with

    .venv/bin/python benchmarks/run.py --pages 200 2000 --repeat 3

(`--pages 50 --repeat 1` is a quick try of about a minute). See `benchmarks/run.py` for what each
measurement is (the baseline is `mkdocs build` of the same content folder with the same theme and
`markdown_extensions`, as one site), and `benchmarks/corpus.py` for the synthetic content.

"""


def load_results(folder: Path = OUT) -> tuple[dict[int, dict[str, Any]], list[dict[str, Any]]]:
    """The main results by size, and the experiments (runs with extra theme features)."""
    results: dict[int, dict[str, Any]] = {}
    experiments: list[dict[str, Any]] = []
    for path in sorted(folder.glob("results-*.json")):
        data = json.loads(path.read_text())
        if data.get("features"):
            experiments.append(data)
        else:
            results[data["pages"]] = data
    return results, experiments


def render_experiments(experiments: list[dict[str, Any]], results: dict[int, dict[str, Any]]) -> list[str]:
    lines = ["", "## Experiments: other theme settings", "",
             "The same measurements with Material feature flags added to the theme of *both* the baseline and "
             "`guides` (so both sides still share one theme). The main results above are the comparison with the "
             "repository's mkdocs.yml as it is.", "",
             "| pages | features | repeats | plain wall s (CPU s) | cold wall s (CPU s) | cold / plain: wall, per repeat (ratio of medians; CPU) | no-change s | edit-one s | "
             "main run's plain wall s (CPU s) | code | command |",
             "| ---: | --- | ---: | --- | --- | --- | ---: | ---: | --- | --- | --- |"]
    for data in sorted(experiments, key=lambda d: (d["pages"], d["features"])):
        s = summary(data)
        base = summary(results[data["pages"]]) if data["pages"] in results else None
        main = f"{base['wall']['plain']:.1f} ({base['cpu']['plain']:.1f})" if base else "–"
        lines.append(f"| {data['pages']} | {', '.join(data['features'])} | {data['repeat']} | "
                     f"{s['wall']['plain']:.1f} ({s['cpu']['plain']:.1f}) | {s['wall']['cold']:.1f} ({s['cpu']['cold']:.1f}) | "
                     f"{median(s['per_repeat']['cold_over_plain']):.2f}: "
                     f"{', '.join(f'{v:.2f}' for v in s['per_repeat']['cold_over_plain'])} ({s['cold_over_plain']:.2f}; {s['cold_over_plain_cpu']:.2f}) | "
                     f"{s['wall']['no-change']:.1f} | {s['wall']['edit-one']:.1f} | {main} | {data['code'].get('commit', '?')} | `{data['command']}` |")
    return lines


def write_doc(doc: Path) -> None:
    results, experiments = load_results()
    if not results:
        return
    block = render(results)
    if experiments:
        block = block.replace("\n\n<!-- /results -->", "\n" + "\n".join(render_experiments(experiments, results)) + "\n\n<!-- /results -->")
    text = doc.read_text(encoding="utf-8") if doc.is_file() else HEADER + "\n<!-- results -->\n"
    # The markers count only at the start of a line (the prose may name them).
    start = text.find("\n<!-- results")
    end = text.find("\n<!-- /results -->")
    if start == -1:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    else:
        tail = text[end + len("\n<!-- /results -->"):] if end != -1 else "\n"
        text = text[:start + 1] + block + tail
    doc.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")


# --- main ------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[300, 2000], help="corpus sizes (default: 300 2000)")
    parser.add_argument("--repeat", type=int, default=3, help="repeats of each measurement; the median is reported (default: 3)")
    parser.add_argument("--live", action="store_true", help="measure the working tree as it is, not a snapshot")
    parser.add_argument("--phases", action=argparse.BooleanOptionalAction, default=None,
                        help="also time each pipeline stage and each role's site alone (one more cold build and two "
                             "MkDocs builds per size; default: on when --repeat is above 1)")
    parser.add_argument("--doc", action=argparse.BooleanOptionalAction, default=None,
                        help="rewrite docs/benchmarks.md (default: when --repeat is 3 or more)")
    parser.add_argument("--keep", action="store_true", help="keep the generated projects (printed path)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workdir", type=Path, help="where to generate (default: a new temporary folder)")
    parser.add_argument("--feature", action="append", default=[], metavar="FLAG",
                        help="experiment: add this Material feature flag (e.g. navigation.prune) to the theme of both "
                             "the baseline and guides; results are kept apart from the main ones")
    parser.add_argument("--doc-only", action="store_true", help="only rewrite docs/benchmarks.md from benchmarks/out/results-*.json")
    args = parser.parse_args(argv)
    if args.doc_only:
        write_doc(DOC)
        return 0

    write = args.doc if args.doc is not None else args.repeat >= 3
    results_dir = OUT if args.repeat >= 3 or args.doc else OUT / "trial"
    command = "python benchmarks/run.py " + " ".join(
        shlex.quote(a) for a in (argv if argv is not None else sys.argv[1:])
    )
    results_dir.mkdir(parents=True, exist_ok=True)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="guides-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    env, code = tool_state(args.live, work)
    say(f"benchmark: {command}\n  work folder {work}; code: {code}")
    info = machine()
    try:
        for pages in args.pages:
            phases = args.phases if args.phases is not None else args.repeat > 1
            features = tuple(args.feature)
            result = run_size(pages, args.repeat, env, work, phases, args.seed, features)
            result.update(machine=info, code=code, command=command,
                          date=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M"))
            (results_dir / f"results-{result_name(pages, features)[1:]}.json").write_text(json.dumps(result, indent=1))
            s = summary(result)
            r = s["per_repeat"]
            say(f"  => cold/plain {median(r['cold_over_plain']):.2f}x (CPU {s['cold_over_plain_cpu']:.2f}x), "
                f"no-change/cold {median(r['nochange_over_cold']):.3f}x, edit-one/cold {median(r['edit_over_cold']):.2f}x, "
                f"check {s['wall']['check-cold']:.1f} s (cached {s['wall']['check']:.1f} s); ms/page plain {s['ms_per_page']['plain']:.0f}, "
                f"guides {s['ms_per_page']['cold']:.0f}")
            if write:
                write_doc(DOC)
            if not args.keep:
                shutil.rmtree(work / result_name(pages, features), ignore_errors=True)
    finally:
        if not args.keep and not args.workdir:
            shutil.rmtree(work, ignore_errors=True)
    results, _ = load_results(results_dir)
    if len(results) >= 1:
        say("\nTargets:")
        for target, measured, met in targets({p: summary(r) for p, r in results.items()}, results):
            say(f"  [{'ok' if met else ' - ' if met is None else 'MISS'}] {target}: {measured}")
    if write:
        say(f"\nwrote {DOC}")
    else:
        say(f"\nresults in {results_dir}; docs/benchmarks.md not rewritten (use --doc)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
