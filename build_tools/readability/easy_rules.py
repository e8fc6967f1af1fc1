"""Easy-read rules from published guidance (sources in docs/readability.md):
double negatives, one thing called by two names, many ideas in one sentence,
and passive voice. Each is a small pattern over one sentence's words, tuned to
miss rather than cry wolf: authors switch off a checker that raises false alarms.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from build_tools.errors import Finding
from build_tools.readability.levels import finding, preview
from build_tools.readability.sentences import Sentence, tokens
from build_tools.readability.settings import Profile

# --- double negatives ----------------------------------------------------------------------

_NEGATIVE_WORDS = (
    "unlikely|uncommon|unusual|unlike|unreasonable|unhelpful|unimportant|unknown|unable|unclear|unfair|"
    "unhappy|untrue|unwilling|unnecessary|unaware|impossible|improbable|incorrect|infrequent|"
    "insignificant|inconsistent|irrelevant|illegal|dissimilar|disagree|dislike|disapprove|without"
)
_NOT = r"(?:\bnot|n't|\bnever|\bcannot|\bno\s+longer)"
_DOUBLE = re.compile(
    rf"{_NOT}\s+(?:(?:be|been|is|are|was|were|feel|seem|say|think)\s+)?(?:{_NEGATIVE_WORDS})\b"
    rf"|{_NOT}\s+(?!(?:if|when|unless|because|but|or|and|that|who|which)\b)"
    r"(?:[a-z']+\s+){0,2}(?:nothing|nobody|nowhere|none|never|no)\b(?!\s+(?:one|longer|matter|more|less)\b)"
    r"|\bnever\s+not\b|\bcannot\s+not\b",
    re.IGNORECASE,
)


_NEGATIONS = frozenset(("not", "never", "cannot", "no"))


def double_negative(path: str, sentences: Sequence[Sentence], profile: Profile) -> list[Finding]:
    """Two negatives in a row that cancel out: "not unlikely", "don't know nothing"."""
    if profile.double_negative == "off":
        return []
    found: list[Finding] = []
    for sentence in sentences:
        if _NEGATIONS.isdisjoint(sentence.lower_words) and "n't" not in sentence.text and "n\u2019t" not in sentence.text:
            continue
        text = sentence.text.replace("\u2019", "'")
        for match in _DOUBLE.finditer(text):
            if re.search(r"\b(?:if|when|unless|because|but|or|and|that|who|which)\b", match.group(0), re.I):
                continue
            found += finding(
                profile.double_negative, path, sentence.line_at(match.start()), "double-negative",
                f"double negative: \u201c{match.group(0).strip()}\u201d",
                "say it the positive way: \u201cnot unlikely\u201d \u2192 \u201clikely\u201d",
            )
    return found


# --- one thing, two names ----------------------------------------------------------------------

_ALSO_CALLED = re.compile(
    r"\b(?:also|sometimes|often)\s+(?:called|known\s+as)\s*:?\s+(.+?)(?:\.|$)", re.IGNORECASE
)


def synonym_groups(glossary_terms: Mapping[str, str]) -> list[tuple[str, ...]]:
    """Names of one thing: a glossary term and the names its explanation gives with
    "Also called …" / "Also known as …" (several names: "A, B or C")."""
    groups = []
    for term, explanation in glossary_terms.items():
        names = [term.lower()]
        for match in _ALSO_CALLED.finditer(explanation):
            for name in re.split(r",\s*|\s+or\s+|\s+and\s+", match.group(1)):
                name = name.strip(" \u201c\u201d\"'").lower()
                if name and name not in names:
                    names.append(name)
        if len(names) > 1:
            groups.append(tuple(names))
    return groups


def synonyms(path: str, sentences: Sequence[Sentence], groups: Sequence[tuple[str, ...]],
             profile: Profile) -> list[Finding]:
    """One thing called by two names on one page: reported where the second name is first used."""
    if profile.synonyms == "off" or not groups:
        return []
    patterns = [[(name, re.compile(rf"\b{re.escape(name)}s?\b", re.IGNORECASE)) for name in group] for group in groups]
    found: list[Finding] = []
    for group in patterns:
        first_use: dict[str, int] = {}
        for sentence in sentences:
            for name, pattern in group:
                if name not in first_use and (match := pattern.search(sentence.text)):
                    first_use[name] = sentence.line_at(match.start())
        if len(first_use) > 1:
            (first, _), (second, line) = sorted(first_use.items(), key=lambda item: item[1])[:2]
            found += finding(
                profile.synonyms, path, line, "synonyms",
                f"\u201c{second}\u201d and \u201c{first}\u201d are names for the same thing",
                f"use one name all through the page (the glossary calls it \u201c{group[0][0]}\u201d)",
            )
    return found


# --- many ideas in one sentence ----------------------------------------------------------------

_SUBJECTS = frozenset("i you we they he she it there this that these those someone people".split())
_ALWAYS_JOIN = frozenset("but which whereas although though because while".split())


def _clauses(sentence: Sentence) -> int:
    words = tokens(sentence.text)
    count = 1 + sentence.text.count(";")
    for index in range(1, len(words) - 1):
        word = words[index].text.lower()
        comma = sentence.text[: words[index].start].rstrip().endswith(",")
        if word in _ALWAYS_JOIN or (word in ("and", "or", "so") and (comma or words[index + 1].text.lower() in _SUBJECTS)):
            count += 1
    return count


def many_ideas(path: str, sentences: Sequence[Sentence], profile: Profile) -> list[Finding]:
    """Sentences of 3 or more clauses, or 2 clauses over 12 words: one idea per sentence."""
    if profile.many_ideas == "off":
        return []
    found: list[Finding] = []
    for sentence in sentences:
        if sentence.words < 8:
            continue
        clauses = _clauses(sentence)
        if clauses >= 3 or (clauses == 2 and sentence.words > 12):
            found += finding(
                profile.many_ideas, path, sentence.line, "many-ideas",
                f"{clauses} ideas in one sentence: \u201c{preview(sentence.text)}\u201d",
                "write one idea in each sentence",
            )
    return found


# --- passive voice ------------------------------------------------------------------------------

_IRREGULAR = (
    "given|taken|done|made|seen|known|told|sent|paid|held|kept|chosen|written|shown|found|brought|bought|"
    "left|met|spent|thought|understood|heard|led|won|lost|built|caught|taught|sold|drawn|driven|forgotten|"
    "hidden|spoken|broken|worn|begun|put|set|cut|sought|meant|lent|fed|shut"
)
_NOT_PASSIVE = frozenset(
    """interested tired worried pleased scared excited bored married supposed used based concerned qualified
    experienced involved allowed called named closed finished disabled retired employed unemployed
    engaged prepared required expected welcomed needed aged detailed skilled limited related""".split()
)
_BE = frozenset("am is are was were be been being get gets got getting".split())
_PASSIVE = re.compile(
    rf"\b(?:am|is|are|was|were|be|been|being|get|gets|got|getting)\s+"
    rf"(?:(?:not|also|always|never|usually|often|then|all|only|just|\w+ly)\s+)?"
    rf"((?:{_IRREGULAR})|[a-z]{{3,}}ed)\b",
    re.IGNORECASE,
)


def passive(path: str, sentences: Sequence[Sentence], profile: Profile) -> list[Finding]:
    """A form of "be" or "get" before a past participle: "the form is signed by"."""
    if profile.passive == "off":
        return []
    found: list[Finding] = []
    for sentence in sentences:
        if sentence.kind == "heading" or _BE.isdisjoint(sentence.lower_words):
            continue  # "Being paid" names a topic; the guidance is about sentences
        for match in _PASSIVE.finditer(sentence.text):
            if match.group(1).lower() in _NOT_PASSIVE:
                continue
            found += finding(
                profile.passive, path, sentence.line_at(match.start()), "passive",
                f"passive voice: \u201c{match.group(0)}\u201d",
                "say who does it: \u201cthe form is signed by the panel\u201d \u2192 \u201cthe panel signs the form\u201d",
            )
            break  # once per sentence
    return found
