"""One folder per leak vector: `content/` holds the pages, `expected.yml` the outcome.

    errors: ['page.md:5: block']      # refused: these `path:line: rule` findings, at least
    hidden: {partner: [marker, …]}    # built: text that role's output must not hold
    shown:  {staff: [marker, …]}      # built: text that role's output must hold

Output is each staged page rendered in-process as the role's build renders it, plus
the page titles (navigation, 404 page, PDF metadata) and hard words.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from isolation_harness import load, render_role

CASES = Path(__file__).parent / "cases"


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir() if p.is_dir()))
def test_case(case: str, tmp_path: Path) -> None:
    expected = yaml.safe_load((CASES / case / "expected.yml").read_text())
    pages = {p.relative_to(CASES / case / "content").as_posix(): p.read_text()
             for p in (CASES / case / "content").rglob("*.md")}
    corpus, errors = load(pages, tmp_path / "content")
    found = {f"{f.path}:{f.line}: {f.rule}" for f in errors}
    if "errors" in expected:
        assert set(expected["errors"]) <= found, sorted(found)
        assert all(f.line >= 1 and f.fix for f in errors)
        return
    assert not errors, [f.format() for f in errors]
    outputs = {role: render_role(corpus, role).lower() for role in ("partner", "staff")}
    for role, markers in (expected.get("hidden") or {}).items():
        for marker in markers:
            assert marker.lower() not in outputs[role], f"{marker} reached {role}"
    for role, markers in (expected.get("shown") or {}).items():
        for marker in markers:
            assert marker.lower() in outputs[role], f"{marker} missing from {role}"


def test_every_case_has_pages_and_an_outcome() -> None:
    for case in CASES.iterdir():
        expected = yaml.safe_load((case / "expected.yml").read_text())
        assert any((case / "content").rglob("*.md")) and {"errors", "hidden", "shown"} & set(expected), case.name
