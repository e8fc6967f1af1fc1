"""mammoth's HTML -> blocks of inline Markdown (the `convert` step).

Bold, italics, links, footnote references and pictures become Markdown marks;
headings, paragraphs, nested lists and tables become `Block`s. Merged table cells
are split (the text stays in the first cell) and reported; bookmarks inside the
document become plain text because a page has no Word bookmarks to jump to.
"""

from __future__ import annotations

import re

from lxml import html as lxml_html

from build_tools.importer.model import Block, Item

CHECKBOX_CHARS = "☐☑☒□■"
_LONE_UNDERSCORE = re.compile(r"(?<![_A-Za-z0-9])_(?!_)|(?<!_)_(?![_A-Za-z0-9])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_FOOTNOTE = re.compile(r"^#(foot|end)note-(\d+)$")


def to_blocks(html: str) -> list[Block]:
    """Every top-level element of mammoth's output, in order."""
    root = lxml_html.fragment_fromstring(html, create_parent="div")
    blocks: list[Block] = []
    for element in root:
        blocks.extend(_block(element))
    return blocks


def _block(element: lxml_html.HtmlElement) -> list[Block]:
    tag = element.tag
    style = element.get("class", "")
    if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
        text, italic = inline(element)
        return [Block("heading", text, level=int(tag[1]), style=style, italic=italic)] if text else []
    if tag == "p":
        return _paragraphs(element, style)
    if tag in ("ul", "ol"):
        if _is_footnote_list(element):
            return [_footnotes(element)]
        items: list[Item] = []
        italic = _list_items(element, 0, items)
        return [Block("list", items=items, italic=italic)] if items else []
    if tag == "table":
        return [_table(element)]
    text, italic = inline(element)
    return [Block("para", text, italic=italic)] if text else []


def _paragraphs(element: lxml_html.HtmlElement, style: str) -> list[Block]:
    """A paragraph with line breaks is one paragraph per line (addresses, sign-off lines)."""
    text, italic = inline(element, line_break="\n")
    return [Block("para", line.strip(), style=style, italic=italic) for line in text.split("\n") if line.strip()]


def _list_items(element: lxml_html.HtmlElement, depth: int, items: list[Item]) -> bool:
    ordered = element.tag == "ol"
    italic = False
    for li in element.findall("li"):
        nested = [child for child in li if child.tag in ("ul", "ol")]
        for child in nested:
            li.remove(child)
        text, it = inline(li)
        italic |= it
        if text:
            items.append(Item(text, depth, ordered))
        for child in nested:
            italic |= _list_items(child, depth + 1 if text else depth, items)
    return italic


def _table(element: lxml_html.HtmlElement) -> Block:
    """Rows of cells; a merged cell is split, its text kept in the first cell."""
    rows: list[list[str]] = []
    pending: dict[int, int] = {}  # column -> rows still covered by a cell merged downwards
    merged = italic = False
    for tr in element.iter("tr"):
        row: list[str] = []
        for cell in tr:
            if cell.tag not in ("td", "th"):
                continue
            while pending.get(len(row), 0) > 0:
                pending[len(row)] -= 1
                row.append("")
            text, it = inline(cell, line_break="<br>")
            italic |= it
            row.append(re.sub(r"^(\s*<br>\s*)+|(\s*<br>\s*)+$", "", text).replace("|", "\\|"))
            span, down = int(cell.get("colspan", 1)), int(cell.get("rowspan", 1))
            if down > 1:
                pending[len(row) - 1] = down - 1
                merged = True
            if span > 1:
                row.extend([""] * (span - 1))
                merged = True
        while pending.get(len(row), 0) > 0:
            pending[len(row)] -= 1
            row.append("")
        rows.append(row)
    block = Block("table", rows=rows or [[""]], italic=italic)
    if merged:
        block.note("merged-cells", "the Word table had merged cells; they were split and the text kept in the first of them", "check the table reads correctly, or turn it into headings and lists")
    return block


def _is_footnote_list(element: lxml_html.HtmlElement) -> bool:
    ids = [li.get("id", "") for li in element.findall("li")]
    return bool(ids) and all(re.match(r"^(foot|end)note-\d+$", i) for i in ids)


def _footnotes(element: lxml_html.HtmlElement) -> Block:
    items = []
    for li in element.findall("li"):
        for back in li.iter("a"):
            if (back.get("href") or "").startswith(("#footnote-ref", "#endnote-ref")):
                back.getparent().remove(back) if back.getparent() is not None else None
                break
        text, _ = inline(li, line_break=" ")
        number = int(li.get("id", "x-0").rsplit("-", 1)[-1]) + (1000 if li.get("id", "").startswith("end") else 0)
        items.append(Item(" ".join(text.split()), depth=number))
    return Block("footnotes", items=items)


def inline(element: lxml_html.HtmlElement, line_break: str = " ") -> tuple[str, bool]:
    """An element's content as inline Markdown, and whether it held italics."""
    state = {"italic": False}
    text = _inline(element, state, line_break)
    text = re.sub(r"[ \t\u00a0]+", " ", text.replace("\t", " "))
    text = re.sub(r"\*\*\s*\*\*", "", text)
    return text.strip(), state["italic"]


def _inline(element: lxml_html.HtmlElement, state: dict[str, bool], line_break: str) -> str:
    parts = [_escape(element.text or "")]
    for child in element:
        parts.append(_child(child, state, line_break))
        parts.append(_escape(child.tail or ""))
    return "".join(parts)


def _child(child: lxml_html.HtmlElement, state: dict[str, bool], line_break: str) -> str:
    tag = child.tag
    if tag == "br":
        return line_break
    if tag == "img":
        return f"![{child.get('alt', '')}]({child.get('src', '')})"
    if tag == "input" and child.get("type") == "checkbox":
        return CHECKBOX_CHARS[0] + " "
    inner = _inline(child, state, line_break)
    if tag in ("strong", "b"):
        return _wrap(inner, "**")
    if tag in ("em", "i"):
        state["italic"] = True
        return _wrap(inner, "*")
    if tag == "a":
        return _link(child, inner)
    if tag == "p":
        return inner + line_break
    if tag in ("ul", "ol"):
        return line_break.join(f"• {_inline(li, state, ' ').strip()}" for li in child.findall("li")) + line_break
    return inner


def _link(anchor: lxml_html.HtmlElement, inner: str) -> str:
    href = anchor.get("href") or ""
    note = _FOOTNOTE.match(href)
    if note:
        return f"[^{int(note.group(2)) + (1000 if note.group(1) == 'end' else 0)}]"
    if not href or href.startswith("#"):
        return inner  # a bookmark inside the Word file: there is nothing to jump to on a page
    return f"[{inner}]({href})" if inner.strip() else ""


def _wrap(inner: str, mark: str) -> str:
    """`**text**` with the spaces Word keeps inside a bold run moved outside the marks."""
    if not inner.strip():
        return inner
    lead, core, trail = re.match(r"^(\s*)(.*?)(\s*)$", inner, re.S).groups()  # type: ignore[union-attr]
    return f"{lead}{mark}{core}{mark}{trail}"


def _escape(text: str) -> str:
    """Word's text as Markdown that shows the same characters (no accidental marks or links)."""
    for char in "\\*`[":
        text = text.replace(char, "\\" + char)
    text = _LONE_UNDERSCORE.sub(r"\\_", text)  # a run of 2+ is a blank line to write on, kept
    return _ENTITY.sub("&amp;", text).replace("<", "&lt;")

