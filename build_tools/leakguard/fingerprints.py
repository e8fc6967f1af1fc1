"""Fingerprints for the leak guard: what each role must never show.

Fingerprints (`fingerprint`): every source line gets the roles that may read it
(`Document.roles_at`, the page's roles narrowed by role blocks). Lines are cut into
words (lower case, letters and digits only, so Markdown and HTML punctuation, entities
and quotes do not matter), and each run of lines readable by the same roles into
shingles of `SHINGLE` consecutive words. For a role R, the fingerprint is every shingle
of text R may not read, minus every shingle of text R may read (and of the site's
configuration), so a phrase that is legitimately on R's pages never counts. Titles and
headings shorter than a shingle (2 to SHINGLE-1 words) are kept whole, and match only a
whole element of the output (a nav entry, a heading, a search-index title).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from build_tools.config import Config
from build_tools.content.model import Corpus, Document
from build_tools.roles import substitute_variables

#: Words per shingle: long enough that a match is not chance, short enough to catch a short sentence.
SHINGLE = 5
#: The fewest words a title or heading needs to be fingerprinted whole.
SHORTEST = 2

WORD = re.compile(r"[^\W_]+")
_LINK_TARGET = re.compile(r"\]\([^)]*\)|^\s*\[[^\]]+\]:\s*\S+")
_ATTR_LIST = re.compile(r"\{\s*[:#.][^}]*\}")
_FENCE = re.compile(r"^(\s*(?:>\s*)*)/{3,}\s*[\w-]*\s*\|?")
_FRONT_KEY = re.compile(r"^\s*-?\s*[\w-]+\s*:")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s")
TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class Source:
    """Where a fingerprinted phrase was written: `content/x.md`, line, and who may read it."""

    path: str
    line: int
    roles: frozenset[str]


@dataclass(frozen=True)
class Run:
    """Consecutive lines of one page read by the same roles; the exact line of a phrase is
    only worked out when it is found (`source`), which keeps fingerprinting cheap."""

    doc: Document
    first: int
    last: int
    roles: frozenset[str]
    config: Config

    def text(self) -> str:
        return "\n".join(source_text(self.doc, n, self.config) for n in range(self.first, self.last + 1))

    def source(self, value: int) -> Source:
        tokens: list[str] = []
        line_of: list[int] = []
        for number in range(self.first, self.last + 1):
            found = words(source_text(self.doc, number, self.config))
            tokens += found
            line_of += [number] * len(found)
        index = next((i for i, h in enumerate(shingles(tokens)) if h == value), 0)
        return Source(self.config.source_path(self.doc.path), line_of[index] if line_of else self.first, self.roles)


@dataclass
class Fingerprint:
    """What one role must never show: shingle hashes and whole short phrases, each with where it was written."""

    role: str
    shingles: dict[int, Run] = field(default_factory=dict)
    short: dict[int, Source] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.shingles) + len(self.short)


def words(text: str) -> list[str]:
    """Normalised words: HTML entities decoded, lower case, letters and digits only."""
    return WORD.findall(html.unescape(text).lower())


def shingles(tokens: list[str]) -> Iterator[int]:
    """Hashes of every run of SHINGLE consecutive words."""
    return map(hash, zip(*(tokens[i:] for i in range(SHINGLE))))


def source_text(doc: Document, line: int, config: Config) -> str:
    """A Markdown line as a reader would see its words: no link targets, block fences or attribute lists."""
    text = doc.lines[line - 1]
    if line < doc.body_start:
        return _FRONT_KEY.sub(" ", text)
    if "{{" in text and line not in doc.code:
        text = substitute_variables(text, config)
    if "/" in text:
        text = _FENCE.sub(r"\1", text)
    if "](" in text or "]:" in text:
        text = _LINK_TARGET.sub("]", text)
    if "{" in text:
        text = _ATTR_LIST.sub(" ", text)
    if "<" in text:
        text = TAG.sub(" ", text)
    return text


def fingerprint(corpus: Corpus, config: Config, roles: Iterable[str]) -> dict[str, Fingerprint]:
    """Each role's fingerprint of text only other roles may read."""
    runs: dict[frozenset[str], list[tuple[Run, list[str]]]] = {}
    short: list[tuple[list[str], Source]] = []
    whole: dict[frozenset[str], set[int]] = {}  # short readable lines and table cells, whole
    for doc in corpus.documents.values():
        for run in _runs(doc, config):
            text = run.text()
            runs.setdefault(run.roles, []).append((run, words(text)))
            found = whole.setdefault(run.roles, set())
            for offset, line in enumerate(text.split("\n")):
                if not line or line.isspace():
                    continue
                if len(line) < 60 or "|" in line:
                    found.update(hash(tuple(cell)) for part in line.split("|") if (cell := words(part)))
                raw = doc.lines[run.first + offset - 1]
                if raw.lstrip().startswith("#") and _HEADING.match(raw) or (run.first + offset < doc.body_start and raw.startswith("title:")):
                    heading = words(line)
                    if SHORTEST <= len(heading) < SHINGLE:
                        short.append((heading, Source(config.source_path(doc.path), run.first + offset, run.roles)))
    everyone = words(json.dumps(config.mkdocs, default=str)) + words(json.dumps(config.guides.model_dump(mode="json")))
    by_group = {group: set().union(*(shingles(tokens) for _, tokens in items)) for group, items in runs.items()}
    prints = {}
    for role in roles:
        fp = prints[role] = Fingerprint(role)
        forbidden: set[int] = set().union(*(s for g, s in by_group.items() if role not in g))
        for group, hashes in by_group.items():
            if role in group:
                forbidden -= hashes
        forbidden.difference_update(shingles(everyone))
        for group, items in runs.items():
            if role not in group:
                for run, tokens in items:
                    for value in forbidden.intersection(shingles(tokens)):
                        fp.shingles.setdefault(value, run)
        readable_short = _short_grams(everyone).union(*(s for g, s in whole.items() if role in g))
        for heading, source in short:
            value = hash(tuple(heading))
            if role not in source.roles and value not in readable_short:
                fp.short.setdefault(value, source)
    return prints


def _runs(doc: Document, config: Config) -> Iterator[Run]:
    """The page cut where the roles that may read a line change."""
    page_roles = doc.roles_for(config.role_ids)
    has_blocks = any(block.name == "role" for block in doc.blocks)
    first, current = 1, page_roles
    for line in range(doc.body_start, len(doc.lines) + 1):
        roles_ = doc.roles_at(line, config.role_ids) if has_blocks else page_roles
        if roles_ != current:
            if line > first:
                yield Run(doc, first, line - 1, current, config)
            first, current = line, roles_
    if len(doc.lines) >= first:
        yield Run(doc, first, len(doc.lines), current, config)


def _short_grams(tokens: list[str]) -> set[int]:
    """Every run of SHORTEST..SHINGLE-1 words (of small texts: the configuration)."""
    return {hash(gram) for n in range(SHORTEST, SHINGLE) for gram in zip(*(tokens[i:] for i in range(n)))}
