"""A content project kept elsewhere, with a bare mkdocs.yml, still gets the whole product:
our theme layer, our CSS and script, the Markdown our syntax needs, and no Google Fonts."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support import FIXTURES, guides_in_process

MINIMAL = """\
site_name: Elsewhere
docs_dir: content
theme:
  name: material
  custom_dir: no-such-folder
guides:
  roles:
    - {id: partner, label: Partners, description: People who help.}
    - {id: staff, label: Staff, description: People who run it.}
  levels:
    - {id: blue, label: Blue level, meaning: Before interviews., colour: "#0b4f8a"}
    - {id: amber, label: Amber level, meaning: Meeting candidates., colour: "#8a4b00"}
    - {id: green, label: Green level, meaning: On the panel., colour: "#1d6b2f"}
  variables:
    org: {name: Elsewhere Trust}
    contact: {email: hello@example.org}
"""


@pytest.mark.slow
def test_a_bare_project_builds_with_the_built_in_theme_layer(tmp_path: Path) -> None:
    project = tmp_path / "elsewhere"
    shutil.copytree(FIXTURES / "basic" / "content", project / "content")
    (project / "mkdocs.yml").write_text(MINIMAL)
    code, output = guides_in_process("build", "-f", str(project / "mkdocs.yml"), "-d", str(project / "site"))
    assert code == 0, output
    assert "using the built-in theme layer" in output
    page = (project / "site" / "staff" / "staff" / "checklist" / "index.html").read_text()
    assert "assets/stylesheets/guides.css" in page and "assets/javascripts/read-aloud.js" in page
    assert "fonts.googleapis.com" not in page
    assert 'type="checkbox"' in page  # task lists need pymdownx.tasklist, added for the project
    assert (project / "site" / "staff" / "staff" / "checklist.pdf").is_file()
    assert (project / "site" / "index.html").is_file()


@pytest.mark.slow
def test_a_role_without_a_home_page_gets_one(tmp_path: Path) -> None:
    project = tmp_path / "elsewhere"
    shutil.copytree(FIXTURES / "basic" / "content", project / "content")
    (project / "content" / "index.md").write_text("---\ntitle: Staff home\nroles: [staff]\n---\n\nFor staff only.\n")
    (project / "mkdocs.yml").write_text(MINIMAL)
    code, output = guides_in_process("build", "-f", str(project / "mkdocs.yml"), "-d", str(project / "site"))
    assert code == 0, output
    home = (project / "site" / "partner" / "index.html").read_text()
    assert "People who help." in home and "Joining a panel" in home
    assert "For staff only" not in home
