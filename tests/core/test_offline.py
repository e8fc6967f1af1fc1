"""The whole build works with no network: nothing is fetched at build time."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from support import ROOT

BLOCK_NETWORK = '''
import socket

def _refuse(self, address, *args, **kwargs):
    if self.family in (socket.AF_INET, socket.AF_INET6):
        raise OSError("network disabled by the offline test: tried " + repr(address))
    return _connect(self, address, *args, **kwargs)

_connect = socket.socket.connect
socket.socket.connect = _refuse
socket.socket.connect_ex = _refuse
_getaddrinfo = socket.getaddrinfo
def _no_lookup(host, *args, **kwargs):
    raise OSError("network disabled by the offline test: tried to look up " + repr(host))
socket.getaddrinfo = _no_lookup
'''


@pytest.mark.slow
def test_build_with_the_network_unavailable(basic_site: Path, tmp_path: Path) -> None:
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    # sitecustomize runs in every Python process started with this PYTHONPATH:
    # the CLI, each role's MkDocs process and the sheet workers.
    (hooks / "sitecustomize.py").write_text(BLOCK_NETWORK)
    env = dict(os.environ, PYTHONPATH=f"{hooks}{os.pathsep}{ROOT}", NLTK_DATA=str(tmp_path / "no-nltk"))
    result = subprocess.run(
        [sys.executable, "-m", "build_tools.cli", "build", "-f", str(basic_site / "mkdocs.yml"), "-d", str(basic_site / "site")],
        capture_output=True, text=True, env=env, timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "network disabled" not in result.stdout + result.stderr
    assert (basic_site / "site" / "staff" / "staff" / "checklist.pdf").is_file()
