from __future__ import annotations

import pytest

from build_tools.content.blocks import analyse


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
