"""The plain-words list: its data, the inflected forms, and matching."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from build_tools.readability.sentences import tokens
from build_tools.readability.plain_words import build_index, default_index, find_plain_words, verb_forms, word_forms


def data() -> dict:
    return yaml.safe_load(resources.files("build_tools.readability").joinpath("plain_words.yml").read_text("utf-8"))


def test_list_size_and_header() -> None:
    text = resources.files("build_tools.readability").joinpath("plain_words.yml").read_text("utf-8")
    assert "project's own" in text and "MIT" in text
    entries = {**data()["verbs"], **data()["words"]}
    assert 80 <= len(entries) <= 150


def test_entries_are_lower_case_and_replacements_are_plain() -> None:
    index = default_index()
    for section in ("verbs", "words"):
        for key, value in data()[section].items():
            assert key == key.lower().strip(), key
            use = value if isinstance(value, str) else value["use"]
            words = tuple(use.split())
            assert not find_plain_words(tokens(use), index), f"{key}: replacement {use!r} is itself on the list"
            assert words


def test_no_two_entries_share_a_form() -> None:
    seen: dict[tuple[str, ...], str] = {}
    for section in ("verbs", "words"):
        for key in data()[section]:
            first, *rest = key.split()
            forms = verb_forms(first) if section == "verbs" else (word_forms(first) if not rest else {first})
            for form in forms:
                phrase = (form, *rest)
                assert phrase not in seen, f"{phrase} from {key!r} and {seen.get(phrase)!r}"
                seen[phrase] = key


@pytest.mark.parametrize(
    "verb, forms",
    [
        ("utilise", {"utilise", "utilises", "utilised", "utilising", "utilize", "utilizes", "utilized", "utilizing"}),
        ("require", {"require", "requires", "required", "requiring"}),
        ("notify", {"notify", "notifies", "notified", "notifying"}),
        ("endeavour", {"endeavour", "endeavours", "endeavoured", "endeavouring"}),
        ("submit", {"submit", "submits", "submitted", "submitting", "submited", "submiting"}),
    ],
)
def test_verb_forms(verb: str, forms: set[str]) -> None:
    assert verb_forms(verb) == forms


def test_word_forms() -> None:
    assert word_forms("requirement") == {"requirement", "requirements"}
    assert word_forms("discrepancy") == {"discrepancy", "discrepancies"}
    assert "utilizations" in word_forms("utilisation")


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("We Utilised it", [("Utilised", "utilise")]),
        ("Prior to the day", [("Prior to", "prior to")]),
        ("Subsequent to that, subsequently", [("Subsequent to", "subsequent to"), ("subsequently", "subsequently")]),
        ("They complied with it", [("complied with", "comply with")]),
        ("It was undertaken", [("undertaken", "undertake")]),
        ("The prerequisite", []),
        ("We organise it", []),
    ],
)
def test_matching(sentence: str, expected: list[tuple[str, str]]) -> None:
    found = find_plain_words(tokens(sentence), default_index())
    assert [(m.text, m.entry.entry) for m in found] == expected


def test_a_custom_list() -> None:
    index = build_index({"verbs": {"leverage": "use"}, "words": {"going forward": "from now on"}})
    found = find_plain_words(tokens("Going forward we leveraged it"), index)
    assert [(m.text, m.entry.use, m.offset) for m in found] == [
        ("Going forward", "from now on", 0), ("leveraged", "use", 17),
    ]
    with pytest.raises(ValueError):
        build_index({"words": {"x": 3}})
