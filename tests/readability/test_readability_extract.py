"""Sentence extraction: what is read, what is skipped, and the line each sentence starts on."""

from __future__ import annotations

import pytest

from build_tools.readability import extract_sentences
from build_tools.readability.extract import extract

# (markdown, body_start, expected [(line, text, words)])
CASES = {
    "paragraph split into sentences": (
        "One short line. Another one here!\nIs it a question? Yes.\n",
        1,
        [(1, "One short line.", 3), (1, "Another one here!", 3), (2, "Is it a question?", 4), (2, "Yes.", 1)],
    ),
    "soft-wrapped sentence keeps its first line": (
        "This sentence starts here\nand ends on the next line.\n",
        1,
        [(1, "This sentence starts here and ends on the next line.", 10)],
    ),
    "abbreviations and decimals do not split": (
        "Bring a drink, e.g. water. Dr. Jones pays 2.5 pounds, i.e. not much. Mr. Smith comes at 3 p.m. Then we go.\n",
        1,
        [
            (1, "Bring a drink, e.g. water.", 5),
            (1, "Dr. Jones pays 2.5 pounds, i.e. not much.", 8),
            (1, "Mr. Smith comes at 3 p.m.", 6),
            (1, "Then we go.", 3),
        ],
    ),
    "lower-case after a full stop does not split": (
        "Pens, paper etc. and a drink.\n",
        1,
        [(1, "Pens, paper etc. and a drink.", 6)],
    ),
    "headings are sentences of their own": (
        "# Your day\n\nText here.\n\nSecond heading\n--------------\n\nMore text\n",
        1,
        [(1, "Your day", 2), (3, "Text here.", 2), (5, "Second heading", 2), (8, "More text", 2)],
    ),
    "bullets without full stops, 1- and 2-word items": (
        "You will need:\n\n- a pen\n- paper\n* your reading glasses\n1. Arrive\n2) Sign in\n- [ ] Tick me\n",
        1,
        [
            (1, "You will need:", 3),
            (3, "a pen", 2),
            (4, "paper", 1),
            (5, "your reading glasses", 3),
            (6, "Arrive", 1),
            (7, "Sign in", 2),
            (8, "Tick me", 2),
        ],
    ),
    "list item continued on the next line": (
        "- a long item that goes\n  on to the next line\n- next\n",
        1,
        [(1, "a long item that goes on to the next line", 10), (3, "next", 1)],
    ),
    "table cells are sentences; delimiter row skipped": (
        "| Time | What happens |\n| :--- | ---: |\n| 9:30 | Come in `now` |\n",
        1,
        [(1, "Time", 1), (1, "What happens", 2), (3, "9:30", 1), (3, "Come in", 2)],
    ),
    "picture block: fence and option lines skipped, row is a sentence": (
        "/// picture | material-account-group\n    alt: Three people sitting round a table\n\n"
        "You will sit with 2 or 3 staff\n///\nNext part\n",
        1,
        [(4, "You will sit with 2 or 3 staff", 8), (6, "Next part", 2)],
    ),
    "block options end at the first blank line": (
        "/// picture | x\n    decorative: true\nText right after\n///\n",
        1,
        [(3, "Text right after", 3)],
    ),
    "fenced and indented code skipped": (
        "Before.\n\n```python\nprint('Not. Read.')\n```\n\n~~~\nalso code\n~~~\n\n    indented code\n\nAfter.\n",
        1,
        [(1, "Before.", 1), (13, "After.", 1)],
    ),
    "indented lines inside a list are not code": (
        "- item\n\n    more about the item\n",
        1,
        [(1, "item", 1), (3, "more about the item", 4)],
    ),
    "inline code, URLs, e-mail and link targets skipped": (
        "Run `guides stamp` and see https://example.org/a_b. Mail a@b.org or <https://x.org>.\n"
        "Read [the policy](../staff/policy.md \"Policy\") now.\n",
        1,
        [(1, "Run and see.", 3), (1, "Mail or.", 2), (2, "Read the policy now.", 4)],
    ),
    "images skipped, alt text too": (
        "![A photo of the room](room.png) The room is big.\n",
        1,
        [(1, "The room is big.", 4)],
    ),
    "HTML comments skipped, lines kept": (
        "<!-- a note\nover two lines. -->\nShown text.\n<!-- one line -->\n",
        1,
        [(3, "Shown text.", 2)],
    ),
    "abbreviation and link definitions skipped": (
        "*[DBS]: Disclosure and Barring Service\n[policy]: ../policy.md\nThe DBS check.\n",
        1,
        [(3, "The DBS check.", 3)],
    ),
    "variables count as one word, markup stripped": (
        "Call **{{ contact.phone }}** or _write_ to <b>us</b> &amp; ____ them.\n",
        1,
        [(1, "Call {{ contact.phone }} or write to us & ____ them.", 8)],
    ),
    "front matter skipped, lines of the whole file": (
        "---\ntitle: A title. Not read\nroles: [staff]\n---\n# Heading\n\nBody text.\n",
        5,
        [(5, "Heading", 1), (7, "Body text.", 2)],
    ),
    "block quotes and admonition titles are read": (
        "> Quoted text.\n\n!!! note \"Before you go\"\n    Bring a pen.\n",
        1,
        [(1, "Quoted text.", 2), (3, "Before you go", 3), (4, "Bring a pen.", 3)],
    ),
    "thematic breaks and attribute lists skipped": (
        "Some text { .lead }\n\n---\n\n***\n",
        1,
        [(1, "Some text", 2)],
    ),
    "definition lists: term and definition": (
        "Interview panel\n:   The small group of people who meet each candidate.\n",
        1,
        [(1, "Interview panel", 2), (2, "The small group of people who meet each candidate.", 9)],
    ),
    "hyphenated words and contractions are one word": (
        "Don't worry about well-being.\n",
        1,
        [(1, "Don't worry about well-being.", 4)],
    ),
}


@pytest.mark.parametrize("markdown, body_start, expected", list(CASES.values()), ids=list(CASES))
def test_sentences(markdown: str, body_start: int, expected: list[tuple[int, str, int]]) -> None:
    sentences = extract_sentences(markdown, body_start)
    assert [(s.line, s.text, s.words) for s in sentences] == expected


def test_line_of_a_word_in_a_wrapped_sentence() -> None:
    (sentence,) = extract_sentences("First words\nsecond line\nthird line.\n", 1)
    assert sentence.line_at(sentence.text.index("second")) == 2
    assert sentence.line_at(sentence.text.index("third")) == 3
    assert sentence.line_at(0) == 1


def test_abbreviations_are_collected_with_their_lines() -> None:
    page = extract("Text.\n\n*[DBS]: Disclosure and Barring Service\n*[NHS]: National Health Service\n", 1)
    assert page.abbreviations == {"DBS": 3, "NHS": 4}


def test_prose_lines_keep_emphasis_but_not_code() -> None:
    page = extract("Some *emphasis* and `*code*` here.\n", 1)
    assert [(p.line, p.raw) for p in page.prose] == [(1, "Some *emphasis* and  here.")]


@pytest.mark.parametrize("markdown, body_start, expected", list(CASES.values())[:6], ids=list(CASES)[:6])
def test_windows_line_endings_read_the_same(markdown: str, body_start: int, expected: list) -> None:
    sentences = extract_sentences(markdown.replace("\n", "\r\n"), body_start)
    assert [(s.line, s.text, s.words) for s in sentences] == expected
