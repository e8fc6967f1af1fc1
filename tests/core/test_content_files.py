"""Reading the content folder: links inside it are followed, links out of it never read,
roles narrow down folders and easy-read pages, and links and pictures resolve the way
Markdown and the browser resolve them."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from build_tools.config import load_config
from build_tools.content.links import link_targets, resolve_link
from build_tools.content.loader import load_corpus, load_document
from build_tools.roles import select
from build_tools.stage import served_text
from build_tools.validate import validate

FM = "---\ntitle: Page\n---\n\n"


def load(site: Path):
    config = load_config(site / "mkdocs.yml")
    corpus, findings = load_corpus(config.docs_dir, config.source_path)
    findings += validate(corpus, config, date(2026, 11, 22))
    return config, corpus, [f for f in findings if f.rule not in ("review-due",)]


def write(content: Path, rel: str, text: str) -> None:
    (content / rel).parent.mkdir(parents=True, exist_ok=True)
    (content / rel).write_text(text)


def test_nothing_outside_the_content_folder_is_ever_opened(basic_site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = basic_site / "content"
    (content / "env.md").symlink_to("/proc/self/environ")
    (content / "passwd.png").symlink_to("/etc/passwd")
    (content / "etc").symlink_to("/etc", target_is_directory=True)
    opened: list[str] = []
    real_open = os.open
    monkeypatch.setattr(os, "open", lambda path, *a, **k: (opened.append(os.path.realpath(path)), real_open(path, *a, **k))[1])
    _, corpus, findings = load(basic_site)
    root = str(content.resolve())
    assert opened and all(path.startswith(root + os.sep) for path in opened)
    assert {f.path for f in findings if f.rule == "symlink"} == {"env.md", "passwd.png", "etc"}
    assert "env.md" not in corpus.documents and "passwd.png" not in corpus.assets
    assert not any(p.startswith("etc/") for p in [*corpus.documents, *corpus.assets])


def test_links_inside_the_content_folder_are_followed(basic_site: Path) -> None:
    content = basic_site / "content"
    write(content, "_shared/extra.md", "---\ntitle: Shared extra\nroles: [staff]\n---\n\nText.\n")
    (content / "staff" / "more").symlink_to("../_shared", target_is_directory=True)
    (content / "staff" / "copy.md").symlink_to("checklist.md")
    config, corpus, findings = load(basic_site)
    assert not findings
    # `_shared` itself is a hidden draft folder; reached through a link, its page is content.
    assert "staff/more/extra.md" in corpus.documents and "_shared/extra.md" not in corpus.documents
    assert corpus.documents["staff/copy.md"].lines == corpus.documents["staff/checklist.md"].lines
    assert "staff/more/extra.md" in select(corpus, config, "staff").pages


def test_a_folder_linked_twice_is_walked_twice_but_a_loop_is_reported(basic_site: Path) -> None:
    content = basic_site / "content"
    (content / "partner" / "mirror").symlink_to("../staff", target_is_directory=True)
    (content / "staff" / "up").symlink_to("../..", target_is_directory=True)  # leaves the content folder
    (content / "staff" / "self").symlink_to(".", target_is_directory=True)
    _, corpus, findings = load(basic_site)
    assert {(f.path, f.message.split(" ")[-1]) for f in findings if f.rule == "symlink"} >= {("staff/self", "it")}
    assert any(f.path == "staff/up" and "outside" in f.message for f in findings)
    assert any(f.path == "partner/mirror/self" for f in findings)
    assert "partner/mirror/checklist.md" in corpus.documents


def test_pages_inherit_their_folders_roles_and_easy_pages_their_standard_pages(basic_site: Path) -> None:
    content = basic_site / "content"
    write(content, "staff/inherits.md", FM + "Text.\n")
    write(content, "staff/deeper/page.md", FM + "Text.\n")
    write(content, "staff/checklist.easy.md", FM + "Text.\n")
    write(content, "partner/guide.easy.md", FM + "Easy.\n")
    write(content, "open/page.md", FM + "Text.\n")
    config, corpus, findings = load(basic_site)
    assert not findings
    partner = select(corpus, config, "partner").pages
    staff = select(corpus, config, "staff").pages
    for path in ("staff/inherits.md", "staff/deeper/page.md", "staff/checklist.easy.md"):
        assert path in staff and path not in partner
    assert "partner/guide.easy.md" in partner and "partner/guide.easy.md" not in staff
    assert "open/page.md" in partner and "open/page.md" in staff


def test_the_content_roots_index_is_the_home_page_and_narrows_nothing_else(basic_site: Path) -> None:
    content = basic_site / "content"
    index = content / "index.md"
    index.write_text(index.read_text().replace("title: Welcome\n", "title: Welcome\nroles: [staff]\n"))
    write(content, "index.easy.md", FM + "Easy home.\n")
    config, corpus, findings = load(basic_site)
    assert not findings
    partner = select(corpus, config, "partner").pages
    assert "shared.md" in partner and "partner/guide.md" in partner
    assert "index.md" not in partner and "index.easy.md" not in partner  # the easy home follows its page


def test_footnotes_escapes_angle_links_and_titles_resolve(basic_site: Path) -> None:
    content = basic_site / "content"
    write(content, "partner/my page.md", "---\ntitle: Spaced\nroles: [partner]\n---\n\nText.\n")
    write(content, "partner/notes.md", "---\ntitle: Notes\nroles: [partner]\n---\n\n"
          "A claim[^1] and another[^note].\n\n"
          "[^1]: Some words.\n"
          "[^note]: More words, see [the guide](guide.md \"Guide\").\n\n"
          "Read [my page](my%20page.md), [it again](<my page.md> 'Again'), [once more](my\\ page.md)\n"
          "or [the guide][g].\n\n"
          "[g]: <guide.md> \"The guide\"\n")
    _, _, findings = load(basic_site)
    assert not findings, [f.format() for f in findings]


def test_raw_html_pictures_go_to_the_roles_that_read_them(basic_site: Path) -> None:
    content = basic_site / "content"
    for name in ("everyone.png", "staffonly.png", "small.webp", "big.webp", "commented.png"):
        (content / "partner" / name).write_bytes(b"picture")
    write(content, "partner/pictures.md", "---\ntitle: Pictures\nroles: [partner, staff]\n---\n\n"
          '<img alt="A map" src="everyone.png">\n\n'
          "/// role | staff\n"
          '<img\n  alt="Staff only" src="staffonly.png">\n'
          "///\n\n"
          '<picture><source srcset="small.webp 1x, big.webp 2x"><img src="everyone.png" alt=""></picture>\n'
          '<!-- <img src="commented.png"> -->\n'
          "```html\n<img src=\"incode.png\">\n```\n")
    config, corpus, findings = load(basic_site)
    assert not findings, [f.format() for f in findings]
    partner = select(corpus, config, "partner")
    staff = select(corpus, config, "staff")
    assert "partner/staffonly.png" not in partner.assets and "partner/staffonly.png" in staff.assets
    assert {"partner/everyone.png", "partner/small.webp", "partner/big.webp"} <= set(partner.assets)
    assert "partner/commented.png" not in staff.assets
    # MkDocs serves pictures.md as pictures/ and leaves raw HTML alone: addresses move one folder up.
    served = served_text(partner.pages["partner/pictures.md"], config)
    assert '<img alt="A map" src="../everyone.png">' in served
    assert 'srcset="../small.webp 1x, ../big.webp 2x"' in served
    assert '<img src="incode.png">' in served  # code is shown, not loaded


@pytest.mark.parametrize(
    ("line", "targets"),
    [
        ("[a](x.md) and ![b](p.png)", ["x.md", "p.png"]),
        ("[![b](p.png)](x.md)", ["x.md", "p.png"]),
        ("[a](<with space.md> \"T\")", ["with space.md"]),
        ("[a](wiki/Foo_(bar).md)", ["wiki/Foo_(bar).md"]),
        ("[a](x.md (title))", ["x.md"]),
        ("\\[not](a-link.md) `[code](c.md)`", []),
        ("A note[^1](aside) here", []),
        ("[^1]: Some words.", []),
        ("[id]: <a b.md> 'T'", ["a b.md"]),
        ('<img src="a.png"> <IMG SRC=b.png> <img data-src="no.png">', ["a.png", "b.png"]),
        ('<video poster="p.jpg"><source src="v.mp4"></video>', ["p.jpg", "v.mp4"]),
        ('<img src="a&amp;b.png">', ["a&b.png"]),
        ('<img srcset="data:image/png;base64,AAAA 1x, more 2x" src="data:image/gif;base64,R0lG">', []),
    ],
)
def test_link_targets(line: str, targets: list[str]) -> None:
    doc = load_document("x.md", (FM + line + "\n").encode(), [])
    assert doc is not None
    assert sorted(t for _, t in link_targets(doc)) == sorted(targets)


@pytest.mark.parametrize(
    ("target", "resolved"),
    [
        ("my%20page.md", "dir/my page.md"), ("caf%C3%A9.md", "dir/café.md"), ("a\\_b.md", "dir/a_b.md"),
        ("../up.md#part", "up.md"), ("../../out.md", "../"), ("%2E%2E/%2E%2E/out.md", "../"),
        ("https://example.org/x.md", None), ("#anchor", None), ("/abs.md", None),
    ],
)
def test_resolve_link(target: str, resolved: str | None) -> None:
    doc = load_document("dir/x.md", FM.encode(), [])
    assert resolve_link(doc, target) == resolved


@pytest.mark.slow
def test_built_sites_keep_inherited_roles_and_show_raw_html_pictures(basic_site: Path) -> None:
    """End to end: pages that take their folder's or standard page's roles reach no other
    role's files, and a raw-HTML picture is copied and addressed where MkDocs serves the page."""
    import gzip

    from support import guides_in_process

    content = basic_site / "content"
    write(content, "staff/inherited.md", FM + "Text inheritedstaffmarker-4d1e.\n")
    write(content, "staff/checklist.easy.md", FM + "Easy easystaffmarker-8a2b.\n")
    (content / "partner" / "map.png").write_bytes((Path(__file__).parents[2] / "docs/images/landing.png").read_bytes())
    write(content, "partner/raw.md", "---\ntitle: Raw picture\nroles: [partner]\n---\n\n<p><img src=\"map.png\" alt=\"A map\"></p>\n")
    code, output = guides_in_process("build", "-f", str(basic_site / "mkdocs.yml"), "-d", str(basic_site / "site"), "--today", "2026-11-22")
    assert code == 0, output
    site = basic_site / "site"
    for path in (site / "partner").rglob("*"):
        if path.is_file():
            data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
            assert b"inheritedstaffmarker" not in data and b"easystaffmarker" not in data, path
    assert b"inheritedstaffmarker-4d1e" in (site / "staff/staff/inherited/index.html").read_bytes()
    page = site / "partner/partner/raw/index.html"
    assert '<img src="../map.png" alt="A map">' in page.read_text()
    assert (page.parent / "../map.png").resolve().is_file()
    assert not (site / "staff/partner/map.png").exists()


@pytest.mark.parametrize("piece", ["<!--", "<img src=", '<img src="', "[a](", "[a][b](", "[x](<", "[", "\\[", "`"])
def test_link_parsing_stays_linear_on_hostile_lines(piece: str) -> None:
    """A 20,000-fold repeat of an unclosed construct: quadratic parsing would take minutes."""
    import time

    from build_tools.content.links import html_media_one_folder_up

    doc = load_document("x.md", (FM + piece * 20_000 + "\n").encode(), [])
    assert doc is not None
    started = time.process_time()
    list(link_targets(doc))
    html_media_one_folder_up(doc.text, set())
    assert time.process_time() - started < 10


def test_pages_parsed_before_take_their_folders_roles_afresh(tmp_path: Path) -> None:
    """The in-process memo of parsed pages (for `guides serve`) must not carry roles a page
    inherited in one load into the next, nor keep a page's old text."""
    content = tmp_path / "content"
    write(content, "panel/index.md", "---\ntitle: Panel\nroles: [staff, partner]\n---\n\nHello.\n")
    write(content, "panel/page.md", FM + "First words.\n")
    first, _ = load_corpus(content)
    assert first.documents["panel/page.md"].meta.roles == ["staff", "partner"]
    write(content, "panel/index.md", "---\ntitle: Panel\nroles: [staff]\n---\n\nHello.\n")
    second, _ = load_corpus(content)
    assert second.documents["panel/page.md"].meta.roles == ["staff"]
    assert first.documents["panel/page.md"].meta.roles == ["staff", "partner"]  # the first load's own
    write(content, "panel/page.md", FM + "Second words.\n")
    third, _ = load_corpus(content)
    assert "Second words." in third.documents["panel/page.md"].lines
    broken = ("---\ntitle: [oops\n---\n").encode()
    problems: list = []
    assert load_document("panel/page.md", broken, problems) is None and problems
    again: list = []
    assert load_document("panel/page.md", broken, again) is None and again == problems
