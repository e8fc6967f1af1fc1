"""One case per kind of bad input: the error names the file and line, the build exits 1,
prints no traceback, and leaves the previously published site exactly as it was."""

from __future__ import annotations

import os
from collections.abc import Callable
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
    # Silent widening: each of these used to publish the page to every role.
    ("roles-with-no-value", "bad.md", "---\ntitle: X\nroles:\n---\nText\n", 3, "`roles` has no value"),
    ("roles-only-commented", "bad.md", "---\ntitle: X\nroles:\n  # - staff\n---\nText\n", 3, "`roles` has no value"),
    ("roles-null", "bad.md", "---\ntitle: X\nroles: ~\n---\nText\n", 3, "`roles` has no value"),
    ("duplicate-roles", "bad.md", "---\nroles: [staff]\ntitle: X\nroles: [partner, staff]\n---\nText\n", 4, "key `roles` is given twice (first at line 2)"),
    ("duplicate-nested-key", "bad.md", "---\ntitle: X\nsearch:\n  boost: 2\n  boost: 0\n---\nText\n", 5, "key `boost` is given twice"),
    ("page-widens-its-folder", "staff/wide.md", "---\ntitle: X\nroles: [partner, staff]\n---\nText\n", 3, "roles partner go beyond those of its folder (set in `content/staff/index.md`): staff"),
    ("folder-index-widens-its-folder", "staff/sub/index.md", "---\ntitle: X\nroles: [partner]\n---\nText\n", 3, "roles partner go beyond those of its folder (set in `content/staff/index.md`)"),
    ("easy-read-widens-its-folder-and-page", "staff/checklist.easy.md", "---\ntitle: X\nroles: [partner, staff]\n---\nText\n", 3, "roles partner go beyond those of its folder (set in `content/staff/index.md`)"),
    # Invisible characters: written into the HTML and the search index as they are.
    ("nul-byte", "bad.md", FM + "Text\x00here\n", 5, "NUL byte (U+0000) at column 5"),
    ("escape-sequence", "bad.md", FM + "Plain\n\x1b[31mred\n", 6, "escape character"),
    ("c1-control", "bad.md", FM + "Next\u0085line\n", 5, "U+0085"),
    ("line-separator", "bad.md", FM + "One\u2028two\n", 5, "line separator"),
    ("control-in-front-matter", "bad.md", "---\ntitle: A\x07B\n---\nText\n", 2, "U+0007"),
    # Links and pictures.
    ("raw-html-picture-missing", "bad.md", FM + '<p><img alt="A map" src="maps/missing.png"></p>\n', 5, "link to `maps/missing.png`, which does not exist"),
    ("srcset-picture-missing", "bad.md", FM + '<picture><source srcset="a.webp 1x, missing.webp 2x">\n<img src="a.png" alt=""></picture>\n', 5, "`missing.webp`"),
    ("angle-link-missing", "bad.md", FM + "See [the plan](<our plan.md> \"Plan\").\n", 5, "link to `our plan.md`, which does not exist"),
    ("image-inside-link", "bad.md", FM + "[![Map](missing.png)](shared.md)\n", 5, "link to `missing.png`"),
]


@pytest.mark.parametrize(("name", "content", "line", "words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_input_is_reported_at_its_line_and_publishes_nothing(basic_site: Path, name: str, content, line: int, words: str) -> None:
    page = basic_site / "content" / name
    page.parent.mkdir(parents=True, exist_ok=True)
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


def _write(content: Path, rel: str, text: str) -> None:
    (content / rel).parent.mkdir(parents=True, exist_ok=True)
    (content / rel).write_text(text)


def _deny(monkeypatch: pytest.MonkeyPatch, name: str, real: Callable, path: Path) -> None:
    """Fault injection: the tests run as root, which can read any file whatever its mode."""

    def denied(target, *args, **kwargs):
        if Path(target) == path:
            raise PermissionError(13, "Permission denied", str(target))
        return real(target, *args, **kwargs)

    monkeypatch.setattr(os, name, denied)


def _outside_folder(content: Path) -> None:
    outside = content.parent / "elsewhere"
    _write(outside, "secret.md", "---\ntitle: Outside\n---\nNot content.\n")
    (content / "elsewhere").symlink_to(outside, target_is_directory=True)


FILE_CASES: list[tuple[str, Callable[[Path, pytest.MonkeyPatch], None], str, str]] = [
    # (id, setup(content folder, monkeypatch), where the finding points, words in the message)
    ("symlink-to-process-environment", lambda c, m: (c / "env.md").symlink_to("/proc/self/environ"),
     "content/env.md: error", "`env.md` is a symbolic link to `/proc/self/environ`, outside the content folder"),
    ("symlink-to-system-file-as-asset", lambda c, m: (c / "partner" / "passwd.txt").symlink_to("/etc/passwd"),
     "content/partner/passwd.txt: error", "symbolic link to `/etc/passwd`, outside"),
    ("symlink-up-and-out", lambda c, m: (c / "up.md").symlink_to("../mkdocs.yml"),
     "content/up.md: error", "symbolic link to `../mkdocs.yml`, outside the content folder"),
    ("symlinked-folder-outside", lambda c, m: _outside_folder(c),
     "content/elsewhere: error", "outside the content folder"),
    ("dangling-symlink", lambda c, m: (c / "gone.md").symlink_to("nowhere.md"),
     "content/gone.md: error", "`nowhere.md`, which does not exist"),
    ("symlinked-folder-loop", lambda c, m: (c / "partner" / "again").symlink_to("..", target_is_directory=True),
     "content/partner/again: error", "loops back"),
    ("named-pipe", lambda c, m: os.mkfifo(c / "pipe.md"),
     "content/pipe.md: error", "not a regular file"),
    ("unreadable-page", lambda c, m: _deny(m, "open", os.open, c.resolve() / "shared.md"),
     "content/shared.md: error", "cannot read the file `shared.md`: permission denied"),
    ("unreadable-picture", lambda c, m: ((c / "pic.png").write_bytes(b"PNG"), _deny(m, "open", os.open, c.resolve() / "pic.png")),
     "content/pic.png: error", "cannot read the file `pic.png`: permission denied"),
    ("unreadable-folder", lambda c, m: _deny(m, "scandir", os.scandir, c.resolve() / "staff"),
     "content/staff: error", "cannot read the folder `staff`: permission denied"),
    ("file-name-not-utf8", lambda c, m: (c / os.fsdecode(b"caf\xe9.md")).write_text(FM + "Text\n"),
     "content/caf\\xe9.md: error", "is not UTF-8 text"),
    ("folder-name-with-line-break", lambda c, m: _write(c, "two\nlines/page.md", FM + "Text\n"),
     "content/two\\nlines: error", "holds a line break"),
    ("easy-read-widens-its-standard-page", lambda c, m: (
        _write(c, "solo.md", "---\ntitle: Solo\nroles: [staff]\n---\nText\n"),
        _write(c, "solo.easy.md", "---\ntitle: Solo, easy\nroles: [partner, staff]\n---\nText\n")),
     "content/solo.easy.md:3: error", "roles partner go beyond those of its standard page `content/solo.md`: staff"),
    ("link-to-page-that-inherits-a-role", lambda c, m: (
        _write(c, "staff/inherits.md", "---\ntitle: Staff only by folder\n---\nText\n"),
        _write(c, "bad.md", FM + "See [the inherited page](staff/inherits.md).\n")),
     "content/bad.md:5: error", "link to `staff/inherits.md`, which the partner site does not have"),
    ("easy-read-inherits-then-linked", lambda c, m: (
        _write(c, "staff/checklist.easy.md", "---\ntitle: Easy checklist\n---\nText\n"),
        _write(c, "bad.md", FM + "Read the [easy checklist](staff/checklist.easy.md).\n")),
     "content/bad.md:5: error", "which the partner site does not have"),
]


@pytest.mark.parametrize(("setup", "where", "words"), [c[1:] for c in FILE_CASES], ids=[c[0] for c in FILE_CASES])
def test_bad_files_are_reported_by_name_and_publish_nothing(
    basic_site: Path, monkeypatch: pytest.MonkeyPatch, setup: Callable, where: str, words: str
) -> None:
    monkeypatch.setenv("GUIDES_TEST_SECRET", "environmarker-5f1e")
    site = basic_site / "site"
    site.mkdir()
    (site / "index.html").write_text("previous build")
    setup(basic_site / "content", monkeypatch)

    code, output = guides_in_process("build", "-f", str(basic_site / "mkdocs.yml"), "-d", str(site))

    assert code == 1, output
    assert where in output and words in output, output
    assert "environmarker" not in output and "root:x:0" not in output  # nothing was read from the target
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
    assert code == 4, output  # an engine failed: not reported as the content's errors (exit 1)
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


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ("  - abbr\n", "  - abbr\n  - pymdownx.snippets:\n      base_path: [content]\n", "markdown_extensions: `pymdownx.snippets` is not allowed"),
        ("guides:\n", "plugins:\n  - search:\n      lang: en\n      sepratr: x\nguides:\n", "unknown option `sepratr` (did you mean `separator`?)"),
    ],
)
def test_configuration_that_could_leak_or_is_misspelt_stops_with_exit_2(basic_site: Path, old: str, new: str, words: str) -> None:
    config = basic_site / "mkdocs.yml"
    config.write_text(config.read_text().replace(old, new, 1))
    (basic_site / "content" / "shared.md").write_text(FM + '--8<-- "staff/checklist.md"\n')
    site = basic_site / "site"
    site.mkdir()
    (site / "index.html").write_text("previous build")
    result = run_guides("build", "-f", str(config), "-d", str(site))
    assert result.returncode == 2, result.stdout + result.stderr
    assert words in result.stderr and "Traceback" not in result.stdout + result.stderr
    assert [p.name for p in site.iterdir()] == ["index.html"] and (site / "index.html").read_text() == "previous build"
