"""`check` is a promise about `build`: what a build refuses, check finds first, with the
same `path:line`, for every role at once; `--strict` fails on warnings."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import guides_in_process

TODAY = ("--today", "2026-11-22")


def _break_sheets(site: Path) -> None:
    checklist = site / "content" / "staff" / "checklist.md"
    checklist.write_text(checklist.read_text().replace("type: checklist\n", "type: checklist\nratings: []\n")
                         + "\n![](https://example.org/a.png)\n")
    shared = site / "content" / "shared.md"
    shared.write_text(shared.read_text().replace("---\n", "---\nprint: true\n", 1).replace("\n---\n", "\nratings: []\n---\n", 1))


@pytest.mark.parametrize("command", ["check", "build"])
def test_sheet_problems_are_found_by_check_and_build_alike(basic_site: Path, command: str) -> None:
    _break_sheets(basic_site)
    site = basic_site / "site"
    code, output = guides_in_process(command, "-f", str(basic_site / "mkdocs.yml"), *TODAY,
                                     *(["-d", str(site)] if command == "build" else []))
    assert code == 1, output
    lines = [line for line in output.splitlines() if " error sheet:" in line]
    # The content/ prefix, both problems of the checklist, and the shared page's sheet for both roles.
    assert any(line.startswith("content/staff/checklist.md:5: error sheet:") and "`ratings` lists no ratings" in line for line in lines), output
    assert any(line.startswith("content/staff/checklist.md:") and "example.org/a.png" in line for line in lines), output
    assert sum(line.startswith("content/shared.md:") for line in lines) >= 1, output
    assert not any(line.startswith(("staff/", "shared.md")) for line in output.splitlines()), output
    assert not site.exists()


def test_check_and_build_print_the_same_findings(basic_site: Path) -> None:
    _break_sheets(basic_site)
    config = str(basic_site / "mkdocs.yml")
    _, checked = guides_in_process("check", "-f", config, *TODAY)
    _, built = guides_in_process("build", "-f", config, *TODAY, "-d", str(basic_site / "site"))
    found = lambda text: sorted(line for line in text.splitlines() if line.startswith("content/"))  # noqa: E731
    assert found(checked) == found(built) != []


def test_strict_fails_on_warnings(basic_site: Path) -> None:
    config = str(basic_site / "mkdocs.yml")
    code, output = guides_in_process("check", "-f", config, *TODAY)
    assert code == 0 and " warning " in output  # the fixture has an overdue page
    code, output = guides_in_process("check", "-f", config, *TODAY, "--strict")
    assert code == 1 and " warning " in output
    code, output = guides_in_process("build", "-f", config, *TODAY, "--strict", "-d", str(basic_site / "site"))
    assert code == 1 and "nothing was published" in output and not (basic_site / "site").exists()


def test_verbose_logs_each_stage(basic_site: Path) -> None:
    code, output = guides_in_process("check", "-f", str(basic_site / "mkdocs.yml"), *TODAY, "-v")
    assert code == 0
    for stage in ("configure", "load", "validate", "readability", "select and plan sheets"):
        assert f"guides: {stage}: " in output, output
