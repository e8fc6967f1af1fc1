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


@dataclass
class Fingerprint:
    """What one role must never show: shingle hashes and whole short phrases, each with its source."""

    role: str
    shingles: dict[int, Source] = field(default_factory=dict)
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
    text = _FENCE.sub(r"\1", text)
    text = _LINK_TARGET.sub("]", text)
    text = _ATTR_LIST.sub(" ", text)
    return _TAG.sub(" ", text)


def fingerprint(corpus: Corpus, config: Config, roles: Iterable[str]) -> dict[str, Fingerprint]:
    """Each role's fingerprint of text only other roles may read."""
    all_roles = config.role_ids
    runs: dict[frozenset[str], list[tuple[list[str], list[tuple[int, Source]]]]] = {}
    headings: list[tuple[frozenset[str], list[str], Source]] = []
    whole: dict[frozenset[str], set[int]] = {}  # each readable line and table cell, whole
    for doc in corpus.documents.values():
        for roles_, tokens, starts, short, lines in _runs(doc, config, all_roles):
            runs.setdefault(roles_, []).append((tokens, starts))
            whole.setdefault(roles_, set()).update(lines)
            headings += short
    everyone = words(json.dumps(config.mkdocs, default=str)) + words(json.dumps(config.guides.model_dump(mode="json")))
    by_group = {group: {h for tokens, _ in items for h in shingles(tokens)} for group, items in runs.items()}
    prints = {}
    for role in roles:
        fp = prints[role] = Fingerprint(role)
        forbidden: set[int] = set().union(*(s for g, s in by_group.items() if role not in g))
        for group, hashes in by_group.items():
            if role in group:
                forbidden -= hashes
        forbidden.difference_update(shingles(everyone))
        for group, items in runs.items():
            if role in group:
                continue
            for tokens, starts in items:
                line_at = _line_index(starts, len(tokens))
                for index, value in enumerate(shingles(tokens)):
                    if value in forbidden and value not in fp.shingles:
                        fp.shingles[value] = line_at[index]
        readable_short = _short_grams(everyone).union(*(s for g, s in whole.items() if role in g))
        for roles_, tokens, source in headings:
            value = hash(tuple(tokens))
            if role not in roles_ and value not in readable_short:
                fp.short.setdefault(value, source)
    return prints


def _runs(doc: Document, config: Config, all_roles: tuple[str, ...]):
    """Per run of lines read by the same roles: (roles, words, [(word index, source)],
    [short titles and headings], {hash of each line's and table cell's words})."""
    current: frozenset[str] | None = None
    tokens: list[str] = []
    starts: list[tuple[int, Source]] = []
    short: list[tuple[frozenset[str], list[str], Source]] = []
    lines: set[int] = set()
    path = config.source_path(doc.path)
    page_roles = doc.roles_for(all_roles)
    for line in range(1, len(doc.lines) + 1):
        roles_ = page_roles if line < doc.body_start else doc.roles_at(line, all_roles)
        if roles_ != current:
            if tokens and current is not None:
                yield current, tokens, starts, short, lines
            current, tokens, starts, short, lines = roles_, [], [], [], set()
        text = source_text(doc, line, config)
        found = words(text)
        if not found:
            continue
        source = Source(path, line, roles_)
        starts.append((len(tokens), source))
        tokens += found
        if len(found) < SHINGLE:
            lines.add(hash(tuple(found)))
        if "|" in text:
            lines.update(hash(tuple(cell)) for part in text.split("|") if (cell := words(part)))
        raw = doc.lines[line - 1]
        is_title = line < doc.body_start and raw.lstrip().startswith("title:")
        if SHORTEST <= len(found) < SHINGLE and (is_title or _HEADING.match(raw)):
            short.append((roles_, found, source))
    if tokens and current is not None:
        yield current, tokens, starts, short, lines


def _short_grams(tokens: list[str]) -> set[int]:
    """Every run of SHORTEST..SHINGLE-1 words (of small texts: the configuration)."""
    return {hash(gram) for n in range(SHORTEST, SHINGLE) for gram in zip(*(tokens[i:] for i in range(n)))}


def _line_index(starts: list[tuple[int, Source]], count: int) -> list[Source]:
    """The source of each word position (a shingle is placed at its first word)."""
    out: list[Source] = []
    for n, (index, source) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else count
        out += [source] * (end - index)
    return out


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
    """Sources of `fp` found in one file's text; lines already in `seen` (other pages of the
    same site: navigation, header, footer) are read only once."""
    seen = set() if seen is None else seen
    lines = text.split("\n")
    fresh = "\n".join([line if line not in seen else "<hr>" for line in lines])  # <hr>: a block boundary
    seen.update(lines)
    blocks = set(_BLOCK.split(fresh))
    blocks.update(_ATTRIBUTE.findall(fresh))
    shingle_set, short_set = fp.shingles, fp.short
    for block in blocks:
        tokens = words(_TAG.sub(" ", block))
        if len(tokens) >= SHINGLE and shingle_set:
            for value in shingles(tokens):
                if value in shingle_set:
                    yield shingle_set[value]
        elif SHORTEST <= len(tokens) < SHINGLE and short_set:
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
