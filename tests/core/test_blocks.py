from __future__ import annotations

import pytest

from build_tools.content.blocks import analyse
from build_tools.content.scan import block_fence, code_lines, scan


def parse(text: str):
    structure = analyse(text.split("\n"), 1)
    return structure.blocks, structure.problems


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("/// role | staff\nx\n///", [("role", "staff", 1, 3)]),
        ("/// role | partner, staff\nx\n///", [("role", "partner, staff", 1, 3)]),
        ("//// level | green\n/// role | staff\nx\n///\n////", [("level", "green", 1, 5), ("role", "staff", 2, 4)]),
        ("```\n/// role | staff\n```\ntext", []),
        ("/// picture | material-account\n    alt: A face\n\nWords\n///", [("picture", "material-account", 1, 5)]),
    ],
)
def test_blocks_are_found_with_their_lines(text: str, expected: list[tuple[str, str, int, int]]) -> None:
    blocks, problems = parse(text)
    assert problems == []
    assert [(b.name, b.argument, b.start, b.end) for b in blocks] == expected


def test_block_options_are_read_with_their_lines() -> None:
    blocks, _ = parse("/// picture | material-account\n    alt: A face\n    decorative: false\n\nWords\n///")
    assert blocks[0].options == {"alt": "A face", "decorative": "false"}
    assert blocks[0].option_lines == {"alt": 2, "decorative": 3}
    assert list(blocks[0].body_lines) == [4, 5]


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("/// role | staff\nx", 1, "never closed"),
        ("x\n///", 2, "closes no open block"),
        ("/// level | blue\n/// role | staff\n///\n///", 2, "needs more slashes"),
        ("//// level | blue\n/// role | staff\nx\n////", 2, "never closed"),
    ],
)
def test_fence_mistakes_are_reported_where_they_are(text: str, line: int, words: str) -> None:
    _, problems = parse(text)
    assert [(p.line, words in p.message) for p in problems][:1] == [(line, True)]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("```\nx\n```", {1, 2, 3}),
        ("~~~ python\nx\n~~~", {1, 2, 3}),
        ("```\nnever closed\n\ntext", set()),             # superfences drops an unclosed fence
        ("``` `x` ```\ntext\n```", set()),                # inline code, not a fence
        ("```\n````\n```", {1, 2, 3}),                    # only the same fence closes
        ("  ```\n  x\nout\n  ```", set()),                # a line less indented drops the fence
        ("> ```\n> x\n> ```", {1, 2, 3}),
        ("```\n\tx\n```", {1, 2, 3}),
        ("``` bad=1\nx\n```", set()),                     # options superfences refuses
    ],
)
def test_code_is_where_superfences_finds_it(text: str, code: set[int]) -> None:
    assert code_lines(text.split("\n")) == code


@pytest.mark.parametrize(
    ("line", "name", "top_level"),
    [
        ("/// role | staff", "role", True),
        ("   /// role | staff", "role", False),
        ("\t/// role | staff", "role", False),
        ("- /// role | staff", "role", False),
        ("> > /// note", "note", False),
        (": /// role | staff", "role", False),
        ("  ///", None, False),
        ("text /// role | staff", "-", False),
    ],
)
def test_block_fences_are_seen_in_every_container(line: str, name: str | None, top_level: bool) -> None:
    fence = block_fence(line)
    if name == "-":
        assert fence is None
    else:
        assert fence is not None and (fence.name, fence.top_level) == (name, top_level)


def test_comments_are_blanked_line_for_line_outside_code() -> None:
    found = scan(["a <!-- x --> b", "<!--", "hidden", "-->", "```", "<!-- kept -->", "```"])
    assert found.visible == ["a  b", "", "", "", "```", "<!-- kept -->", "```"]


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("- item\n\n    /// role | staff\n    x\n    ///", 3, "inside a list"),
        ("<div>\n/// role | staff\nx\n///\n</div>", 2, "inside an HTML element"),
        ("/// role | staff\n    x: y\n///", 2, "no indented lines"),
        ("``` title=\"a\"\n/// role | staff\n```", 2, "may not read as code"),
        ("".join("> " * 25 + "deep\n"), 1, "nested 25 levels"),
    ],
)
def test_blocks_staging_cannot_cut_are_refused(text: str, line: int, words: str) -> None:
    _, problems = parse(text)
    assert any(p.line == line and words in p.message for p in problems), problems
