"""Is an easy-read page still in step with its standard page?

`guides stamp x.easy.md` records the git blob id of `x.md` (the id git gives
those exact bytes) as `source_version`. Later, if `x.md` has other bytes,
`guides check` asks git for the stamped text: when what a reader reads (the
title, the summary, the body) is unchanged, as after an edit to `order:` or
`review_due:`, the page is still in step; otherwise it warns and names the
sections that changed. Without the stamped text it warns without names.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
from pathlib import Path

from build_tools.config import Config
from build_tools.content.frontmatter import split_front_matter
from build_tools.content.model import Corpus, Document
from build_tools.errors import Finding, UsageError, warning

SECTION = re.compile(r"^(#{1,3})\s+(.+?)\s*#*\s*$")


def blob_id(data: bytes) -> str:
    """What `git hash-object` prints for these bytes."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def stale_easy_read(corpus: Corpus, config: Config) -> list[Finding]:
    findings = []
    for doc in corpus.documents.values():
        if not doc.is_easy:
            continue
        source = corpus.get(doc.companion_path)
        if source is None:
            continue  # a stand-alone easy-read page
        line = doc.line_of("source_version") if doc.meta.source_version else 1
        command = f"guides stamp {config.source_path(doc.path)}"
        fix = f"check it against {source.path}, then run `{command}`"
        if not doc.meta.source_version:
            findings.append(warning(doc.path, 1, "easy-read-stamp", f"easy-read page was never stamped against {source.path}", f"run `{command}`"))
        elif doc.meta.source_version != blob_id(source.text.encode("utf-8")):
            changed = changed_sections(doc.meta.source_version, source, config.docs_dir)
            if changed == []:
                continue  # only what readers never see changed (order, review date, …)
            what = f"; changed: {', '.join(changed)}" if changed else ""
            findings.append(warning(doc.path, line, "easy-read-stale", f"{source.path} changed since this easy-read page was stamped{what}", fix))
    return findings


def changed_sections(old_blob: str, source: Document, docs_dir: Path) -> list[str] | None:
    """Names of the parts a reader reads (title, summary, sections under headings) that
    were added, removed or edited since `old_blob`; None when git does not have it."""
    try:
        old = subprocess.run(["git", "cat-file", "blob", old_blob], capture_output=True, check=True, cwd=docs_dir).stdout.decode("utf-8")
    except (OSError, subprocess.CalledProcessError, UnicodeDecodeError):
        return None
    before, after = read_parts(old.splitlines()), read_parts(source.lines)
    names = [name for name in after if before.get(name) != after[name]]
    names += [name for name in before if name not in after]
    return [f"“{name}”" if name not in (TITLE, SUMMARY) else name for name in names]


TITLE, SUMMARY, INTRODUCTION = "the title", "the summary", "the introduction"


def read_parts(lines: list[str]) -> dict[str, str]:
    """What a reader reads of a page, by part: the title and summary from the front matter,
    then each section of the body under its heading (the text before the first heading is
    "the introduction"). Other front matter (`order`, `review_due`, …) is left out."""
    front = split_front_matter(lines)
    parts = {name: str(front.data[key]).strip() for name, key in ((TITLE, "title"), (SUMMARY, "summary")) if front.data.get(key)}
    return {**parts, **sections(lines[front.body_start - 1:])}


def sections(lines: list[str]) -> dict[str, str]:
    """Heading -> the text under it (the text before the first heading is "the introduction")."""
    result: dict[str, list[str]] = {INTRODUCTION: []}
    current = INTRODUCTION
    for line in lines:
        if match := SECTION.match(line):
            current = match.group(2)
            result.setdefault(current, [])
        else:
            result[current].append(line.strip())
    return {name: "\n".join(text).strip() for name, text in result.items() if name != INTRODUCTION or any(text)}


def stamp_file(easy_path: Path) -> str:
    """Write `source_version` into an easy-read page's front matter; return the id written."""
    if not easy_path.name.endswith(".easy.md"):
        raise UsageError(f"{easy_path}: only easy-read pages (x.easy.md) are stamped")
    source = easy_path.with_name(easy_path.name[: -len(".easy.md")] + ".md")
    if not source.is_file():
        raise UsageError(f"{easy_path}: there is no standard page {source.name} beside it to stamp against")
    text = source.read_bytes().decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    version = blob_id((text if text.endswith("\n") else text + "\n").encode("utf-8"))
    lines = easy_path.read_text(encoding="utf-8").split("\n")
    entry = f"source_version: {version}"
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
        if end is None:
            raise UsageError(f"{easy_path}:1: front matter never ends; add a line `---` after it")
        existing = next((i for i in range(1, end) if lines[i].startswith("source_version:")), None)
        if existing is None:
            lines.insert(end, entry)
        else:
            lines[existing] = entry
    else:
        lines[:0] = ["---", entry, "---"]
    easy_path.write_text("\n".join(lines), encoding="utf-8")
    return version
