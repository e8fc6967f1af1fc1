"""End to end: build the fixture site and prove no role's folder holds another role's text,
in any file, compressed or not; under each engine (MkDocs, and ProperDocs, its continuation)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from support import run_guides

STAFF_MARKERS = ["staffonlymarker-7f3a", "staffpagemarker-91d2", "nestedstaffmarker-c0de"]
PARTNER_MARKERS = ["partneronlymarker-2b9c"]


def every_text(folder: Path):
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if path.suffix == ".gz":
                data = gzip.decompress(data)
            yield path, data


ENGINES = ["mkdocs", "properdocs"]


@pytest.fixture(scope="module", params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, engine: str) -> tuple[Path, str]:
    from support import copy_fixture

    project = copy_fixture("basic", tmp_path_factory.mktemp(f"iso-{engine}") / "project")
    result = run_guides("build", "-f", str(project / "mkdocs.yml"), "-d", str(project / "site"), "--today", "2026-11-22", "--engine", engine)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site", result.stdout + result.stderr


@pytest.mark.slow
def test_each_role_gets_a_site_and_the_landing_page_names_them(built: tuple[Path, str]) -> None:
    site, _ = built
    assert (site / "partner" / "index.html").is_file()
    assert (site / "staff" / "index.html").is_file()
    landing = (site / "index.html").read_text()
    assert 'href="partner/"' in landing and 'href="staff/"' in landing


@pytest.mark.slow
@pytest.mark.parametrize(("role", "markers"), [("partner", STAFF_MARKERS), ("staff", PARTNER_MARKERS)])
def test_no_file_of_a_role_holds_another_roles_text(built: tuple[Path, str], role: str, markers: list[str]) -> None:
    site, _ = built
    checked = 0
    for path, data in every_text(site / role):
        checked += 1
        for marker in markers:
            assert marker.encode() not in data, f"{marker} leaked into {path}"
    assert checked > 10
    names = {p.relative_to(site / role).as_posix() for p in (site / role).rglob("*")}
    assert {"search/search_index.json", "sitemap.xml", "sitemap.xml.gz", "404.html"} <= names


@pytest.mark.slow
def test_the_role_that_may_read_a_block_gets_it(built: tuple[Path, str]) -> None:
    site, _ = built
    staff = (site / "staff" / "shared" / "index.html").read_text()
    assert "staffonlymarker-7f3a" in staff and "nestedstaffmarker-c0de" in staff
    assert "For Staff" in staff  # the block is labelled for its readers
    partner = (site / "partner" / "shared" / "index.html").read_text()
    assert "partneronlymarker-2b9c" in partner


@pytest.mark.slow
def test_badges_notices_and_easy_read_switch(built: tuple[Path, str]) -> None:
    site, output = built
    shared = (site / "partner" / "shared" / "index.html").read_text()
    assert "guides-badge--green" in shared and "Green level" in shared
    assert "Blue level" in shared  # the level block's badge
    # the page's badge is a link to the page that explains the levels, and that page exists
    assert '<a class="guides-badge guides-badge--green" href="../involvement-levels/">Green level</a>' in shared
    assert (site / "partner" / "shared" / "../involvement-levels/index.html").resolve().is_file()
    guide = (site / "partner" / "partner" / "guide" / "index.html").read_text()
    assert "This page is due for review" in guide
    assert 'href="../guide.easy/"' in guide and "Easy read version" in guide
    easy = (site / "partner" / "partner" / "guide.easy" / "index.html").read_text()
    assert 'href="../guide/"' in easy and "Standard version" in easy
    assert "partner/guide.md:5: warning review-due" in output
    levels = (site / "partner" / "involvement-levels" / "index.html").read_text()
    assert "Shared page" in levels


@pytest.mark.slow
def test_nothing_is_fetched_from_outside(built: tuple[Path, str]) -> None:
    site, _ = built
    for path, data in every_text(site):
        if path.suffix in (".html", ".css"):
            text = data.decode("utf-8", "replace")
            assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, path
            assert "cdn.jsdelivr" not in text and "unpkg.com" not in text, path


@pytest.mark.slow
def test_a_second_build_with_no_change_skips_every_role(built: tuple[Path, str], engine: str) -> None:
    site, _ = built
    project = site.parent
    again = run_guides("build", "-f", str(project / "mkdocs.yml"), "-d", str(site), "--today", "2026-11-22", "--engine", engine)
    assert again.returncode == 0, again.stderr
    assert "built none (unchanged, reused: partner, staff)" in again.stderr
    assert "sheets rendered 0" in again.stderr
    assert (site / "staff" / "index.html").is_file()


@pytest.mark.slow
def test_editing_one_staff_sheet_rebuilds_only_the_staff_site_and_that_sheet(built: tuple[Path, str], engine: str) -> None:
    site, _ = built
    project = site.parent
    page = project / "content" / "staff" / "checklist.md"
    page.write_text(page.read_text() + "- [ ] Print the name badges\n")
    again = run_guides("build", "-f", str(project / "mkdocs.yml"), "-d", str(site), "--today", "2026-11-22", "--engine", engine)
    assert again.returncode == 0, again.stderr
    # The page and its PDF changed, nothing else: only those two files are rendered again.
    assert "built staff (2 changed files rendered again) (unchanged, reused: partner)" in again.stderr
    assert "sheets rendered 1, reused 0" in again.stderr
    assert b"Print the name badges" in (site / "staff" / "staff" / "checklist" / "index.html").read_bytes()
