"""Markdown to sentences, each tied to its source line. Pure functions, no engines.

What is read (each of these is a sentence of its own even without a full stop):
headings, list items (and task items, definitions, footnotes), table cells, the
text rows of `/// picture` blocks (any block's content ends a sentence at the
block's fences), and ordinary paragraphs, split with our own splitter.

What is skipped: front matter (lines before `body_start`), fenced and indented
code, inline `code`, HTML comments, block fence lines (`/// name | arg`, `///`)
and the indented option lines that follow an opener (`    alt: …`),
abbreviation definitions (`*[X]: …`), link reference definitions, link targets,
images (alt text too), URLs and e-mail addresses, attribute lists (`{ .x }`),
thematic breaks and table delimiter rows. Markup is stripped: emphasis marks,
HTML tags (their text stays), link brackets (the link text stays), escapes and
entities. A `{{ variable }}` stays in the text and counts as one word; so does
a `____` write-on blank.

Each sentence group is handed to `sentences.split_unit` with its kind (heading,
table cell, list item or text), so the grade can leave out what is not prose.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from build_tools.content.scan import scan
from build_tools.readability.sentences import Kind, Sentence, Unit, clean_inline, split_unit


@dataclass(frozen=True)
class ProseLine:
    """A line's inline Markdown with code, URLs, link targets and images removed.

    Emphasis and HTML tags are still there: the italics rule reads these.
    """

    line: int
    raw: str


@dataclass(frozen=True)
class Extraction:
    sentences: list[Sentence]
    prose: list[ProseLine]
    #: `*[X]: …` definitions on the page: abbreviation -> line.
    abbreviations: dict[str, int]


# --- block level ---------------------------------------------------------------------

_BLOCK_FENCE = re.compile(r"^\s*/{3,}(?:\s*([A-Za-z][\w-]*))?")
_ABBR_DEF = re.compile(r"^\s{0,3}\*\[([^\]]+)\]:")
_LINK_DEF = re.compile(r"^\s{0,3}\[(?!\^)[^\]]+\]:\s*\S")
_HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s+(.*?))?(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^\s{0,3}(?:=+|-+)\s*$")
_THEMATIC = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])(?:\s+(.*))?$")
_TASK_BOX = re.compile(r"^\[[ xX]\]\s+")
_DEFINITION = re.compile(r"^\s*:\s+(.*)$")
_FOOTNOTE_DEF = re.compile(r"^\s{0,3}\[\^[^\]]+\]:\s*(.*)$")
_ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s*[\w-]+(?:\s+\"(.*)\")?\s*$")
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_TABLE_DELIMITER = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")



def _is_table_row(line: str, next_line: str, in_table: bool) -> bool:
    if "|" not in line:
        return False
    return in_table or line.lstrip().startswith("|") or bool(_TABLE_DELIMITER.match(next_line) and "-" in next_line)


def _units(lines: list[str], body_start: int, code: set[int], abbreviations: dict[str, int]) -> Iterator[tuple[Kind, Unit]]:
    """Sentence groups of the body, in order: each is split into sentences on its own.

    Abbreviation definitions met on the way are added to `abbreviations`.
    """
    paragraph: Unit = []
    in_options = False  # indented `key: value` lines right after a `///` opener
    in_indented_code = False
    in_table = False
    container = False  # after a list item, definition, footnote or admonition
    previous_blank = True

    kind: Kind = "text"

    def flush() -> Iterator[tuple[Kind, Unit]]:
        nonlocal paragraph, kind
        if paragraph:
            yield kind, paragraph
            paragraph = []
        kind = "text"

    for number in range(body_start, len(lines) + 1):
        line = lines[number - 1]
        if "\t" in line:
            line = line.expandtabs(4)
        if ">" in line:
            line = _QUOTE.sub("", line)
        stripped = line.strip()
        if number in code:
            yield from flush()
            continue
        if in_options:
            if stripped and line.startswith("    "):
                continue
            in_options = False
        if in_indented_code:
            if not stripped or line.startswith("    "):
                continue
            in_indented_code = False
        if not stripped:
            yield from flush()
            in_table = False
            previous_blank = True
            continue
        was_blank, previous_blank = previous_blank, False
        indent = len(line) - len(line.lstrip(" "))
        if was_blank and indent == 0:
            container = False  # a new top-level block (a list item sets it again below)
        if stripped[0].isalpha() and "|" not in stripped and (indent < 4 or not was_blank or container):
            paragraph.append((number, stripped))  # the common case: a line of a paragraph
            continue
        if block := _BLOCK_FENCE.match(line):
            yield from flush()
            in_options = block.group(1) is not None
            continue
        if abbreviation := _ABBR_DEF.match(line):
            abbreviations.setdefault(abbreviation.group(1).strip(), number)
            yield from flush()
            continue
        if _LINK_DEF.match(line):
            yield from flush()
            continue
        if indent >= 4 and was_blank and not container:
            yield from flush()
            in_indented_code = True
            continue
        if not was_blank and paragraph and _SETEXT.match(line):
            kind = "heading"  # the paragraph was a heading
            yield from flush()
            continue
        if _THEMATIC.match(line):
            yield from flush()
            continue
        if heading := _HEADING.match(line):
            yield from flush()
            yield "heading", [(number, heading.group(1) or "")]
            continue
        next_line = lines[number] if number < len(lines) else ""
        if _is_table_row(line, next_line, in_table):
            yield from flush()
            in_table = True
            if not _TABLE_DELIMITER.match(line):
                yield from (("cell", [(number, cell)]) for cell in _cells(line))
            continue
        if admonition := _ADMONITION.match(line):
            yield from flush()
            container = True
            if admonition.group(1):
                yield "heading", [(number, admonition.group(1))]
            continue
        start = _LIST_ITEM.match(line) or _DEFINITION.match(line) or _FOOTNOTE_DEF.match(line)
        if start:
            yield from flush()
            container = True
            paragraph, kind = [(number, _TASK_BOX.sub("", start.group(1) or ""))], "item"
            continue
        paragraph.append((number, stripped))
    yield from flush()


def _cells(row: str) -> list[str]:
    cleaned = clean_inline(row.strip())
    cells = re.split(r"(?<!\\)\|", cleaned)
    if cells and not cells[0].strip():
        cells = cells[1:]
    if cells and not cells[-1].strip():
        cells = cells[:-1]
    return [cell.strip() for cell in cells]


def extract(text: str, body_start: int) -> Extraction:
    """Sentences, prose lines and abbreviation definitions of a whole file."""
    # Fenced code and HTML comments, decided once for the whole product by the shared
    # scanner (the verdict the role blocks and the renderer's superfences reach).
    scanned = scan(text.split("\n"), max(1, body_start))
    sentences: list[Sentence] = []
    prose: list[ProseLine] = []
    abbreviations: dict[str, int] = {}
    for kind, unit in _units(scanned.visible, max(1, body_start), scanned.code, abbreviations):
        cleaned = [(line, clean_inline(raw)) for line, raw in unit]
        prose.extend(ProseLine(line, raw) for line, raw in cleaned if raw.strip())
        sentences.extend(split_unit(cleaned, kind))
    return Extraction(sentences, prose, abbreviations)


def extract_sentences(text: str, body_start: int) -> list[Sentence]:
    """The sentences of a whole file (front matter before `body_start` is skipped)."""
    return extract(text, body_start).sentences
