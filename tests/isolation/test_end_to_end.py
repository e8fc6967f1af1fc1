"""One real `guides build` of pages written to leak, grepping every file each role gets
(pages, search index, sitemaps and their `.gz`, 404 page, PDFs' bytes); and one refused
page through the real `guides check`, which names the line and exits 1."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from support import copy_fixture, guides_in_process, run_guides

STAFF = ["staffaftercode-5e1", "staffcomment-77a", "stafflistexplained-0b3", "staffheading-9c2"]
SHARED = ["sharedaftercode-d41"]

LEAKS = """---
title: Leaky page
type: guide
---

```
a fence that is never closed

/// role | staff
staffaftercode-5e1
///

sharedaftercode-d41 <!-- staffcomment-77a -->

/// role | staff
## staffheading-9c2
///
"""
GLOSSARY_ADDITION = """
/// role | staff
Shortlist
:   stafflistexplained-0b3
///
"""
EASY = """---
title: Shortlist, easy read
type: guide
---

We look at the shortlist together.
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_fixture("basic", tmp_path_factory.mktemp("e2e") / "project")
    content = project / "content"
    (content / "leaky.md").write_text(LEAKS)
    (content / "shortlist.easy.md").write_text(EASY)
    (content / "shortlist.md").write_text(EASY.replace(", easy read", "").replace("We look", "Everyone looks"))
    (content / "glossary.md").write_text((content / "glossary.md").read_text() + GLOSSARY_ADDITION)
    result = run_guides("build", "-f", str(project / "mkdocs.yml"), "-d", str(project / "site"), "--today", "2026-11-22")
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


@pytest.mark.slow
def test_no_partner_file_holds_staff_text(site: Path) -> None:
    files = [p for p in (site / "partner").rglob("*") if p.is_file()]
    assert len(files) > 10
    for path in files:
        data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
        for marker in STAFF:
            assert marker.encode() not in data, f"{marker} leaked into {path}"
    page = (site / "partner" / "leaky" / "index.html").read_text()
    assert all(marker in page for marker in SHARED)


@pytest.mark.slow
def test_staff_get_their_text_but_no_comments(site: Path) -> None:
    text = "".join(p.read_text(errors="replace") for p in (site / "staff").rglob("*.html"))
    assert "staffaftercode-5e1" in text and "stafflistexplained-0b3" in text
    assert "staffcomment-77a" not in text


def test_a_block_inside_a_list_is_refused_with_its_line(basic_site: Path) -> None:
    (basic_site / "content" / "listed.md").write_text("---\ntitle: Listed\n---\n\n- Step one\n\n    /// role | staff\n    Secret\n    ///\n")
    code, out = guides_in_process("check", "-f", str(basic_site / "mkdocs.yml"), "--today", "2026-11-22")
    assert code == 1
    assert "content/listed.md:7: error block: block `role` is indented or inside a list" in out, out
    assert "Traceback" not in out
