"""Golden cases: each folder in cases/ describes a Word document (document.yml, made
with python-docx by the test), the page it must become (expected.md) and what the
import must report (expected-findings.txt). A new case is a new folder.

Regenerate the golden files after a deliberate change: UPDATE_GOLDEN=1 pytest tests/importer
"""

from __future__ import annotations

import os
import re
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from build_tools import pipeline
from build_tools.cli import main
from importer.docx_builder import build_docx

HERE = Path(__file__).resolve().parent
CASES = sorted(p for p in (HERE / "cases").iterdir() if (p / "document.yml").is_file())
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def make_project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(HERE / "project", project)
    (project / "content").mkdir()
    return project


def import_case(case: Path, project: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Make the case's Word file and import it; returns exit code, findings, what was done."""
    spec: dict[str, Any] = yaml.safe_load((case / "document.yml").read_text(encoding="utf-8"))
    document = build_docx(spec, project.parent / f"{case.name}.docx")
    args = spec.get("args") or {}
    argv = ["import", str(document)]
    if args.get("roles"):
        argv += ["--roles", *args["roles"]]
    if args.get("type"):
        argv += ["--type", args["type"]]
    code = main(argv)
    out, err = capsys.readouterr()
    done = [line.removeprefix("guides:   ") for line in err.splitlines() if line.startswith("guides:   ")]
    return code, out, "\n".join(done)


def golden(path: Path, actual: str) -> None:
    if UPDATE:
        path.write_text(actual, encoding="utf-8")
    assert path.is_file(), f"{path} missing: run with UPDATE_GOLDEN=1 to create it"
    assert actual == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_import_matches_golden(case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    project = make_project(tmp_path)
    monkeypatch.chdir(project)
    code, findings, done = import_case(case, project, capsys)
    assert code == 0
    page = (project / "content" / f"{case.name}.md").read_text(encoding="utf-8")
    golden(case / "expected.md", page)
    for picture in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", page):  # saved beside the page, a real PNG
        assert (project / "content" / picture).read_bytes().startswith(b"\x89PNG"), picture
    golden(case / "expected-findings.txt", findings + "# done\n" + done + "\n")


def test_imported_pages_pass_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Every case imported into one project: `guides check` finds no errors."""
    project = make_project(tmp_path)
    monkeypatch.chdir(project)
    for case in CASES:
        assert import_case(case, project, capsys)[0] == 0
    result = pipeline.check(project / "mkdocs.yml", date(2026, 1, 1))
    assert len(result.corpus.documents) == len(CASES)
    assert [f.format() for f in result.findings if f.severity == "error"] == []


def test_every_finding_points_at_a_line_of_the_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    project = make_project(tmp_path)
    monkeypatch.chdir(project)
    for case in CASES:
        _, findings, _ = import_case(case, project, capsys)
        page = (project / "content" / f"{case.name}.md").read_text(encoding="utf-8").splitlines()
        for line in findings.splitlines():
            path, number = line.split(":")[:2]
            assert path == f"content/{case.name}.md"
            assert 1 <= int(number) <= len(page), line


@pytest.mark.slow
def test_import_then_build_renders_sheets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The checklist and the form, imported, build into printable sheets with fields to fill."""
    import pikepdf

    project = make_project(tmp_path)
    monkeypatch.chdir(project)
    for name in ("checklist", "form"):
        assert import_case(HERE / "cases" / name, project, capsys)[0] == 0
    assert main(["build", "--today", "2026-01-01"]) == 0
    for name, field_kind in (("checklist", "tick"), ("form", "blank")):
        pdfs = list((project / "site" / "staff").rglob(f"{name}*.pdf"))
        assert pdfs, f"no sheet for {name}"
        with pikepdf.open(pdfs[0]) as pdf:
            names = [str(f.get("/T", "")) for f in pdf.Root.AcroForm.Fields]
        assert any(n.startswith(field_kind) for n in names), names
        assert not list((project / "site" / "partner").rglob(f"{name}*"))
