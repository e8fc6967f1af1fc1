"""Where a page's links and pictures point: Markdown links, images, reference definitions
and raw HTML `src`/`srcset`, read the way Markdown and the browser read them.

Validation checks every target; selection copies the pictures a role's text uses
into that role's site, and no others.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import PurePosixPath
from urllib.parse import unquote

from build_tools.content.model import Document
from build_tools.content.scan import without_code_spans

#: `[text](target "title")`, `![alt](<my picture.png>)`; the text may hold one level of
#: brackets (an image inside a link). `[^1]` footnote references are not links.
INLINE_LINK = re.compile(
    r"(?<!\\)\[(?P<text>(?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.)*\])*)\]"
    r"\(\s*(?:<(?P<angle>[^<>\n]*)>|(?P<bare>[^\s<>()]*(?:\([^\s()]*\)[^\s<>()]*)*))"
    r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*\)"
)
#: `[label]: target "title"`; `[^1]: Some words.` is a footnote, not a link.
REFERENCE_LINK = re.compile(r"^\s{0,3}\[(?!\^)[^\]]+\]:\s*(?:<(?P<angle>[^<>\n]*)>|(?P<bare>\S+))(?:\s+.*)?$")
#: Raw HTML that loads a picture or media file: `<img src>`, `<source srcset>`, `<video poster>`.
HTML_MEDIA = re.compile(r"<(?:img|source|video|audio|track|embed|input)\b[^<>]*>", re.IGNORECASE)  # [^<>]: linear on any input
HTML_SOURCE_ATTR = re.compile(r"""\s(?P<name>src|srcset|poster)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<uq>[^\s"'=<>`]+))""", re.IGNORECASE)
MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def link_targets(doc: Document) -> Iterator[tuple[int, str]]:
    """(line, target) for every link and picture outside code and HTML comments: Markdown
    links, images and reference definitions, and `src`/`srcset` in raw HTML."""
    lines = _linkable_lines(doc)
    for number, line in enumerate(lines, start=1):
        if "](" in line:
            yield from ((number, target) for target in _inline_targets(line))
        if "]:" in line and (match := REFERENCE_LINK.match(line)):
            yield number, match.group("angle") if match.group("angle") is not None else match.group("bare")
    if "<" in doc.text:
        yield from _html_media_targets(lines)


def _linkable_lines(doc: Document) -> list[str]:
    """The page's lines with front matter, code and HTML comments blanked (line numbers kept)."""
    lines = [
        "" if number < doc.body_start or number in doc.code else without_code_spans(line)
        for number, line in enumerate(doc.lines, start=1)
    ]
    text = "\n".join(lines)
    if "<!--" not in text:
        return lines
    return _blank_comments(text).split("\n")


def _blank_comments(text: str) -> str:
    """`<!-- … -->` replaced by its line breaks. By hand, not by regex: a regex would scan to
    the end of the text from every unclosed `<!--`, which is quadratic on hostile input."""
    pieces, done = [], 0
    while (start := text.find("<!--", done)) != -1 and (end := text.find("-->", start + 4)) != -1:
        pieces += [text[done:start], "\n" * text.count("\n", start, end)]
        done = end + 3
    return "".join(pieces) + text[done:]


def _inline_targets(text: str) -> Iterator[str]:
    for match in INLINE_LINK.finditer(text):
        if match.group("text").startswith("^"):
            continue  # a footnote reference followed by text in brackets
        yield match.group("angle") if match.group("angle") is not None else match.group("bare")
        yield from _inline_targets(match.group("text"))  # an image inside a link


def _html_media_targets(lines: list[str]) -> Iterator[tuple[int, str]]:
    text = "\n".join(lines)
    number, counted = 1, 0
    for tag in HTML_MEDIA.finditer(text):
        for attr in HTML_SOURCE_ATTR.finditer(tag.group()):
            at = tag.start() + attr.start()
            number, counted = number + text.count("\n", counted, at), at
            value = html.unescape(next(v for v in attr.group("dq", "sq", "uq") if v is not None))
            if value.lstrip().startswith("data:"):
                continue  # an inline picture: no file, and its commas are not separators
            if attr.group("name").lower() == "srcset":
                # `a.png 1x, b.png 2x`: the first word of each candidate is a picture.
                yield from ((number, words[0]) for candidate in value.split(",") if (words := candidate.split()))
            else:
                yield number, value.strip()


def resolve_link(doc: Document, target: str) -> str | None:
    """Content-relative path a local link in `doc` points to (see `resolve_path`)."""
    return resolve_path(doc.folder, target)


def resolve_path(folder: str, target: str) -> str | None:
    """Content-relative path a local link written in `folder` points to, `../` when it
    leaves the content folder, or None for outside links and anchors. The one resolver:
    validation, selection, packs and sheets all read links through it.

    Escapes resolve as the browser and MkDocs resolve them: `my%20page.md` and `my\\_page.md`
    name `my page.md` and `my_page.md`."""
    if SCHEME.match(target) or target.startswith(("#", "/", "//")):
        return None
    path = unquote(MARKDOWN_ESCAPE.sub(r"\1", target.split("#", 1)[0].split("?", 1)[0]))
    if not path:
        return None
    parts: list[str] = []
    for part in PurePosixPath(folder, path).parts:
        if part == "..":
            if not parts:
                return "../"  # outside the content folder
            parts.pop()
        elif part != ".":
            parts.append(part)
    return "/".join(parts)


def resolve_with_fragment(folder: str, target: str) -> str | None:
    """`resolve_path`, keeping the `#fragment`: `../b.md#top` from `a/` -> `b.md#top`;
    `#top` alone -> `#top`. None for outside links and anything beyond the content folder."""
    path, _, fragment = target.partition("#")
    tail = f"#{fragment}" if fragment else ""
    if not path:
        return tail
    resolved = resolve_path(folder, path)
    return None if resolved is None or resolved == "../" else resolved + tail


def html_media_one_folder_up(text: str, code: set[int]) -> str:
    """Raw HTML picture addresses for a page served one folder deeper than its source.

    MkDocs rewrites Markdown links and images for `x.md` served as `x/` (directory
    URLs), but not raw HTML: `<img src="pic.png">` beside `x.md` must become
    `../pic.png` there. Tags on code lines are left as written."""
    pieces: list[str] = []
    done, number, counted = 0, 1, 0
    for tag in HTML_MEDIA.finditer(text):
        number, counted = number + text.count("\n", counted, tag.start()), tag.start()
        if number in code:
            continue
        pieces += [text[done:tag.start()], HTML_SOURCE_ATTR.sub(_attribute_one_folder_up, tag.group())]
        done = tag.end()
    return "".join(pieces) + text[done:]


def _attribute_one_folder_up(attr: re.Match[str]) -> str:
    value = next(v for v in attr.group("dq", "sq", "uq") if v is not None)
    if value.lstrip().startswith("data:"):
        return attr.group()
    if attr.group("name").lower() == "srcset":
        shifted = ", ".join(" ".join([_up(words[0]), *words[1:]]) for c in value.split(",") if (words := c.split()))
    else:
        shifted = _up(value.strip())
    quote = "'" if attr.group("sq") is not None else '"'
    return f"{attr.group()[0]}{attr.group('name')}={quote}{shifted}{quote}"


def _up(url: str) -> str:
    local = not (SCHEME.match(url) or url.startswith(("#", "/")) or not url)
    return f"../{url}" if local else url
