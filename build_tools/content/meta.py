"""The front matter schema: every key a page may carry, and nothing else.

Role and level ids are checked against the configuration later (they are not
known here); this schema checks shape and spelling.
"""

from __future__ import annotations

import difflib
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

PageType = Literal[
    "guide", "policy", "case-study", "step-by-step", "checklist", "form",
    "self-assessment", "pack", "glossary", "overview",
]


class PageMeta(BaseModel):
    """Front matter of one page (see docs/authoring.md for each key)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str | None = None
    roles: list[str] | None = None
    level: str | None = None
    type: PageType = "guide"
    summary: str | None = None
    owner: str | None = None
    valid_from: date | None = None
    review_due: date | None = None
    version: str | None = None
    order: float | None = None
    print: bool = False
    note_space: bool = False
    ratings: list[str] | None = None
    pack: list[str] | None = None
    source_version: str | None = None
    # Keys the Material theme reads itself.
    hide: list[str] | None = None
    description: str | None = None
    icon: str | None = None
    status: str | None = None
    subtitle: str | None = None
    template: str | None = None
    tags: list[str] | None = None
    search: dict[str, Any] | None = None

    @field_validator("version", mode="before")
    @classmethod
    def _version_as_text(cls, value: Any) -> Any:
        # `version: 1.0` is a YAML number; it is still a version label.
        return str(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else value

    @field_validator("valid_from", "review_due", mode="before")
    @classmethod
    def _iso_date(cls, value: Any) -> Any:
        if isinstance(value, str) and not _looks_iso(value):
            raise ValueError("dates are written YYYY-MM-DD")
        return value


def _looks_iso(text: str) -> bool:
    return len(text) == 10 and text[4] == "-" and text[7] == "-"


KNOWN_KEYS = tuple(PageMeta.model_fields)

_FIX_BY_TYPE = {
    "list_type": "write a list, e.g. `roles: [staff]` or one `- item` per line",
    "date_from_datetime_parsing": "write the date as YYYY-MM-DD, e.g. 2027-03-31",
    "date_parsing": "write the date as YYYY-MM-DD, e.g. 2027-03-31",
    "date_type": "write the date as YYYY-MM-DD, e.g. 2027-03-31",
    "value_error": "write the date as YYYY-MM-DD, e.g. 2027-03-31",
    "literal_error": "use one of the page types listed in docs/authoring.md",
    "string_type": "write plain text",
    "bool_type": "write true or false",
    "bool_parsing": "write true or false",
}


def parse_meta(data: dict[str, Any]) -> tuple[PageMeta | None, list[tuple[str, str, str]]]:
    """Validate front matter; problems are (key, message, fix)."""
    problems = empty_values(data)
    try:
        meta = PageMeta.model_validate({k: v for k, v in data.items() if v is not None or k not in KNOWN_KEYS})
        return (None, problems) if problems else (meta, [])
    except ValidationError as exc:
        for err in exc.errors():
            key = str(err["loc"][0]) if err["loc"] else ""
            if err["type"] == "extra_forbidden":
                close = difflib.get_close_matches(key, KNOWN_KEYS, n=1)
                fix = f"did you mean `{close[0]}`?" if close else "remove it; allowed keys are listed in docs/authoring.md"
                problems.append((key, f"unknown front matter key `{key}`", fix))
                continue
            where = ".".join(str(p) for p in err["loc"])
            fix = _FIX_BY_TYPE.get(err["type"], "see docs/authoring.md")
            value = err.get("input")
            wrote = f" (you wrote `{value}`)" if isinstance(value, (str, int, float)) and err["type"] != "missing" else ""
            problems.append((key, f"front matter `{where}`: {err['msg'].removeprefix('Value error, ')}{wrote}", fix))
        return None, problems


def empty_values(data: dict[str, Any]) -> list[tuple[str, str, str]]:
    """A key written with no value (`roles:`, or only commented-out items under it) is a
    mistake, never "the default": for `roles` the default is the widest audience."""
    problems = []
    for key, value in data.items():
        if value is None and key in KNOWN_KEYS:
            fix = (
                "list the roles, e.g. `roles: [staff]`, or remove the line so the page takes its folder's roles"
                if key == "roles" else f"give `{key}` a value, or remove the line"
            )
            problems.append((key, f"front matter `{key}` has no value", fix))
    return problems
