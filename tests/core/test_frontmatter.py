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
        ({"type": "leaflet"}, "(you wrote `leaflet`)"),
        ({"print": "maybe"}, "(you wrote `maybe`)"),
    ],
)
def test_schema_problems_name_the_key(data: dict, words: str) -> None:
    meta, problems = parse_meta(data)
    assert meta is None
    key, message, fix = problems[0]
    assert key == next(iter(data))
    assert words in message + " " + fix


@pytest.mark.parametrize(
    ("lines", "problems"),
    [
        (["roles: [staff]", "title: A", "roles: [partner]"], [(4, "`roles` is given twice (first at line 2)")]),
        (["search:", "  boost: 1", "  boost: 2"], [(4, "`boost` is given twice (first at line 3)")]),
        (["tags: [{a: 1, a: 2}]"], [(2, "`a` is given twice")]),
        (["'title': A", "title: B"], [(3, "`title` is given twice")]),
        # Not duplicates: different keys, a YAML merge, anchors used twice.
        (["title: A", "Title: B"], []),
        (["base: &b {x: 1}", "search:", "  <<: *b", "  x: 2"], []),
        (["one: &a [1]", "two: *a", "three: *a"], []),
    ],
)
def test_duplicate_keys_are_reported_at_their_second_line(lines: list[str], problems: list[tuple[int, str]]) -> None:
    front = split_front_matter(["---", *lines, "---"])
    assert [(line, words) for line, message, _ in front.problems for _, words in problems if words in message] == problems
    assert len(front.problems) == len(problems)
    assert (front.data == {}) == bool(problems)


@pytest.mark.parametrize("lines", [["roles:"], ["roles: ~"], ["roles:", "  # - staff", "  # - partner"], ["roles: null"]])
def test_roles_with_no_value_is_refused_not_everyone(lines: list[str]) -> None:
    front = split_front_matter(["---", "title: A", *lines, "---"])
    meta, problems = parse_meta(front.data)
    assert meta is None
    assert problems[0][:2] == ("roles", "front matter `roles` has no value")
    assert front.key_lines["roles"] == 3


def test_an_unknown_key_with_no_value_is_still_unknown() -> None:
    meta, problems = parse_meta({"role": None})
    assert meta is None and problems[0][1] == "unknown front matter key `role`"
