"""One case per kind of bad input: the error names the file and line, the build exits 1,
prints no traceback, and leaves the previously published site exactly as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import guides_in_process, run_guides

FM = "---\ntitle: Bad page\n---\n\n"

CASES = [
    # (id, file, content, line, words in the message)
    ("bad-yaml", "bad.md", "---\ntitle: [unclosed\nroles: [staff]\n---\nText\n", 3, "not valid YAML"),
    ("unknown-key", "bad.md", "---\ntitle: X\nrole: staff\n---\nText\n", 3, "unknown front matter key `role` (did you mean `roles`?)"),
    ("unknown-role", "bad.md", "---\ntitle: X\nroles: [staf]\n---\nText\n", 3, "unknown role `staf`"),
    ("empty-roles", "bad.md", "---\ntitle: X\nroles: []\n---\nText\n", 3, "`roles` is empty"),
    ("unknown-level", "bad.md", "---\ntitle: X\n\nlevel: purple\n---\nText\n", 4, "unknown level `purple`"),
    ("bad-date", "bad.md", "---\ntitle: X\nreview_due: 2027-13-01\n---\nText\n", 3, "review_due"),
    ("date-not-iso", "bad.md", "---\ntitle: X\nvalid_from: 1 March 2027\n---\nText\n", 3, "YYYY-MM-DD"),
    ("not-utf8", "bad.md", b"---\ntitle: X\n---\n\ncaf\xe9 au lait\n", 5, "not UTF-8"),
    ("unclosed-block", "bad.md", FM + "/// role | staff\nStaff text\n", 5, "block `role` is never closed"),
    ("stray-closer", "bad.md", FM + "Text\n\n///\n", 7, "closes no open block"),
    ("nesting-needs-more-slashes", "bad.md", FM + "/// level | blue\n/// role | staff\nx\n///\n///\n", 6, "needs more slashes"),
    ("unknown-role-in-block", "bad.md", FM + "Intro\n\n/// role | boss\nx\n///\n", 7, "unknown role `boss` in role block"),
    ("unknown-level-in-block", "bad.md", FM + "/// level | red\nx\n///\n", 5, "unknown level `red`"),
    ("roles-not-a-list", "bad.md", "---\ntitle: X\nroles: staff\n---\nText\n", 3, "roles"),
    ("link-to-hidden-page", "bad.md", FM + "See the [checklist](staff/checklist.md).\n", 5, "which the partner site does not have"),
    ("broken-link", "bad.md", FM + "See [this](nowhere.md).\n", 5, "does not exist"),
    ("unknown-variable", "bad.md", FM + "Call {{ contact.phone }} today.\n", 5, "unknown variable `contact.phone`"),
    ("picture-without-alt", "bad.md", FM + "/// picture | material-account-group\n\nText\n///\n", 5, "picture has no alt text"),
    ("unknown-icon", "bad.md", FM + "/// picture | material-no-such-icon\n    alt: x\n\nText\n///\n", 5, "unknown icon"),
    ("unknown-type", "bad.md", "---\ntitle: X\ntype: leaflet\n---\nText\n", 3, "type"),
    ("unknown-block", "bad.md", FM + "/// rolee | staff\nx\n///\n", 5, "unknown block `rolee`"),
    ("front-matter-never-ends", "bad.md", "---\ntitle: X\n\nText\n", 1, "never ends"),
]


@pytest.mark.parametrize(("name", "content", "line", "words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_input_is_reported_at_its_line_and_publishes_nothing(basic_site: Path, name: str, content, line: int, words: str) -> None:
    page = basic_site / "content" / name
    page.write_bytes(content if isinstance(content, bytes) else content.encode())
    site = basic_site / "site"
    site.mkdir()
    (site / "index.html").write_text("previous build")

    code, output = guides_in_process("build", "-f", str(basic_site / "mkdocs.yml"), "-d", str(site))

    assert code == 1, output
    assert f"content/{name}:{line}: error" in output, output
    assert words in output, output
    assert sorted(p.name for p in site.iterdir()) == ["index.html"]
    assert (site / "index.html").read_text() == "previous build"


def test_the_command_prints_no_traceback_for_bad_content(basic_site: Path) -> None:
    (basic_site / "content" / "bad.md").write_bytes(b"---\ntitle: [\n---\ncaf\xe9\n")
    result = run_guides("build", "-f", str(basic_site / "mkdocs.yml"), "-d", str(basic_site / "site"))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "content/bad.md:" in result.stdout
    assert "nothing was published" in result.stderr
    assert not (basic_site / "site").exists()


def test_every_problem_is_reported_in_one_run(basic_site: Path) -> None:
    (basic_site / "content" / "a.md").write_text("---\nrole: staff\n---\n")
    (basic_site / "content" / "b.md").write_text(FM + "/// level | red\nx\n///\n")
    code, output = guides_in_process("check", "-f", str(basic_site / "mkdocs.yml"))
    assert code == 1
    assert "content/a.md:2: error" in output and "content/b.md:5: error" in output


def test_check_exit_codes(basic_site: Path, tmp_path: Path) -> None:
    assert guides_in_process("check", "-f", str(basic_site / "mkdocs.yml"))[0] == 0
    code, output = guides_in_process("check", "-f", str(tmp_path / "nope.yml"))
    assert code == 2 and "not found" in output
    assert guides_in_process("check", "--format", "xml", "-f", str(basic_site / "mkdocs.yml"))[0] == 2


def test_a_missing_markdown_extension_is_a_usage_error(basic_site: Path) -> None:
    config = basic_site / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - abbr\n", "  - abbr\n  - no_such_markdown_extension\n"))
    code, output = guides_in_process("check", "-f", str(config))
    assert code == 2 and "markdown_extensions: not installed: no_such_markdown_extension" in output


def test_a_failure_inside_mkdocs_also_leaves_the_site_untouched(basic_site: Path) -> None:
    config = basic_site / "mkdocs.yml"
    # Valid for us, refused by MkDocs' own config validation.
    config.write_text(config.read_text().replace("docs_dir: content\n", "docs_dir: content\nuse_directory_urls: sometimes\n"))
    site = basic_site / "site"
    site.mkdir()
    (site / "index.html").write_text("previous build")
    code, output = guides_in_process("build", "-f", str(config), "-d", str(site))
    assert code == 1, output
    assert "MkDocs could not build the partner site" in output and "use_directory_urls" in output
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text() == "previous build"
    assert not list(basic_site.glob(".site.new-*"))


def test_json_output_lists_problems_in_files_that_are_not_pages(basic_site: Path) -> None:
    import json

    (basic_site / "content" / "bad.md").write_text("---\ntitle: [\n---\n")
    code, output = guides_in_process("check", "--format", "json", "-f", str(basic_site / "mkdocs.yml"))
    data = json.loads(output[: output.rindex("}") + 1])
    assert code == 1
    assert data["summary"]["errors"] == 1
    assert {"path": "content/bad.md", "line": 3, "severity": "error"}.items() <= data["findings"][0].items()
