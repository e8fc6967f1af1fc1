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


def _stamped(basic_site: Path) -> tuple[Path, str]:
    """A committed standard page with its easy-read page stamped against it."""
    content = basic_site / "content" / "partner"
    (content / "guide.md").write_text(STANDARD)
    git(basic_site, "init", "-q")
    git(basic_site, "add", "-A")
    git(basic_site, "commit", "-qm", "first")
    guides_in_process("stamp", str(content / "guide.easy.md"))
    return content, str(basic_site / "mkdocs.yml")


def test_front_matter_readers_never_see_does_not_make_the_easy_read_page_stale(basic_site: Path) -> None:
    content, config = _stamped(basic_site)
    (content / "guide.md").write_text(STANDARD.replace("roles: [partner]\n", "roles: [partner]\norder: 3\nreview_due: 2030-01-01\n"))
    _, output = guides_in_process("check", "-f", config, "--today", "2026-11-22")
    assert "easy-read-stale" not in output and "introduction" not in output


def test_a_new_title_or_summary_is_named_as_such(basic_site: Path) -> None:
    content, config = _stamped(basic_site)
    (content / "guide.md").write_text(STANDARD.replace("title: Guide\n", "title: Our guide\nsummary: What to expect.\n"))
    _, output = guides_in_process("check", "-f", config, "--today", "2026-11-22")
    assert "changed since this easy-read page was stamped; changed: the title, the summary (check it" in output
    assert "introduction" not in output


def test_without_the_stamped_text_in_git_any_change_is_stale(basic_site: Path) -> None:
    content, config = _stamped(basic_site)
    easy = content / "guide.easy.md"
    easy.write_text(easy.read_text().replace("source_version: ", "source_version: 0000"))
    _, output = guides_in_process("check", "-f", config, "--today", "2026-11-22")
    assert "partner/guide.md changed since this easy-read page was stamped (check it" in output
