"""Scanning for the leak guard: every file of a role's site against its fingerprint.

Scanning (`scan_tree`): every file of the role's site is read as text: HTML, XML
(sitemap), JSON (search index; its strings are decoded, so `\\u2019` and escaped HTML
do not hide anything), `.gz` files unpacked, everything else that decodes as UTF-8. A
PDF sheet is scanned through the HTML WeasyPrint made it from (kept beside the cached
PDF): WeasyPrint compresses its streams and writes glyph ids, so extracting text would
need a PDF text extractor we do not ship, while the HTML is exactly the text printed.
Binary files (pictures, fonts, authors' attachments) are not text and are skipped.

Cost: output is cut into blocks at block-level HTML tags and each distinct block is
read once per role (the navigation repeated on every page costs one read); each block
is one regex pass and one set lookup per word (shingles hashed in C via `zip`/`map`).
`benchmarks/phases.py` measures it as "leak guard".
"""

from __future__ import annotations

import gzip
import json
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from build_tools.errors import Finding, error
from build_tools.leakguard.fingerprints import SHINGLE, SHORTEST, TAG, Fingerprint, Source, shingles, words

#: Block-level tags (as MkDocs, Material and sitemaps write them: lower case) end a block of text.
_BLOCK = re.compile(
    r"<(?:/?(?:p|li|ul|ol|h[1-6]|div|nav|td|th|tr|table|thead|tbody|dt|dd|dl|pre|header|footer|section|article|main|"
    r"label|title|blockquote|details|summary|figure|figcaption|aside|form|head|body|html|br|hr|script|style|"
    r"url|loc|lastmod|meta|link|svg)\b)[^>]*>"
)
#: Attribute values (alt, title, meta descriptions, aria-label ...) are text too.
#: Attributes that hold words a reader sees or hears (not addresses: a URL's slug such as
#: `../involvement-levels/` is a file name, and the role's own generated pages share them).
_ATTRIBUTE = re.compile(r'\b(?:title|alt|aria-label|aria-description|content|placeholder|value|data-[\w-]+)="([^"]*)"')
#: JSON keys whose values are addresses, not words (the search index's `location`).
_ADDRESS_KEYS = frozenset({"location", "url", "href", "src"})
_JSON_SEPARATOR = "\n<hr>\n"


@dataclass(frozen=True)
class Leak:
    role: str
    output: str
    source: Source


def scan_tree(root: Path, fp: Fingerprint, sheet_html: dict[str, Path] | None = None, theme: Path | None = None) -> list[Leak]:
    """Every leak of `fp` in the files under `root` (a role's site), at most one per source line.

    A file byte-identical to the same path under `theme` (the theme's own scripts and
    styles, about 3 MB) holds no content and is not read further."""
    seen: set[str] = set()
    leaks: dict[tuple[str, int], Leak] = {}
    sheets = sheet_html or {}
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        rel = path.relative_to(root).as_posix()
        if theme is not None and _same_file(path, theme / rel):
            continue
        text = read_text(path, sheets.get(rel))
        if text is None:
            continue
        for source in scan_text(text, fp, seen):
            leaks.setdefault((source.path, source.line), Leak(fp.role, rel, source))
    return list(leaks.values())


def _same_file(path: Path, other: Path) -> bool:
    try:
        return other.stat().st_size == path.stat().st_size and other.read_bytes() == path.read_bytes()
    except OSError:
        return False


def read_text(path: Path, sheet: Path | None = None) -> str | None:
    """A file's text for scanning, or None for a binary file."""
    if sheet is not None:
        path = sheet
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if path.suffix == ".gz":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error):
            return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if path.suffix == ".json" or path.name.endswith(".json.gz"):
        try:
            return _JSON_SEPARATOR.join(_strings(json.loads(text)))
        except (ValueError, RecursionError):
            return text
    return text


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            if key not in _ADDRESS_KEYS:
                yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def scan_text(text: str, fp: Fingerprint, seen: set[str] | None = None) -> Iterator[Source]:
    """Sources of `fp` found in one file's text.

    A page's own content (its `<article>`) is read in order. The rest (header, navigation,
    footer: 95% of a page, nearly the same on every page of the site) is cut at each `</a>`
    and then into lines, and each distinct piece and line is read once per site (`seen`):
    every text element there (a nav entry, a heading, the title) is on lines of its own."""
    seen = set() if seen is None else seen
    start, end = text.find("<article"), text.rfind("</article>")
    if 0 <= start < end:
        content = text[start:end]
        pieces = set(text[:start].split("</a>"))
        pieces.update(text[end:].split("</a>"))
        pieces -= seen
        seen |= pieces
        lines = set("\n".join(pieces).split("\n"))
        lines -= seen
        seen |= lines
        blocks = set(_BLOCK.split(content)).union(*(_BLOCK.split(line) for line in lines))
        blocks.update(_ATTRIBUTE.findall(content), *(_ATTRIBUTE.findall(line) for line in lines))
    else:
        blocks = set(_BLOCK.split(text))
        blocks.update(_ATTRIBUTE.findall(text))
    shingle_set, short_set = fp.shingles, fp.short
    for block in blocks:
        tokens = words(TAG.sub(" ", block)) if "<" in block else words(block)
        if len(tokens) >= SHINGLE:
            for value in shingle_set.keys() & set(shingles(tokens)):
                yield shingle_set[value].source(value)
        elif len(tokens) >= SHORTEST:
            value = hash(tuple(tokens))
            if value in short_set:
                yield short_set[value]


def findings(leaks: list[Leak]) -> list[Finding]:
    """Each leak as an error at the source line of the leaked text."""
    return sorted(
        error(
            leak.source.path, leak.source.line, "leak",
            f"text that only {', '.join(sorted(leak.source.roles)) or 'no role'} may read reached the "
            f"{leak.role} site ({leak.role}/{leak.output})",
            "nothing was published; this is a bug in guides or a construct it mis-reads: "
            "rewrite this part (e.g. a role block at the start of a line) and report it",
        )
        for leak in leaks
    )
