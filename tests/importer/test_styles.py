"""A house's own heading styles are headings, not body text (Word files from real teams
rarely use only "Heading 1"; outline levels and based-on chains say what is a heading)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml

from build_tools.importer.read import read_docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _document(path: Path) -> Path:
    document = docx.Document()
    policy = document.styles.add_style("Policy Heading 1", WD_STYLE_TYPE.PARAGRAPH)
    policy.base_style = document.styles["Heading 1"]
    deeper = document.styles.add_style("Policy Heading Deeper", WD_STYLE_TYPE.PARAGRAPH)
    deeper.base_style = policy  # a heading two steps from Word's
    section = document.styles.add_style("Section Title", WD_STYLE_TYPE.PARAGRAPH)
    section.base_style = document.styles["Normal"]
    section.element.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl xmlns:w="{W}" w:val="1"/>'))
    body_level = document.styles.add_style("Plain Note", WD_STYLE_TYPE.PARAGRAPH)
    body_level.element.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl xmlns:w="{W}" w:val="9"/>'))
    document.add_paragraph("About the panel", style="Policy Heading 1")
    document.add_paragraph("Who sits on it", style="Section Title")
    document.add_paragraph("Deeper still", style="Policy Heading Deeper")
    document.add_paragraph("Just a note", style="Plain Note")
    document.add_paragraph("Ordinary words.")
    document.save(str(path))
    return path


@pytest.mark.parametrize(
    ("text", "tag"),
    [("About the panel", "h1"), ("Who sits on it", "h2"), ("Deeper still", "h1"), ("Just a note", "p"), ("Ordinary words.", "p")],
)
def test_custom_heading_styles_become_headings(tmp_path: Path, text: str, tag: str) -> None:
    html = read_docx(_document(tmp_path / "styles.docx"), "styles").html
    assert f"<{tag}>{text}</{tag}>" in html, html


TEXT_BOX = (
    '<w:r xmlns:w="{w}" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
    '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic>'
    '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx><w:txbxContent>'
    '<w:p><w:r><w:t>Call us if you are unwell on the day.</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData>'
    '</a:graphic></wp:anchor></w:drawing></mc:Choice>{fallback}</mc:AlternateContent></w:r>'
)
FALLBACK = ('<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>Call us if you are unwell on the day.</w:t>'
            '</w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>')


@pytest.mark.parametrize(("fallback", "lost"), [(FALLBACK, []), ("", ["Call us if you are unwell on the day."])])
def test_text_that_is_not_read_is_reported_not_dropped(tmp_path: Path, fallback: str, lost: list[str]) -> None:
    """Word saves a text box twice (new and old form) and mammoth reads the old one; a file
    with only the new form loses the text, which must then be reported."""
    document = docx.Document()
    document.add_paragraph("Before the box.")
    document.add_paragraph()._p.append(parse_xml(TEXT_BOX.format(w=W, fallback=fallback)))
    document.add_paragraph("After the box.")
    path = tmp_path / "box.docx"
    document.save(str(path))
    source = read_docx(path, "box")
    assert source.lost == lost
    assert ("Call us if you are unwell" in source.html) == (not lost)
