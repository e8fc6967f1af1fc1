"""Our structure from Word's layout: headings, tick tables, signature blocks, blanks, tick boxes.

- Heading levels start at `##` (the title is the page's only `#`); a paragraph that
  is one short bold line becomes a heading too, and is reported.
- A table whose last column is headed "Tick" (or ✓, "Tick box") stays a tick table,
  headed exactly `Tick`, with its boxes empty.
- "Signed: ____" lines, and tables of labels with empty cells beside them where
  one label is a signature, become `/// signatures` blocks; other runs of
  underscores or dots become our `____` blank.
- ☐ (and Word's check-box fields) become task items `- [ ]`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from build_tools.importer.blocks import CHECKBOX_CHARS
from build_tools.importer.metadata import is_metadata_label
from build_tools.importer.model import Block, Draft, Item

_BOLD_LINE = re.compile(r"^\*\*([^*]+)\*\*$")
_BLANK = re.compile(r"_{2,}|\.{5,}|…{2,}")
_SIGN = re.compile(r"\bsign(ed|ature|atures)?\b", re.I)
_SIGN_LABEL = re.compile(r"^(?P<label>[^_:|]{1,60}?)\s*:?\s*(?:____)?\s*$")
_SIGN_WORDS = re.compile(r"(?=.*\b(sign|signed|signature|name|date)\b)[\w ,'()/-]{1,50}", re.I)
_TICK_HEADS = {"tick", "tick box", "tickbox", "please tick", "✓", "✔", "tick ✓", "tick (✓)"}
_BOX = re.compile(f"^[{CHECKBOX_CHARS}]\\s*")


def apply_structure(draft: Draft) -> None:
    """Edit `draft.blocks` in place: headings, blanks, signatures, tick tables, tick boxes."""
    _headings(draft)
    for block in draft.blocks:
        for index, text in block.texts():
            if _BLANK.search(text):
                block.set_text(index, _BLANK.sub("____", text))
    draft.blocks[:] = _signature_lines(draft.blocks)
    blocks: list[Block] = []
    for block in draft.blocks:
        blocks.extend(_table(block) if block.kind == "table" else [block])
    draft.blocks[:] = _tick_boxes(blocks)
    draft.did("made signature blocks", sum(b.kind == "signatures" for b in draft.blocks))
    draft.did("kept tick tables", sum(is_tick_table(b) for b in draft.blocks))


def is_tick_table(block: Block) -> bool:
    return block.kind == "table" and block.rows[0][-1] == "Tick"


def _headings(draft: Draft) -> None:
    levels = sorted({b.level for b in draft.blocks if b.kind == "heading"})
    new_level = {level: min(2 + i, 6) for i, level in enumerate(levels)}
    previous, from_bold = 1, False
    for block in draft.blocks:
        if block.kind == "heading":
            block.level, from_bold = new_level[block.level], False
            previous = block.level
            continue
        bold = _BOLD_LINE.match(block.text) if block.kind == "para" else None
        if bold and len(bold.group(1).split()) <= 12 and not bold.group(1).rstrip().endswith((".", ":", ";", ",")):
            level = previous if from_bold else min(previous + 1, 4)
            block.kind, block.text, block.level = "heading", bold.group(1).strip(), level
            previous, from_bold = level, True
            block.note("bold-heading", f"a bold line in Word, not a heading style; made a level-{level} heading", "check it is a heading and at the right level")


def _signature_lines(blocks: list[Block]) -> list[Block]:
    """Runs of "Label: ____" lines with a signature among them become signature blocks."""
    out: list[Block] = []
    run: list[Block] = []
    for block in [*blocks, Block("para", "end of document")]:
        if block.kind == "para" and _is_sign_line(block.text):
            run.append(block)
            continue
        labels = [_SIGN_LABEL.match(b.text).group("label") for b in run]  # type: ignore[union-attr]
        if any(_SIGN.search(label) for label in labels):
            out.extend(signature_blocks(labels))
        else:
            out.extend(run)
        run = []
        out.append(block)
    return out[:-1]


def _is_sign_line(text: str) -> bool:
    """`Label: ____`, `Label:`, or a bare short label naming a signature, a name or a date."""
    match = _SIGN_LABEL.match(text)
    if not match or len(match.group("label").split()) > 8:
        return False
    return "____" in text or text.rstrip().endswith(":") or bool(_SIGN_WORDS.fullmatch(match.group("label")))


def signature_blocks(labels: list[str], heading: str = "") -> list[Block]:
    """One block per person: a new one starts at each signature label after the first."""
    groups: list[list[str]] = []
    for label in labels:
        if not groups or (_SIGN.search(label) and any(_SIGN.search(seen) for seen in groups[-1])):
            groups.append([])
        groups[-1].append(label.strip().rstrip(":"))
    return [Block("signatures", heading if i == 0 else "", items=[Item(label) for label in group]) for i, group in enumerate(groups)]


def _table(block: Block) -> list[Block]:
    rows = block.rows
    width = max(len(row) for row in rows)
    head = rows[0][-1].replace("<br>", " ").strip().lower().rstrip(":") if rows[0] else ""
    if width > 1 and (head in _TICK_HEADS or (head.startswith("tick") and len(head) <= 12)):
        if rows[0][-1] != "Tick":
            block.note("tick-table", f"the last column was headed \"{rows[0][-1]}\"; it is now \"Tick\" so it prints with tick boxes")
        rows[0][-1] = "Tick"
        ticked = [r for r, row in enumerate(rows[1:], start=1) if len(row) == width and row[-1].strip()]
        for r in ticked:
            block.note("ticked", f"the box in this row held \"{rows[r][-1]}\" in Word; it is empty on the page", "a checklist page is filled in on paper or on screen", r)
            rows[r][-1] = ""
        return [block]
    labels = [row[0] for row in rows if any(row)]
    if width > 1 and labels and all(row[0] and not any(c.strip("_ ") for c in row[1:]) for row in rows if any(row)):
        # A version-control table (Author, Review date, Signed off by) is not for signing.
        if any(_SIGN.search(label) for label in labels) and all(len(label.split()) <= 8 and not is_metadata_label(label) for label in labels):
            heading = labels.pop(0) if not re.search(r"sign|name|date", labels[0], re.I) else ""
            return signature_blocks(labels, heading)
    if width == 1:
        paras = [Block("para", row[0].replace("<br>", " ")) for row in rows if row and row[0]]
        if paras:
            paras[0].notes = block.notes
            paras[0].note("one-column-table", "a one-column table (a box round text in Word) became paragraphs", "check nothing was lost")
        return paras
    return [block]


def _tick_boxes(blocks: list[Block]) -> list[Block]:
    """☐ paragraphs (consecutive ones form one list) and ☐ list items become task items."""
    out: list[Block] = []
    for block in blocks:
        if block.kind == "list":
            for item in block.items:
                if _BOX.match(item.text):
                    _ticked(block, item.text, block.items.index(item))
                    item.text, item.task = _BOX.sub("", item.text), True
        if block.kind == "para" and _BOX.match(block.text) and _BOX.sub("", block.text):
            _ticked(block, block.text, 0)
            item = Item(_BOX.sub("", block.text), task=True)
            if out and out[-1].kind == "list" and out[-1].style == "boxes":
                out[-1].items.append(item)
                out[-1].notes.extend(replace(note, offset=len(out[-1].items) - 1) for note in block.notes)
                continue
            block = Block("list", style="boxes", items=[item], notes=block.notes)
        out.append(block)
    return out


def _ticked(block: Block, text: str, offset: int) -> None:
    if text[0] not in "☐□":
        block.note("ticked", f"this box was ticked in Word ({text[0]}); it is empty on the page", "a form is filled in by its reader", offset)


def suggest_type(draft: Draft, forced: str | None) -> str:
    """checklist (a tick table), form (signature blocks), otherwise policy; `forced` wins.

    A checklist or self-assessment with no tick boxes gets its top-level list items as
    task items, since those are what the printed sheet ticks or rates."""
    has_tick = any(is_tick_table(b) for b in draft.blocks)
    has_sign = any(b.kind == "signatures" for b in draft.blocks)
    suggested = "checklist" if has_tick else "form" if has_sign else "policy"
    chosen = forced or suggested
    if forced and forced != suggested:
        draft.did(f"type {forced} as asked (the document looks like a {suggested})")
    has_tasks = any(item.task for b in draft.blocks if b.kind == "list" for item in b.items)
    if chosen in ("checklist", "self-assessment") and not has_tick and not has_tasks:
        count = 0
        for block in draft.blocks:
            if block.kind == "list":
                for item in block.items:
                    if item.depth == 0:
                        item.task, count = True, count + 1
        draft.did(f"made list items tick boxes for the {chosen}", count)
    return chosen
