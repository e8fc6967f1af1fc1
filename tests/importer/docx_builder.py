"""Make Word files for the tests from a small YAML description (python-docx).

Each entry of `body` is one thing in the document:

    - title: Text                      # Word's Title style
    - h1: Text / h2: / h3:             # Heading 1-3 styles
    - p: "Text with **bold**, *italics*, [a link](https://…) and a note[^The note.]"
    - style: {name: "toc 1", text: "Scope\t5"}   # any paragraph style (added when missing)
    - bullets: [one, [nested, nested], two]      # Word's own numbering, nested by level
    - numbers: [one, two]
    - table: [[Check, Tick], [Is it done?, ""]]
      merge: [[row, col, row, col]]              # optional merged cells
    - picture: "Description"                     # a 2x2 PNG; "" for none
    - empty: 3                                   # empty paragraphs

`header:` and `footer:` give the running header and footer text; `literal: true` writes
every text as it is (no bold, italics, links or notes), for generated text.
"""

from __future__ import annotations

import io
import re
import struct
import zlib
from pathlib import Path
from typing import Any

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

_INLINE = re.compile(r"\*\*(?P<bold>.+?)\*\*|\*(?P<italic>.+?)\*|\[\^(?P<note>[^\]]+)\]|\[(?P<text>[^\]]+)\]\((?P<url>[^)]+)\)")
_BULLET_NUM, _DECIMAL_NUM = 901, 902


class _Notes(list[str]):
    """The footnotes written so far, and whether text is taken literally."""

    def __init__(self, literal: bool) -> None:
        super().__init__()
        self.literal = literal


def build_docx(spec: dict[str, Any], path: Path) -> Path:
    """Write the document `spec` describes to `path`."""
    document = docx.Document()
    _add_numbering(document)
    notes = _Notes(literal=bool(spec.get("literal")))
    for entry in spec.get("body", []):
        _entry(document, entry, notes)
    if spec.get("header"):
        document.sections[0].header.paragraphs[0].text = spec["header"]
    if spec.get("footer"):
        document.sections[0].footer.paragraphs[0].text = spec["footer"]
    if notes:
        _add_footnotes(document, notes)
    document.save(str(path))
    return path


def _entry(document: Any, entry: dict[str, Any], notes: _Notes) -> None:
    kind, value = next(iter(entry.items()))
    if kind == "title":
        _runs(document.add_paragraph(style="Title"), value, notes)
    elif kind in ("h1", "h2", "h3"):
        _runs(document.add_heading(level=int(kind[1])), value, notes)
    elif kind == "p":
        _runs(document.add_paragraph(), value, notes)
    elif kind == "style":
        if value["name"] not in [s.name for s in document.styles]:
            document.styles.add_style(value["name"], WD_STYLE_TYPE.PARAGRAPH)
        _runs(document.add_paragraph(style=value["name"]), value["text"], notes)
    elif kind in ("bullets", "numbers"):
        _list(document, value, _BULLET_NUM if kind == "bullets" else _DECIMAL_NUM, 0, notes)
    elif kind == "table":
        _table(document, value, entry.get("merge", []), notes)
    elif kind == "picture":
        document.add_picture(io.BytesIO(_png()))
        document.inline_shapes[-1]._inline.docPr.set("descr", value or "")
    elif kind == "empty":
        for _ in range(int(value)):
            document.add_paragraph("")
    else:
        raise ValueError(f"unknown entry {kind}")


def _runs(paragraph: Any, text: str, notes: _Notes) -> None:
    """`**bold**`, `*italics*`, `[text](url)` and `[^footnote]` in a paragraph."""
    if notes.literal:
        paragraph.add_run(text)
        return
    position = 0
    for match in _INLINE.finditer(text):
        if match.start() > position:
            paragraph.add_run(text[position:match.start()])
        if match.group("bold"):
            paragraph.add_run(match.group("bold")).bold = True
        elif match.group("italic"):
            paragraph.add_run(match.group("italic")).italic = True
        elif match.group("note"):
            notes.append(match.group("note"))
            run = paragraph.add_run()
            reference = OxmlElement("w:footnoteReference")
            reference.set(qn("w:id"), str(len(notes)))
            run._r.append(reference)
        else:
            _hyperlink(paragraph, match.group("text"), match.group("url"))
        position = match.end()
    if position < len(text):
        paragraph.add_run(text[position:])


def _hyperlink(paragraph: Any, text: str, url: str) -> None:
    rel = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def _list(document: Any, items: list[Any], num_id: int, level: int, notes: _Notes) -> None:
    for item in items:
        if isinstance(item, list):
            _list(document, item, num_id, level + 1, notes)
            continue
        paragraph = document.add_paragraph(style="List Paragraph")
        properties = paragraph._p.get_or_add_pPr()
        properties.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))
        _runs(paragraph, item, notes)


def _add_numbering(document: Any) -> None:
    """A bullet and a decimal list definition, three levels each (the default template has one level)."""
    numbering = document.part.numbering_part.element
    for num_id, fmt in ((_BULLET_NUM, "bullet"), (_DECIMAL_NUM, "decimal")):
        levels = "".join(
            f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{"•" if fmt == "bullet" else f"%{i + 1}."}"/>'
            f'<w:pPr><w:ind w:left="{720 * (i + 1)}" w:hanging="360"/></w:pPr></w:lvl>'
            for i in range(3)
        )
        numbering.insert(0, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{num_id}">{levels}</w:abstractNum>'))
        numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/></w:num>'))


def _table(document: Any, rows: list[list[str]], merges: list[list[int]], notes: _Notes) -> None:
    table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text:
                _runs(table.cell(r, c).paragraphs[0], text, notes)
    for r1, c1, r2, c2 in merges:
        table.cell(r1, c1).merge(table.cell(r2, c2))


def _add_footnotes(document: Any, notes: _Notes) -> None:
    body = "".join(
        f'<w:footnote w:id="{i}"><w:p><w:r><w:t xml:space="preserve">{_xml_text(text)}</w:t></w:r></w:p></w:footnote>'
        for i, text in enumerate(notes, start=1)
    )
    xml = (
        f'<w:footnotes {nsdecls("w")}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        f'<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>{body}</w:footnotes>'
    )
    part = Part(PackURI("/word/footnotes.xml"), "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml", xml.encode(), document.part.package)
    document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)


def _xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _png() -> bytes:
    """A 2x2 pixel PNG, made here so the tests need no picture files."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + b"\x1d\x6b\x2f" * 2 for _ in range(2))
    header = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
