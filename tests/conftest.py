"""Fixtures shared by every test folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from support import copy_fixture

# `.ci/run` sets HYPOTHESIS_PROFILE=ci: the same generated examples on every CI run, so a
# clean-clone run that passes predicts the next one. Runs elsewhere keep exploring with new
# random examples (and a failure prints the blob that reproduces it).
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture
def basic_site(tmp_path: Path) -> Path:
    return copy_fixture("basic", tmp_path / "project")
