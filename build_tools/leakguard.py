"""The leak guard: before publishing, prove that no role's output holds text only other roles may read.

Fingerprints (`fingerprint`): every source line gets the roles that may read it
(`Document.roles_at`, the page's roles narrowed by role blocks). Lines are cut into
words (lower case, letters and digits only, so Markdown and HTML punctuation, entities
and quotes do not matter), and each run of lines readable by the same roles into
shingles of `SHINGLE` consecutive words. For a role R, the fingerprint is every shingle
of text R may not read, minus every shingle of text R may read (and of the site's
configuration), so a phrase that is legitimately on R's pages never counts. Titles and
headings shorter than a shingle (2 to SHINGLE-1 words) are kept whole, and match only a
whole element of the output (a nav entry, a heading, a search-index title).

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
import html
import json
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from build_tools.config import Config
from build_tools.content.model import Corpus, Document
from build_tools.errors import Finding, error
from build_tools.roles import substitute_variables

#: Words per shingle: long enough that a match is not chance, short enough to catch a short sentence.
SHINGLE = 5
#: The fewest words a title or heading needs to be fingerprinted whole.
SHORTEST = 2

WORD = re.compile(r"[^\W_]+")
_LINK_TARGET = re.compile(r"\]\([^)]*\)|^\s*\[[^\]]+\]:\s*\S+")
_ATTR_LIST = re.compile(r"\{\s*[:#.][^}]*\}")
_FENCE = re.compile(r"^(\s*(?:>\s*)*)/{3,}\s*[\w-]*\s*\|?")
_FRONT_KEY = re.compile(r"^\s*-?\s*[\w-]+\s*:")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s")
_TAG = re.compile(r"<[^>]*>")
#: Block-level tags (as MkDocs, Material and sitemaps write them: lower case) end a block of text.
_BLOCK = re.compile(
    r"<(?:/?(?:p|li|ul|ol|h[1-6]|div|nav|td|th|tr|table|thead|tbody|dt|dd|dl|pre|header|footer|section|article|main|"
    r"label|title|blockquote|details|summary|figure|figcaption|aside|form|head|body|html|br|hr|script|style|"
    r"url|loc|lastmod|meta|link|svg)\b)[^>]*>"
)
#: Attribute values (alt, title, meta descriptions, aria-label ...) are text too.
_ATTRIBUTE = re.compile(r'="([^"]*)"')
_JSON_SEPARATOR = "\n<hr>\n"


@dataclass(frozen=True)
class Source:
    """Where a fingerprinted phrase was written: `content/x.md`, line, and who may read it."""

    path: str
    line: int
    roles: frozenset[str]


@dataclass(frozen=True)
class Run:
    """Consecutive lines of one page read by the same roles; the exact line of a phrase is
    only worked out when it is found (`source`), which keeps fingerprinting cheap."""

    doc: Document
    first: int
    last: int
    roles: frozenset[str]
    config: Config

    def text(self) -> str:
        return "\n".join(source_text(self.doc, n, self.config) for n in range(self.first, self.last + 1))

    def source(self, value: int) -> Source:
        tokens: list[str] = []
        line_of: list[int] = []
        for number in range(self.first, self.last + 1):
            found = words(source_text(self.doc, number, self.config))
            tokens += found
            line_of += [number] * len(found)
        index = next((i for i, h in enumerate(shingles(tokens)) if h == value), 0)
        return Source(self.config.source_path(self.doc.path), line_of[index] if line_of else self.first, self.roles)


@dataclass
class Fingerprint:
    """What one role must never show: shingle hashes and whole short phrases, each with where it was written."""

    role: str
    shingles: dict[int, Run] = field(default_factory=dict)
    short: dict[int, Source] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.shingles) + len(self.short)


@dataclass(frozen=True)
class Leak:
    role: str
    output: str
    source: Source


def words(text: str) -> list[str]:
    """Normalised words: HTML entities decoded, lower case, letters and digits only."""
    return WORD.findall(html.unescape(text).lower())


def shingles(tokens: list[str]) -> Iterator[int]:
    """Hashes of every run of SHINGLE consecutive words."""
    return map(hash, zip(*(tokens[i:] for i in range(SHINGLE))))


def source_text(doc: Document, line: int, config: Config) -> str:
    """A Markdown line as a reader would see its words: no link targets, block fences or attribute lists."""
    text = doc.lines[line - 1]
    if line < doc.body_start:
        return _FRONT_KEY.sub(" ", text)
    if "{{" in text and line not in doc.code:
        text = substitute_variables(text, config)
    if "/" in text:
        text = _FENCE.sub(r"\1", text)
    if "](" in text or "]:" in text:
        text = _LINK_TARGET.sub("]", text)
    if "{" in text:
        text = _ATTR_LIST.sub(" ", text)
    if "<" in text:
        text = _TAG.sub(" ", text)
    return text


def fingerprint(corpus: Corpus, config: Config, roles: Iterable[str]) -> dict[str, Fingerprint]:
    """Each role's fingerprint of text only other roles may read."""
    runs: dict[frozenset[str], list[tuple[Run, list[str]]]] = {}
    short: list[tuple[list[str], Source]] = []
    whole: dict[frozenset[str], set[int]] = {}  # short readable lines and table cells, whole
    for doc in corpus.documents.values():
        for run in _runs(doc, config):
            text = run.text()
            runs.setdefault(run.roles, []).append((run, words(text)))
            found = whole.setdefault(run.roles, set())
            for offset, line in enumerate(text.split("\n")):
                if not line or line.isspace():
                    continue
                if len(line) < 60 or "|" in line:
                    found.update(hash(tuple(cell)) for part in line.split("|") if (cell := words(part)))
                raw = doc.lines[run.first + offset - 1]
                if raw.lstrip().startswith("#") and _HEADING.match(raw) or (run.first + offset < doc.body_start and raw.startswith("title:")):
                    heading = words(line)
                    if SHORTEST <= len(heading) < SHINGLE:
                        short.append((heading, Source(config.source_path(doc.path), run.first + offset, run.roles)))
    everyone = words(json.dumps(config.mkdocs, default=str)) + words(json.dumps(config.guides.model_dump(mode="json")))
    by_group = {group: set().union(*(shingles(tokens) for _, tokens in items)) for group, items in runs.items()}
    prints = {}
    for role in roles:
        fp = prints[role] = Fingerprint(role)
        forbidden: set[int] = set().union(*(s for g, s in by_group.items() if role not in g))
        for group, hashes in by_group.items():
            if role in group:
                forbidden -= hashes
        forbidden.difference_update(shingles(everyone))
        for group, items in runs.items():
            if role not in group:
                for run, tokens in items:
                    for value in forbidden.intersection(shingles(tokens)):
                        fp.shingles.setdefault(value, run)
        readable_short = _short_grams(everyone).union(*(s for g, s in whole.items() if role in g))
        for heading, source in short:
            value = hash(tuple(heading))
            if role not in source.roles and value not in readable_short:
                fp.short.setdefault(value, source)
    return prints


def _runs(doc: Document, config: Config) -> Iterator[Run]:
    """The page cut where the roles that may read a line change."""
    page_roles = doc.roles_for(config.role_ids)
    has_blocks = any(block.name == "role" for block in doc.blocks)
    first, current = 1, page_roles
    for line in range(doc.body_start, len(doc.lines) + 1):
        roles_ = doc.roles_at(line, config.role_ids) if has_blocks else page_roles
        if roles_ != current:
            if line > first:
                yield Run(doc, first, line - 1, current, config)
            first, current = line, roles_
    if len(doc.lines) >= first:
        yield Run(doc, first, len(doc.lines), current, config)


def _short_grams(tokens: list[str]) -> set[int]:
    """Every run of SHORTEST..SHINGLE-1 words (of small texts: the configuration)."""
    return {hash(gram) for n in range(SHORTEST, SHINGLE) for gram in zip(*(tokens[i:] for i in range(n)))}


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
        tokens = words(_TAG.sub(" ", block)) if "<" in block else words(block)
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
