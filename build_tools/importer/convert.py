"""One Word document -> one page: the story, stage by stage.

read (mammoth, python-docx) -> blocks -> remove debris -> front matter -> our
structure -> local details -> notes for the author -> Markdown with every note on
its line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from build_tools.importer.blocks import to_blocks
from build_tools.importer.debris import remove_debris
from build_tools.importer.details import replace_details
from build_tools.importer.metadata import take_metadata
from build_tools.importer.model import Draft, Note
from build_tools.importer.read import WEB_PICTURES, Picture, read_docx
from build_tools.importer.structure import apply_structure, suggest_type

FRONT_MATTER_ORDER = ("title", "roles", "type", "owner", "valid_from", "review_due", "version")


@dataclass
class Page:
    """A converted document, ready to be written."""

    markdown: str
    pictures: list[Picture]
    #: (line in `markdown`, note) for everything an author should look at.
    notes: list[tuple[int, Note]] = field(default_factory=list)
    done: list[str] = field(default_factory=list)
    type: str = "policy"


def convert(path: Path, page_stem: str, variables: dict[str, Any], roles: list[str] | None, page_type: str | None) -> Page:
    """Convert the Word file at `path` into a page named `<page_stem>.md`.

    Raises `BadDocument` (one line) when the file is not a readable .docx."""
    source = read_docx(path, page_stem)
    draft = Draft(to_blocks(source.html))
    remove_debris(draft, source.running)
    take_metadata(draft, source.title_property, page_stem)
    apply_structure(draft)
    chosen = suggest_type(draft, page_type)
    replace_details(draft, variables)
    _reader_notes(draft, source.pictures)
    for message in source.messages:
        draft.note_meta("", "word", f"mammoth: {message}", "check the page against the Word document")
    for text in source.lost:
        shown = text if len(text) <= 80 else text[:77] + "…"
        draft.note_meta("", "lost-text", f"this text in the Word file could not be imported: \"{shown}\"",
                        "copy it into the page by hand; text in Word shapes and text boxes is the usual cause")
    meta = {"title": draft.meta["title"], "roles": roles, "type": chosen} | {k: v for k, v in draft.meta.items() if k != "title"}
    markdown, notes = render(draft, meta)
    return Page(markdown, source.pictures, notes, draft.done, chosen)


def _reader_notes(draft: Draft, pictures: list[Picture]) -> None:
    """Italics (easy-read pages forbid them) and pictures Word gave no description."""
    by_name = {p.name: p for p in pictures}
    for block in draft.blocks:
        if block.italic:
            block.note("italics", "italics were kept; they are hard to read for many readers and easy-read pages forbid them", "use plain text, or bold for what matters most")
        for offset, text in block.texts():
            for name, picture in by_name.items():
                if f"]({name})" not in text:
                    continue
                if f"![]({name})" in text:
                    block.note("picture-alt", f"picture {name} has no description in Word", f"write what it shows: ![what it shows]({name})", offset)
                if picture.content_type not in WEB_PICTURES:
                    block.note("picture-format", f"picture {name} is {picture.content_type or 'of an unknown type'}, which browsers do not show", "save it as PNG or SVG and change the link", offset)


def render(draft: Draft, meta: dict[str, Any]) -> tuple[str, list[tuple[int, Note]]]:
    """Front matter and blocks as Markdown; each note paired with its 1-based line."""
    lines = ["---"]
    key_line: dict[str, int] = {}
    for key in FRONT_MATTER_ORDER:
        value = meta.get(key)
        if value is None:
            continue
        key_line[key] = len(lines) + 1
        lines.append(f"{key}: {_yaml(value)}")
    lines.append("---")
    notes = [(key_line.get(key, 2), note) for key, note in draft.meta_notes]
    body = [b for b in draft.blocks if b.kind != "footnotes"] + [b for b in draft.blocks if b.kind == "footnotes"]
    for block in body:
        lines.append("")
        start = len(lines) + 1
        notes += [(start + block.line_of(note.offset), note) for note in block.notes]
        lines.extend(block.lines())
    return "\n".join(lines) + "\n", sorted(notes, key=lambda pair: pair[0])


def _yaml(value: Any) -> str:
    """A front matter value as the content pages write it: dates bare, lists in brackets,
    text quoted only when YAML would misread it (versions always: `1.0` is text)."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(value) + "]"
    text = str(value)
    dumped = yaml.safe_dump(text, default_flow_style=True, width=10_000, allow_unicode=True).strip().removesuffix("...").strip()
    if dumped == text and not text.startswith("{{") and not _is_number(text):
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True

