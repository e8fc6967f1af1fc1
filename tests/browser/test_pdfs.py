"""Every printable sheet in the built site is a tagged PDF with a title and a language."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest

pytestmark = pytest.mark.browser  # part of the accessibility suite; shares its one build


def test_every_pdf_is_tagged_titled_and_has_a_language(site_dir: Path) -> None:
    pdfs = sorted(site_dir.rglob("*.pdf"))
    assert pdfs, "the built site has no PDF sheets"
    problems = []
    for path in pdfs:
        name = path.relative_to(site_dir).as_posix()
        with pikepdf.open(path) as pdf:
            root = pdf.Root
            mark_info = root.get("/MarkInfo")
            if not (mark_info is not None and bool(mark_info.get("/Marked", False))):
                problems.append(f"{name}: not marked as tagged (/MarkInfo /Marked true)")
            if "/StructTreeRoot" not in root:
                problems.append(f"{name}: no structure tree (/StructTreeRoot)")
            if not str(root.get("/Lang", "")).strip():
                problems.append(f"{name}: no document language (/Lang)")
            with pdf.open_metadata() as xmp:
                xmp_title = (xmp.get("dc:title") or "").strip()
            if not str(pdf.docinfo.get("/Title", "")).strip() or not xmp_title:
                problems.append(f"{name}: no title (Info /Title and XMP dc:title)")
            prefs = root.get("/ViewerPreferences")
            if not (prefs is not None and bool(prefs.get("/DisplayDocTitle", False))):
                problems.append(f"{name}: viewers show the file name, not the title (/DisplayDocTitle)")
    assert not problems, "\n".join(problems)
