"""The hard-words list: `content/glossary.md`, a Markdown definition list.

    Interview panel
    :   The small group of people who meet each candidate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

DEFINITION = re.compile(r"^:\s{1,4}(?P<text>\S.*)$")


@dataclass(frozen=True)
class Term:
    term: str
    explanation: str
    line: int


@dataclass
class Glossary:
    path: str | None = None
    terms: list[Term] = field(default_factory=list)

    def as_mapping(self) -> dict[str, str]:
        """Lower-case term -> explanation."""
        return {t.term.lower(): t.explanation for t in self.terms}


def parse_glossary(path: str, lines: list[str], body_start: int) -> Glossary:
    """Terms are the line before each `:   explanation` line; continuation lines are joined."""
    glossary = Glossary(path=path)
    number = body_start
    while number <= len(lines):
        match = DEFINITION.match(lines[number - 1])
        if match and number - 1 >= body_start and lines[number - 2].strip():
            term = lines[number - 2].strip()
            text = [match.group("text").strip()]
            follow = number + 1
            while follow <= len(lines) and lines[follow - 1].startswith("    ") and lines[follow - 1].strip():
                text.append(lines[follow - 1].strip())
                follow += 1
            glossary.terms.append(Term(term=term, explanation=" ".join(text), line=number - 1))
            number = follow
            continue
        number += 1
    return glossary
