"""Save-to-preview time of `guides serve`: from writing a page to the server sending the edit.

    python benchmarks/preview.py PROJECT_DIR [--role staff] [--edits 7] [--page content/x.md]

Starts `guides serve` on a free local port, waits for the first build, then `--edits`
times appends a sentence with a unique word to one page (a role-only page, so only
one site is involved) and polls that page's URL every 20 ms until the word is served.
Prints JSON: {"seconds": [...], "median": s, "load": [1, 5, 15 min]}. The page is put
back afterwards. Used by run.py; runnable alone on any project.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

POLL = 0.02


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> str:
    try:
        return urllib.request.urlopen(url, timeout=5).read().decode("utf-8", "replace")
    except OSError:
        return ""


def _wait_for(url: str, text: str, limit: float) -> float | None:
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        if text in _get(url):
            return time.perf_counter() - start
        time.sleep(POLL)
    return None


def page_url(project: Path, page: str, role: str, port: int) -> str:
    rel = Path(page).relative_to("content").with_suffix("").as_posix()
    rel = rel[: -len("index")] if rel.endswith("index") else rel + "/"
    return f"http://127.0.0.1:{port}/{role}/{rel}"


def measure(project: Path, page: str, role: str, edits: int, guides: list[str], env: dict[str, str]) -> dict[str, Any]:
    source = project / page
    original = source.read_text(encoding="utf-8")  # before the server starts: a bad --page leaves none running
    port = free_port()
    url = page_url(project, page, role, port)
    log = open(project / "serve.log", "w")  # noqa: SIM115 (closed below)
    server = subprocess.Popen([*guides, "serve", "--role", role, "-a", f"127.0.0.1:{port}", "-f", str(project / "mkdocs.yml")],
                              cwd=project, stdout=log, stderr=subprocess.STDOUT, env=env)
    seconds: list[float] = []
    try:
        if _wait_for(url, "<html", 600) is None:
            raise RuntimeError(f"guides serve did not start; see {project / 'serve.log'}")
        time.sleep(1.0)
        for number in range(edits):
            word = f"previewmark{number}x{os.getpid()}"
            source.write_text(original + f"\nA sentence with the word {word}.\n", encoding="utf-8")
            waited = _wait_for(url, word, 60)
            seconds.append(waited if waited is not None else float("inf"))
            time.sleep(0.5)
    finally:
        source.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait(timeout=30)
        log.close()
    return {"seconds": seconds, "median": statistics.median(seconds), "load": list(os.getloadavg()), "page": page, "role": role}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--role", default="staff")
    parser.add_argument("--page", required=True, help="content-relative path, e.g. content/folder/page.md")
    parser.add_argument("--edits", type=int, default=7)
    args = parser.parse_args(argv)
    guides = [sys.executable, "-m", "build_tools.cli"]
    print(json.dumps(measure(args.project.resolve(), args.page, args.role, args.edits, guides, dict(os.environ))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
