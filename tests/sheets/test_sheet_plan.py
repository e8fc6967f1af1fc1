"""plan_sheets: which pages get a sheet, what each request holds, and bad input."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest
from sheet_support import make_project, page

from build_tools.errors import ContentErrors
from build_tools.sheets import SheetRequest, plan_sheets
from build_tools.sheets.plan import output_path

STEPS = page("""
    title: Quick steps
    type: step-by-step
    level: green
    version: "2.1"
    review_due: 2027-06-30
    summary: The steps for {{ org.name }}.
""", """
    Before you start.

    1. Book the room.
    2. Invite the panel.

    /// role | staff
    STAFF-ONLY-MARKER check the budget.
    ///
""")


@pytest.mark.parametrize(("front", "printed"), [
    ("type: step-by-step", True),
    ("type: checklist", True),
    ("type: form", True),
    ("type: self-assessment", True),
    ("type: guide", False),
    ("type: policy", False),
    ("type: guide\nprint: true", True),
    ("type: overview\nprint: false", False),
])
def test_which_pages_get_a_sheet(tmp_path: Path, front: str, printed: bool) -> None:
    project = make_project(tmp_path, {"a/page.md": page(f"title: A page\n{front}", "- [ ] Item\n")})
    assert [r.page_path for r in project.plan("partner")] == (["a/page.md"] if printed else [])


@pytest.mark.parametrize(("source", "pdf"), [
    ("recruiting/quick-guide.md", "recruiting/quick-guide.pdf"),
    ("x.easy.md", "x.easy.pdf"),
    ("index.md", "index.pdf"),
])
def test_output_names(source: str, pdf: str) -> None:
    assert output_path(source) == pdf


def test_request_holds_everything_and_pickles(tmp_path: Path) -> None:
    project = make_project(tmp_path, {"steps.md": STEPS})
    request = project.request("staff", "steps.md")
    assert isinstance(request, SheetRequest)
    assert request.output_rel == "steps.pdf"
    assert request.output == tmp_path / "out" / "staff" / "steps.pdf"
    assert request.role_id == "staff" and request.layout == "step-by-step"
    assert re.fullmatch(r"[0-9a-f]{64}", request.key)
    assert pickle.loads(pickle.dumps(request)) == request
    html = request.html
    assert '<html lang="en">' in html and "<title>Quick steps</title>" in html
    assert "For: Staff" in html and 'sheet-level--green">Green level<' in html
    assert "The steps for Fixture Trust." in html  # variables in front matter too
    assert 'content: "Quick steps · Version 2.1 · Review by 30 June 2027"' in html  # the footer
    # QR code and short URL (which may break only after "/" or before ".")
    assert re.search(r"sheets</span><wbr>.*\.org/</span><wbr><span [^>]*>staff/</span><wbr><span [^>]*>steps/</span>", html) and "data:image/svg+xml" in html


def test_role_isolation_in_the_html(tmp_path: Path) -> None:
    project = make_project(tmp_path, {"steps.md": STEPS})
    assert "STAFF-ONLY-MARKER" in project.request("staff", "steps.md").html
    assert "STAFF-ONLY-MARKER" not in project.request("partner", "steps.md").html


def test_key_is_stable_and_follows_every_input(tmp_path: Path) -> None:
    project = make_project(tmp_path / "one", {"steps.md": STEPS})
    key = project.request("partner", "steps.md").key
    assert project.request("partner", "steps.md").key == key
    assert project.request("staff", "steps.md").key != key
    changed = make_project(tmp_path / "two", {"steps.md": STEPS.replace("Book the room", "Book a room")})
    assert changed.request("partner", "steps.md").key != key
    other_site = make_project(tmp_path / "three", {"steps.md": STEPS}, site_url="https://other.example.org/")
    assert other_site.request("partner", "steps.md").key != key


def test_no_site_url_no_qr(tmp_path: Path) -> None:
    project = make_project(tmp_path, {"steps.md": STEPS}, site_url="")
    html = project.request("partner", "steps.md").html
    assert "sheet-qr" not in html and "data:image/svg+xml" not in html


def test_missing_picture_names_sheet_source_and_line(tmp_path: Path) -> None:
    project = make_project(tmp_path, {"forms/sign.md": page("title: Sign\ntype: form", """
        Read this first.

        ![The building](building.png)
    """)}, check=False)
    with pytest.raises(ContentErrors) as caught:
        project.plan("partner")
    [finding] = caught.value.findings
    assert (finding.path, finding.line, finding.severity) == ("forms/sign.md", 8, "error")
    assert "sheet forms/sign.pdf" in finding.message and "building.png" in finding.message
    assert "forms/sign.md:8: error sheet: sheet forms/sign.pdf: picture `building.png` not found" in str(caught.value)


def test_every_bad_sheet_is_reported_at_once(tmp_path: Path) -> None:
    project = make_project(tmp_path, {
        "a.md": page("title: A\ntype: form", "![x](a.png)"),
        "b.md": page("title: B\ntype: self-assessment\nratings: []", "- [ ] Item"),
    }, check=False)
    with pytest.raises(ContentErrors) as caught:
        project.plan("staff")
    assert [(f.path, f.line) for f in caught.value.findings] == [("a.md", 6), ("b.md", 4)]
    assert "`ratings` lists no ratings" in caught.value.findings[1].message


def test_pack_page_missing_for_the_role(tmp_path: Path) -> None:
    project = make_project(tmp_path, {
        "p/pack.md": page("title: Pack\ntype: pack\npack: [one.easy.md, gone.easy.md, staff.easy.md]", "Cover."),
        "p/one.easy.md": page("title: One", "Text."),
        "p/staff.easy.md": page("title: Staff only\nroles: [staff]", "Text."),
    }, check=False)
    with pytest.raises(ContentErrors) as caught:
        project.plan("partner")
    messages = [f.message for f in caught.value.findings]
    assert messages == [
        "sheet p/pack.pdf: pack page `gone.easy.md` does not exist",
        "sheet p/pack.pdf: pack page `staff.easy.md` is not for the partner role",
    ]
    assert {f.path for f in caught.value.findings} == {"p/pack.md"}


def test_unknown_template_field_names_sheet_and_source(tmp_path: Path) -> None:
    project = make_project(tmp_path, {"steps.md": STEPS})
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "sheet.html").write_text("{{ sheet.colour_scheme }}")  # a project's own template
    with pytest.raises(ContentErrors) as caught:
        plan_sheets(project.view("staff"), project.corpus, project.config, tmp_path / "out")
    [finding] = caught.value.findings
    assert finding.path == "steps.md" and finding.rule == "sheet-template"
    assert "sheet steps.pdf" in finding.message and "colour_scheme" in finding.message


def test_a_projects_partials_replace_single_sheet_templates(tmp_path: Path) -> None:
    project = make_project(tmp_path, {"steps.md": STEPS})
    ours = project.request("staff", "steps.md")
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "print.css").write_text("body { color: black; }")
    theirs = project.request("staff", "steps.md")
    assert (tmp_path / "partials" / "print.css").resolve().as_uri() in theirs.html
    assert "<title>Quick steps</title>" in theirs.html  # sheet.html and the others: still ours
    assert theirs.key != ours.key and str((tmp_path / "partials").resolve()) in theirs.allowed_roots


def test_pack_gathers_pages_and_one_hard_words_list(tmp_path: Path) -> None:
    project = make_project(tmp_path, {
        "p/pack.md": page("title: Your pack\ntype: pack\nroles: [partner]\npack: [one.easy.md, two.easy.md]", """
            This pack is for you.
            Read [part two](two.easy.md).
        """),
        "p/one.easy.md": page("title: One (easy read)\ntype: checklist", """
            The interview panel meets each candidate.

            - [ ] Bring your glasses.
        """),
        "p/two.easy.md": page("title: Two\ntype: form", """
            The candidate answers. The interview panel listens.

            /// signatures
            - Your signature
            ///
        """),
    })
    requests = {r.page_path: r for r in project.plan("partner")}
    assert sorted(requests) == ["p/one.easy.md", "p/pack.md", "p/two.easy.md"]  # each page prints alone too
    request = requests["p/pack.md"]
    assert request.layout == "pack" and request.output_rel == "p/pack.pdf"
    assert request.sources == ("p/pack.md", "p/one.easy.md", "p/two.easy.md")
    html = request.html
    assert html.count('class="sheet-hard-words"') == 1
    assert html.count("<dt>Candidate</dt>") == 1 and html.count("<dt>Interview panel</dt>") == 1
    assert html.index("<dt>Candidate</dt>") < html.index("<dt>Interview panel</dt>")
    assert '<span class="pack-contents__part">Part 1:</span> One</a>' in html  # "(easy read)" dropped
    assert 'id="part-2"' in html and '<a href="#part-2">part two</a>' in html
    assert 'name="part-1-tick-1"' in html and 'name="part-2-signature-1"' in html
    assert "This pack is for you.<br />" in html  # easy read: a sentence per line


def test_titles_cannot_break_out_of_the_footer_style(tmp_path: Path) -> None:
    project = make_project(tmp_path, {"odd.md": page('title: \'Say "hi" </style><b>\'\ntype: checklist', "- [ ] Item")})
    html = project.request("partner", "odd.md").html
    assert 'content: "Say \\22 hi\\22  \\3c /style\\3e \\3c b\\3e ";' in html
    assert html.count("</style>") == 1
    assert "<title>Say &#34;hi&#34; &lt;/style&gt;&lt;b&gt;</title>" in html


# -- Whom a sheet speaks to ---------------------------------------------------------------

CHECKS = page("""
    title: Before the day
    type: checklist
""", """
    Tick each one. See [the other checklist](other.md).

    - [ ] I know where to go.
    - [ ] I know who to call.
""")
OTHER = page("title: Other\ntype: guide", "Some words.\n")


def _facts(html: str) -> tuple[str, str]:
    label = re.search(r'sheet-fact--for">For: ([^<]+)<', html)
    url = re.search(r'<a href="(https://[^"]+/other/)"', html)
    assert label and url, html
    return label.group(1), url.group(1)


def test_staff_copy_of_a_partner_sheet_speaks_to_partners(tmp_path: Path) -> None:
    """Staff print partners' sheets to hand over: labelled for partners, QR code, printed
    address and links all lead to the partner site (issue 12)."""
    project = make_project(tmp_path, {"checks.md": CHECKS, "other.md": OTHER})
    staff = project.request("staff", "checks.md")
    assert _facts(staff.html) == ("Involvement partners", "https://sheets.example.org/partner/other/")
    assert ".org/</span><wbr><span class=\"sheet-nobreak\">partner/</span>" in staff.html  # printed address
    assert "/staff/" not in staff.html
    assert staff.html == project.request("partner", "checks.md").html  # one sheet, whoever prints it


def test_a_copy_with_staff_only_text_stays_the_staffs(tmp_path: Path) -> None:
    text = CHECKS + "\n/// role | staff\nSTAFF-ONLY-MARKER ring the panel.\n///\n"
    project = make_project(tmp_path, {"checks.md": text, "other.md": OTHER})
    staff, partner = project.request("staff", "checks.md"), project.request("partner", "checks.md")
    assert _facts(staff.html) == ("Staff", "https://sheets.example.org/staff/other/")
    assert _facts(partner.html) == ("Involvement partners", "https://sheets.example.org/partner/other/")
    assert "STAFF-ONLY-MARKER" in staff.html and "STAFF-ONLY-MARKER" not in partner.html
    assert staff.key != partner.key


@pytest.mark.parametrize("roles", ["[staff]", "[partner]", "[partner, staff]"])
def test_each_copy_is_labelled_for_a_role_that_can_read_it(tmp_path: Path, roles: str) -> None:
    project = make_project(tmp_path, {"checks.md": CHECKS.replace("type: checklist", f"type: checklist\nroles: {roles}"),
                                      "other.md": OTHER})
    for role in ("partner", "staff"):
        if role not in roles:
            continue
        label, url = _facts(project.request(role, "checks.md").html)
        expected = "partner" if "partner" in roles else "staff"
        assert url == f"https://sheets.example.org/{expected}/other/"
        assert label == {"partner": "Involvement partners", "staff": "Staff"}[expected]


def test_config_role_url_is_the_one_address_of_a_role(tmp_path: Path) -> None:
    project = make_project(tmp_path, {"other.md": OTHER})
    assert project.config.role_url("partner") == "https://sheets.example.org/partner/"
    assert make_project(tmp_path / "none", {"other.md": OTHER}, site_url="").config.role_url("partner") == ""
