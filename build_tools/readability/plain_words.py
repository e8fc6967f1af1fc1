"""The plain-words lists (`data/`) and matching them in sentences.

Three lists, in order of precedence (an entry in an earlier list wins):
`plain_words.yml` (the project's own), `plain_words_govuk.yml` (GOV.UK words
to avoid, OGL v3) and `plain_words_retext.yml` (retext-simplify, MIT); the
project's `skip_imported` drops imported entries we do not use. Every form of
an entry's first word (inflections, UK and US spellings) comes from the
generated `forms.json` (see `data/generate.py`).

Matching is on word tokens (see `sentences.tokens`), case-insensitive and whole
words only: "required" matches `require`, "prerequisite" does not. At each
word the longest entry wins ("subsequent to" before "subsequent"). Sense rules:
`pos: verb` entries are not matched after a determiner or preposition ("on
request", "your progress"), and their base and -s forms only after a sign of a
verb ("we request", "to request", "please request") or at a sentence's start;
`object: person` entries only when a person follows
("inform you", not "inform the decision" or "informed by").
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Literal

import yaml

from build_tools.readability.sentences import Token

LISTS = ("plain_words.yml", "plain_words_govuk.yml", "plain_words_retext.yml")
FORMS = "forms.json"

#: Words after which a word is a noun (or an adjective), not a verb.
NOT_BEFORE_VERB = frozenset(
    """a an the this that these those my your our their his her its on of upon for by any no each every
    some in at with from per without under further prior early late formal written""".split()
)
#: Words that name a person (or people): the object `object: person` entries need.
PERSON = frozenset(
    """you me him her us them people person someone somebody anyone anybody everyone everybody staff
    candidate candidates applicant applicants partner partners manager managers panel member members team
    colleague colleagues customer customers family carer carers worker workers officer chair hr gp doctor""".split()
)
#: Words before a verb's base or -s form that show it is a verb: "we request", "to request",
#: "will request", "please request". Without one, "progress" or "request" may be a noun.
VERB_BEFORE = frozenset(
    """i you we they he she it who that which to will would can could may might must shall should
    please not also then and or us them staff partners managers panels""".split()
)
_SKIP_BEFORE_PERSON = frozenset("the your our their all any every each other relevant".split())


@dataclass(frozen=True)
class PlainWord:
    """One entry: the word or phrase as listed (base form) and the plain words to use."""

    entry: str
    use: str
    pos: Literal["verb"] | None = None
    object: Literal["person"] | None = None
    #: Which list it comes from (a file name in `data/`).
    source: str = LISTS[0]


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
    #: The longest word of every phrase -> the word sets of the phrases it anchors. A
    #: sentence lacking every word of every phrase has no match (a quick test, since
    #: phrases often start with common words: "in", "a", "the").
    anchors: Mapping[str, tuple[frozenset[str], ...]]

    def may_match(self, words: frozenset[str]) -> bool:
        """False when no entry can match a sentence of these (lower-case) words."""
        return any(phrase <= words for anchor in self.anchors.keys() & words for phrase in self.anchors[anchor])

    @property
    def entries(self) -> set[str]:
        """Every entry (base form), for counting and documentation."""
        return {entry.entry for items in self.phrases.values() for _, entry in items}


def _entry(value: object, key: str, source: str) -> PlainWord:
    if isinstance(value, str):
        return PlainWord(key, value, source=source)
    if isinstance(value, dict) and isinstance(value.get("use"), str) and set(value) <= {"use", "pos", "object"}:
        return PlainWord(key, value["use"], value.get("pos"), value.get("object"), source)
    raise ValueError(f"{source}: entry {key!r} needs a plain word (a string or {{use: …, pos: verb, object: person}})")


def build_index(lists: Sequence[tuple[str, Mapping[str, object]]], forms: Mapping[str, Mapping[str, list[str]]],
                skip: Iterable[str] = ()) -> PlainWordIndex:
    """Index parsed lists [(file name, YAML with `verbs:` and `words:`)] by first word.

    `forms`: section -> base word -> every form (from forms.json); a word missing
    there matches only as written."""
    skipped = set(skip)
    phrases: dict[tuple[str, ...], PlainWord] = {}
    for source, data in lists:
        for section in ("verbs", "words"):
            for key, value in (data.get(section) or {}).items():
                key = key.lower().rstrip(".")  # "e.g." is the token "e.g"
                if source != LISTS[0] and key in skipped:
                    continue
                entry = _entry(value, key, source)
                first, *rest = key.split()
                for form in forms.get(section, {}).get(first, [first]):
                    phrases.setdefault((form.lower(), *rest), entry)
    index: dict[str, list[tuple[tuple[str, ...], PlainWord]]] = {}
    for words, entry in phrases.items():
        index.setdefault(words[0], []).append((words, entry))
    return PlainWordIndex(
        phrases=MappingProxyType(
            {first: tuple(sorted(items, key=lambda item: -len(item[0]))) for first, items in index.items()}
        ),
        anchors=MappingProxyType(_anchors(phrases)),
    )


def _anchors(phrases: Iterable[tuple[str, ...]]) -> dict[str, tuple[frozenset[str], ...]]:
    anchors: dict[str, set[frozenset[str]]] = {}
    for words in phrases:
        anchors.setdefault(max(words, key=len), set()).add(frozenset(words))
    return {anchor: tuple(sets) for anchor, sets in anchors.items()}


def _read(name: str) -> str:
    return resources.files("build_tools.readability.data").joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def default_index() -> PlainWordIndex:
    """The shipped lists, read once per process."""
    lists = [(name, yaml.safe_load(_read(name)) or {}) for name in LISTS]
    skip = lists[0][1].get("skip_imported") or ()
    return build_index(lists, json.loads(_read(FORMS)), skip)


def _sense_fits(entry: PlainWord, words: Sequence[str], start: int, end: int) -> bool:
    if entry.pos == "verb":
        before = words[start - 1] if start > 0 else ""
        if before in NOT_BEFORE_VERB:
            return False
        # The base and -s forms are nouns too ("measure progress", "the form's request"):
        # need a sign of a verb before them, or the sentence's start (an instruction).
        base = entry.entry.split()[0]
        if words[start] in (base, base + "s", base + "es") and start > 0 and before not in VERB_BEFORE:
            return False
    if entry.object == "person":
        following = end
        while following < len(words) and words[following] in _SKIP_BEFORE_PERSON:
            following += 1
        return following < len(words) and words[following] in PERSON
    return True


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
            if entry.entry not in skip and tuple(words[position:end]) == phrase and _sense_fits(entry, words, position, end):
                written = " ".join(token.text for token in tokens[position:end])
                found.append(PlainWordMatch(entry, written, tokens[position].start))
                position = end
                break
        else:
            position += 1
    return found
