"""Easy-read pages know which version of their standard page they were written from."""

from __future__ import annotations

import subprocess
from pathlib import Path

from support import guides_in_process

STANDARD = "---\ntitle: Guide\nroles: [partner]\n---\n\n# Guide\n\nIntro text.\n\n## Travel\n\nWe pay for the bus.\n\n## Breaks\n\nThere is a break.\n"


def git(project: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=project, check=True, capture_output=True)


def test_unstamped_then_stamped_then_stale_with_changed_sections(basic_site: Path) -> None:
    content = basic_site / "content" / "partner"
    (content / "guide.md").write_text(STANDARD)
    config = str(basic_site / "mkdocs.yml")

    code, output = guides_in_process("check", "-f", config, "--today", "2026-11-22")
    assert "content/partner/guide.easy.md:1: warning easy-read-stamp" in output
    assert "guides stamp content/partner/guide.easy.md" in output

    git(basic_site, "init", "-q")
    git(basic_site, "add", "-A")
    git(basic_site, "commit", "-qm", "first")
    code, output = guides_in_process("stamp", str(content / "guide.easy.md"))
    assert code == 0 and "stamped source_version" in output
    text = (content / "guide.easy.md").read_text()
    assert text.startswith("---\ntitle: Joining a panel, easy read\nroles: [partner]\ntype: guide\nsource_version: ")
    _, output = guides_in_process("check", "-f", config, "--today", "2026-11-22")
    assert "easy-read" not in output

    (content / "guide.md").write_text(STANDARD.replace("We pay for the bus.", "We pay for the bus or a taxi."))
    _, output = guides_in_process("check", "-f", config, "--today", "2026-11-22")
    assert "content/partner/guide.easy.md:5: warning easy-read-stale: partner/guide.md changed since this easy-read page was stamped; changed: “Travel”" in output


def test_stamp_refuses_pages_that_are_not_easy_read(basic_site: Path) -> None:
    code, output = guides_in_process("stamp", str(basic_site / "content" / "shared.md"))
    assert code == 2 and "only easy-read pages" in output
