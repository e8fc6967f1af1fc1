"""Fixtures shared by every test folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import copy_fixture


@pytest.fixture
def basic_site(tmp_path: Path) -> Path:
    return copy_fixture("basic", tmp_path / "project")
