"""The same project builds into the same role sites under MkDocs and ProperDocs, and an
offline copy of a role site works from `file://` (search included)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from adopt_support import starter
from build_tools.config import load_config
from build_tools.urls import online_url, page_url
from support import guides_in_process

ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">.*?</article>', re.S)
GENERATOR = re.compile(r'<meta name="generator" content="([^"]+)">')


def files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.slow
def test_properdocs_builds_the_same_role_sites(tmp_path: Path) -> None:
    config_file = starter(tmp_path / "p")
    sites = {}
    for engine in ("mkdocs", "properdocs"):
        sites[engine] = tmp_path / f"site-{engine}"
        code, output = guides_in_process("build", "-f", str(config_file), "-d", str(sites[engine]), "--engine", engine)
        assert code == 0, output
        assert "built public, staff" in output  # the engine is part of what makes a build reusable
    mkdocs, properdocs = sites["mkdocs"], sites["properdocs"]
    assert files(mkdocs) == files(properdocs)
    pages = sorted(p for p in files(mkdocs) if p.endswith(".html") and "/" in p and not p.startswith("report/"))
    assert len(pages) >= 15
    for page in pages:
        ours, theirs = (mkdocs / page).read_text(), (properdocs / page).read_text()
        assert ARTICLE.findall(ours) == ARTICLE.findall(theirs), page
        if (found := GENERATOR.search(theirs)) and page.endswith("index.html"):
            assert "ProperDocs" in found.group(1) and "ProperDocs" not in GENERATOR.search(ours).group(1)
    for sitemap in ("public/sitemap.xml", "staff/sitemap.xml"):
        assert (mkdocs / sitemap).read_text() == (properdocs / sitemap).read_text()


def test_the_engine_can_be_chosen_in_mkdocs_yml_and_is_checked(tmp_path: Path) -> None:
    config_file = starter(tmp_path)
    config_file.write_text(config_file.read_text().replace("  engine: mkdocs\n", "  engine: zensical\n"))
    code, output = guides_in_process("check", "-f", str(config_file))
    assert code == 2 and "guides.engine" in output and "mkdocs" in output and "properdocs" in output
    code, output = guides_in_process("build", "-f", str(config_file), "--engine", "hugo")
    assert code == 2 and "invalid choice" in output


def test_an_offline_copy_is_of_one_role(tmp_path: Path) -> None:
    code, output = guides_in_process("build", "-f", str(starter(tmp_path)), "--offline", "-d", str(tmp_path / "usb"))
    assert code == 2 and "add --role public or --role staff" in output
    assert not (tmp_path / "usb").exists()


@pytest.mark.slow
def test_an_offline_copy_opens_from_a_folder_with_search(tmp_path: Path) -> None:
    config_file = starter(tmp_path / "p")
    usb = tmp_path / "usb"
    code, output = guides_in_process("build", "-f", str(config_file), "--offline", "--role", "public", "-d", str(usb))
    assert code == 0, output
    # Pages are files a browser opens (no folder index pages), at the root of the copy.
    assert {"index.html", "glossary.html", "guides/taking-part.html", "guides/taking-part.easy.html", "guides/before-a-meeting.pdf"} <= files(usb)
    assert (usb / "search" / "search_index.js").read_text().startswith("var __index =")  # search without a server
    page = (usb / "guides" / "taking-part.html").read_text()
    links = re.findall(r'<a href="([^"#]+)"', page)
    local = [link for link in links if "://" not in link and not link.startswith("mailto:")]
    assert local and all(link.endswith((".html", ".pdf")) for link in local), local
    assert 'href="taking-part.easy.html"' in page  # the easy-read switch
    assert "Choose a different site" not in page  # no landing page in a copy of one role
    # Material's offline plugin would load its worker shim from unpkg.com: the copy carries ours.
    assert '<script src="../assets/javascripts/iframe-worker-shim.js">' in page
    assert (usb / "assets" / "javascripts" / "iframe-worker-shim.js").is_file()
    assert not [p for p in files(usb) if p.endswith(".html") and "unpkg.com" in (usb / p).read_text()]
    assert not any("staff" in name for name in files(usb))
    # No canonical link to a `.html` address that exists nowhere online.
    assert not [p for p in files(usb) if p.endswith(".html") and 'rel="canonical"' in (usb / p).read_text()]
    staged = (tmp_path / "p" / ".guides-cache" / "stage" / "public" / "mkdocs.yml").read_text()
    assert "- offline" in staged and "use_directory_urls: false" in staged


def test_sheets_in_an_offline_copy_point_at_the_site_online(tmp_path: Path) -> None:
    config = load_config(starter(tmp_path)).offline_copy()
    assert page_url("guides/taking-part.md", config) == "guides/taking-part.html"  # links inside the copy
    assert online_url(config, "public", "guides/taking-part.md") == "https://guides.example.org/public/guides/taking-part/"
