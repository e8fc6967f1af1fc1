"""Find pymdownx-style blocks (`/// name | argument` … `///`) with their lines.

We parse blocks ourselves, before Markdown does, because a role block must be
removed from another role's copy of the page entirely (not rendered and hidden),
and because a mistake in a fence must be reported at its line instead of
falling back to plain text as pymdownx would.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

OPENER = re.compile(r"^(?P<fence>/{3,})\s*(?P<name>[A-Za-z][\w-]*)\s*(?:\|\s*(?P<arg>.*?))?\s*$")
CLOSER = re.compile(r"^(?P<fence>/{3,})\s*$")
CODE_FENCE = re.compile(r"^\s*(?P<fence>`{3,}|~{3,})")
OPTION = re.compile(r"^(?: {4}|\t)(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*)$")


@dataclass
class Block:
    name: str
    argument: str
    #: 1-based lines of the opening and closing fences.
    start: int
    end: int
    fence: int
    #: Indented `key: value` lines right after the opener (pymdownx block options).
    options: dict[str, str] = field(default_factory=dict)
    option_lines: dict[str, int] = field(default_factory=dict)
    parent: Block | None = None

    def contains(self, line: int) -> bool:
        return self.start <= line <= self.end

    @property
    def body_lines(self) -> range:
        """1-based lines between the fences, after any option lines."""
        first = max(self.option_lines.values(), default=self.start) + 1
        return range(first, self.end)


@dataclass
class BlockProblem:
    line: int
    message: str
    fix: str


def code_lines(lines: list[str], start: int = 1) -> set[int]:
    """1-based numbers of lines inside fenced code (fences included)."""
    inside: set[int] = set()
    fence: str | None = None
    for number in range(start, len(lines) + 1):
        match = CODE_FENCE.match(lines[number - 1])
        if fence is None and match:
            fence = match.group("fence")
            inside.add(number)
        elif fence is not None:
            inside.add(number)
            if lines[number - 1].strip().startswith(fence[0] * len(fence)) and not lines[number - 1].strip().strip(fence[0]):
                fence = None
    return inside


def find_blocks(lines: list[str], start: int, skip: set[int]) -> tuple[list[Block], list[BlockProblem]]:
    """All blocks in `lines` from line `start`, outermost first, and any fence problems."""
    blocks: list[Block] = []
    problems: list[BlockProblem] = []
    stack: list[Block] = []
    number = start
    while number <= len(lines):
        text = lines[number - 1]
        if number in skip:
            number += 1
            continue
        closer = CLOSER.match(text)
        opener = None if closer else OPENER.match(text)
        if opener:
            block = Block(
                name=opener.group("name").lower(),
                argument=(opener.group("arg") or "").strip(),
                start=number,
                end=0,
                fence=len(opener.group("fence")),
                parent=stack[-1] if stack else None,
            )
            if block.parent and block.fence >= block.parent.fence:
                problems.append(BlockProblem(
                    number,
                    f"block `{block.name}` is inside the block opened at line {block.parent.start}, which needs more slashes",
                    f"give the outer block more slashes than this one, e.g. `{'/' * (block.fence + 1)} {block.parent.name}`",
                ))
            number = _read_options(lines, number, block)
            stack.append(block)
            blocks.append(block)
        elif closer:
            fence = len(closer.group("fence"))
            match = next((b for b in reversed(stack) if b.fence == fence), None)
            if match is None:
                problems.append(BlockProblem(number, f"`{'/' * fence}` closes no open block", "remove the line, or add the block's opening line"))
            else:
                while stack[-1] is not match:
                    _unclosed(stack.pop(), problems)
                stack.pop().end = number
        number += 1
    while stack:
        _unclosed(stack.pop(), problems)
    return blocks, problems


def _read_options(lines: list[str], opener_line: int, block: Block) -> int:
    """Read indented option lines after the opener; return the last line read."""
    number = opener_line
    while number < len(lines):
        match = OPTION.match(lines[number])
        if not match:
            break
        number += 1
        block.options[match.group("key")] = match.group("value").strip().strip("\"'")
        block.option_lines[match.group("key")] = number
    return number


def _unclosed(block: Block, problems: list[BlockProblem]) -> None:
    block.end = 0
    problems.append(BlockProblem(
        block.start,
        f"block `{block.name}` is never closed",
        f"add a line `{'/' * block.fence}` where the block ends",
    ))
