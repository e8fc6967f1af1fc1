"""The settings model: defaults that work from an empty config, overrides, loud errors."""

from __future__ import annotations

import pydantic
import pytest
import yaml

from build_tools.readability import ReadabilitySettings


def test_empty_config_gives_the_defaults() -> None:
    settings = ReadabilitySettings.model_validate({})
    assert settings == ReadabilitySettings()
    easy = settings.profile_for(is_easy=True, page_type="guide")
    standard = settings.profile_for(is_easy=False, page_type="guide")
    assert (easy.max_sentence_words, easy.max_grade, easy.sentence_length, easy.grade) == (15, 5.0, "error", "warning")
    assert (easy.italics, easy.capitals, easy.number_words) == ("error", "error", "warning")
    assert (easy.plain_words, easy.acronym) == ("error", "error")
    assert (standard.max_sentence_words, standard.max_grade) == (25, 9.0)
    assert (standard.sentence_length, standard.grade, standard.plain_words, standard.acronym) == ("warning",) * 4
    assert (standard.italics, standard.capitals, standard.number_words) == ("off",) * 3


def test_a_partial_profile_keeps_the_other_defaults() -> None:
    settings = ReadabilitySettings.model_validate({"easy": {"max_grade": 6}})
    easy = settings.profile_for(is_easy=True, page_type="guide")
    assert (easy.max_grade, easy.max_sentence_words, easy.italics) == (6.0, 15, "error")


def test_type_overrides_apply_on_top_of_either_profile() -> None:
    settings = ReadabilitySettings.model_validate(
        yaml.safe_load("types:\n  glossary:\n    grade: off\n    max_sentence_words: 40\n")
    )
    for is_easy in (True, False):
        profile = settings.profile_for(is_easy=is_easy, page_type="glossary")
        assert (profile.grade, profile.max_sentence_words) == ("off", 40)
    assert settings.profile_for(is_easy=True, page_type="guide").grade == "warning"


@pytest.mark.parametrize(
    "config",
    [
        {"easy": {"max_grde": 6}},
        {"standard": {"grade": "fatal"}},
        {"standard": {"grade": True}},
        {"types": {"policy": {"italic": "error"}}},
        {"easy": {"max_sentence_words": 0}},
        {"unknown": 1},
    ],
)
def test_mistakes_fail_loudly(config: dict) -> None:
    with pytest.raises(pydantic.ValidationError):
        ReadabilitySettings.model_validate(config)


def test_unknown_page_types_can_be_reported() -> None:
    settings = ReadabilitySettings.model_validate({"types": {"polcy": {}, "guide": {}}})
    assert settings.unknown_types(["guide", "policy"]) == ["polcy"]


def test_overrides_accept_every_profile_key_with_its_constraints() -> None:
    """ProfileOverrides is built from Profile: a new rule is configurable per type at once."""
    from build_tools.readability.settings import Profile, ProfileOverrides

    assert set(ProfileOverrides.model_fields) == set(Profile.model_fields)
    settings = ReadabilitySettings.model_validate({"types": {"glossary": {"passive": False, "ranges": "error"}}})
    profile = settings.profile_for(is_easy=False, page_type="glossary")
    assert (profile.passive, profile.ranges) == ("off", "error")
    with pytest.raises(ValueError):
        ReadabilitySettings.model_validate({"types": {"glossary": {"max_sentence_words": 0}}})


def test_easy_read_grade_is_a_warning_by_default_and_configurable() -> None:
    assert ReadabilitySettings().easy.grade == "warning"
    assert ReadabilitySettings.model_validate({"easy": {"grade": "error"}}).easy.grade == "error"
