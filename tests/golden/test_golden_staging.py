"""Selection and staging against golden folders, one folder per case.

    tests/golden/cases/<case>/content/…            the pages (input)
    tests/golden/cases/<case>/mkdocs.yml           optional; else tests/golden/mkdocs.yml
    tests/golden/cases/<case>/expected/findings.txt    every finding `guides check` reports,
                                                   readability's aside (those have golden cases of their own)
    tests/golden/cases/<case>/expected/<role>/…    each role's staged project (docs/ and mkdocs.yml),
                                                   when the content has no errors

A new case is a new folder: run with GUIDES_UPDATE_GOLDEN=1 to write its `expected/`,
review the files, commit them. After an intended change, the same, and review the diff.
"""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from build_tools import pipeline
from build_tools.errors import has_errors
from build_tools.resources import templates_dir, theme_dir
from build_tools.roles import select
from build_tools.stage import stage_role

HERE = Path(__file__).parent
CASES = sorted(p for p in (HERE / "cases").iterdir() if p.is_dir())
UPDATE = os.environ.get("GUIDES_UPDATE_GOLDEN") == "1"
TODAY = date(2026, 11, 22)


def actual_files(case: Path, work: Path) -> dict[str, bytes]:
    """What the pipeline makes of the case: findings, and each role's staged files."""
    project = work / "project"
    shutil.copytree(case / "content", project / "content")
    shutil.copy(case / "mkdocs.yml" if (case / "mkdocs.yml").is_file() else HERE / "mkdocs.yml", project / "mkdocs.yml")
    checked = pipeline.check(project / "mkdocs.yml", TODAY)
    measured = {(f"{checked.config.content_prefix}/{r.path}", f.line, f.rule, f.message) for r in checked.readability for f in r.findings}
    findings = [f for f in checked.findings if (f.path, f.line, f.rule, f.message) not in measured]
    files = {"findings.txt": "".join(f.format() + "\n" for f in findings).encode("utf-8")}
    if has_errors(findings):
        return files
    for role in checked.config.role_ids:
        staged = work / "stage" / role
        stage_role(select(checked.corpus, checked.config, role), checked.corpus, checked.config, staged, TODAY, {})
        for path in sorted(staged.rglob("*")):
            if path.is_file():
                files[f"{role}/{path.relative_to(staged).as_posix()}"] = normalised(path.read_bytes(), project)
    return files


def normalised(data: bytes, project: Path) -> bytes:
    """Machine-specific folders in a staged mkdocs.yml, named for what they are."""
    for folder, name in ((project, "<project>"), (theme_dir(), "<theme>"), (templates_dir(), "<templates>")):
        data = data.replace(str(folder.resolve()).encode(), name.encode())
    return data


def expected_files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case(case: Path, tmp_path: Path) -> None:
    actual = actual_files(case, tmp_path)
    expected_dir = case / "expected"
    if UPDATE or not expected_dir.exists():
        shutil.rmtree(expected_dir, ignore_errors=True)
        for rel, data in actual.items():
            (expected_dir / rel).parent.mkdir(parents=True, exist_ok=True)
            (expected_dir / rel).write_bytes(data)
        if not UPDATE:
            pytest.fail(f"wrote new golden files for {case.name}; review them and run again")
    expected = expected_files(expected_dir)
    assert sorted(actual) == sorted(expected), "staged files differ from the golden list"
    for rel in expected:
        assert actual[rel].decode("utf-8", "replace") == expected[rel].decode("utf-8", "replace"), rel


def test_every_case_has_content() -> None:
    for case in CASES:
        assert any((case / "content").rglob("*.md")), case.name
