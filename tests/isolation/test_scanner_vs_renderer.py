"""The scanner's code lines are superfences' code lines: generated line mixes (fences of
every form, any indentation, tabs, quotes, blank lines, unclosed fences) are run through
the real preprocessors, and every worded line must be code for both or for neither."""

from __future__ import annotations

import itertools
import re

from hypothesis import given, settings
from hypothesis import strategies as st
from isolation_harness import new_markdown

from build_tools.content.scan import code_lines

WORD = re.compile(r"w\d+x")
PREFIXES = ("", " ", "  ", "   ", "    ", "\t", " \t", "> ", ">> ", "> > ", ">\t", "- ")
FENCES = ("```", "~~~", "````", "~~~~")
HEADERS = ("", " python", ".py", " {.x}", ' title="t"', ' linenums="1"', " `x` ```", " bad=1", " python x", "  ")


@st.composite
def documents(draw: st.DrawFn) -> list[str | None]:
    """Lines; None marks a content line that gets a unique word."""
    kinds = st.sampled_from(("content", "content", "blank", "fence", "close"))
    lines: list[str | None] = []
    opened: list[str] = []
    for kind in draw(st.lists(kinds, min_size=1, max_size=14)):
        prefix = draw(st.sampled_from(PREFIXES))
        if kind == "content":
            lines.append(prefix)  # the word is added later
        elif kind == "blank":
            lines.append(draw(st.sampled_from(("", "  ", ">"))) + "\0")
        elif kind == "close" and opened and draw(st.booleans()):
            # the last fence's own closing line, perhaps with trailing space or another quote level
            variant = draw(st.sampled_from(("", " ", "\t", "`", "x")))
            lines.append(draw(st.sampled_from(("", "> ", ">"))) * draw(st.integers(0, 1)) + opened[-1] + variant + "\0")
        else:
            fence = draw(st.sampled_from(FENCES))
            lines.append(prefix + fence + (draw(st.sampled_from(HEADERS)) if kind == "fence" else "") + "\0")
            opened.append(prefix + fence)
    return lines


def renderer_code(lines: list[str]) -> set[int]:
    """Line numbers whose word superfences stashed away as code."""
    md = new_markdown("")
    out = md.preprocessors["normalize_whitespace"].run(list(lines))
    out = md.preprocessors["fenced_code_block"].run(out)
    survivors = set(WORD.findall("\n".join(out)))
    return {n for n, line in enumerate(lines, 1) if (word := WORD.search(line)) and word.group(0) not in survivors}


@settings(max_examples=300, deadline=None, derandomize=True)
@given(documents())
def test_code_lines_agree_with_superfences(raw: list[str]) -> None:
    words = itertools.count()
    lines = [line[:-1] if line.endswith("\0") else f"{line}w{next(words)}x" for line in raw]
    worded = {n for n, line in enumerate(raw, 1) if not line.endswith("\0")}
    ours = code_lines(lines) & worded
    assert ours == renderer_code(lines) & worded, "\n".join(lines)
