"""The plain-words list (`plain_words.yml`, the project's own) and matching it in sentences.

Matching is on word tokens (see `sentences.tokens`), case-insensitive and whole
words only: "required" matches `require`, "prerequisite" does not. At each
word the longest entry wins ("subsequent to" before "subsequent").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType

import yaml

from build_tools.readability.sentences import Token

DATA_FILE = "plain_words.yml"


@dataclass(frozen=True)
class PlainWord:
    """One entry: the word or phrase as listed (base form) and the plain words to use."""

    entry: str
    use: str


@dataclass(frozen=True)
class PlainWordMatch:
    entry: PlainWord
    #: The words as written in the sentence, e.g. "Utilised".
    text: str
    #: Character offset of the match in the sentence text.
    offset: int


@dataclass(frozen=True)
class PlainWordIndex:
    #: First word (lower case) -> (all words, entry), longest first.
    phrases: Mapping[str, tuple[tuple[tuple[str, ...], PlainWord], ...]]
    #: The longest word of every phrase: a sentence without any of these has no match
    #: (a quick test, since phrases often start with common words: "in", "a", "the").
    anchors: frozenset[str]

    def may_match(self, words: Iterable[str]) -> bool:
        """False when no entry can match a sentence of these (lower-case) words."""
        return not self.anchors.isdisjoint(words)

_VOWELS = "aeiou"
_DOUBLING = re.compile(r"(?:^|[^aeiou])[aeiou][b-df-hj-np-tvz]$")


def verb_forms(verb: str) -> set[str]:
    """The base form and its -s, -ed and -ing forms (and -ize forms of -ise verbs).

    Spelling rules: drop a final e before -ing (commencing), y to ie (notifies),
    and both the plain and the doubled final consonant (submited, submitted),
    since we cannot tell stress from spelling. Extra forms match nothing real.
    """
    if verb.endswith("ee"):
        forms = {verb, verb + "s", verb + "d", verb + "ing"}
    elif verb.endswith("e"):
        forms = {verb, verb + "s", verb + "d", verb[:-1] + "ing"}
    elif verb.endswith("y") and len(verb) > 1 and verb[-2] not in _VOWELS:
        forms = {verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"}
    else:
        plural = verb + ("es" if verb.endswith(("s", "x", "z", "ch", "sh")) else "s")
        forms = {verb, plural, verb + "ed", verb + "ing"}
        if _DOUBLING.search(verb):
            forms |= {verb + verb[-1] + "ed", verb + verb[-1] + "ing"}
    if verb.endswith("ise"):
        forms |= verb_forms(verb[:-3] + "ize")
    return forms


def word_forms(word: str) -> set[str]:
    """A word and its plural (-s, -es, -ies), and the -ization spelling of -isation."""
    if word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS:
        forms = {word, word[:-1] + "ies"}
    else:
        forms = {word, word + ("es" if word.endswith(("s", "x", "z", "ch", "sh")) else "s")}
    if "isation" in word:
        forms |= word_forms(word.replace("isation", "ization"))
    return forms


def _entry(value: object, key: str) -> tuple[str, tuple[str, ...]]:
    if isinstance(value, str):
        return value, ()
    if isinstance(value, dict) and isinstance(value.get("use"), str):
        return value["use"], tuple(value.get("also", ()))
    raise ValueError(f"{DATA_FILE}: entry {key!r} needs a plain word (a string or {{use: …}})")


def build_index(data: Mapping[str, Mapping[str, object]]) -> PlainWordIndex:
    """Index the parsed YAML (`verbs:` and `words:` sections) by first word."""
    phrases: dict[tuple[str, ...], PlainWord] = {}
    for section in ("verbs", "words"):
        for key, value in (data.get(section) or {}).items():
            use, also = _entry(value, key)
            entry = PlainWord(key, use)
            first, *rest = key.split()
            forms = verb_forms(first) if section == "verbs" else (word_forms(first) if not rest else {first})
            for form in forms | set(also):
                phrases.setdefault((form, *rest), entry)
    index: dict[str, list[tuple[tuple[str, ...], PlainWord]]] = {}
    for words, entry in phrases.items():
        index.setdefault(words[0], []).append((words, entry))
    return PlainWordIndex(
        phrases=MappingProxyType(
            {first: tuple(sorted(items, key=lambda item: -len(item[0]))) for first, items in index.items()}
        ),
        anchors=frozenset(max(words, key=len) for words in phrases),
    )


@lru_cache(maxsize=1)
def default_index() -> PlainWordIndex:
    """The project's list, read once per process."""
    text = resources.files("build_tools.readability").joinpath(DATA_FILE).read_text(encoding="utf-8")
    return build_index(yaml.safe_load(text))


def find_plain_words(
    tokens: Sequence[Token], index: PlainWordIndex, ignore: Iterable[str] = ()
) -> list[PlainWordMatch]:
    """Entries of `index` found in a sentence's tokens, in order, not overlapping."""
    skip = set(ignore)
    words = [token.text.lower().replace("\u2019", "'") for token in tokens]
    found: list[PlainWordMatch] = []
    position = 0
    while position < len(words):
        candidates = index.phrases.get(words[position], ())
        for phrase, entry in candidates:
            end = position + len(phrase)
            if entry.entry not in skip and tuple(words[position:end]) == phrase:
                written = " ".join(token.text for token in tokens[position:end])
                found.append(PlainWordMatch(entry, written, tokens[position].start))
                position = end
                break
        else:
            position += 1
    return found

