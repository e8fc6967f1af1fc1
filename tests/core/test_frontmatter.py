from __future__ import annotations

from datetime import date

import pytest

from build_tools.content.frontmatter import split_front_matter
from build_tools.content.meta import parse_meta


def test_keys_keep_their_lines_and_body_start() -> None:
    front = split_front_matter(["---", "title: A", "", "roles: [staff]", "---", "Body"])
    assert front.data == {"title": "A", "roles": ["staff"]}
    assert front.key_lines == {"title": 2, "roles": 4}
    assert front.body_start == 6


def test_no_front_matter() -> None:
    front = split_front_matter(["# Title", "Body"])
    assert front.data == {} and front.body_start == 1 and not front.problems


def test_dates_reach_the_schema_as_text_so_bad_ones_are_reported_not_crashed() -> None:
    front = split_front_matter(["---", "review_due: 2027-02-30", "---"])
    assert front.data == {"review_due": "2027-02-30"}
    meta, problems = parse_meta(front.data)
    assert meta is None and problems[0][0] == "review_due"


def test_good_dates_and_numeric_versions() -> None:
    meta, problems = parse_meta({"review_due": "2027-03-31", "version": 1.0})
    assert not problems and meta is not None
    assert meta.review_due == date(2027, 3, 31) and meta.version == "1.0"


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({"role": ["staff"]}, "did you mean `roles`"),
        ({"titel": "x"}, "did you mean `title`"),
        ({"roles": "staff"}, "valid list"),
        ({"type": "leaflet"}, "type"),
        ({"print": "maybe"}, "print"),
    ],
)
def test_schema_problems_name_the_key(data: dict, words: str) -> None:
    meta, problems = parse_meta(data)
    assert meta is None
    key, message, fix = problems[0]
    assert key == next(iter(data))
    assert words in message + " " + fix
