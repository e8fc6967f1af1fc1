"""The readability rules: pure functions from extracted text to findings.

Each rule takes the page path, what it reads (sentences, prose lines or page
metrics) and the page's `Profile`, and returns findings at exact source lines.
A rule whose level is "off" returns nothing.

Decisions (docs/readability.md lists every rule and its source). Other rules
live beside this module: `acronyms.py`, `numbers.py`, `easy_rules.py`.

* italics: `*x*`, `_x_` (not inside words: snake_case is not italics), `<em>`,
  `<i>`, `<cite>`, `<dfn>`, `<var>`; reported at each line, with the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from build_tools.errors import Finding
from build_tools.readability.extract import ProseLine
from build_tools.readability.sentences import Sentence, tokens
from build_tools.readability.levels import finding as _finding
from build_tools.readability.levels import preview as _preview
from build_tools.readability.metrics import PageMetrics
from build_tools.readability.plain_words import PlainWordIndex, find_plain_words
from build_tools.readability.settings import Profile


# --- sentence length and grade -------------------------------------------------------


def sentence_length(path: str, sentences: Sequence[Sentence], profile: Profile) -> list[Finding]:
    """Sentences longer than `max_sentence_words`, at the line each starts on."""
    if profile.sentence_length == "off":
        return []
    limit = profile.max_sentence_words
    found: list[Finding] = []
    for sentence in sentences:
        if sentence.words > limit:
            found += _finding(
                profile.sentence_length, path, sentence.line, "sentence-length",
                f"sentence has {sentence.words} words, more than {limit}: \u201c{_preview(sentence.text)}\u201d",
                "split it into shorter sentences, one idea in each",
            )
    return found


def grade(path: str, metrics: PageMetrics, line: int, profile: Profile) -> list[Finding]:
    """The page's Flesch-Kincaid grade above `max_grade` (pages of enough words only)."""
    value = metrics["flesch_kincaid_grade"]
    if metrics["words"] < profile.min_words_for_grade or value <= profile.max_grade:
        return []
    return _finding(
        profile.grade, path, line, "grade",
        f"reading grade {value:.1f} (Flesch-Kincaid) is above {profile.max_grade:g}",
        "use shorter sentences and shorter, everyday words",
    )


# --- italics -------------------------------------------------------------------------

_BLANKS = re.compile(r"_{4,}|\\[*_]")
_BOLD = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_ITALIC = re.compile(
    r"(?<![*\w])\*(?=[^\s*])(?P<star>.+?)(?<=[^\s*])\*(?![*\w])"
    r"|(?<![\w_])_(?=[^\s_])(?P<under>.+?)(?<=[^\s_])_(?![\w_])"
    r"|<(?P<tag>em|i|cite|dfn|var)\b[^>]*>(?P<inner>.*?)(?:</(?P=tag)\s*>|$)",
    re.IGNORECASE,
)
_TAGS = re.compile(r"<[^<>]*>|[*_]")


def italics(path: str, prose: Sequence[ProseLine], profile: Profile) -> list[Finding]:
    """Italic text, once per occurrence, at its line."""
    if profile.italics == "off":
        return []
    found: list[Finding] = []
    for line in prose:
        if "*" not in line.raw and "_" not in line.raw and "<" not in line.raw:
            continue
        text = _BOLD.sub(r"\2", _BLANKS.sub(" ", line.raw))
        for match in _ITALIC.finditer(text):
            inner = match.group("star") or match.group("under") or match.group("inner") or ""
            shown = _TAGS.sub("", inner).strip() or match.group(0)
            found += _finding(
                profile.italics, path, line.line, "italics",
                f"text in italics: \u201c{_preview(shown)}\u201d",
                "remove the italics; use bold for a few key words if they need to stand out",
            )
    return found


# --- plain words ---------------------------------------------------------------------


def plain_words(
    path: str, sentences: Sequence[Sentence], index: PlainWordIndex, profile: Profile
) -> list[Finding]:
    """Words and phrases of the plain-words list, at the exact line of each use."""
    if profile.plain_words == "off":
        return []
    found: list[Finding] = []
    for sentence in sentences:
        if not index.may_match(sentence.lower_words):
            continue
        for match in find_plain_words(tokens(sentence.text), index, profile.plain_words_ignore):
            use = match.entry.use
            exact = match.text.lower() == match.entry.entry
            found += _finding(
                profile.plain_words, path, sentence.line_at(match.offset), "plain-words",
                f"\u201c{match.text}\u201d is a hard word: use \u201c{use}\u201d",
                f"write \u201c{use}\u201d" + ("" if exact else " (in the right form)") + " instead",
            )
    return found
