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

The splitter ends a sentence at `.`, `!`, `?` or `…` followed by a space or the
end, unless the next word starts with a lower-case letter, or the word before a
full stop is a known abbreviation ("e.g.", "i.e.", "Dr.", "Mr.", "approx." …).
Decimals ("2.5") never split: there is no space after their point.
"""

from __future__ import annotations

import html
import re
import string
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple


class Token(NamedTuple):
    """One word: its offset in the sentence text and the word as written."""

    start: int
    text: str


@dataclass(frozen=True)
class Sentence:
    """One sentence: the 1-based source line it starts on, its plain text, its word count."""

    line: int
    text: str
    words: int
    #: Where later source lines begin inside `text`: (offset, line), ascending.
    breaks: tuple[tuple[int, int], ...] = field(default=(), repr=False, compare=False)
    #: The words as written (`words` of them); see `tokens()` for their offsets.
    tokens: tuple[str, ...] = field(default=(), repr=False, compare=False)

    def line_at(self, offset: int) -> int:
        """The source line of the character at `offset` in `text`."""
        line = self.line
        for start, number in self.breaks:
            if start > offset:
                break
            line = number
        return line


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

_CODE_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
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
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)

Unit = list[tuple[int, str]]  # (line, raw inline text) pieces of one sentence group


def _blank_comments(body: str) -> str:
    """HTML comments become blank lines, so line numbers stay right."""
    return _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), body)


def _closes_fence(line: str, fence: str) -> bool:
    stripped = line.strip()
    return stripped.startswith(fence) and not stripped.strip(fence[0])


def _is_table_row(line: str, next_line: str, in_table: bool) -> bool:
    if "|" not in line:
        return False
    return in_table or line.lstrip().startswith("|") or bool(_TABLE_DELIMITER.match(next_line) and "-" in next_line)


def _units(lines: list[str], body_start: int, abbreviations: dict[str, int]) -> Iterator[Unit]:
    """Sentence groups of the body, in order: each is split into sentences on its own.

    Abbreviation definitions met on the way are added to `abbreviations`.
    """
    paragraph: Unit = []
    code_fence: str | None = None
    in_options = False  # indented `key: value` lines right after a `///` opener
    in_indented_code = False
    in_table = False
    container = False  # after a list item, definition, footnote or admonition
    previous_blank = True

    def flush() -> Iterator[Unit]:
        nonlocal paragraph
        if paragraph:
            yield paragraph
            paragraph = []

    for number in range(body_start, len(lines) + 1):
        line = lines[number - 1]
        if "\t" in line:
            line = line.expandtabs(4)
        if ">" in line:
            line = _QUOTE.sub("", line)
        stripped = line.strip()
        if code_fence is not None:
            if _closes_fence(line, code_fence):
                code_fence = None
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
        if (fence := _CODE_FENCE.match(line)) and not (fence.group(1)[0] == "`" and "`" in line[fence.end():]):
            yield from flush()
            code_fence = fence.group(1)
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
            yield from flush()  # the paragraph was a heading
            continue
        if _THEMATIC.match(line):
            yield from flush()
            continue
        if heading := _HEADING.match(line):
            yield from flush()
            yield [(number, heading.group(1) or "")]
            continue
        next_line = lines[number] if number < len(lines) else ""
        if _is_table_row(line, next_line, in_table):
            yield from flush()
            in_table = True
            if not _TABLE_DELIMITER.match(line):
                yield from ([(number, cell)] for cell in _cells(line))
            continue
        if admonition := _ADMONITION.match(line):
            yield from flush()
            container = True
            if admonition.group(1):
                yield [(number, admonition.group(1))]
            continue
        start = _LIST_ITEM.match(line) or _DEFINITION.match(line) or _FOOTNOTE_DEF.match(line)
        if start:
            yield from flush()
            container = True
            paragraph = [(number, _TASK_BOX.sub("", start.group(1) or ""))]
            continue
        paragraph.append((number, stripped))
    yield from flush()


def _cells(row: str) -> list[str]:
    cleaned = _clean_inline(row.strip())
    cells = re.split(r"(?<!\\)\|", cleaned)
    if cells and not cells[0].strip():
        cells = cells[1:]
    if cells and not cells[-1].strip():
        cells = cells[:-1]
    return [cell.strip() for cell in cells]


# --- inline level --------------------------------------------------------------------

_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)")
_IMAGE = re.compile(r"!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])")
_LINK = re.compile(r"\[([^\]]*)\](?:\((?:[^()]|\([^)]*\))*\)|\[[^\]]*\])")
_FOOTNOTE_REF = re.compile(r"\[\^[^\]]+\]")
_AUTOLINK = re.compile(r"<(?:[a-z][a-z0-9+.-]*:|[^>\s@]+@)[^>\s]*>", re.IGNORECASE)
_URL = re.compile(r"(?:\b[a-z][a-z0-9+.-]*://|\bwww\.)\S+?(?=[.,;:!?)\]]*(?:\s|$))", re.IGNORECASE)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_ATTR_LIST = re.compile(r"(?<!\{)\{:?\s*[#.:][^{}]*\}(?!\})")
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_STAR_RUN = re.compile(r"\*{1,3}|~~")
_UNDERSCORE_RUN = re.compile(r"(?<![\w_])_{1,3}(?=[^\s_])|(?<=[^\s_])_{1,3}(?![\w_])")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<])")
_SPACE_BEFORE_STOP = re.compile(r"\s+(?=[.,;:!?](?:\s|$))")


def _clean_inline(text: str) -> str:
    """Remove what is not prose (code, images, link targets, URLs), keep the markup."""
    # Each pattern runs only if its marker character is present: most lines have none.
    if "`" in text:
        text = _CODE_SPAN.sub("", text)
    if "[" in text:
        text = _IMAGE.sub("", text)
        text = _FOOTNOTE_REF.sub("", text)
        text = _LINK.sub(r"\1", text)
    if "<" in text:
        text = _AUTOLINK.sub("", text)
    if "://" in text or "www." in text or "WWW." in text:
        text = _URL.sub("", text)
    if "@" in text:
        text = _EMAIL.sub("", text)
    if "{" in text:
        text = _ATTR_LIST.sub("", text)
    return text


def strip_markup(raw: str) -> str:
    """Plain text of cleaned inline Markdown: no tags, emphasis marks or escapes."""
    text = raw
    if "<" in text:
        text = _TAG.sub("", text)
    if "*" in text or "~" in text:
        text = _STAR_RUN.sub("", text)
    if "_" in text:
        text = _UNDERSCORE_RUN.sub("", text)
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    if "&" in text:
        text = html.unescape(text)
    text = " ".join(text.split())
    if " ." in text or " ," in text or " ;" in text or " :" in text or " !" in text or " ?" in text:
        text = _SPACE_BEFORE_STOP.sub("", text)
    return text


# --- words and sentences -------------------------------------------------------------

_WORD = re.compile(
    r"\{\{.*?\}\}"  # a variable is one word
    r"|_{4,}"  # a write-on blank is one word
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 1,000
    r"|\d{1,2}:\d{2}"  # 9:30
    r"|[^\W_]+(?:[-'\u2019.][^\W_]+)*"  # words, e.g., don't, well-being, 2.5
)
_EDGE_PUNCTUATION = string.punctuation + "\u201c\u201d\u2018\u2019\u2026\u2013\u2014\u00ab\u00bb\u00a3\u20ac"
_SENTENCE_END = re.compile(r"([.!?\u2026]+)[\"'\u201d\u2019)\]]*\s+(?=\S)")
_ABBREVIATIONS = frozenset(
    "e.g eg i.e ie dr mr mrs ms mx prof st vs approx fig ref cf a.m p.m incl tel ext dept".split()
)


def words_of(text: str) -> list[str]:
    """The words of a plain text, as counted for sentence length and scores.

    A word is a run of letters and digits, which may hold - ' . , : between them
    (well-being, don't, e.g, 2.5, 1,000, 9:30); a `{{ variable }}` and a `____`
    blank are one word each.
    """
    if "{{" in text or "__" in text:
        return _WORD.findall(text)
    # Fast path (same words, 3x quicker than the regex): split on spaces, trim punctuation.
    return [word for word in [chunk.strip(_EDGE_PUNCTUATION) for chunk in text.split()] if word]


def tokens(text: str) -> list[Token]:
    """The words of a plain text with their offsets (for finding a word's line)."""
    return [Token(m.start(), m.group(0)) for m in _WORD.finditer(text)]


def _sentence_ends(text: str) -> list[int]:
    """Offsets where a new sentence starts."""
    ends = []
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if text[end].islower():
            continue  # "e.g. the", "etc. and": not a new sentence
        if match.group(1) == ".":
            start = match.start()
            before = text[text.rfind(" ", 0, start) + 1 : start]
            if before.lstrip("(\"'\u201c\u2018").lower() in _ABBREVIATIONS:
                continue
        ends.append(end)
    return ends


def _split_unit(unit: Unit) -> Iterator[Sentence]:
    pieces: list[str] = []
    starts: list[tuple[int, int]] = []  # (offset in the joined text, source line)
    offset = 0
    for line, raw in unit:
        plain = strip_markup(raw)
        if not plain:
            continue
        starts.append((offset, line))
        pieces.append(plain)
        offset += len(plain) + 1
    if not pieces:
        return
    text = " ".join(pieces)
    ends = _sentence_ends(text) if "." in text or "!" in text or "?" in text or "\u2026" in text else []
    if not ends and len(starts) == 1:  # the usual heading, list item or table cell
        words = words_of(text)
        if words:
            yield Sentence(starts[0][1], text, len(words), (), tuple(words))
        return
    bounds = [0, *ends, len(text)]
    for begin, end in zip(bounds, bounds[1:]):
        chunk = text[begin:end]
        sentence_text = chunk.strip()
        words = words_of(sentence_text)
        if not words:
            continue
        first = begin + len(chunk) - len(chunk.lstrip())
        last = first + len(sentence_text)
        line = starts[0][1]
        breaks: list[tuple[int, int]] = []
        for start, number in starts:
            if start <= first:
                line = number
            elif start < last:
                breaks.append((start - first, number))
        yield Sentence(line, sentence_text, len(words), tuple(breaks), tuple(words))


def extract(text: str, body_start: int) -> Extraction:
    """Sentences, prose lines and abbreviation definitions of a whole file."""
    lines = _blank_comments(text).split("\n")
    sentences: list[Sentence] = []
    prose: list[ProseLine] = []
    abbreviations: dict[str, int] = {}
    for unit in _units(lines, max(1, body_start), abbreviations):
        cleaned = [(line, _clean_inline(raw)) for line, raw in unit]
        prose.extend(ProseLine(line, raw) for line, raw in cleaned if raw.strip())
        sentences.extend(_split_unit(cleaned))
    return Extraction(sentences, prose, abbreviations)


def extract_sentences(text: str, body_start: int) -> list[Sentence]:
    """The sentences of a whole file (front matter before `body_start` is skipped)."""
    return extract(text, body_start).sentences
