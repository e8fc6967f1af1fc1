"""`-d` never names a folder whose replacement would destroy the project or its sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools.errors import UsageError
from build_tools.publish import check_target


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "content" / "sub").mkdir(parents=True)
    (tmp_path / "theme").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    return tmp_path


def _check(project: Path, target: Path) -> None:
    check_target(target, [project, project / "mkdocs.yml"], [project / "content", project / "theme"])


@pytest.mark.parametrize("target", [".", "content", "content/sub", "content/new", "mkdocs.yml", "theme", "theme/x", ".."])
def test_refused(project: Path, target: str) -> None:
    with pytest.raises(UsageError, match="cannot publish|is a file"):
        _check(project, project / target)


def test_a_folder_with_files_that_is_not_a_site_is_refused(project: Path) -> None:
    (project / "notes").mkdir()
    (project / "notes" / "keep.txt").write_text("mine")
    with pytest.raises(UsageError, match="not a published site"):
        _check(project, project / "notes")


@pytest.mark.parametrize("target", ["site", "public", "out/site"])
def test_accepted(project: Path, target: str) -> None:
    _check(project, project / target)
    (project / "site2").mkdir()
    (project / "site2" / "index.html").write_text("<html>")
    _check(project, project / "site2")  # an earlier site is replaced
