"""Incremental role builds: what is rendered again, and proof that the result is the
same, byte for byte, as a full build of the same content."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_tools import incremental
from build_tools.incremental import Manifest, Plan
from build_tools.site import _restore_search_entries
from support import copy_fixture, run_guides

TODAY = "2026-11-22"


# --- the plan: pure -----------------------------------------------------------------

@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (None, Manifest("s", {"a.md": "1"}), Plan("full")),
        (Manifest("s", {"a.md": "1"}), Manifest("s", {"a.md": "1"}), Plan("skip")),
        (Manifest("s", {"a.md": "1", "b.md": "2"}), Manifest("s", {"a.md": "1", "b.md": "3"}), Plan("pages", ("b.md",))),
        (Manifest("s", {"a.md": "1"}), Manifest("t", {"a.md": "1"}), Plan("full")),  # config, nav, theme or tool
        (Manifest("s", {"a.md": "1"}), Manifest("s", {"a.md": "1", "b.md": "2"}), Plan("full")),  # a page added
        (Manifest("s", {"a.md": "1", "b.md": "2"}), Manifest("s", {"a.md": "1"}), Plan("full")),  # a page removed
    ],
)
def test_plan(old: Manifest | None, new: Manifest, expected: Plan) -> None:
    assert incremental.plan(old, new) == expected


@pytest.mark.parametrize("text", ["", "not json", "[]", '{"format": 99, "shared": "s", "files": {}}',
                                  '{"format": 1, "shared": 3, "files": {}}', '{"format": 1, "shared": "s", "files": {"a": 1}}'])
def test_a_damaged_or_foreign_manifest_means_a_full_build(text: str) -> None:
    assert Manifest.from_json(text) is None


def test_manifest_round_trip() -> None:
    manifest = Manifest("s", {"a.md": "1", "img/x.png": "2"})
    assert Manifest.from_json(manifest.to_json()) == manifest


def test_search_entries_of_other_pages_are_kept_in_order(tmp_path: Path) -> None:
    old = {"config": {"lang": ["en"]}, "docs": [
        {"location": "", "title": "Home", "text": "old home"},
        {"location": "a/", "title": "A", "text": "old a"},
        {"location": "a/#part", "title": "Part", "text": "old part"},
        {"location": "b/", "title": "B", "text": "b"},
    ]}
    new = {"config": {"lang": ["en"]}, "docs": [{"location": "a/", "title": "A", "text": "new a"}]}
    path = tmp_path / "search_index.json"
    path.write_text(json.dumps(new))
    assert _restore_search_entries(path, json.dumps(old).encode(), {"a/"})
    docs = json.loads(path.read_text())["docs"]
    assert [d["text"] for d in docs] == ["old home", "new a", "b"]


def test_a_page_new_to_the_search_index_asks_for_a_full_build(tmp_path: Path) -> None:
    path = tmp_path / "search_index.json"
    path.write_text(json.dumps({"config": {}, "docs": [{"location": "c/", "title": "C", "text": "c"}]}))
    assert not _restore_search_entries(path, json.dumps({"config": {}, "docs": []}).encode(), {"c/"})


# --- end to end: incremental output == full build output ---------------------------

PAGES = ["shared.md", "partner/guide.md", "partner/guide.easy.md", "staff/index.md", "index.md"]
EDITS = st.lists(
    st.tuples(
        st.sampled_from(PAGES),
        st.sampled_from([
            "\nOne more sentence about the panel.\n",
            "\n## A new part\n\nWords in a new part.\n",
            "\n/// role | staff\nA staff note added later.\n///\n",
            "\n- a list item\n- another item\n",
            "\nSee the [glossary](GLOSSARY).\n",
        ]),
    ),
    min_size=1,
    max_size=3,
)


def _build(project: Path) -> str:
    result = run_guides("build", "-f", str(project / "mkdocs.yml"), "-d", str(project / "site"), "--today", TODAY)
    assert result.returncode == 0, result.stderr
    return result.stderr


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _apply(project: Path, edits: list[tuple[str, str]]) -> None:
    for page, addition in edits:
        path = project / "content" / page
        depth = page.count("/")
        addition = addition.replace("GLOSSARY", "../" * depth + "glossary.md")
        path.write_text(path.read_text() + addition)


@pytest.fixture(scope="module")
def built_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_fixture("basic", tmp_path_factory.mktemp("incremental") / "base")
    _build(project)
    return project


@pytest.mark.slow
@settings(max_examples=3, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=EDITS)
def test_an_incremental_build_equals_a_full_build(built_once: Path, tmp_path_factory: pytest.TempPathFactory, edits: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1780000000")  # sitemap dates and gzip stamps
    work = tmp_path_factory.mktemp("edit")
    incremental_project = work / "incremental"
    shutil.copytree(built_once, incremental_project, symlinks=True)
    _apply(incremental_project, edits)
    published = _tree(incremental_project / "site")
    output = _build(incremental_project)
    assert "rendered again" in output or "reused" in output, output

    full_project = work / "full"
    shutil.copytree(incremental_project, full_project, symlinks=True,
                    ignore=shutil.ignore_patterns(".guides-cache", "site"))
    _build(full_project)
    assert _tree(incremental_project / "site") == _tree(full_project / "site")
    # The site published before stayed as it was while the new one was made (no shared
    # file was written through a hard link); the old tree is gone, not changed.
    assert published != _tree(incremental_project / "site")


@pytest.mark.slow
def test_a_body_edit_renders_only_that_page_and_a_failed_build_falls_back_to_full(tmp_path: Path) -> None:
    project = copy_fixture("basic", tmp_path / "p")
    _build(project)
    shared = project / "content" / "shared.md"
    shared.write_text(shared.read_text() + "\nA sentence added after the first build.\n")
    output = _build(project)
    assert "partner (1 changed file rendered again)" in output and "staff (1 changed file rendered again)" in output
    assert b"A sentence added after the first build." in (project / "site" / "staff" / "shared" / "index.html").read_bytes()
    # A lost manifest (e.g. a build killed while rendering) means the next build is a full one.
    (project / ".guides-cache" / "sites" / "staff.manifest.json").unlink()
    shared.write_text(shared.read_text() + "\nAnd one more.\n")
    output = _build(project)
    assert "built partner (1 changed file rendered again), staff;" in output


@pytest.mark.slow
def test_published_files_are_never_written_in_place(tmp_path: Path) -> None:
    """Files of the published site are shared with the cache by hard links: an incremental
    build must write new files, even after a preview touched every staged page."""
    import os

    project = copy_fixture("basic", tmp_path / "p")
    _build(project)
    for staged in (project / ".guides-cache" / "stage").rglob("*.md"):
        os.utime(staged)  # what `guides serve` does when the navigation changes
    held = tmp_path / "held"
    held.mkdir()
    before = {}
    for number, path in enumerate(p for p in (project / "site").rglob("*") if p.is_file()):
        os.link(path, held / str(number))
        before[number] = path.read_bytes()
    shared = project / "content" / "shared.md"
    shared.write_text(shared.read_text() + "\nOne more sentence after the preview.\n")
    assert "rendered again" in _build(project)
    assert {int(p.name): p.read_bytes() for p in held.iterdir()} == before
