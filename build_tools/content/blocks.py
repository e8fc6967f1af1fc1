"""Find pymdownx-style blocks (`/// name | argument` … `///`) with their lines.

We parse blocks ourselves, before Markdown does, because a role block must be
removed from another role's copy of the page entirely (not rendered and hidden),
and because a mistake in a fence must be reported at its line instead of
falling back to plain text as pymdownx would.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from build_tools.content.scan import MAX_DEPTH, Scan, block_fence, code_lines, scan

__all__ = ["Block", "BlockProblem", "Structure", "analyse", "code_lines", "find_blocks"]

OPTION = re.compile(r"^(?: {4}|\t)(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*)$")
#: Blocks that decide who reads a line: their fences must be exactly where staging can cut.
ROLE_LIKE = ("role", "level")
WHERE = "start the `///` line at the beginning of a line, outside lists, quotes, admonitions and HTML"


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


@dataclass
class Structure:
    """A page's blocks, code and problems, as `analyse()` finds them."""

    blocks: list[Block]
    code: set[int]
    #: The lines with HTML comments blanked (outside code): the text staging publishes.
    visible: list[str]
    problems: list[BlockProblem]


def analyse(lines: list[str], start: int) -> Structure:
    """Scan a page from its first body line: code, comments, blocks, nesting depth."""
    found = scan(lines, start)
    blocks, problems = find_blocks(found.visible, start, found)
    for number, depth in found.too_deep:
        problems.append(BlockProblem(
            number, f"this line is nested {depth} levels deep (lists, quotes, indentation or HTML); the limit is {MAX_DEPTH}",
            "flatten the nesting: split the list or quote into shorter ones",
        ))
    if found.open_comment:
        problems.append(BlockProblem(found.open_comment, "this HTML comment `<!--` is never closed, so it hides the rest of the page",
                                     "end the comment with `-->`"))
    return Structure(blocks=blocks, code=found.code, visible=found.visible, problems=sorted(problems, key=lambda p: p.line))


def find_blocks(lines: list[str], start: int, found: Scan) -> tuple[list[Block], list[BlockProblem]]:
    """All blocks in `lines` from line `start`, outermost first, and any fence problems.

    Only a fence at column 0, outside code, containers and raw HTML is a block here;
    any other line pymdownx.blocks could read as a fence is a problem, so every
    block the renderer sees is one we see, with the same lines.
    """
    blocks: list[Block] = []
    problems: list[BlockProblem] = []
    stack: list[Block] = []
    number = start
    while number <= len(lines):
        fence = block_fence(lines[number - 1])
        if fence is None or (number in found.code and number not in found.unsure):
            number += 1
            continue
        what = f"block `{fence.name}`" if fence.name else "block end `" + "/" * fence.slashes + "`"
        if number in found.code:
            problems.append(BlockProblem(number, f"{what} is inside a code block whose first line Markdown may not read as code",
                                         "start the code block with a plain fence (```), or move the block out of it"))
        elif not fence.top_level:
            problems.append(BlockProblem(number, f"{what} is indented or inside a list, quote or admonition, where it cannot be kept from other readers", WHERE))
        elif number in found.html_depth:
            problems.append(BlockProblem(number, f"{what} is inside an HTML element, where Markdown does not see it", WHERE))
        elif fence.name:
            block = Block(name=fence.name, argument=fence.argument, start=number, end=0, fence=fence.slashes,
                          parent=stack[-1] if stack else None)
            if len(stack) == MAX_DEPTH:
                problems.append(BlockProblem(number, f"blocks are nested more than {MAX_DEPTH} deep", "close some blocks before opening more"))
            if block.parent and block.fence >= block.parent.fence:
                problems.append(BlockProblem(
                    number,
                    f"block `{block.name}` is inside the block opened at line {block.parent.start}, which needs more slashes",
                    f"give the outer block more slashes than this one, e.g. `{'/' * (block.fence + 1)} {block.parent.name}`",
                ))
            number = _read_options(lines, number, block)
            if block.name in ROLE_LIKE and (block.options or _indented(lines, block.start)):
                problems.append(BlockProblem(block.start + 1, f"a `{block.name}` block takes no indented lines after its first line",
                                             "remove the indentation, or leave a blank line first"))
            stack.append(block)
            blocks.append(block)
        else:
            match = next((b for b in reversed(stack) if b.fence == fence.slashes), None)
            if match is None:
                problems.append(BlockProblem(number, f"`{'/' * fence.slashes}` closes no open block", "remove the line, or add the block's opening line"))
            else:
                while stack[-1] is not match:
                    _unclosed(stack.pop(), problems)
                stack.pop().end = number
        number += 1
    while stack:
        _unclosed(stack.pop(), problems)
    return blocks, problems


def _indented(lines: list[str], opener: int) -> bool:
    """pymdownx reads indented lines right after an opener as options (and drops the block)."""
    return opener < len(lines) and lines[opener].expandtabs(4).startswith("    ") and bool(lines[opener].strip())


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
