"""Numbers: written as words (rule `number-words`), percentages and fractions
(rule `percentages`), ranges written with a dash (rule `ranges`).

* number-words: zero to twenty, the tens and "hundred" (also "twenty-one");
  consecutive number words are one finding with the digits to write ("three
  hundred" -> 300). Never reported: "one" on its own (it is far more often a
  pronoun or an idiom than a count: "one of", "in one go", "no one", "one day",
  "one law"), and "thousand", "million", "billion" with nothing but a digit or
  "a" before them ("1.5 million", "a million": large numbers may stay in words).
  "three million" -> "3 million": the fix never changes the number.
  Ordinals ("first") are not reported.
* percentages: "30%", "30 per cent", "a third", "three quarters", "1/2" ->
  the same amount as "3 in 10", "1 in 3", "3 in 4", "half". The fix is exact:
  "33%" -> "33 in 100", never a rounded "1 in 3".
* ranges: "5-10", "9am–5pm", "Monday-Friday" -> "5 to 10". Dates such as
  2026-12-01 and words like "COVID-19" are not ranges.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from fractions import Fraction

from build_tools.errors import Finding
from build_tools.readability.levels import finding
from build_tools.readability.sentences import Sentence, tokens
from build_tools.readability.settings import Profile

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
_SCALES = {"thousand": "thousand", "million": "million", "billion": "billion"}
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
#: Every number-word token, for a quick test before looking closer.
_NUMBER_TOKENS = frozenset(_NUMBERS) | {f"{tens}-{unit}" for tens in _TENS for unit in _UNITS}


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


def _digits(numbers: Sequence[str]) -> str | None:
    """The digits to write for consecutive number words, or None when they are fine as words."""
    if numbers == ["one"] or all(word in _SCALES for word in numbers):
        return None
    if numbers[-1] in _SCALES and numbers[-1] in ("million", "billion"):
        return f"{_value(numbers[:-1]):,} {numbers[-1]}"  # "three million" -> "3 million"
    return f"{_value(numbers):,}"


def number_words(path: str, sentences: Sequence[Sentence], profile: Profile) -> list[Finding]:
    """Numbers written as words; consecutive number words are one finding."""
    if profile.number_words == "off":
        return []
    found: list[Finding] = []
    for sentence in sentences:
        if _NUMBER_TOKENS.isdisjoint(sentence.lower_words):
            continue
        written_tokens = tokens(sentence.text)
        words = [token.text.lower() for token in written_tokens]
        index = 0
        while index < len(words):
            parts = _number_parts(words[index])
            if parts is None:
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
            digits = _digits(numbers)
            if digits is None:
                continue
            written = " ".join(token.text for token in written_tokens[start:index])
            found += finding(
                profile.number_words, path, sentence.line_at(written_tokens[start].start), "number-words",
                f"number written as a word: \u201c{written}\u201d", f"use digits: {digits}",
            )
    return found


# --- percentages and fractions -------------------------------------------------------

_FRACTION_WORDS = {
    "half": Fraction(1, 2), "halves": Fraction(1, 2), "third": Fraction(1, 3), "thirds": Fraction(1, 3),
    "quarter": Fraction(1, 4), "quarters": Fraction(1, 4), "fifth": Fraction(1, 5), "fifths": Fraction(1, 5),
    "tenth": Fraction(1, 10), "tenths": Fraction(1, 10),
}
_COUNT = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|\d)"
_PERCENT = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s*(?:%|per\s?cent\b)", re.IGNORECASE)
_SLASH_FRACTION = re.compile(r"(?<![\w/.])([1-9]\d?)/([1-9]\d?)(?![\w/])")
_WORD_FRACTION = re.compile(
    rf"\b({_COUNT})[\s-]+(thirds?|quarters?|fifths?|tenths?)\b(?!\s+of\s+(?:the\s+)?(?:way|year))",
    re.IGNORECASE,
)
_SMALL = {w: i for i, w in enumerate("zero one two three four five six seven eight nine".split())} | {"a": 1, "an": 1}


def _in(amount: Fraction) -> str:
    if amount == Fraction(1, 2):
        return "half"
    return f"{amount.numerator} in {amount.denominator}"


def _fractions(text: str) -> list[tuple[int, str, str]]:
    """(offset, as written, the same amount in words) for every percentage or fraction."""
    found = []
    for match in _PERCENT.finditer(text):
        amount = Fraction(match.group(1)) / 100
        if amount.denominator <= 100 and amount <= 1:
            found.append((match.start(), match.group(0), _in(amount)))
        else:
            found.append((match.start(), match.group(0), "a plain comparison (for example \u201cmore than double\u201d)"))
    for match in _SLASH_FRACTION.finditer(text):
        top, bottom = int(match.group(1)), int(match.group(2))
        if top < bottom:
            found.append((match.start(), match.group(0), _in(Fraction(top, bottom))))
    for match in _WORD_FRACTION.finditer(text):
        count = match.group(1).lower()
        if count in ("a", "an", "one") and not text.startswith(" of ", match.end()):
            continue  # "a third time", "a quarter past": not an amount
        top = int(count) if count.isdigit() else _SMALL[count]
        amount = top * _FRACTION_WORDS[match.group(2).lower()]
        if amount < 1:
            found.append((match.start(), match.group(0), _in(amount)))
    return sorted(found)


def percentages(path: str, sentences: Sequence[Sentence], profile: Profile) -> list[Finding]:
    """Percentages and fractions, with the same amount as "3 in 10" or "half"."""
    if profile.percentages == "off":
        return []
    found: list[Finding] = []
    for sentence in sentences:
        for offset, written, plain in _fractions(sentence.text):
            found += finding(
                profile.percentages, path, sentence.line_at(offset), "percentages",
                f"percentage or fraction: \u201c{written}\u201d", f"write it as \u201c{plain}\u201d",
            )
    return found


# --- ranges ----------------------------------------------------------------------------

_DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_TIME = r"\d{1,2}(?:[.:]\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)?"
_RANGE = re.compile(
    rf"(?<![\w£$€./:-])(?:£|\$|€)?({_TIME}|{_DAYS}|{_MONTHS})\s?[-\u2013\u2014]\s?(?:£|\$|€)?({_TIME}|{_DAYS}|{_MONTHS})(?![\w/-])",
    re.IGNORECASE,
)


def ranges(path: str, sentences: Sequence[Sentence], profile: Profile) -> list[Finding]:
    """Ranges written with a dash or hyphen: "5-10", "Monday–Friday"."""
    if profile.ranges == "off":
        return []
    found: list[Finding] = []
    for sentence in sentences:
        if "-" not in sentence.text and "\u2013" not in sentence.text and "\u2014" not in sentence.text:
            continue
        for match in _RANGE.finditer(sentence.text):
            first, last = match.group(1), match.group(2)
            if first.isdigit() and last.isdigit() and int(first) >= int(last) > 12:
                continue  # "30-20" is a score or a code; "9-5" is opening hours
            found += finding(
                profile.ranges, path, sentence.line_at(match.start()), "ranges",
                f"range written with a dash: \u201c{match.group(0).strip()}\u201d",
                f"write \u201c{first} to {last}\u201d",
            )
    return found
