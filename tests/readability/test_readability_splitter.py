"""The sentence splitter against a golden table of tricky lines counted by hand
(`splitter_golden.yml`), and properties that hold for any text."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from build_tools.readability import extract_sentences
from build_tools.readability.sentences import words_of

CASES = yaml.safe_load((Path(__file__).parent / "splitter_golden.yml").read_text("utf-8"))


def test_the_table_is_big_enough() -> None:
    assert len(CASES) >= 50


@pytest.mark.parametrize("case", CASES, ids=[case["text"][:40] for case in CASES])
def test_golden_line(case: dict) -> None:
    sentences = extract_sentences(case["text"], 1)
    assert [s.words for s in sentences] == case["words"], [s.text for s in sentences]
    if "lines" in case:
        assert [s.line for s in sentences] == case["lines"]


_WORD = st.sampled_from(
    "we go to the room No. Dr Mr. a.m. p.m. e.g. etc. 10.30 J. K. B. 4.2. 5 Please Then NHS it is".split()
)
_END = st.sampled_from(["", ".", "!", "?", ","])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_WORD, _END), min_size=1, max_size=40))
def test_splitting_never_loses_or_invents_words(pieces: list[tuple[str, str]]) -> None:
    """However the text is split, the sentences' words are the paragraph's words, in order."""
    text = "We " + " ".join(word + end for word, end in pieces)  # "5." alone would be a list item
    sentences = extract_sentences(text, 1)
    assert [w for s in sentences for w in words_of(s.text)] == words_of(text)
    assert all(s.line == 1 for s in sentences)
