"""Check one page: extract its sentences, score it, run the rules of its profile."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from pydantic import ConfigDict

from build_tools.errors import Finding
from build_tools.readability import acronyms, easy_rules, numbers, rules
from build_tools.readability.extract import extract
from build_tools.readability.metrics import PageMetrics, page_metrics
from build_tools.readability.plain_words import default_index
from build_tools.readability.sentences import Sentence
from build_tools.readability.settings import ReadabilitySettings

_TITLE_KEY = re.compile(r"^title\s*:")
_CAPITALISED = re.compile(r"(?<!\S)[A-Z]\S*")
_LOWER_CASE = re.compile(r"(?<!\S)[a-z]\S*")


@dataclass
class PageReadability:
    """What the readability check found on one page."""

    #: Cached results are validated against these fields (cache.py): a file with others is not ours.
    __pydantic_config__ = ConfigDict(extra="forbid")

    path: str
    #: words, sentences, avg_sentence_words, flesch_reading_ease,
    #: flesch_kincaid_grade, smog, longest_sentence_words
    metrics: PageMetrics
    #: (line, text, word count) of every sentence read, in order.
    sentences: list[tuple[int, str, int]]
    findings: list[Finding] = field(default_factory=list)
    page_type: str = "guide"
    is_easy: bool = False
    #: The limits that applied: max_sentence_words, max_grade.
    limits: dict[str, float] = field(default_factory=dict)

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity == "warning")

    @property
    def rule_counts(self) -> dict[str, int]:
        """Findings per rule, most first: what drives this page's findings."""
        return rule_counts(self.findings)


def rule_counts(findings: Iterable[Finding]) -> dict[str, int]:
    """Findings per rule, most first (then by rule name)."""
    counts = Counter(finding.rule for finding in findings)
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def names_on_page(sentences: Sequence[Sentence], explained: Iterable[str]) -> frozenset[str]:
    """Lower-case words that are names, so they do not inflate the grade: explained
    acronyms and glossary terms' words, and proper names: words capitalised inside a
    sentence ("European Union"; not the first word, not "I") that the page never
    writes in lower case (so "the Involvement team" beside "involvement" is no name)."""
    # Regexes over the joined words: several times quicker than a loop over every word.
    inside = " ".join(" ".join(s.tokens[1:]) for s in sentences)
    capitalised = {word.lower() for word in _CAPITALISED.findall(inside) if word != "I"}
    if capitalised:
        written = " ".join(" ".join(s.tokens) for s in sentences)
        capitalised -= set(_LOWER_CASE.findall(written))
    return frozenset({word.lower() for word in explained} | capitalised)


def title_line(text: str, body_start: int, first_read: int | None) -> int:
    """Where page-wide findings go: the front matter's `title:` line, else the first
    line read (usually the `# Heading`), else the body's first line."""
    lines = text.split("\n", body_start)[: body_start - 1]
    for number, line in enumerate(lines[1:], start=2):
        if _TITLE_KEY.match(line):
            return number
    return first_read or body_start


def check_page(
    *,
    path: str,
    text: str,
    body_start: int,
    is_easy: bool,
    page_type: str,
    glossary_terms: Mapping[str, str],
    settings: ReadabilitySettings,
) -> PageReadability:
    """Readability metrics and findings for one page.

    `text` is the whole file as read (front matter included); `body_start` is the
    1-based line of the first body line (1 if there is no front matter).
    `glossary_terms` maps lower-case terms to explanations; a term explains an
    acronym of the same letters. Findings carry `path` and 1-based lines of the
    whole file.
    """
    profile = settings.profile_for(is_easy=is_easy, page_type=page_type)
    page = extract(text, body_start)
    sentences = page.sentences
    explained = acronyms.explained_terms(page.abbreviations, glossary_terms)
    metrics = page_metrics(sentences, settings.language, names_on_page(sentences, explained))
    page_line = title_line(text, body_start, sentences[0].line if sentences else None)
    glossary_page = page_type == "glossary"
    if glossary_page:
        # A glossary's terms are hard words on purpose, and it lists their other names:
        # its explanations are checked like any page, its term lines and synonyms are not.
        sentences = [s for s in sentences if s.text.lower() not in glossary_terms]
    findings = [
        *rules.sentence_length(path, sentences, profile),
        *rules.grade(path, metrics, page_line, profile),
        *rules.italics(path, page.prose, profile),
        *acronyms.capitals_and_acronyms(path, sentences, explained, profile, is_easy=is_easy),
        *numbers.number_words(path, sentences, profile),
        *numbers.percentages(path, sentences, profile),
        *numbers.ranges(path, sentences, profile),
        *rules.plain_words(path, sentences, default_index(), profile),
        *easy_rules.double_negative(path, sentences, profile),
        *([] if glossary_page else
          easy_rules.synonyms(path, sentences, easy_rules.synonym_groups(glossary_terms), profile)),
        *easy_rules.many_ideas(path, sentences, profile),
        *easy_rules.passive(path, sentences, profile),
    ]
    findings.sort(key=lambda f: f.line)  # stable: within a line, rule order then text order
    return PageReadability(
        path=path,
        metrics=metrics,
        sentences=[(s.line, s.text, s.words) for s in page.sentences],
        findings=findings,
        page_type=page_type,
        is_easy=is_easy,
        limits={"max_sentence_words": profile.max_sentence_words, "max_grade": profile.max_grade},
    )
