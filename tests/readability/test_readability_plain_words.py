"""The plain-words lists: their data and attribution, the generated forms, sense rules and matching."""

from __future__ import annotations

import json
from importlib import resources

import pytest
import yaml

from build_tools.readability.data.generate import make_forms
from build_tools.readability.plain_words import FORMS, LISTS, build_index, default_index, find_plain_words
from build_tools.readability.sentences import tokens


def read(name: str) -> str:
    return resources.files("build_tools.readability.data").joinpath(name).read_text("utf-8")


def data(name: str) -> dict:
    return yaml.safe_load(read(name))


def test_at_least_300_entries_from_three_attributed_lists() -> None:
    index = default_index()
    assert len(index.entries) >= 300
    sources = {entry.source for items in index.phrases.values() for _, entry in items}
    assert sources == set(LISTS)
    assert "project's own" in read("plain_words.yml")
    assert "Open Government Licence v3.0" in read("plain_words_govuk.yml")
    assert "Titus Wormer" in read("plain_words_retext.yml") and "MIT" in read("plain_words_retext.yml")


def test_skipped_imports_are_real_entries() -> None:
    imported = {key.rstrip(".") for name in LISTS[1:] for section in ("verbs", "words") for key in data(name)[section]}
    for key in data(LISTS[0])["skip_imported"]:
        assert key in imported, f"skip_imported: {key!r} is in no imported list"
        assert key not in default_index().entries or key in {**data(LISTS[0])["verbs"], **data(LISTS[0])["words"]}


@pytest.mark.parametrize("name", LISTS[:2])
def test_entries_are_lower_case_and_our_replacements_are_plain(name: str) -> None:
    index = default_index()
    for section in ("verbs", "words"):
        for key, value in data(name)[section].items():
            assert key == key.lower().strip(), key
            use = value if isinstance(value, str) else value["use"]
            assert use.split(), key
            assert not find_plain_words(tokens(use), index), f"{key}: replacement {use!r} is itself on the list"


def test_forms_file_is_generated_from_the_lists() -> None:
    """forms.json is what `python -m build_tools.readability.data.generate forms` writes now
    (lemminflect, pinned in the test extra): nobody typed or forgot an inflection."""
    assert json.loads(read(FORMS)) == json.loads(json.dumps(make_forms(), sort_keys=True))


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # the words the issue found missing, as written in real documents
        ("Adverts go out via NHS Jobs.", [("via", "through")]),
        ("The day will consist of two parts.", [("consist of", "be made up of")]),
        ("It consists of a talk.", [("consists of", "be made up of")]),
        ("Give a minimum of two weeks' notice.", [("a minimum of", "at least")]),
        ("Dress appropriately.", [("appropriately", "in the right way")]),
        ("Choose an appropriate room.", [("appropriate", "right")]),
        ("Bring anything necessary.", [("necessary", "needed")]),
        ("All offers are subject to checks.", [("subject to", "depending on")]),
        ("You are obliged to attend.", [("obliged to", "have to")]),
        ("Only pertinent facts.", [("pertinent", "relevant")]),
        ("The form is appended below.", [("appended", "add")]),
        ("With regards to pay, ask us.", [("With regards to", "about")]),
        ("We are endeavoring to involve you.", [("endeavoring", "try")]),
        ("We endeavour to help.", [("endeavour", "try")]),
        ("We utilized it.", [("utilized", "use")]),
        ("It was undertaken", [("undertaken", "do")]),
        ("They complied with it", [("complied with", "follow")]),
        ("Prior to the day", [("Prior to", "before")]),
        ("Subsequent to that, subsequently", [("Subsequent to", "after"), ("subsequently", "later")]),
        ("We organise it", []),
        # sense: inform/advise/notify only when a person is told
        ("We will inform you of the result.", [("inform", "tell")]),
        ("Please inform the panel.", [("inform", "tell")]),
        ("Your views inform the decision.", []),
        ("This policy has been informed by our commitments.", []),
        ("Make an informed choice.", []),
        ("Staff can advise on this.", []),
        ("We will notify all candidates.", [("notify", "tell")]),
        # sense: a noun is not given a verb
        ("You give feedback on request.", []),
        ("Your request is noted.", []),
        ("Please request a form.", [("request", "ask")]),
        ("We will review your progress.", []),
        ("We progress the case.", [("progress", "move on")]),
        ("We measure progress towards our goals.", []),
        ("Progressing your case takes a week.", [("Progressing", "move on")]),
        ("This will impact on staff.", [("impact", "affect")]),
        ("The impact is small.", []),
        # GOV.UK words to avoid and retext-simplify entries
        ("We will leverage our network.", [("leverage", "use")]),
        ("A robust process.", [("robust", "strong")]),
        ("Going forward we will ask.", [("Going forward", "from now on")]),
        ("We will ameliorate it.", [("ameliorate", "help or improve")]),
        ("Give examples, e.g. a job.", [("e.g", "for example or such as")]),
        # skipped imports: ordinary senses
        ("Write your address here.", []),
        ("This is very easy.", []),
        ("We make reasonable adjustments.", []),
    ],
)
def test_matching(sentence: str, expected: list[tuple[str, str]]) -> None:
    found = find_plain_words(tokens(sentence), default_index())
    assert [(m.text, m.entry.use) for m in found] == expected


def test_a_custom_list() -> None:
    lists = [("plain_words.yml", {"verbs": {"leverage": "use"}, "words": {"going forward": "from now on"}})]
    index = build_index(lists, {"verbs": {"leverage": ["leverage", "leveraged"]}})
    found = find_plain_words(tokens("Going forward we leveraged it"), index)
    assert [(m.text, m.entry.use, m.offset) for m in found] == [
        ("Going forward", "from now on", 0), ("leveraged", "use", 17),
    ]
    with pytest.raises(ValueError):
        build_index([("plain_words.yml", {"words": {"x": 3}})], {})
