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

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, create_model


def _yaml_off(value: object) -> object:
    return "off" if value is False else value


RuleLevel = Annotated[Literal["error", "warning", "off"], BeforeValidator(_yaml_off)]


#: Acronyms the GOV.UK style guide gives as well known ("Abbreviations and acronyms").
GOV_UK_WELL_KNOWN = ("UK", "DVLA", "US", "EU", "VAT", "MP")


class Profile(BaseModel):
    """Thresholds and levels for one kind of page. Defaults are the `standard` profile.

    Each rule's guidance and source is in docs/readability.md.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    #: A sentence with more words than this is reported (rule `sentence-length`).
    max_sentence_words: int = Field(25, ge=1)
    sentence_length: RuleLevel = "warning"
    #: A page whose Flesch-Kincaid grade (prose sentences only) is above this is reported (rule `grade`).
    max_grade: float = 9.0
    grade: RuleLevel = "warning"
    #: Pages with fewer prose words than this are not given the `grade` rule: the
    #: formulas mean little on a handful of words. The metric is still reported.
    min_words_for_grade: int = Field(50, ge=0)
    #: Italics: `*x*`, `_x_`, `<em>`, `<i>` (rule `italics`).
    italics: RuleLevel = "off"
    #: Ordinary words in capitals for emphasis ("NOT", "MUST"; rule `capitals`).
    capitals: RuleLevel = "off"
    #: Numbers written as words, e.g. "three" (rule `number-words`).
    number_words: RuleLevel = "off"
    #: Complex words and phrases with a plain replacement (rule `plain-words`).
    plain_words: RuleLevel = "warning"
    #: Entries of the plain-words list not to report on these pages (base forms, e.g. "require").
    plain_words_ignore: tuple[str, ...] = ()
    #: Acronyms not explained on the page, in the glossary or by a `*[X]: …` line (rule `acronym`).
    acronym: RuleLevel = "warning"
    #: Well-known acronyms: no explanation needed (default: the GOV.UK style guide's examples).
    well_known_acronyms: tuple[str, ...] = GOV_UK_WELL_KNOWN
    #: The level for an unexplained well-known acronym (off: never reported).
    well_known_acronym: RuleLevel = "off"
    #: Words in capitals that are never `capitals` or `acronym` findings.
    allowed_capitals: tuple[str, ...] = ("OK",)
    #: Two negatives that cancel out: "not unlikely", "do not know nothing" (rule `double-negative`).
    double_negative: RuleLevel = "warning"
    #: Percentages and fractions: "30%", "three quarters" (rule `percentages`).
    percentages: RuleLevel = "off"
    #: Ranges written with a dash: "5-10", "Monday–Friday" (rule `ranges`).
    ranges: RuleLevel = "warning"
    #: One thing called by two names from the glossary on one page (rule `synonyms`).
    synonyms: RuleLevel = "warning"
    #: Several clauses joined by and/but/which in one sentence (rule `many-ideas`).
    many_ideas: RuleLevel = "off"
    #: Passive voice: "the form is signed by" (rule `passive`).
    passive: RuleLevel = "off"


class EasyProfile(Profile):
    """Easy-read pages (`x.easy.md`): stricter limits; the rules published guidance states are errors."""

    max_sentence_words: int = Field(15, ge=1)
    sentence_length: RuleLevel = "error"
    max_grade: float = 5.0
    grade: RuleLevel = "warning"
    italics: RuleLevel = "error"
    capitals: RuleLevel = "error"
    number_words: RuleLevel = "warning"
    plain_words: RuleLevel = "error"
    acronym: RuleLevel = "error"
    well_known_acronym: RuleLevel = "warning"
    double_negative: RuleLevel = "error"
    percentages: RuleLevel = "error"
    ranges: RuleLevel = "error"
    synonyms: RuleLevel = "error"
    many_ideas: RuleLevel = "warning"
    passive: RuleLevel = "warning"


#: Per page type changes on top of `easy` or `standard`: every `Profile` key, all optional.
#: Built from `Profile` so each key is declared once.
ProfileOverrides = create_model(
    "ProfileOverrides",
    __config__=ConfigDict(extra="forbid", frozen=True),
    **{
        # the same type and constraints (ge=1, YAML's bare `off`), or None for "not given"
        name: ((Annotated[field.annotation, *field.metadata] if field.metadata else field.annotation) | None, None)
        for name, field in Profile.model_fields.items()
    },
)


class ReadabilitySettings(BaseModel):
    """Everything under `guides: readability:`. `ReadabilitySettings()` is valid."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    #: Language passed to the syllable counter (British English hyphenation).
    language: str = "en_GB"
    easy: EasyProfile = Field(default_factory=EasyProfile)
    standard: Profile = Field(default_factory=Profile)
    #: Page type (front matter `type:`) -> overrides applied on top of the profile.
    types: dict[str, ProfileOverrides] = Field(default_factory=dict)  # type: ignore[valid-type]

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
