"""`guides new`: a starter project that checks clean and builds at once, with CI files each
system accepts (validated against the schemas check-jsonschema carries, offline)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from support import guides_in_process

CHECK_JSONSCHEMA = [sys.executable, "-m", "check_jsonschema"]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    code, output = guides_in_process("new", str(tmp_path / "team-guides"))
    assert code == 0, output
    return tmp_path / "team-guides"


def test_the_starter_project_has_every_kind_of_file(project: Path) -> None:
    names = {p.relative_to(project).as_posix() for p in project.rglob("*") if p.is_file()}
    assert {"mkdocs.yml", "README.md", ".gitignore", ".gitlab-ci.yml", ".pre-commit-config.yaml",
            ".github/workflows/guides.yml", "content/glossary.md"} <= names
    assert not any("dot-" in name for name in names)
    types = {yaml.safe_load(p.read_text().split("---")[1]).get("type") for p in (project / "content").rglob("*.md")}
    assert {"guide", "step-by-step", "checklist", "form", "glossary"} <= types
    assert any(name.endswith(".easy.md") and name.replace(".easy", "") in names for name in names)
    assert "guides:" in (project / "mkdocs.yml").read_text() and "# levels:" in (project / "mkdocs.yml").read_text()


def test_the_starter_project_checks_clean(project: Path) -> None:
    code, output = guides_in_process("check", "-f", str(project / "mkdocs.yml"))
    assert code == 0, output
    assert "0 errors, 0 warnings" in output  # easy-read page stamped, every readability rule met


def test_a_folder_that_is_not_empty_is_refused_unless_forced(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    code, output = guides_in_process("new", str(tmp_path))
    assert code == 2 and "not empty" in output and "--force" in output
    assert not (tmp_path / "mkdocs.yml").exists()
    code, output = guides_in_process("new", str(tmp_path), "--force")
    assert code == 0, output
    assert (tmp_path / "mkdocs.yml").is_file() and (tmp_path / "notes.txt").read_text() == "mine"


def test_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "x").write_text("")
    code, output = guides_in_process("new", str(tmp_path / "x"))
    assert code == 2 and "is a file" in output


@pytest.mark.parametrize(("path", "schema"), [(".github/workflows/guides.yml", "vendor.github-workflows"), (".gitlab-ci.yml", "vendor.gitlab-ci")])
def test_ci_files_are_valid_for_their_systems(project: Path, path: str, schema: str) -> None:
    result = subprocess.run([*CHECK_JSONSCHEMA, "--builtin-schema", schema, str(project / path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    # The validator is not a rubber stamp: the same file with a job broken fails.
    data = yaml.safe_load((project / path).read_text())
    jobs = data["jobs"] if "jobs" in data else data
    if "runs-on" in jobs["check"]:
        del jobs["check"]["runs-on"]  # GitHub: every job needs a runner
    else:
        jobs["check"]["when"] = "sometimes"  # GitLab: not one of its `when` values
    broken = project / ("broken-" + Path(path).name)
    broken.write_text(yaml.safe_dump(data))
    result = subprocess.run([*CHECK_JSONSCHEMA, "--builtin-schema", schema, str(broken)], capture_output=True, text=True)
    assert result.returncode != 0


def test_ci_files_check_with_annotations_build_and_publish_every_role(project: Path) -> None:
    config = yaml.safe_load((project / "mkdocs.yml").read_text())
    roles = [r["id"] for r in config["guides"]["roles"]]
    github = yaml.safe_load((project / ".github/workflows/guides.yml").read_text())
    runs = [step.get("run", "") for job in github["jobs"].values() for step in job["steps"]]
    assert "guides check --format github" in runs and "guides build -d public" in runs
    assert github["jobs"]["offline-copies"]["strategy"]["matrix"]["role"] == roles
    assert any(step.get("uses", "").startswith("actions/deploy-pages@") for step in github["jobs"]["deploy"]["steps"])
    gitlab = yaml.safe_load((project / ".gitlab-ci.yml").read_text())
    assert "guides build -d public" in gitlab["pages"]["script"] and gitlab["pages"]["artifacts"]["paths"] == ["public"]
    assert gitlab["offline-copies"]["parallel"]["matrix"][0]["ROLE"] == roles
    assert {job["stage"] for name, job in gitlab.items() if isinstance(job, dict) and "script" in job} <= set(gitlab["stages"])


def test_the_pre_commit_hook_runs_guides_check(project: Path) -> None:
    hooks = yaml.safe_load((project / ".pre-commit-config.yaml").read_text())["repos"][0]["hooks"]
    assert hooks[0]["entry"] == "guides check" and hooks[0]["pass_filenames"] is False
    assert "site/" in (project / ".gitignore").read_text() and ".guides-cache/" in (project / ".gitignore").read_text()


@pytest.mark.slow
def test_the_starter_project_builds_at_once(project: Path) -> None:
    code, output = guides_in_process("build", "-f", str(project / "mkdocs.yml"), "-d", str(project / "site"))
    assert code == 0, output
    site = project / "site"
    assert (site / "index.html").is_file()
    for role, sheet in (("public", "guides/before-a-meeting.pdf"), ("staff", "staff/booking-a-room.pdf")):
        assert (site / role / "index.html").is_file() and (site / role / sheet).is_file()
    assert not (site / "public" / "staff").exists()  # staff pages stay on the staff site
    assert not (site / "public" / "involvement-levels").exists()  # no levels configured
