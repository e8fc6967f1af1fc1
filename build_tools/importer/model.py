"""What an imported document is while it is being turned into a page: a list of blocks.

Every pass (debris, metadata, structure, local details) edits the same list, and
attaches notes to the block they are about. Only when the page is written do the
blocks become Markdown lines, and each note gets the line it points at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "para", "list", "table", "signatures", "footnotes"]


@dataclass
class Note:
    """Something an author has to look at, `offset` lines into its block."""

    rule: str
    message: str
    fix: str = ""
    offset: int = 0


@dataclass
class Item:
    """One list item: inline Markdown, nesting depth (0 = top), numbered or not, tick box or not."""

    text: str
    depth: int = 0
    ordered: bool = False
    task: bool = False


@dataclass
class Block:
    """One heading, paragraph, list, table, signature block or footnote list."""

    kind: BlockKind
    text: str = ""
    level: int = 0
    #: Word's style class as mammoth wrote it (`title`, `toc`), for the debris and metadata passes.
    style: str = ""
    items: list[Item] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    italic: bool = False

    @property
    def plain(self) -> str:
        """The text without Markdown marks, for matching labels and dates."""
        return plain(self.text)

    def texts(self) -> list[tuple[int, str]]:
        """(offset, text) for each line of text, for the passes that edit text
        (a table row is its cells joined by tabs)."""
        if self.kind in ("heading", "para"):
            return [(0, self.text)]
        if self.kind == "table":
            return [(r, "\t".join(row)) for r, row in enumerate(self.rows)]
        return [(i, item.text) for i, item in enumerate(self.items)]

    def set_text(self, offset: int, text: str) -> None:
        """Replace what `texts()` gave at `offset`."""
        if self.kind in ("heading", "para"):
            self.text = text.strip()
        elif self.kind == "table":
            self.rows[offset] = [cell.strip() for cell in text.split("\t")]
        else:
            self.items[offset].text = text.strip()

    def note(self, rule: str, message: str, fix: str = "", offset: int = 0) -> None:
        self.notes.append(Note(rule, message, fix, offset))

    def lines(self) -> list[str]:
        """The block as Markdown lines (without the blank line that separates blocks)."""
        if self.kind == "heading":
            # A heading's trailing `#`s would be read as its closing marks.
            return [f"{'#' * self.level} {re.sub(r'#+$', lambda m: chr(92) + m.group(0), self.text)}"]
        if self.kind == "para":
            return [safe_start(self.text)]
        if self.kind == "list":
            return [_item_line(item) for item in self.items]
        if self.kind == "table":
            width = max(len(row) for row in self.rows)
            rows = [row + [""] * (width - len(row)) for row in self.rows]
            out = [_row(rows[0]), "| " + " | ".join("---" for _ in range(width)) + " |"]
            return out + [_row(row) for row in rows[1:]]
        if self.kind == "signatures":
            head = f"/// signatures | {self.text}" if self.text else "/// signatures"
            return [head, *(f"- {safe_start(item.text)}" for item in self.items), "///"]
        return [f"[^{item.depth}]: {item.text}" for item in self.items]

    def line_of(self, offset: int) -> int:
        """Which of `lines()` a note's offset points at (tables have a separator row)."""
        if self.kind == "table" and offset > 0:
            return offset + 1
        if self.kind == "signatures":
            return offset + 1
        return offset


def _item_line(item: Item) -> str:
    marker = "1." if item.ordered else "-"
    box = "[ ] " if item.task else ""
    return f"{'    ' * item.depth}{marker} {box}{safe_start(item.text)}"


def safe_start(text: str) -> str:
    """Text that starts like Markdown syntax (`# `, `- `, `1. `, `---`) must stay text."""
    return "\\" + text if _LOOKS_LIKE_SYNTAX.match(text) else text


def _row(cells: list[str]) -> str:
    return "|" + "|".join(f" {cell} " if cell else " " for cell in cells) + "|"


_LOOKS_LIKE_SYNTAX = re.compile(r"^(#|>|[-+] |\d+\. |-{3,}\s*$|/{3,})")
_MARKS = re.compile(r"\*\*|(?<![\\*])\*(?!\*)|\[\^\d+\]|\\(?=[*_#|\[\]`\\])")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


def plain(text: str) -> str:
    """Inline Markdown -> text: links keep their words, marks and footnote references go."""
    return _MARKS.sub("", _LINK.sub(r"\1", text)).strip()


@dataclass
class Draft:
    """A document on its way to becoming a page."""

    blocks: list[Block]
    #: Front matter, in the order it is written.
    meta: dict[str, object] = field(default_factory=dict)
    #: Notes about front matter keys (`review_due`, …) or, under "", the page as a whole.
    meta_notes: list[tuple[str, Note]] = field(default_factory=list)
    #: What the import did, in plain words, for the summary it prints.
    done: list[str] = field(default_factory=list)

    def note_meta(self, key: str, rule: str, message: str, fix: str = "") -> None:
        self.meta_notes.append((key, Note(rule, message, fix)))

    def did(self, what: str, count: int = 1) -> None:
        if count:
            self.done.append(what if count == 1 else f"{what} ({count})")
