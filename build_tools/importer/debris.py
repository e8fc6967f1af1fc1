"""Remove what Word leaves behind that a web page must not show.

The contents list (a page has its own), "Error! Bookmark not defined.", page
numbers, running headers and footers pasted into the body, empty paragraphs,
and manual numbering ("3.2", "a)") that only repeated Word's layout.
"""

from __future__ import annotations

import re
from collections import Counter

from build_tools.importer.model import Block, Draft

_CONTENTS = re.compile(r"^(table of )?contents$", re.I)
_TOC_ENTRY = re.compile(r"(\t|\.{3,}|\s)\s*(\d{1,3}|[ivxlc]{1,5}|Error! Bookmark not defined\.)\s*$", re.I)
_BOOKMARK = re.compile(r"\s*Error! Bookmark not defined\.?", re.I)
_BROKEN_REF = re.compile(r"\s*Error! Reference source not found\.?", re.I)
_PAGE_NUMBER = re.compile(r"^(page\s+)?\d{1,3}(\s*(of|/)\s*\d{1,3})?$", re.I)
#: Manual clause numbers: "3", "3.2", "3.2.1.", "a)", "(b)", "iv)" before the text.
_NUMBERING = re.compile(r"^(?:\d+(?:\.\d+)*\.?|\(?[a-z]\)|\(?[ivx]{1,4}\))\s+(?=\S)", re.I)
_CLAUSE_NUMBER = re.compile(r"^\d+(?:\.\d+)+\.?\s+(?=\S)|^\(?[a-z]\)\s+(?=\S)", re.I)
#: Text that points at a clause by its number: then the numbers mean something, and stay.
_CROSS_REFERENCE = re.compile(r"\b(?:section|clause|paragraph|para\.?)\s+\d+(?:\.\d+)*", re.I)


def remove_debris(draft: Draft, running: set[str]) -> None:
    """Edit `draft.blocks` in place and say what was removed in `draft.done`."""
    blocks = draft.blocks
    blocks[:] = _without_contents(blocks, draft)
    for block in blocks:
        _fix_word_errors(block)
    kept: list[Block] = []
    page_numbers = header_lines = 0
    repeated = _repeated_lines(blocks)
    for block in blocks:
        text = " ".join(block.plain.split())
        if block.kind == "para" and block.style == "running" or (block.kind == "para" and text in running):
            header_lines += 1
        elif block.kind == "para" and text in repeated:
            header_lines += 1
        elif block.kind == "para" and _PAGE_NUMBER.match(text):
            page_numbers += 1
        elif block.kind in ("para", "heading") and not text and "![" not in block.text:
            continue
        else:
            kept.append(block)
    blocks[:] = kept
    draft.did("removed page numbers", page_numbers)
    draft.did("removed running header and footer lines", header_lines)
    _manual_numbering(draft)


def _without_contents(blocks: list[Block], draft: Draft) -> list[Block]:
    """Drop Word's contents list: the `TOC` styled lines, or a "Contents" line and the
    entries after it (each ending with a page number or a broken bookmark)."""
    out: list[Block] = []
    removed = 0
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if block.style == "toc":
            removed += 1
            i += 1
            continue
        if block.kind in ("para", "heading") and _CONTENTS.match(block.plain.strip()) and _entries_follow(blocks, i + 1):
            removed += 1
            i += 1
            while i < len(blocks) and (blocks[i].style == "toc" or _is_entry(blocks[i]) or _short_before_entry(blocks, i)):
                removed += 1
                i += 1
            continue
        out.append(block)
        i += 1
    if removed:
        draft.did("removed the contents list")
    return out


def _is_entry(block: Block) -> bool:
    return block.kind == "para" and bool(_TOC_ENTRY.search(block.text)) and len(block.plain.split()) <= 16


def _entries_follow(blocks: list[Block], start: int) -> bool:
    window = blocks[start:start + 4]
    return any(b.style == "toc" or _is_entry(b) for b in window)


def _short_before_entry(blocks: list[Block], i: int) -> bool:
    """Group lines inside a contents list ("Policy", "Procedure") sit between entries."""
    block = blocks[i]
    return block.kind == "para" and len(block.plain.split()) <= 4 and _entries_follow(blocks, i + 1)


def _fix_word_errors(block: Block) -> None:
    """Word's field errors: a bookmark error is noise; a broken cross-reference lost words."""
    for index, text in block.texts():
        cleaned = _BOOKMARK.sub("", text)
        if _BROKEN_REF.search(cleaned):
            cleaned = _BROKEN_REF.sub("", cleaned)
            block.note("broken-reference", "Word could not find what this sentence referred to (\"Error! Reference source not found.\" was removed)", "say what it refers to, or link to the page", index)
        block.set_text(index, cleaned)


def _repeated_lines(blocks: list[Block]) -> set[str]:
    """Short lines repeated 3 times or more: a running header pasted in on every page."""
    counts = Counter(" ".join(b.plain.split()) for b in blocks if b.kind == "para")
    return {text for text, n in counts.items() if n >= 3 and 0 < len(text.split()) <= 12 and "_" not in text and ":" in text}


def _manual_numbering(draft: Draft) -> None:
    """Headings, clauses and list items lose typed-in numbers, unless the text refers to
    clauses by number ("see section 6"): then every number stays and each reference is reported."""
    references = [(block, index, m.group(0)) for block in draft.blocks for index, text in block.texts() for m in _CROSS_REFERENCE.finditer(text)]
    if references:
        for block, index, what in references:
            block.note("clause-reference", f"refers to \"{what}\"; the clause numbers were kept because of it", "link to the heading instead, then remove the numbers", index)
        return
    removed = 0
    for block in draft.blocks:
        pattern = _NUMBERING if block.kind == "heading" else _CLAUSE_NUMBER
        for index, text in block.texts():
            if block.kind in ("heading", "para", "list") and pattern.match(text):
                block.set_text(index, pattern.sub("", text, count=1))
                removed += 1
    draft.did("removed typed-in numbering from headings and clauses", removed)

