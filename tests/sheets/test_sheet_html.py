"""Markdown -> printed HTML, case by case (no PDF engine: fast).

Each case is Markdown, the layout it is printed in, and patterns the printed HTML
must (and must not) contain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sheet_support import Project, make_project, page

from build_tools.markdown_options import markdown_extensions
from build_tools.sheets.html import page_html
from build_tools.sheets.links import LinkMap
from build_tools.sheets.print_ext import PrintOptions


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    pages = {
        "guides/other.md": page("title: Other page", "Text."),
        "guides/secret.md": page("title: Staff page\nroles: [staff]", "Text."),
        "guides/form.pdf": b"%PDF-1.4\n",
        "guides/here.md": page("title: Here", "[form](form.pdf)"),
    }
    return make_project(tmp_path_factory.mktemp("html"), pages)


@dataclass
class Case:
    id: str
    markdown: str
    layout: str = "page"
    has: list[str] = field(default_factory=list)
    lacks: list[str] = field(default_factory=list)
    options: dict[str, object] = field(default_factory=dict)


CASES = [
    Case("task items become fillable tick boxes titled with their text", """
- [ ] Check the date
- [x] Book the room
""", "checklist",
        has=[r'<li class="sheet-task"><input class="sheet-box" name="tick-1" title="Check the date" type="checkbox" />Check the date',
             r'<input checked="checked" class="sheet-box" name="tick-2" title="Book the room" type="checkbox" />'],
        lacks=["task-list-indicator", "disabled"]),
    Case("loose task items keep their paragraphs", """
- [ ] First thing

    More about it.

- [ ] Second thing
""", "checklist", has=[r'<li class="sheet-task">\s*<p><input class="sheet-box"[^>]*title="First thing More about it\."']),
    Case("a table whose last column is headed Tick gets a box in every row", """
| Check | Tick |
| --- | --- |
| Venue booked? | |
| Breaks planned? | |
""", "checklist",
        has=[r'<th class="sheet-tick">Tick</th>',
             r'<td>Venue booked\?</td>\s*<td class="sheet-tick"><input class="sheet-box" name="tick-1" title="Venue booked\?" type="checkbox" /></td>',
             r'title="Breaks planned\?"']),
    Case("a table with another last column is left alone", """
| Check | Notes |
| --- | --- |
| Venue booked? | |
""", has=[r"<th>Notes</th>"], lacks=["sheet-box"]),
    Case("signatures become labelled lines, taller for signing", """
/// signatures
- Staff member signature
- Date
///
""", "form",
        has=[r'<span class="sheet-signature__label">Staff member signature</span><span class="sheet-signature__space"><input class="sheet-line sheet-signature__line sheet-signature__line--signature" name="signature-1" title="Staff member signature" type="text" />',
             r'<span class="sheet-signature__label">Date</span>.*sheet-signature__line--field" name="field-2" title="Date"']),
    Case("blanks in a sentence become write-on lines titled with the sentence", """
I confirm that ____ has completed the guide on ____.
""", "form",
        has=[r'I confirm that <input class="sheet-line sheet-blank" name="blank-1" title="I confirm that … has completed the guide on …\." type="text" /> has completed',
             r'name="blank-2"'],
        lacks=["guides-blank", "blank to fill in"]),
    Case("a short label and a blank make a line to the margin", """
Job title: ____
""", "form",
        has=[r'<p class="sheet-fill"><span class="sheet-fill__label">Job title: </span><span class="sheet-fill__space"><input class="sheet-line sheet-blank" name="blank-1" title="Job title" type="text" /></span></p>']),
    Case("a long label puts its line underneath", """
Other involvement, or why no partner was involved at all: ____
""", "form", has=[r'sheet-blank--below']),
    Case("steps are numbered on through headings, with room for notes", """
1. First step.
2. Second step.

## Later

1. Third step.
""", "step-by-step", options={"note_space": True},
        has=[r'<ol class="sheet-steps">\s*<li class="sheet-step"><div class="sheet-step__number"><span class="sheet-step__numeral">1</span></div><div class="sheet-step__body">First step\.</div><div class="sheet-step__notes">',
             r'<span class="sheet-step__numeral">3</span></div><div class="sheet-step__body">Third step\.'],
        lacks=[r'numeral">4<']),
    Case("steps without note space have no notes column", """
1. Only step.
""", "step-by-step", has=["sheet-step__numeral"], lacks=["sheet-step__notes"]),
    Case("nested ordered lists stay inside their step", """
1. Step one:
    1. part a
    2. part b
2. Step two.
""", "step-by-step", has=[r'numeral">2</span></div><div class="sheet-step__body">Step two'], lacks=[r'numeral">3<']),
    Case("ordered lists on other sheets are ordinary lists", """
1. One
2. Two
""", "page", has=["<ol>"], lacks=["sheet-step"]),
    Case("self-assessment items get one box per rating and a notes line", """
- [ ] We have a budget.
- [ ] We train partners.
""", "self-assessment", options={"ratings": ("No", "Partly", "Yes")},
        has=[r'<table class="sheet-ratings"><thead><tr><th class="sheet-ratings__statement" scope="col">Statement</th><th class="sheet-ratings__rating" scope="col">No</th><th class="sheet-ratings__rating" scope="col">Partly</th><th class="sheet-ratings__rating" scope="col">Yes</th></tr></thead>',
             r'<input class="sheet-box" name="rating-1" title="No: We have a budget\." type="radio" value="No" />',
             r'name="rating-1" title="Yes: We have a budget\." type="radio" value="Yes"',
             r'<span class="sheet-fill__label">Notes</span><span class="sheet-fill__space"><input class="sheet-line" name="notes-2" title="Notes: We have a budget\."',
             r'name="rating-3" title="No: We train partners\."'],
        lacks=["task-list"]),
    Case("a link to another page gets its online address, for the same role", """
See [the other page](other.md#part) and [the form](form.pdf).
""", has=[r'<a href="https://sheets.example.org/partner/guides/other/#part">the other page</a><span class="sheet-address"> \(<span class="sheet-nobreak">sheets</span><wbr ?/?>(</wbr>)?<span class="sheet-nobreak">\.example</span>',
          r'<span class="sheet-nobreak">\.org/</span><wbr ?/?>(</wbr>)?<span class="sheet-nobreak">partner/</span>.*<span class="sheet-nobreak">#part</span>\)</span>',
          r'<a href="https://sheets.example.org/partner/guides/form.pdf">the form</a>']),
    Case("a link whose text is its address is not repeated", """
Go to <https://example.org/register>.
""", has=[r'<a href="https://example.org/register">https://example.org/register</a>\.'], lacks=["sheet-address"]),
    Case("an email link shows the address", """
Write to [the team](mailto:team@example.org).
""", has=[r'<span class="sheet-address"> \(<span class="sheet-nobreak">team@example</span><wbr ?/?>(</wbr>)?<span class="sheet-nobreak">\.org</span>\)</span>']),
    Case("a phone link whose words are the number is not repeated; a hyphenated address never breaks at its hyphen", """
Call [01234 567 890](tel:01234567890) or see [the form](https://example.org/sign-up-form/x).
""", has=[r'<a href="tel:01234567890">01234 567 890</a> or',
          r'<span class="sheet-nobreak">sign-up-form/</span>'], lacks=[r"\(01234567890\)"]),
    Case("a link to a page this role cannot read keeps its words but no address", """
See [the staff page](secret.md).
""", has=[r"<a>the staff page</a>"], lacks=["secret", "sheet-address"]),
    Case("links inside a pack lead to the part and name it", """
Read [part two](other.md).
""", options={"local_targets": {"guides/other.md": ("part-2", "Part 2")}},
        has=[r'<a href="#part-2">part two</a><span class="sheet-page-ref" data-target="#part-2"> \(Part 2</span>']),
    Case("pages in a pack get prefixed ids and lower headings", """
## Section

Text with a [jump](#section).
""", options={"prefix": "part-1-", "heading_shift": 1},
        has=[r'<h3 id="part-1-section">Section</h3>', r'<a href="#part-1-section">jump</a>']),
    Case("pictures carry their alt text in the SVG title (the PDF tag reads it)", """
/// picture | material-phone
    alt: A phone

Call us.
///
""", has=[r'<svg role="img" aria-label="A phone" focusable="false" [^>]*><title>A phone</title>']),
    Case("decorative pictures are drawn as backgrounds (artifacts, not figures)", """
/// picture | material-phone
    decorative: true

Call us.
///
""", has=[r'<div class="guides-picture__icon"><span class="sheet-decoration" style="background-image: url\(\'data:image/svg\+xml;base64,'],
        lacks=["<svg"]),
    Case("level blocks keep the badge in words", """
/// level | green
Full panel member.
///
""", has=[r'<p class="guides-badge guides-badge--green">Green level</p>']),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_printed_html(case: Case, project: Project) -> None:
    html = printed(project, case.markdown, case.layout, **case.options)
    for pattern in case.has:
        assert re.search(pattern, html, re.S), f"missing {pattern!r} in:\n{html}"
    for pattern in case.lacks:
        assert not re.search(pattern, html, re.S), f"unexpected {pattern!r} in:\n{html}"


def test_same_extensions_as_the_site(project: Project) -> None:
    names, options = markdown_extensions(project.config, "partner")
    assert names[:3] == ["toc", "tables", "fenced_code"]
    assert names[-2:] == ["build_tools.markdown_ext", "build_tools.contact_links"]
    assert options["build_tools.contact_links"] == {"phones": [], "emails": []} or options["build_tools.contact_links"]["phones"] is not None
    assert "pymdownx.tasklist" in names and options["pymdownx.tasklist"] == {"custom_checkbox": True}
    fence = options["pymdownx.superfences"]["custom_fences"][0]["format"]
    assert callable(fence) and fence.__name__ == "fence_code_format"  # !!python/name: resolved
    assert options["build_tools.markdown_ext"]["roles"] == {"partner": "Involvement partners", "staff": "Staff"}
    assert options["build_tools.markdown_ext"]["role"] == "partner"  # any other role's block stops the build


def test_missing_remote_and_unexplained_pictures_are_problems(project: Project) -> None:
    (project.config.docs_dir / "guides" / "room.png").write_bytes(b"\x89PNG")
    text = "![A map](map.png)\n\n![A logo](https://example.org/logo.png)\n\n![](room.png)\n\n![The room](room.png)\n"
    html, report = page_html(text, project.config, options(project, "page"), role_id="partner")
    assert [p[:2] for p in report.problems] == [
        ("map.png", "picture `map.png` not found"),
        ("https://example.org/logo.png", "picture `https://example.org/logo.png` is not a local file"),
        ("room.png", "picture `room.png` has no alt text"),
    ]
    room = (project.config.docs_dir / "guides" / "room.png").resolve()
    assert f'<img alt="The room" src="{room.as_uri()}" />' in html  # absolute: a pack mixes folders
    assert report.files == [room, room]


def options(project: Project, layout: str, **extra: object) -> PrintOptions:
    view = project.view("partner")
    links = LinkMap(project.config, "partner", frozenset(view.pages), frozenset(["guides/form.pdf"]))
    return PrintOptions(layout=layout, folder="guides", docs_dir=project.config.docs_dir, online=links.online, **extra)  # type: ignore[arg-type]


def printed(project: Project, markdown: str, layout: str, **extra: object) -> str:
    html, report = page_html(markdown.strip() + "\n", project.config, options(project, layout, **extra), role_id="partner")
    assert not report.problems
    return html


def test_fixture_pages_exist(project: Project) -> None:
    assert Path(project.config.docs_dir, "guides/form.pdf").is_file()
