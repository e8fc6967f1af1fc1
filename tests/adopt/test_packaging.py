"""A real package: the wheel carries the theme layer, templates, font and scaffold, and a
plain (not editable) install builds a new project outside this repository.

The wheel goes into a fresh virtual environment with `--no-index --no-deps`; its
dependencies come from this environment through a `.pth` line (which does not run this
environment's editable-install hook), so the test is offline and fast, and `build_tools`
can only come from the wheel."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import tomllib
import venv
import zipfile
from importlib.metadata import version
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from build_tools.resources import templates_dir, theme_dir
from support import ROOT


def runtime_requirements() -> list[Requirement]:
    return [Requirement(r) for r in tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]]


def pins() -> dict[str, str]:
    lines = (ROOT / "constraints.txt").read_text().splitlines()
    return {Requirement(line).name.lower(): line.split("==")[1] for line in lines if line and not line.startswith("#")}


def test_every_dependency_is_a_bounded_range_with_an_exact_pin_inside_it() -> None:
    pinned = pins()
    for requirement in runtime_requirements():
        specifiers = {s.operator for s in requirement.specifier}
        assert specifiers == {">=", "<"}, f"{requirement}: give a lower and an upper bound"
        assert requirement.name.lower() in pinned, f"{requirement.name}: pin it in constraints.txt"
        assert requirement.specifier.contains(pinned[requirement.name.lower()]), requirement
    assert set(pinned) == {r.name.lower() for r in runtime_requirements()}


@pytest.mark.parametrize(("name", "bound"), [("mkdocs", "2"), ("mkdocs-material", "10"), ("pymdown-extensions", "14")])
def test_engines_stop_before_their_next_major_version(name: str, bound: str) -> None:
    requirement = next(r for r in runtime_requirements() if r.name.lower() == name)
    assert f"<{bound}" in str(requirement.specifier) and not requirement.specifier.contains(f"{bound}.0")


def test_this_environment_has_the_pinned_versions() -> None:
    for name, pinned in pins().items():
        assert version(name) == pinned, f"{name}: installed {version(name)}, constraints.txt says {pinned} (run make setup)"


def test_the_editable_install_reads_the_top_level_folders() -> None:
    assert theme_dir().resolve() == (ROOT / "site_overrides").resolve()
    assert templates_dir().resolve() == (ROOT / "partials").resolve()


def shipped(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(out)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return next(out.glob("accessible_guides-*.whl"))


@pytest.mark.slow
def test_the_wheel_carries_every_theme_template_font_and_starter_file(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder, package in ((ROOT / "site_overrides", "build_tools/theme"), (ROOT / "partials", "build_tools/templates"),
                            (ROOT / "build_tools" / "scaffold", "build_tools/scaffold")):
        missing = {f"{package}/{name}" for name in shipped(folder)} - names
        assert not missing, missing
    assert "build_tools/theme/assets/fonts/atkinson-hyperlegible-latin-400-normal.woff2" in names
    assert "build_tools/readability/data/plain_words.yml" in names
    assert "build_tools/leakguard/scan.py" in names and "build_tools/theme/assets/stylesheets/easy-read.css" in names


@pytest.mark.slow
def test_a_plain_install_starts_checks_and_builds_a_project_elsewhere(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    install = subprocess.run([python, "-m", "pip", "install", "-q", "--no-index", "--no-deps", str(wheel)], capture_output=True, text=True)
    assert install.returncode == 0, install.stderr
    site_packages = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], capture_output=True, text=True, check=True).stdout.strip()
    Path(site_packages, "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    guides = env_dir / "bin" / "guides"
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(guides), *args], cwd=work, capture_output=True, text=True, env=env, timeout=600)

    assert run("--version").stdout.strip() == f"guides {tomllib.loads((ROOT / 'pyproject.toml').read_text())['project']['version']}"
    where = subprocess.run([python, "-c", "import build_tools.theme as t; print(t.__file__)"], cwd=work, capture_output=True, text=True, env=env).stdout
    assert where.startswith(site_packages), where  # the wheel's copy, not this checkout
    for args in (("new", "team-guides"), ("check", "-f", "team-guides/mkdocs.yml"), ("build", "-f", "team-guides/mkdocs.yml", "-d", "public")):
        result = run(*args)
        assert result.returncode == 0, f"guides {' '.join(args)}:\n{result.stdout}{result.stderr}"
    assert (work / "public" / "index.html").is_file() and (work / "public" / "public" / "guides" / "before-a-meeting.pdf").is_file()
    assert (work / "public" / "assets" / "fonts" / "atkinson-hyperlegible-latin-400-normal.woff2").is_file()
    staged = (work / "team-guides" / ".guides-cache" / "stage" / "public" / "mkdocs.yml").read_text()
    assert site_packages in staged and str(ROOT) not in staged  # theme layer from the installed package


def test_every_package_folder_is_listed_for_the_wheel() -> None:
    """A subpackage missing from pyproject's list installs nowhere but in a checkout."""
    import tomllib

    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "build_tools").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"
