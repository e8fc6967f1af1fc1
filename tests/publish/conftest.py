"""A project built once per session; each test gets its own copy (cache and site included),
so a rebuild with no change is quick and a test may break it freely."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support import copy_fixture, guides_in_process


@pytest.fixture(scope="session")
def built_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_fixture("basic", tmp_path_factory.mktemp("template") / "project")
    code, out = guides_in_process("build", "-f", str(project / "mkdocs.yml"), "-d", str(project / "site"), "--today", "2026-01-01")
    assert code == 0, out
    return project


@pytest.fixture
def built(built_template: Path, tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(built_template, project, symlinks=True)
    return project
