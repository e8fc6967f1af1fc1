"""Rendered PDFs, read back with poppler and pikepdf: layout, accessibility, isolation,
the cache and engine errors. The sheets are rendered once for the whole module."""

from __future__ import annotations

import io
import os
import re
from dataclasses import dataclass, replace
from pathlib import Path

import pikepdf
import pytest
from PIL import Image
from sheet_support import Project, make_project, need_poppler, page, pdf_info, pdf_pages, pdf_text, words

from build_tools.errors import EngineError
from build_tools.sheets import SheetRequest, render_sheets

LONG_STEPS = 24


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 20), (11, 42, 74)).save(out, "PNG")
    return out.getvalue()


def _long_steps() -> str:
    steps = []
    for n in range(1, LONG_STEPS + 1):
        filler = " ".join(["Talk it through with the partner and write down what you agree."] * (1 + n % 4))
        steps.append(f"{n}. S{n:02d}-START {filler} S{n:02d}-END")
    return page("title: A long procedure\ntype: step-by-step\nnote_space: true", "Follow every step.\n\n" + "\n".join(steps))


PAGES: dict[str, str | bytes] = {
    "steps.md": page("""
        title: Quick steps
        type: step-by-step
        level: green
        version: "2.1"
        review_due: 2027-06-30
    """, """
        Before you start, read the guide.

        1. Book the room for the interview panel.
        2. Invite the partner and send the papers.

        ## On the day

        3. Meet the partner at the door.

        /// role | staff
        STAFF-ONLY-MARKER: claim the room from the budget.
        ///
    """),
    "long-steps.md": _long_steps(),
    "checklist.md": page("title: Manager's checklist\ntype: checklist\nroles: [staff]", """
        | Check | Tick |
        | --- | --- |
        | Is the venue accessible? | |
        | Are breaks planned? | |

        - [ ] Send the papers
        - [ ] Book a taxi
    """),
    "form.md": page("title: Sign-off form\ntype: form", """
        ![Our logo](logo.png)

        I confirm that ____ has read the guide.

        Job title: ____

        /// signatures
        - Staff member signature
        - Date
        ///
    """),
    "logo.png": _png(),
    "assess.md": page("title: How are we doing?\ntype: self-assessment\nroles: [staff]\nratings: [\"No\", \"Partly\", \"Yes\"]", """
        ## Where we are

        - [ ] We have a budget for partners.
        - [ ] Partners get training.
    """),
    "p/pack.md": page("title: Your panel pack\ntype: pack\nroles: [partner]\npack: [one.easy.md, two.easy.md]", """
        /// picture | material-account-group
            alt: A group of people

        This pack is for you.
        Read it before the day.
        ///
    """),
    "p/one.easy.md": page("title: Your day\ntype: checklist", """
        /// picture | material-calendar
            alt: A calendar

        - [ ] The interview panel meets at 10.
        ///

        A candidate is someone who wants the job.
    """),
    "p/two.easy.md": page("title: Sign here (easy read)\ntype: form", """
        You meet each candidate with the interview panel.

        /// signatures
        - Your signature
        ///
    """),
    "not-printed.md": page("title: Just a guide", "Text."),
}


@dataclass
class Rendered:
    project: Project
    requests: list[SheetRequest]
    cache: Path

    def pdf(self, role: str, page_path: str) -> Path:
        return next(r.output for r in self.requests if r.role_id == role and r.page_path == page_path)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    need_poppler()
    root = tmp_path_factory.mktemp("pdf")
    project = make_project(root, PAGES)
    requests = project.plan("partner") + project.plan("staff")
    cache = root / "cache"
    outcome = render_sheets(requests, cache, jobs=2)
    assert (outcome.rendered, outcome.reused) == (len(requests), 0)
    return Rendered(project, requests, cache)


def test_every_sheet_is_accessible_a4(rendered: Rendered) -> None:
    assert len(rendered.requests) == 13
    for request in rendered.requests:
        info = pdf_info(request.output)
        assert info["Page size"] == "595.276 x 841.89 pts (A4)", request.name
        assert info["Tagged"] == "yes", request.name
        assert info["Title"] == rendered.project.corpus.documents[request.page_path].title, request.name
        with pikepdf.open(request.output) as pdf:
            assert str(pdf.Root.Lang) == "en"
            assert pdf.Root.ViewerPreferences.DisplayDocTitle
            assert "/StructTreeRoot" in pdf.Root
            for font in _fonts(pdf):
                descriptor = font.get("/FontDescriptor") or font.DescendantFonts[0].FontDescriptor
                assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), f"{request.name}: {font.BaseFont} not embedded"


def test_step_by_step_text_order_header_and_footer(rendered: Rendered) -> None:
    pdf = rendered.pdf("partner", "steps.md")
    assert pdf_info(pdf)["Pages"] == 1
    text = words(pdf_text(pdf, layout=False))
    assert "sheets.example.org/partner/steps/" in text.replace(" ", "")  # the short URL (it may wrap)
    order = ["Quick steps", "Step-by-step guide", "For: Involvement partners", "Green level",
             "Online at", "Before you start, read the guide.",
             "1 Book the room", "2 Invite the partner", "On the day", "3 Meet the partner",
             "Quick steps · Version 2.1 · Review by 30 June 2027", "Page 1 of 1"]
    positions = [text.find(phrase) for phrase in order]
    assert -1 not in positions, list(zip(order, positions))
    assert positions == sorted(positions), list(zip(order, positions))


def test_role_isolation_inside_pdfs(rendered: Rendered) -> None:
    assert "STAFF-ONLY-MARKER" in pdf_text(rendered.pdf("staff", "steps.md"))
    assert "STAFF-ONLY-MARKER" not in pdf_text(rendered.pdf("partner", "steps.md"))
    assert not [r for r in rendered.requests if r.role_id == "partner" and r.page_path in ("checklist.md", "assess.md")]


def test_a_step_is_never_split_across_pages(rendered: Rendered) -> None:
    pdf = rendered.pdf("staff", "long-steps.md")
    pages = [words(text) for text in pdf_pages(pdf)]
    assert len(pages) >= 4
    for n in range(1, LONG_STEPS + 1):
        start = [i for i, text in enumerate(pages) if f"S{n:02d}-START" in text]
        end = [i for i, text in enumerate(pages) if f"S{n:02d}-END" in text]
        assert len(start) == 1 and start == end, f"step {n} starts on page {start} and ends on {end}"
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text


def test_checklist_boxes_are_drawn_and_fillable(rendered: Rendered) -> None:
    fields = _fields(rendered.pdf("staff", "checklist.md"))
    assert fields == [
        ("/Btn", "Is the venue accessible?"), ("/Btn", "Are breaks planned?"),
        ("/Btn", "Send the papers"), ("/Btn", "Book a taxi"),
    ]


def test_form_has_lines_and_fields(rendered: Rendered) -> None:
    pdf = rendered.pdf("partner", "form.md")
    assert _fields(pdf) == [
        ("/Tx", "I confirm that … has read the guide."), ("/Tx", "Job title"),
        ("/Tx", "Staff member signature"), ("/Tx", "Date"),
    ]
    text = words(pdf_text(pdf))
    assert "I confirm that has read the guide." in text
    assert "Staff member signature" in text and "Date" in text


def test_self_assessment_rates_each_item(rendered: Rendered) -> None:
    pdf = rendered.pdf("staff", "assess.md")
    with pikepdf.open(pdf) as opened:
        groups = [(str(f.T), len(f.Kids), [str(k.AP.N.keys()) for k in f.Kids][:1])
                  for f in opened.Root.AcroForm.Fields if "/Kids" in f]
    assert [(name, kids) for name, kids, _ in groups] == [("rating-1", 3), ("rating-3", 3)]  # one group per item
    with pikepdf.open(pdf) as opened:
        fields = list(opened.Root.AcroForm.Fields)
        # Each group is one field (its buttons are not listed again), named after its statement;
        # each button announces its own option and has no field name of its own.
        assert len(fields) == 4 and all("/Parent" not in f for f in fields)
        group = fields[0]
        assert str(group.TU) == "We have a budget for partners."
        assert [str(k.TU) for k in group.Kids] == [f"{o}: We have a budget for partners." for o in ("No", "Partly", "Yes")]
        assert all("/T" not in k for k in group.Kids) and [str(o) for o in group.Opt] == ["No", "Partly", "Yes"]
    assert ("/Tx", "Notes: Partners get training.") in _fields(pdf)
    text = words(pdf_text(pdf, layout=False))
    assert re.search(r"Statement No Partly Yes We have a budget for partners\. Notes", text)


def test_pack_is_one_pdf_with_contents_parts_and_hard_words(rendered: Rendered) -> None:
    pdf = rendered.pdf("partner", "p/pack.md")
    pages = [words(text) for text in pdf_pages(pdf)]
    cover, contents = pages[0], pages[1]
    assert "Your panel pack" in cover and "Easy read pack" in cover and "For: Involvement partners" in cover
    assert "This pack is for you. Read it before the day." in cover
    listed = dict(re.findall(r"(Part \d: [\w ]+?|Hard words) ?\.+ page (\d+)", contents))
    assert list(listed) == ["Part 1: Your day", "Part 2: Sign here", "Hard words"], contents
    body = [text.removeprefix("Your panel pack ") for text in pages]  # the running head
    assert body[2].startswith("Part 1 Your day") and body[3].startswith("Part 2 Sign here")
    for title, number in listed.items():
        assert body[int(number) - 1].startswith(title.replace(":", "")), (title, number)
    whole = " ".join(pages)
    assert whole.count("Hard words") == 2  # listed in the contents, and the one list at the end
    assert body[-1].startswith("Hard words Candidate A person who wants the job. Interview panel")
    [(tick, label), signature] = _fields(pdf)
    assert tick == "/Btn" and label.lower() == "the interview panel meets at 10."  # the explanation names no field
    assert signature == ("/Tx", "Your signature")


def test_second_run_renders_nothing(rendered: Rendered) -> None:
    before = {r.output: r.output.read_bytes() for r in rendered.requests}
    again = render_sheets(rendered.requests, rendered.cache, jobs=2)
    assert (again.rendered, again.reused) == (0, len(rendered.requests))
    assert {r.output: r.output.read_bytes() for r in rendered.requests} == before
    lost = rendered.requests[0].output
    lost.unlink()
    assert render_sheets(rendered.requests, rendered.cache).rendered == 0
    assert lost.read_bytes() == before[lost]


def test_a_changed_page_renders_alone(tmp_path: Path, rendered: Rendered, capfd: pytest.CaptureFixture[str]) -> None:
    changed = dict(PAGES)
    changed["form.md"] = str(PAGES["form.md"]).replace("has read the guide", "has read the whole guide")
    project = make_project(tmp_path, changed)
    requests = project.plan("partner") + project.plan("staff")
    outcome = render_sheets(requests, rendered.cache)  # one sheet: rendered in this process
    assert (outcome.rendered, outcome.reused) == (2, len(requests) - 2)  # the form, for each role
    assert "has read the whole guide" in pdf_text(next(r.output for r in requests if r.page_path == "form.md"))
    captured = capfd.readouterr()
    assert captured.err == "" and captured.out == ""  # nothing from WeasyPrint about fonts or the machine


def test_engine_refuses_remote_and_outside_files(rendered: Rendered, tmp_path: Path) -> None:
    base = next(r for r in rendered.requests if r.page_path == "form.md")
    outside = tmp_path / "elsewhere.png"
    outside.write_bytes(_png())
    for source in ("https://example.org/logo.png", outside.as_uri()):
        bad = replace(base, html=base.html.replace("</main>", f'<img src="{source}" alt="x"></main>'), key="0" * 63 + "1")
        with pytest.raises(EngineError) as caught:
            render_sheets([bad], tmp_path / "cache")
        message = str(caught.value)
        assert "sheet partner: form.pdf (from form.md)" in message and source.split("/")[-1] in message


def test_engine_failures_name_every_sheet(rendered: Rendered, tmp_path: Path) -> None:
    bad = [replace(r, html=r.html.replace("</main>", '<img src="missing.png" alt="x"></main>'), key=f"{n:064x}")
           for n, r in enumerate(rendered.requests[:2])]
    with pytest.raises(EngineError) as caught:
        render_sheets(bad, tmp_path / "cache", jobs=2)
    assert all(r.output_rel in str(caught.value) for r in bad)
    assert not list((tmp_path / "cache").glob("*.pdf"))


def _fonts(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    found = {}
    for page_ in pdf.pages:
        for _, font in (page_.Resources.get("/Font") or {}).items():
            found[font.objgen] = font
    return list(found.values())


def test_page_count_is_kept_beside_each_pdf_and_long_packs_are_warned(rendered: Rendered) -> None:
    from build_tools.sheets.render import PACK_PAGES, long_packs
    from build_tools.sheets.worker import page_count_file

    for request in rendered.requests:
        counted = int(page_count_file(rendered.cache, request).read_text())
        assert counted == pdf_info(request.output)["Pages"], request.name
    assert long_packs(rendered.requests, rendered.cache) == []  # the test pack is short
    pack = next(r for r in rendered.requests if r.layout == "pack")
    counted = page_count_file(rendered.cache, pack)
    real = counted.read_text()
    try:
        counted.write_text(str(PACK_PAGES + 1))
        [finding] = long_packs(rendered.requests, rendered.cache)
        assert (finding.path, finding.severity, finding.rule) == ("content/p/pack.md", "warning", "sheet-length")
        assert f"{PACK_PAGES + 1} pages" in finding.message and "split" in finding.fix
        counted.write_text(str(PACK_PAGES))
        assert long_packs(rendered.requests, rendered.cache) == []
    finally:
        counted.write_text(real)


def _fields(pdf_path: Path) -> list[tuple[str, str]]:
    """(type, accessible name) of each form field, in order; a radio group counts once."""
    with pikepdf.open(pdf_path) as pdf:
        return [(str(f.FT), str(f.TU)) for f in pdf.Root.AcroForm.Fields]


def test_cache_forgets_sheets_unused_for_a_month(rendered: Rendered) -> None:
    stale = rendered.cache / ("f" * 64 + ".pdf")
    stale.write_bytes(b"%PDF-1.7 old")
    month_ago = stale.stat().st_mtime - 31 * 86400
    os.utime(stale, (month_ago, month_ago))
    kept = rendered.cache / f"{rendered.requests[0].key}.pdf"
    os.utime(kept, (month_ago, month_ago))  # old, but still used by these requests
    render_sheets(rendered.requests, rendered.cache)
    assert not stale.exists() and kept.exists()
