"""Open a Word file: refuse what is not a readable .docx, then convert it with mammoth.

This is the only module that imports mammoth and python-docx. mammoth turns the
body into clean HTML (headings from styles, lists from Word's numbering, tables
with their merged cells, footnotes, pictures with their descriptions);
python-docx reads what mammoth leaves out: the running headers and footers, and
the document's own title property.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path

from build_tools.errors import GuidesError

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: Word's styles that mammoth does not map by default, and the class we give them.
STYLE_MAP = "\n".join([
    "p[style-name='Title'] => h1.title:fresh",
    "p[style-name='Subtitle'] => p.subtitle:fresh",
    "p[style-name^='toc'] => p.toc:fresh",
    "p[style-name^='TOC'] => p.toc:fresh",
    "p[style-name='Header'] => p.running:fresh",
    "p[style-name='Footer'] => p.running:fresh",
])
#: Picture types a browser shows; others are saved but reported.
WEB_PICTURES = {"image/png": "png", "image/jpeg": "jpg", "image/gif": "gif", "image/svg+xml": "svg"}


class BadDocument(GuidesError):
    """The file is not a Word document we can read; the message is one line naming it."""


@dataclass
class Picture:
    name: str
    data: bytes
    alt: str
    content_type: str


@dataclass
class Source:
    """A converted document: mammoth's HTML and what python-docx adds."""

    html: str
    pictures: list[Picture] = field(default_factory=list)
    #: Text of running headers and footers, to remove where it was pasted into the body.
    running: set[str] = field(default_factory=set)
    title_property: str = ""
    #: mammoth's own messages (styles it did not recognise, parts it ignored).
    messages: list[str] = field(default_factory=list)
    #: Paragraphs of the Word body whose text mammoth did not carry over.
    lost: list[str] = field(default_factory=list)


def read_docx(path: Path, picture_stem: str) -> Source:
    """Convert `path`; pictures are named `<picture_stem>-1.png`, … ."""
    _refuse_non_docx(path)
    import docx
    import mammoth

    pictures: list[Picture] = []

    def save_picture(image: mammoth.documents.Image) -> dict[str, str]:
        with image.open() as stream:
            data = stream.read()
        ext = WEB_PICTURES.get(image.content_type or "", (image.content_type or "bin").rsplit("/", 1)[-1].replace("x-", ""))
        name = f"{picture_stem}-{len(pictures) + 1}.{ext}"
        pictures.append(Picture(name, data, (image.alt_text or "").strip(), image.content_type or ""))
        return {"src": name, "alt": (image.alt_text or "").strip()}

    try:
        document = docx.Document(str(path))
        style_map = "\n".join([STYLE_MAP, *_heading_styles(document)])
        with path.open("rb") as stream:
            result = mammoth.convert_to_html(stream, style_map=style_map, convert_image=mammoth.images.img_element(save_picture))
    except Exception as exc:  # noqa: BLE001 - any failure inside the engines means the file is broken
        raise BadDocument(f"{path}: cannot be read as a Word document, it may be damaged ({type(exc).__name__}; open it in Word and save it again)") from None
    source = Source(result.value, pictures, _running_texts(document), (document.core_properties.title or "").strip())
    source.messages = [m.message for m in result.messages if "Unrecognised" not in m.message]
    source.lost = _lost_text(document, result.value)
    if not result.value.strip() or not any(text.strip() for text in _all_text(result.value)):
        raise BadDocument(f"{path}: the document is empty (nothing to import)")
    return source


def _refuse_non_docx(path: Path) -> None:
    if not path.is_file():
        raise BadDocument(f"{path}: file not found")
    with path.open("rb") as stream:
        head = stream.read(8)
    if not head:
        raise BadDocument(f"{path}: the file is empty (0 bytes)")
    if head == _OLE_MAGIC:
        data = path.read_bytes()
        if "EncryptionInfo".encode("utf-16-le") in data:
            raise BadDocument(f"{path}: the document is encrypted (open it in Word, remove the password, and save a copy)")
        raise BadDocument(f"{path}: this is an old Word .doc file, not .docx (open it in Word and save it as .docx)")
    if not zipfile.is_zipfile(path):
        raise BadDocument(f"{path}: not a Word .docx file (save it from Word as .docx)")
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            broken = archive.testzip()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error):  # zlib: a damaged compressed part
        raise BadDocument(f"{path}: the .docx file is damaged (open it in Word and save it again)") from None
    if "word/document.xml" not in names:
        raise BadDocument(f"{path}: not a Word document (the file is a zip without word/document.xml)")
    if broken:
        raise BadDocument(f"{path}: the .docx file is damaged ({broken} is corrupt; open it in Word and save it again)")


#: Word's own heading styles, which mammoth maps already.
_BUILT_IN_HEADING = re.compile(r"[Hh]eading [1-9]")


def _heading_styles(document: object) -> list[str]:
    """Style-map lines for a house's own heading styles ("Policy Heading 1", "Section
    Title"): a paragraph style is a heading when it, or a style it is based on, has an
    outline level or is one of Word's headings. Without this they become body text."""
    from docx.enum.style import WD_STYLE_TYPE

    lines = []
    for style in document.styles:  # type: ignore[attr-defined]
        name = getattr(style, "name", None) or ""
        if style.type != WD_STYLE_TYPE.PARAGRAPH or not name or "'" in name or _BUILT_IN_HEADING.fullmatch(name):
            continue
        if name in ("Title", "Subtitle") or name.lower().startswith("toc"):
            continue
        if level := _outline_level(style):
            lines.append(f"p[style-name='{name}'] => h{level}:fresh")
    return lines


def _outline_level(style: object) -> int | None:
    """1–6 for a heading style, by its own outline level or the nearest style it is based on."""
    seen: set[str] = set()
    while style is not None and getattr(style, "style_id", None) not in seen:
        seen.add(getattr(style, "style_id", ""))
        levels = style.element.xpath("./w:pPr/w:outlineLvl/@w:val")  # type: ignore[attr-defined]
        if levels:
            level = int(levels[0]) + 1 if str(levels[0]).isdigit() else 0
            return level if 1 <= level <= 6 else None  # Word's level 10 is body text
        if _BUILT_IN_HEADING.fullmatch(getattr(style, "name", "") or ""):
            return min(int(style.name.split()[1]), 6)  # type: ignore[attr-defined]
        style = getattr(style, "base_style", None)
    return None


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _lost_text(document: object, html: str) -> list[str]:
    """Paragraphs of the Word body whose text is nowhere in mammoth's HTML (a text box saved
    without the older copy that mammoth reads, say): reported, never silently dropped.
    The body is python-docx's, already parsed."""
    root = document.element  # type: ignore[attr-defined]
    shown = _squash(unescape(re.sub(r"<[^>]+>", "", html)))
    lost = []
    for paragraph in root.iter(f"{_W}p"):
        text = "".join(t.text or "" for t in paragraph.iter(f"{_W}t") if _paragraph_of(t) is paragraph)
        if (squashed := _squash(text)) and squashed not in shown:
            lost.append(" ".join(text.split()))
    return lost


def _paragraph_of(node: object) -> object:
    """The innermost paragraph holding a text run (a text box's paragraphs sit inside another's)."""
    while node is not None and getattr(node, "tag", None) != f"{_W}p":
        node = node.getparent()  # type: ignore[attr-defined]
    return node


def _squash(text: str) -> str:
    return "".join(text.split())


def _running_texts(document: object) -> set[str]:
    texts: set[str] = set()
    for section in document.sections:  # type: ignore[attr-defined]
        for part in (section.header, section.footer, section.first_page_header, section.first_page_footer, section.even_page_header, section.even_page_footer):
            if part.is_linked_to_previous:  # no header of its own: reading it would invent one
                continue
            for paragraph in part.paragraphs:
                texts.add(" ".join(paragraph.text.split()))
            for table in part.tables:
                for cell in (c for row in table.rows for c in row.cells):
                    texts.add(" ".join(cell.text.split()))
    return {text for text in texts if text}


def _all_text(html: str) -> list[str]:
    return [t for t in re.split(r"<[^>]+>", html) if t.strip()] or (["picture"] if "<img" in html else [])
