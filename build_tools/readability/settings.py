"""Readability settings: thresholds and severities, declared once, typed, with defaults.

Read from `mkdocs.yml` under `guides: readability:`. Every key is optional: an
empty (or missing) section gives the defaults below, which follow easy-read and
plain-English guidance. Unknown keys are errors (`extra="forbid"`), so a misspelt
threshold fails loudly instead of silently keeping the default.

```yaml
guides:
  readability:
    easy:                    # x.easy.md pages
      max_grade: 5
    standard:                # every other page
      max_sentence_words: 25
    types:                   # per page type, on top of `easy` or `standard`
      glossary: {grade: "off"}
      policy: {max_sentence_words: 30, plain_words: "off"}
```

Each rule has a level: `error`, `warning` or `off`. (YAML reads a bare `off`
as the boolean false; that is accepted as "off". `true` is rejected.)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field


def _yaml_off(value: object) -> object:
    return "off" if value is False else value


Level = Annotated[Literal["error", "warning", "off"], BeforeValidator(_yaml_off)]


class Profile(BaseModel):
    """Thresholds and levels for one kind of page. Defaults are the `standard` profile."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    #: A sentence with more words than this is reported (rule `sentence-length`).
    max_sentence_words: int = Field(25, ge=1)
    sentence_length: Level = "warning"
    #: A page whose Flesch-Kincaid grade is above this is reported (rule `grade`).
    max_grade: float = 9.0
    grade: Level = "warning"
    #: Pages with fewer words than this are not given the `grade` rule: the
    #: formulas mean little on a handful of words. The metric is still reported.
    min_words_for_grade: int = Field(50, ge=0)
    #: Italics: `*x*`, `_x_`, `<em>`, `<i>` (rule `italics`).
    italics: Level = "off"
    #: Words in block capitals that are ordinary words, e.g. "IMPORTANT" (rule `capitals`).
    capitals: Level = "off"
    #: Numbers written as words, e.g. "three" (rule `number-words`).
    number_words: Level = "off"
    #: Complex words and phrases with a plain replacement (rule `plain-words`).
    plain_words: Level = "warning"
    #: Entries of the plain-words list not to report on these pages (base forms, e.g. "require").
    plain_words_ignore: tuple[str, ...] = ()
    #: Acronyms and initialisms not explained by the glossary or a `*[X]: …` line (rule `acronym`).
    acronym: Level = "warning"
    #: Words in capitals that are neither `capitals` nor `acronym` findings.
    allowed_capitals: tuple[str, ...] = ("OK",)


class EasyProfile(Profile):
    """Easy-read pages (`x.easy.md`): stricter limits, most rules are errors."""

    max_sentence_words: int = Field(15, ge=1)
    sentence_length: Level = "error"
    max_grade: float = 5.0
    grade: Level = "error"
    italics: Level = "error"
    capitals: Level = "error"
    number_words: Level = "warning"
    plain_words: Level = "error"
    acronym: Level = "error"


class ProfileOverrides(BaseModel):
    """Per page type changes on top of `easy` or `standard`; only the keys given apply."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    max_sentence_words: int | None = Field(None, ge=1)
    sentence_length: Level | None = None
    max_grade: float | None = None
    grade: Level | None = None
    min_words_for_grade: int | None = Field(None, ge=0)
    italics: Level | None = None
    capitals: Level | None = None
    number_words: Level | None = None
    plain_words: Level | None = None
    plain_words_ignore: tuple[str, ...] | None = None
    acronym: Level | None = None
    allowed_capitals: tuple[str, ...] | None = None


class ReadabilitySettings(BaseModel):
    """Everything under `guides: readability:`. `ReadabilitySettings()` is valid."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    #: Language passed to the syllable counter (British English hyphenation).
    language: str = "en_GB"
    easy: EasyProfile = Field(default_factory=EasyProfile)
    standard: Profile = Field(default_factory=Profile)
    #: Page type (front matter `type:`) -> overrides applied on top of the profile.
    types: dict[str, ProfileOverrides] = Field(default_factory=dict)

    def profile_for(self, *, is_easy: bool, page_type: str) -> Profile:
        """The settings that apply to one page: its profile, then its type's overrides."""
        base: Profile = self.easy if is_easy else self.standard
        overrides = self.types.get(page_type)
        if overrides is None:
            return base
        return base.model_copy(update=overrides.model_dump(exclude_unset=True, exclude_none=True))

    def unknown_types(self, known: Iterable[str]) -> list[str]:
        """Keys of `types` that are not page types, for the caller to report as errors."""
        known_set = set(known)
        return sorted(name for name in self.types if name not in known_set)
