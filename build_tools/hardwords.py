"""Hard words on easy-read pages: the first use of each glossary term is shown in
bold, its explanation follows the line that uses it as sentences of its own (so the
line's sentence stays short), and the page ends with a "Hard words" list.

Pure text in, text out, one line at a time, so line numbers stay where the
author wrote them.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from build_tools.content.glossary import Term
from build_tools.content.model import Document

#: Spans a term may not be found inside: code, link targets, HTML tags, variables, URLs.
PROTECTED = re.compile(r"`+[^`]*`+|\]\([^)]*\)|<[^>]+>|\{\{[^}]*\}\}|https?://\S+|\*\*[^*]+\*\*")
SKIP_LINE = re.compile(r"^\s*(#|/{3,}|\*\[|\|?\s*:?-{3,}|<)|^(?: {4}|\t)[\w-]+\s*:")


def term_pattern(terms: Iterable[Term]) -> re.Pattern[str] | None:
    """One pattern for every term, longest first, plurals included."""
    words = sorted({t.term for t in terms}, key=len, reverse=True)
    if not words:
        return None
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?:s|es)?(?![\w-])", re.IGNORECASE)


def explain_hard_words(doc: Document, lines: list[str], terms: list[Term]) -> tuple[list[str], list[Term]]:
    """Mark the first use of each term in `lines` (the page's staged lines); return them
    with the terms used, in the order they first appear."""
    pattern = term_pattern(terms)
    if pattern is None:
        return lines, []
    by_name = {t.term.lower(): t for t in terms}
    used: list[Term] = []
    out = list(lines)
    for number in range(doc.body_start, len(out) + 1):
        line = out[number - 1]
        if number in doc.code or not line.strip() or SKIP_LINE.match(line):
            continue
        out[number - 1] = _mark_line(line, pattern, by_name, used)
    return out, used


def _mark_line(line: str, pattern: re.Pattern[str], by_name: dict[str, Term], used: list[Term]) -> str:
    protected = [m.span() for m in PROTECTED.finditer(line)]
    pieces: list[str] = []
    explained: list[Term] = []
    last = 0
    in_table = line.lstrip().startswith("|")
    for match in pattern.finditer(line):
        if any(start < match.end() and match.start() < end for start, end in protected):
            continue
        term = _term_for(match.group(0), by_name)
        if term is None or term in used:
            continue
        used.append(term)
        pieces.append(line[last:match.start()])
        pieces.append(f'<strong class="guides-term">{html.escape(match.group(0))}</strong>')
        if in_table:  # a table cell cannot hold a block after its row: explain in brackets
            pieces.append(f'<span class="guides-term__explained"> ({html.escape(_inline(term.explanation))})</span>')
        else:
            explained.append(term)
        last = match.end()
    pieces.append(line[last:])
    marked = "".join(pieces)
    if not explained:
        return marked
    # After the line's own words, before a Markdown line break (two spaces or a backslash).
    body = marked.rstrip(" \\\t")
    notes = "".join(
        f' <span class="guides-term__explained">{html.escape(t.term)}: {html.escape(t.explanation.strip())}</span>'
        for t in explained
    )
    return body + notes + marked[len(body):]


def _inline(explanation: str) -> str:
    """An explanation as it reads inside brackets mid-sentence: no full stop, and a lower-case
    first letter unless the first word is an acronym or "I" ("DBS check", "I")."""
    text = explanation.strip().rstrip(".")
    first = text.split(" ", 1)[0]
    if first and first != "I" and not (len(first) > 1 and first.isupper()):
        text = text[0].lower() + text[1:]
    return text


def _term_for(found: str, by_name: dict[str, Term]) -> Term | None:
    key = re.sub(r"\s+", " ", found.lower())
    for candidate in (key, key[:-1], key[:-2]):
        if candidate in by_name:
            return by_name[candidate]
    return None


def hard_words_section(used: list[Term]) -> list[str]:
    """Markdown lines for the "Hard words" list at the end of a page."""
    if not used:
        return []
    items = "".join(
        f"<dt>{html.escape(t.term)}</dt><dd>{html.escape(t.explanation)}</dd>" for t in used
    )
    return ["", "## Hard words", "", f'<dl class="guides-hard-words">{items}</dl>', ""]
