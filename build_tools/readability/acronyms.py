"""Words in capitals: acronyms nobody explains (rule `acronym`) and shouting (rule `capitals`).

Any word of 2+ capital letters (optionally with a plural "s" or a possessive:
"CVs", "NHS's") is a candidate acronym, dictionary word or not: "TRAC", "PALS",
"NICE" and "IRIS" are acronyms too. It is *shouting* (`capitals`) instead when
it is a common word used for emphasis ("NOT", "MUST", "NEVER", "IMPORTANT"),
when it has 5+ letters and stands next to such a word ("DO NOT DISTURB"), or when most of its sentence is
in capitals and one of them is such a word, or it is in a row of 3+ words in capitals
one of which is ("CARE, SUPPORT AND HOUSING"). Colours and form placeholders
("BLUE level", "Month YEAR") count as such words. The message says which the checker thinks it is.

An acronym is explained (WCAG technique G97, GOV.UK style guide) when:

* the page has an abbreviation line `*[ABC]: …`, or the glossary has the term
  (or a term containing it as a word: "dbs check" explains DBS);
* its first use is written "Full name (ABC)" or "ABC (full name)";
* on easy-read pages, the next sentence explains it: "ABC is/are/means/stands
  for …" or "This/It means …" (GOV.UK accessible communication formats);
* it is in the profile's `well_known_acronyms` (default: the GOV.UK style
  guide's examples UK, DVLA, US, EU, VAT, MP): never reported on standard
  pages, reported at the `well_known_acronym` level (a warning) on easy-read.

An acronym explained only after its first use is reported at the first use.
`allowed_capitals` (default "OK") and Roman numerals ("II", "IV") are ignored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence, Set
from dataclasses import dataclass

from build_tools.errors import Finding
from build_tools.readability.levels import finding
from build_tools.readability.sentences import Sentence, Token, tokens
from build_tools.readability.settings import Profile

_CAPITALS = re.compile(r"([A-Z]{2,})(?:s|['\u2019]s)?")
_TWO_CAPITALS = re.compile(r"[A-Z]{2}")
_ROMAN = re.compile(r"X{0,3}(?:IX|IV|V?I{0,3})")
_FULL_NAME_AFTER = re.compile(r"\s*\((?=[^)]*[a-z])[^()]{3,}\)")
_EXPLAINS_NEXT = re.compile(r"(?:is|are|means|stands for|is short for)\b")
_THIS_MEANS = re.compile(r"^(?:This|It|That|These)\s+(?:means|stands for|is short for)\b")

#: Common words written in capitals for emphasis. A capital word not listed here
#: (and not next to one) is taken for an acronym, even if it is a dictionary word.
SHOUT_WORDS = frozenset(
    """a all always an and any are at be before by can cannot can't check do does don't done end every
    first for free from have help if important in is keep last late make may must need never new no
    none not note now of on only or please read remember sign sure stop the this to today urgent
    very warning we will with without yes you your don't won't doesn't isn't
    red amber green blue yellow black white name date day month year time""".split()
)


def explained_terms(abbreviations: Iterable[str], glossary_terms: Iterable[str]) -> frozenset[str]:
    """Lower-case acronyms a page explains: its abbreviations, glossary terms and their words."""
    terms: set[str] = {a.lower() for a in abbreviations}
    for term in glossary_terms:
        lowered = term.lower()
        terms.add(lowered)
        terms.update(re.findall(r"[^\W_]+", lowered))
    return frozenset(terms)


@dataclass(frozen=True)
class CapitalWord:
    word: str
    line: int
    #: Explained right here: "Full name (ABC)" or "ABC (full name)".
    explained_here: bool
    #: Shouting rather than an acronym.
    shouting: bool
    #: Index of its sentence in the page.
    sentence: int


def _capital_parts(token: Token) -> Iterator[tuple[int, str, bool]]:
    """(offset, letters, plural or possessive) of the all-capital parts of a token."""
    offset = token.start
    for part in token.text.split("-"):
        if match := _CAPITALS.fullmatch(part):
            yield offset, match.group(1), match.group(1) != part
        offset += len(part) + 1


def _mostly_capitals(words: Sequence[Token]) -> bool:
    """A sentence in capitals: 3+ words, 4 in 5 of them in capitals, one a common word
    ("PLEASE BRING YOUR LETTER", not a list of acronyms "NICE, IRIS, PIP and MS")."""
    lettered = [t.text for t in words if any(c.isalpha() for c in t.text)]
    upper = [word for word in lettered if word.isupper() and len(word) > 1]
    return (len(lettered) >= 3 and len(upper) * 5 >= len(lettered) * 4
            and any(word.lower() in SHOUT_WORDS for word in upper))


def _loud_runs(words: Sequence[Token], loud: Set[str]) -> set[str]:
    """Words of a phrase in capitals: 3+ capital words in a row, one of them a common
    word ("CARE, SUPPORT AND HOUSING"), are all shouting."""
    found: set[str] = set()
    run: list[str] = []
    for token in [*words, Token(0, "")]:
        if len(token.text) > 1 and token.text.isupper() and token.text.isalpha():
            run.append(token.text)
            continue
        if len(run) >= 3 and loud & set(run):
            found.update(run)
        run = []
    return found


def _explained_here(text: str, offset: int, word: str) -> bool:
    end = offset + len(word)
    if offset > 0 and text[offset - 1] == "(" and text[end:end + 1] == ")":
        return bool(re.search(r"[A-Za-z]", text[: offset - 1]))  # "Full name (ABC)"
    return bool(_FULL_NAME_AFTER.match(text, end + (1 if text[end:end + 1] == "s" else 0)))


def capital_words(sentences: Sequence[Sentence], skip: Set[str]) -> list[CapitalWord]:
    """Every word in capitals not in `skip` (upper-case words), in page order."""
    found: list[CapitalWord] = []
    for number, sentence in enumerate(sentences):
        if not _TWO_CAPITALS.search(sentence.text):
            continue
        words = tokens(sentence.text)
        loud_sentence = _mostly_capitals(words)
        parts = [(offset, word, suffixed) for token in words for offset, word, suffixed in _capital_parts(token)]
        loud_words = {word for _, word, suffixed in parts if not suffixed and word.lower() in SHOUT_WORDS}
        loud_words |= _loud_runs(words, loud_words)
        for index, (offset, word, suffixed) in enumerate(parts):
            if word in skip or _ROMAN.fullmatch(word):
                continue
            beside = {parts[i][1] for i in (index - 1, index + 1) if 0 <= i < len(parts)}
            shouting = not suffixed and (
                # "DO NOT DISTURB": a long word beside a shouted one; "NOT TRAC" stays an acronym
                word in loud_words or loud_sentence or bool(beside & loud_words and len(word) >= 5)
            )
            found.append(
                CapitalWord(word, sentence.line_at(offset), _explained_here(sentence.text, offset, word),
                            shouting, number)
            )
    return found


def _explained_next(sentences: Sequence[Sentence], after: int, word: str) -> bool:
    if after + 1 >= len(sentences):
        return False
    following = sentences[after + 1].text
    if _THIS_MEANS.match(following):
        return True
    position = following.find(word)
    return 0 <= position <= 40 and bool(_EXPLAINS_NEXT.match(following, position + len(word) + 1))


def capitals_and_acronyms(
    path: str, sentences: Sequence[Sentence], explained: Set[str], profile: Profile, *, is_easy: bool
) -> list[Finding]:
    """Shouting (rule `capitals`, once per line) and acronyms nobody explains (rule `acronym`,
    once per page, at the first use)."""
    if profile.capitals == "off" and profile.acronym == "off":
        return []
    known = {word.upper() for word in profile.well_known_acronyms}
    skip = {word for word in profile.allowed_capitals} | {w.upper() for w in explained if w.isalnum()}
    shouted: dict[int, list[str]] = {}
    first: dict[str, CapitalWord] = {}
    fine: set[str] = set()  # explained at the first use
    explained_at: dict[str, int] = {}  # explained at a later use
    for capital in capital_words(sentences, skip):
        if capital.shouting:
            words = shouted.setdefault(capital.line, [])
            if capital.word not in words:
                words.append(capital.word)
            continue
        explains = capital.explained_here or (is_easy and _explained_next(sentences, capital.sentence, capital.word))
        if capital.word not in first:
            first[capital.word] = capital
            if explains:
                fine.add(capital.word)
        elif explains:
            explained_at.setdefault(capital.word, capital.line)
    found: list[Finding] = []
    for line, words in shouted.items():
        found += finding(
            profile.capitals, path, line, "capitals",
            f"words in capitals look like shouting: {', '.join(words)}",
            "write them in lower case (bold a few key words if they must stand out); "
            "if one is an acronym, explain it: Full name (ABC) at its first use",
        )
    for word, use in first.items():
        if word in fine:
            continue
        level = profile.well_known_acronym if word in known else profile.acronym
        later = explained_at.get(word)
        message = (f"{word} looks like an acronym and is explained only later (line {later})"
                   if later else f"{word} looks like an acronym and is not explained")
        found += finding(
            level, path, use.line, "acronym", message,
            f"at its first use write the full name and then ({word}), or add *[{word}]: … or a glossary entry",
        )
    return found
