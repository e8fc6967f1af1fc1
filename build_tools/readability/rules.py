"""The readability rules: pure functions from extracted text to findings.

Each rule takes the page path, what it reads (sentences, prose lines or page
metrics) and the page's `Profile`, and returns findings at exact source lines.
A rule whose level is "off" returns nothing.

Decisions (see the README):

* capitals / acronym: a word of 2+ capital letters (optionally with a plural
  "s" or a possessive, "CVs", "NHS's") is
  - ignored if listed in `allowed_capitals` (default "OK") or a Roman numeral
    made of I, V and X ("II", "IV", "XII");
  - fine if explained: a `*[X]: …` abbreviation on the page, or a glossary term
    (or a word of a glossary term: "dbs check" explains DBS). An explained
    acronym is not "capitals": it cannot be written any other way;
  - otherwise, `capitals` if it is an ordinary English word ("IMPORTANT",
    "NOT": shouting), reported once per line; else `acronym` (not explained),
    reported once per page at its first use. Ordinary word = in the CMU
    dictionary with no letter-by-letter pronunciation (so "ID", "TV" and "PDF"
    are acronyms, "IT" is a word: it gets `capitals`, whose fix also says how
    to explain it if it is an acronym).
* number-words: zero to twenty, the tens, hundred, thousand, million, billion
  (also "twenty-one"); consecutive number words are one finding with the
  digits to write ("three hundred" -> 300). "one" is not reported where it is
  a pronoun: after no, the, this, that, which, each, every, any, loved, little,
  right, wrong, other, only, same, another, or before "another". Ordinals
  ("first") are not reported.
* italics: `*x*`, `_x_` (not inside words: snake_case is not italics), `<em>`,
  `<i>`, `<cite>`, `<dfn>`, `<var>`; reported at each line, with the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence, Set

from build_tools.errors import Finding, error, warning
from build_tools.readability.extract import ProseLine
from build_tools.readability.sentences import Sentence, Token, tokens
from build_tools.readability.metrics import PageMetrics, is_dictionary_word
from build_tools.readability.plain_words import PlainWordIndex, find_plain_words
from build_tools.readability.settings import Profile, RuleLevel


def _finding(level: RuleLevel, path: str, line: int, rule: str, message: str, fix: str) -> list[Finding]:
    if level == "off":
        return []
    make = error if level == "error" else warning
    return [make(path, line, rule, message, fix)]


def _preview(text: str, words: int = 8) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


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


# --- capitals and acronyms -----------------------------------------------------------

_CAPITALS = re.compile(r"([A-Z]{2,})(?:s|['\u2019]s)?")
_TWO_CAPITALS = re.compile(r"[A-Z]{2}")
_ROMAN = re.compile(r"X{0,3}(?:IX|IV|V?I{0,3})")


def explained_terms(abbreviations: Iterable[str], glossary_terms: Iterable[str]) -> frozenset[str]:
    """Lower-case acronyms a page explains: its abbreviations, glossary terms and their words."""
    terms: set[str] = {a.lower() for a in abbreviations}
    for term in glossary_terms:
        lowered = term.lower()
        terms.add(lowered)
        terms.update(re.findall(r"[^\W_]+", lowered))
    return frozenset(terms)


def _capital_words(token: Token) -> Iterable[tuple[int, str, bool]]:
    """(offset, letters, plural or possessive) of the all-capital parts of a token."""
    offset = token.start
    for part in token.text.split("-"):
        if match := _CAPITALS.fullmatch(part):
            yield offset, match.group(1), match.group(1) != part
        offset += len(part) + 1


def capitals_and_acronyms(
    path: str, sentences: Sequence[Sentence], explained: Set[str], profile: Profile
) -> list[Finding]:
    """Block capitals (rule `capitals`) and acronyms nobody explains (rule `acronym`)."""
    if profile.capitals == "off" and profile.acronym == "off":
        return []
    allowed = set(profile.allowed_capitals)
    shouted: dict[int, list[str]] = {}
    first_use: dict[str, int] = {}
    for sentence in sentences:
        if not _TWO_CAPITALS.search(sentence.text):
            continue
        for token in tokens(sentence.text):
            for offset, word, suffixed in _capital_words(token):
                if word in allowed or word.lower() in explained or _ROMAN.fullmatch(word):
                    continue
                line = sentence.line_at(offset)
                if not suffixed and is_dictionary_word(word):
                    words = shouted.setdefault(line, [])
                    if word not in words:
                        words.append(word)
                else:
                    first_use.setdefault(word, line)
    found: list[Finding] = []
    for line, words in shouted.items():
        listed = ", ".join(words)
        found += _finding(
            profile.capitals, path, line, "capitals",
            f"words in capitals: {listed}",
            "write them in lower case (bold a few key words if they must stand out); "
            "if one is an acronym, explain it with an abbreviation (*[ABC]: …) or in the glossary",
        )
    for word, line in first_use.items():
        found += _finding(
            profile.acronym, path, line, "acronym",
            f"{word} is not explained",
            f"add *[{word}]: what it stands for, in plain words; or add {word} to the glossary",
        )
    return found


# --- number words --------------------------------------------------------------------

_NUMBERS: dict[str, int] = {
    word: value
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
} | {
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
}
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
#: Every number-word token, for a quick test before looking closer.
_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_NUMBER_TOKENS = frozenset(_NUMBERS) | {f"{tens}-{unit}" for tens in _TENS for unit in _UNITS}
_ONE_AS_PRONOUN_AFTER = frozenset(
    "no the this that which each every any loved little right wrong other only same another".split()
)


def _number_parts(word: str) -> list[str] | None:
    parts = word.lower().split("-")
    return parts if all(part in _NUMBERS for part in parts) else None


def _value(words: Sequence[str]) -> int:
    total = current = 0
    for word in words:
        value = _NUMBERS[word]
        if value == 100:
            current = max(current, 1) * 100
        elif value >= 1000:
            total += max(current, 1) * value
            current = 0
        else:
            current += value
    return total + current


def _is_pronoun_one(words: Sequence[str], index: int) -> bool:
    before = words[index - 1] if index > 0 else ""
    after = words[index + 1] if index + 1 < len(words) else ""
    return before in _ONE_AS_PRONOUN_AFTER or after == "another"


def number_words(path: str, sentences: Sequence[Sentence], profile: Profile) -> list[Finding]:
    """Numbers written as words; consecutive number words are one finding."""
    if profile.number_words == "off":
        return []
    found: list[Finding] = []
    for sentence in sentences:
        if _NUMBER_TOKENS.isdisjoint(map(str.lower, sentence.tokens)):
            continue
        written_tokens = tokens(sentence.text)
        words = [token.text.lower() for token in written_tokens]
        index = 0
        while index < len(words):
            parts = _number_parts(words[index])
            if parts is None or (words[index] == "one" and _is_pronoun_one(words, index)):
                index += 1
                continue
            start, numbers = index, list(parts)
            index += 1
            while index < len(words):
                following = _number_parts(words[index])
                if following is not None:
                    numbers += following
                    index += 1
                elif words[index] == "and" and index + 1 < len(words) and _number_parts(words[index + 1]):
                    index += 1
                else:
                    break
            written = " ".join(token.text for token in written_tokens[start:index])
            found += _finding(
                profile.number_words, path, sentence.line_at(written_tokens[start].start), "number-words",
                f"number written as a word: \u201c{written}\u201d",
                f"use digits: {_value(numbers):,}",
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
        if not index.may_match(map(str.lower, sentence.tokens)):
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
