"""Syllables (the CMU dictionary, then Pyphen) and the page scores from our own prose sentences."""

from __future__ import annotations

import pytest

from build_tools.readability import extract_sentences
from build_tools.readability.metrics import page_metrics, syllables

BRITISH_AMERICAN = [
    ("organise", "organize"), ("colour", "color"), ("centre", "center"), ("behaviour", "behavior"),
    ("recognise", "recognize"), ("travelled", "traveled"), ("programme", "program"), ("licence", "license"),
    ("favourite", "favorite"), ("cancelled", "canceled"), ("neighbour", "neighbor"), ("catalogue", "catalog"),
    ("defence", "defense"), ("theatre", "theater"), ("analyse", "analyze"), ("honour", "honor"),
    ("realise", "realize"), ("organisation", "organization"), ("prioritise", "prioritize"),
]


@pytest.mark.parametrize("british, american", BRITISH_AMERICAN)
def test_british_spellings_are_not_penalised(british: str, american: str) -> None:
    assert syllables(british, "en_GB") <= syllables(american, "en_GB")


@pytest.mark.parametrize(
    "token, expected",
    [("cat", 1), ("panel", 2), ("interview", 3), ("Interview", 3), ("well-being", 3), ("don't", 1),
     ("{{ org.name }}", 1), ("____", 1), ("3", 1)],
)
def test_syllables(token: str, expected: int) -> None:
    assert syllables(token, "en_GB") == expected



def test_formulas_use_our_sentences() -> None:
    # "Go." is a sentence (textstat would drop sentences of 1 or 2 words).
    metrics = page_metrics(extract_sentences("The cat sat. Go.\n", 1), "en_GB")
    assert metrics == {
        "words": 4,
        "sentences": 2,
        "avg_sentence_words": 2.0,
        "flesch_reading_ease": round(206.835 - 1.015 * 2 - 84.6 * 1, 2),
        "flesch_kincaid_grade": round(0.39 * 2 + 11.8 * 1 - 15.59, 2),
        "smog": round(3.1291, 2),
        "longest_sentence_words": 3,
    }


def test_a_list_is_not_one_sentence() -> None:
    metrics = page_metrics(extract_sentences("- a pen\n- some paper\n- a drink of water\n", 1), "en_GB")
    assert (metrics["sentences"], metrics["words"], metrics["longest_sentence_words"]) == (3, 8, 4)


def test_polysyllables_feed_smog() -> None:
    metrics = page_metrics(extract_sentences("Organisation. Interview. Cat.\n", 1), "en_GB")
    assert metrics["smog"] == round(1.043 * (30 * 2 / 3) ** 0.5 + 3.1291, 2)


def test_empty_page() -> None:
    assert page_metrics([], "en_GB")["words"] == 0
