"""Which lines of a page Markdown reads as code, comments, HTML and block fences.

One scanner for everyone who needs to know where code is (blocks, variables,
links, hard words, readability), written to agree with the renderer the staged
sites use: Python-Markdown with `pymdownx.superfences` and `pymdownx.blocks`.

- **Fenced code** is found the way superfences finds it: a fence of three or more
  backticks or tildes after any run of spaces, tabs and `>` quote markers; a header
  superfences accepts (nothing, a language, `{ attributes }` or `key="value"`
  options); content lines indented at least as far as the opener; closed by the
  same fence exactly. A fence that is never closed, or whose header superfences
  would refuse (for example inline code: ```` ``` `x` ``` ````), is not code.
  Tabs count as four spaces, as Python-Markdown expands them.
- **HTML comments** (`<!-- … -->`) outside code are blanked in `visible`, line for
  line; staging publishes `visible`, so what the renderer reads has no comments.
- **Block fences** (`/// name | argument`, `///`) are recognised wherever
  pymdownx.blocks would recognise them once lists, quotes, admonitions and
  indentation are taken off: `block_fence()` says whether a line is one and
  whether it stands at column 0 outside every container.
- **Raw HTML depth**: how many block-level HTML elements are open before a line.
  Python-Markdown hides the text of a raw HTML element from pymdownx.blocks.

Public API: `scan()`, `code_lines()`, `block_fence()`, `first_heading()`,
`MAX_DEPTH`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

TAB = 4
#: Deepest nesting of lists, quotes and HTML elements a page may use. Python-Markdown
#: recurses once per level and gives up with RecursionError a few hundred levels down;
#: real pages need a handful.
MAX_DEPTH = 20

FENCE_START = re.compile(
    r"""(?x)
    (?P<fence>~{3,}|`{3,})
    (?:[ \t]*\.?(?P<lang>[\w\#.+-]+)(?=[\t ]|$))?
    (?:
        [ \t]*(?P<attrs>\{[^\n]*\}) |
        (?P<options>(?:(?:[ \t]*[a-zA-Z][a-zA-Z0-9_]*(?:=(?P<quot>"|').*?(?P=quot))?)(?=[\t ]|$))+) |
        (?P<unrecognized>(?:[ \t]*[^\s]+(?=[\t ]|$))+)
    )?[ \t]*$
    """
)
#: pymdownx.blocks' own patterns for a block's first and last line (at most 3 spaces in).
BLOCK_START = re.compile(r"^[ ]{0,3}(?P<fence>/{3,})[ ]*(?P<name>[\w-]+)[ ]*(?:\|[ ]*(?P<arg>.*?)[ ]*)?$")
BLOCK_END = re.compile(r"^[ ]{0,3}(?P<fence>/{3,})[ ]*$")
#: What a container puts before a line: indentation, quote markers, list markers.
#: (definition lists' `:` and footnotes' `[^x]:` too: their text is parsed as blocks.)
CONTAINER = re.compile(r"^(?:[ \t>]+|(?:[-*+:]|\d{1,9}[.)]|\[\^[^\]]+\]:)(?=[ \t]|$))*")
LIST_MARKER = re.compile(r"(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)")
COMMENT_OPEN, COMMENT_CLOSE = "<!--", "-->"
BLOCK_LEVEL = (
    "address|article|aside|blockquote|details|div|dl|fieldset|figcaption|figure|footer|form|"
    "h[1-6]|header|hgroup|main|menu|nav|ol|p|pre|section|table|ul|canvas|colgroup|dd|body|dt|"
    "group|html|iframe|li|legend|math|map|noscript|output|object|option|progress|script|style|"
    "summary|tbody|td|textarea|tfoot|th|thead|tr|video|center"
)
HTML_TAG = re.compile(rf"<(?P<close>/?)(?P<tag>{BLOCK_LEVEL})(?=[\s/>])[^>]*?(?P<self>/?)>", re.IGNORECASE)
BACKTICKS = re.compile(r"`+")
HEADING = re.compile(r"^#\s+(?P<title>.+?)\s*#*\s*$")


@dataclass(frozen=True)
class BlockFence:
    """A line pymdownx.blocks may read as a block's opener (`name` set) or closer."""

    slashes: int
    name: str | None
    argument: str
    #: At column 0 and outside every list, quote, admonition and indentation.
    top_level: bool


@dataclass
class Scan:
    """What `scan()` found, by 1-based line number."""

    #: Lines inside fenced code, fences included.
    code: set[int] = field(default_factory=set)
    #: Code lines whose fence header superfences might read differently (options,
    #: attributes): block syntax there is ambiguous.
    unsure: set[int] = field(default_factory=set)
    #: The page's lines with HTML comments blanked outside code: what staging publishes.
    visible: list[str] = field(default_factory=list)
    #: Block-level HTML elements open before each line (only lines with one open).
    html_depth: dict[int, int] = field(default_factory=dict)
    #: (line, depth) of lines nested deeper than MAX_DEPTH (lists, quotes, HTML).
    too_deep: list[tuple[int, int]] = field(default_factory=list)
    #: The line of a `<!--` that is never closed (everything after it is hidden).
    open_comment: int | None = None


def code_lines(lines: list[str], start: int = 1) -> set[int]:
    """1-based numbers of the lines superfences reads as fenced code (fences included)."""
    return _fenced(lines, start)[0]


def scan(lines: list[str], start: int = 1) -> Scan:
    """Classify every line from `start` (the first line after the front matter)."""
    # superfences reads fences before anything else, so comments cannot hide a fence.
    code, unsure = _fenced(lines, start)
    visible, open_comment = _strip_comments(lines, start, code)
    result = Scan(code=code, unsure=unsure, visible=visible, open_comment=open_comment)
    depth, deep = 0, False
    for number in range(start, len(lines) + 1):
        if number in code:
            continue
        line = visible[number - 1]
        if depth:
            result.html_depth[number] = depth
        for match in HTML_TAG.finditer(without_code_spans(line)):
            if match.group("self") or match.group("tag").lower() in ("p", "li", "dt", "dd", "option", "tr", "td", "th"):
                continue  # void or optional-end elements cannot hide what follows
            depth = max(0, depth + (-1 if match.group("close") else 1))
        nesting = depth + _container_depth(line)
        if nesting > MAX_DEPTH and not deep:
            result.too_deep.append((number, nesting))  # the first line of each deep run
        deep = nesting > MAX_DEPTH
    return result


def block_fence(line: str) -> BlockFence | None:
    """The block fence in `line`, if pymdownx.blocks could read one there in any container."""
    expanded = line.expandtabs(TAB)
    prefix = CONTAINER.match(expanded)
    rest = expanded[prefix.end():] if prefix else expanded
    for candidate in (expanded, rest):
        if match := BLOCK_START.match(candidate):
            return BlockFence(len(match.group("fence")), match.group("name").lower(), (match.group("arg") or "").strip(),
                              top_level=candidate is expanded and expanded.startswith("/"))
        if match := BLOCK_END.match(candidate):
            return BlockFence(len(match.group("fence")), None, "", top_level=candidate is expanded and expanded.startswith("/"))
    return None


def first_heading(lines: list[str], start: int, code: set[int]) -> tuple[int, str] | None:
    """The first `# Heading` outside code: (line, text)."""
    for number in range(start, len(lines) + 1):
        if number not in code and (match := HEADING.match(lines[number - 1])):
            return number, match.group("title")
    return None


def _fenced(lines: list[str], start: int) -> tuple[set[int], set[int]]:
    """Port of superfences' `search_nested` for its default settings: a fence it drops
    is text, and scanning goes on after the line that made it drop the fence."""
    code: set[int] = set()
    unsure: set[int] = set()
    number = start
    while number <= len(lines):
        line = lines[number - 1].expandtabs(TAB)
        ws = len(line) - len(line.lstrip(" \t>"))
        match = FENCE_START.match(line, ws)
        if match is None or match.group("unrecognized") or not _known_options(match.group("options")):
            number += 1
            continue
        end, closed = _fence_end(lines, number, line[:ws], match.group("fence"))
        if closed:
            span = set(range(number, end + 1))
            code |= span
            if match.group("attrs") or match.group("options"):
                unsure |= span
        number = end + 1
    return code, unsure


def _known_options(options: str | None) -> bool:
    """`title="x"` and friends: superfences' default fence accepts only these keys."""
    if not options:
        return True
    keys = re.findall(r"(?:^|[ \t])([a-zA-Z][a-zA-Z0-9_]*)(?==|[ \t]|$)", options)
    return all(key in ("hl_lines", "linenums", "title", "title_mode") for key in keys)


def _fence_end(lines: list[str], opener: int, ws: str, fence: str) -> tuple[int, bool]:
    """(line, True) for the line that closes the fence opened at `opener`; (line, False)
    for the line where superfences drops it (the last line if it is never closed)."""
    quotes = ws.count(">")
    width = len(ws)
    closer = re.compile(re.escape(fence) + r"[ \t]*$")
    blank_seen = False
    for number in range(opener + 1, len(lines) + 1):
        line = lines[number - 1].expandtabs(TAB)
        taken = 0
        while taken < len(line) and taken < width and line[taken] in " \t>":
            taken += 1
        prefix, content = line[:taken], line[taken:]
        level = prefix.count(">")
        if quotes:
            if level > quotes:
                return number, False
            if content == "":
                blank_seen = True
                continue
            if len(prefix) < width or (blank_seen and level < quotes):
                return number, False
            blank_seen = False
        else:
            if level:
                return number, False
            if not (prefix + content).strip():
                continue
            if len(prefix) != width:
                return number, False
        if closer.match(content) and (quotes or not content.startswith((" ", "\t"))):
            return number, True
    return len(lines), False


def _strip_comments(lines: list[str], start: int, code: set[int]) -> tuple[list[str], int | None]:
    """The lines with comments blanked, and where an unclosed comment opens (or None)."""
    out = list(lines)
    inside, opened = False, 0
    for number in range(start, len(lines) + 1):
        if number in code:
            if inside:  # superfences takes code out first, so a comment can hold a fence
                out[number - 1] = ""
            continue
        line, kept, pos = lines[number - 1], [], 0
        while pos <= len(line):
            if inside:
                close = line.find(COMMENT_CLOSE, pos)
                if close < 0:
                    break
                inside, pos = False, close + len(COMMENT_CLOSE)
            else:
                opening = _comment_start(line, pos)
                if opening < 0:
                    kept.append(line[pos:])
                    break
                kept.append(line[pos:opening])
                inside, pos, opened = True, opening + len(COMMENT_OPEN), number
        text = "".join(kept)
        out[number - 1] = text if text.strip() else ""
    return out, opened if inside else None


def _comment_start(line: str, pos: int) -> int:
    """Where a comment opens at or after `pos`, ignoring `<!--` inside inline code."""
    if line.find(COMMENT_OPEN, pos) < 0:
        return -1
    return without_code_spans(line, keep_width=True).find(COMMENT_OPEN, pos)


def code_spans(line: str) -> list[tuple[int, int]]:
    """(start, end) of each inline code span in `line`: a run of N backticks up to the next
    run of exactly N (CommonMark). Linear in the line's length, however hostile the line
    (a backtracking regex takes minutes on a few thousand backticks)."""
    runs = [(m.start(), m.end()) for m in BACKTICKS.finditer(line)]
    following: list[int | None] = [None] * len(runs)
    last: dict[int, int] = {}
    for index in range(len(runs) - 1, -1, -1):
        width = runs[index][1] - runs[index][0]
        following[index] = last.get(width)
        last[width] = index
    spans, index = [], 0
    while index < len(runs):
        closer = following[index]
        if closer is None:
            index += 1
            continue
        spans.append((runs[index][0], runs[closer][1]))
        index = closer + 1
    return spans


def without_code_spans(line: str, keep_width: bool = False) -> str:
    """`line` with its inline code spans removed (or blanked, keeping every column)."""
    if "`" not in line:
        return line
    parts, pos = [], 0
    for start, end in code_spans(line):
        parts += [line[pos:start], " " * (end - start) if keep_width else ""]
        pos = end
    return "".join(parts) + line[pos:]


def _container_depth(line: str) -> int:
    """Lists, quotes and indentation levels before a line's text."""
    expanded = line.expandtabs(TAB)
    depth, pos = 0, 0
    while pos < len(expanded):
        if expanded[pos] == ">":
            depth, pos = depth + 1, pos + 1
        elif expanded.startswith(" " * TAB, pos):
            depth, pos = depth + 1, pos + TAB
        elif expanded[pos] == " ":
            pos += 1
        elif marker := LIST_MARKER.match(expanded, pos):
            depth, pos = depth + 1, marker.end()
        else:
            break
    return depth
