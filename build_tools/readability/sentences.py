"""Sentence level: inline Markdown to plain text, words, and the sentence splitter.

`extract.py` finds the blocks (sentence groups) of a page; this module turns
each group into `Sentence`s. Pure functions, no engines.

The splitter ends a sentence at `.`, `!`, `?` or `…` followed by a space, except:

* the next word starts with a lower-case letter ("e.g. the", "etc. and");
* the word before a full stop is an abbreviation that is not used at the end
  of a sentence: titles and references before a name or number ("Dr", "Mr",
  "Mrs", "Ms", "St", "Prof", "No. 5", "Fig. 2"), "e.g.", "i.e.", "cf.", "approx." …
  ("a.m.", "p.m." and "etc." do end a sentence when a capital follows:
  "at 10.30 a.m. Please bring your letter" is two sentences);
* the word before is one capital letter: an initial ("J. K. Rowling");
* everything since the sentence began is an enumerator: "B. Follow the rules",
  "4.2. Scope", "iv. Pay".

Decimals and times ("2.5", "10.30") never split: there is no space after their
point. We measured pysbd and syntok against these rules (docs/readability.md).
"""

from __future__ import annotations

import html
import re
import string
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal, NamedTuple

from build_tools.content.scan import without_code_spans

#: Where a sentence was read: its block kind. Only prose counts for the grade.
Kind = Literal["text", "item", "heading", "cell"]

Unit = list[tuple[int, str]]  # (line, raw inline text) pieces of one sentence group


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
    kind: Kind = field(default="text", compare=False)

    def line_at(self, offset: int) -> int:
        """The source line of the character at `offset` in `text`."""
        line = self.line
        for start, number in self.breaks:
            if start > offset:
                break
            line = number
        return line

    @cached_property
    def lower_words(self) -> frozenset[str]:
        """The sentence's words in lower case: a quick test before a rule looks closer."""
        return frozenset(" ".join(self.tokens).lower().split())  # one lower() call: quicker

    @property
    def is_prose(self) -> bool:
        """Read as running text (for the grade): list items and paragraphs, but not
        headings, table cells of 5 words or fewer, or form labels (a paragraph line
        of 3 words or fewer with no closing punctuation: "Name", "Date of birth:")."""
        if self.kind == "heading":
            return False
        if self.kind == "cell":
            return self.words > 5
        return self.kind == "item" or self.words > 3 or self.text.rstrip("\"'\u201d\u2019)").endswith((".", "!", "?"))


# --- inline level --------------------------------------------------------------------

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


def clean_inline(text: str) -> str:
    """Remove what is not prose (code, images, link targets, URLs), keep the markup."""
    # Each pattern runs only if its marker character is present: most lines have none.
    if "`" in text:
        text = without_code_spans(text)
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
#: Abbreviations that do not end a sentence even before a capital ("Dr Smith", "No. 5").
_NEVER_ENDS = frozenset(
    "e.g eg i.e ie dr mr mrs ms mx prof st vs approx fig ref cf incl tel ext dept no nos p pp para ch sec vol".split()
)
_ENUMERATOR = re.compile(r"\(?(?:\d+(?:\.\d+)*|[A-Za-z]|[ivxlcIVXLC]{1,5})[.)]")
_OPENING = "(\"'\u201c\u2018"


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
    """Offsets where a new sentence starts (see the module docstring for the rules)."""
    ends = []
    begin = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if text[end].islower():
            continue  # "e.g. the", "etc. and": not a new sentence
        if match.group(1) == ".":
            start = match.start()
            before = text[text.rfind(" ", 0, start) + 1 : start].lstrip(_OPENING)
            lowered = before.lower()
            if lowered in _NEVER_ENDS and (lowered not in ("no", "nos") or text[end].isdigit()):
                continue
            if len(before) == 1 and before.isupper():
                continue  # an initial: "J. K. Rowling"
            if _ENUMERATOR.fullmatch(text[begin : start + 1].strip()):
                continue  # "B. Follow the rules", "4.2. Scope"
        ends.append(end)
        begin = end
    return ends


def split_unit(unit: Unit, kind: Kind = "text") -> Iterator[Sentence]:
    """The sentences of one sentence group (a paragraph, list item, heading or cell)."""
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
            yield Sentence(starts[0][1], text, len(words), (), tuple(words), kind)
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
        yield Sentence(line, sentence_text, len(words), tuple(breaks), tuple(words), kind)


