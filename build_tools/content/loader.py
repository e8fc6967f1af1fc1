"""Read every file under the content folder into a Corpus, collecting problems.

A file that cannot be read or parsed is reported and left out; everything else
is still loaded, so an author sees every problem in one run.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from build_tools.content.blocks import analyse
from build_tools.content.files import can_read, content_files, control_characters, read_file
from build_tools.content.frontmatter import split_front_matter
from build_tools.content.glossary import Glossary, parse_glossary
from build_tools.content.inherit import inherit_roles
from build_tools.content.meta import parse_meta
from build_tools.content.model import Corpus, Document
from build_tools.content.scan import first_heading
from build_tools.errors import Finding, error

def load_corpus(docs_dir: Path, shown_as: Callable[[str], str] = str) -> tuple[Corpus, list[Finding]]:
    """Load `docs_dir`; return the corpus and every problem met while reading it.

    `shown_as` names a content file as findings show it (`content/x.md`), for
    messages that point at a second file."""
    files, findings = content_files(docs_dir)
    documents: dict[str, Document] = {}
    assets: list[str] = []
    for file in files:
        if not file.rel.endswith(".md"):
            if can_read(file, findings):
                assets.append(file.rel)
            continue
        data = read_file(file, findings)
        document = load_document(file.rel, data, findings) if data is not None else None
        if document is not None:
            documents[file.rel] = document
    findings += inherit_roles(documents, shown_as)
    glossary = Glossary()
    for document in documents.values():
        if document.meta.type == "glossary":
            glossary = parse_glossary(document.path, document.lines, document.body_start)
            break
    return Corpus(documents=documents, glossary=glossary, assets=assets), findings


#: Pages parsed before in this process, by path: `guides serve` reads every page on every
#: save but parses again only those whose bytes changed. Parsing depends on nothing else.
_parsed: dict[str, tuple[bytes, Document | None, tuple[Finding, ...]]] = {}


def load_document(rel: str, data: bytes, findings: list[Finding]) -> Document | None:
    """Parse one page from its bytes; append problems to `findings`. Each caller gets a
    document of its own (loading may give it inherited roles)."""
    seen = _parsed.get(rel)
    if seen is None or seen[0] != data:
        found: list[Finding] = []
        seen = _parsed[rel] = (data, _parse(rel, data, found), tuple(found))
    findings += seen[2]
    return dataclasses.replace(seen[1]) if seen[1] is not None else None


def _parse(rel: str, data: bytes, findings: list[Finding]) -> Document | None:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        findings.append(error(rel, line, "encoding", "the file is not UTF-8 text", "save the file as UTF-8 in your editor"))
        return None
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if control := control_characters(rel, lines):
        findings += control
        return None

    front = split_front_matter(lines)
    for line, message, fix in front.problems:
        findings.append(error(rel, line, "front-matter", message, fix))
    if front.problems:
        return None
    meta, problems = parse_meta(front.data)
    for key, message, fix in problems:
        findings.append(error(rel, front.key_lines.get(key, 1), "front-matter", message, fix))
    if meta is None:
        return None

    structure = analyse(lines, front.body_start)
    blocks, code = structure.blocks, structure.code
    for problem in structure.problems:
        findings.append(error(rel, problem.line, "block", problem.message, problem.fix))

    return Document(
        path=rel,
        lines=lines,
        meta=meta,
        body_start=front.body_start,
        blocks=blocks,
        code=code,
        title=meta.title or (heading[1] if (heading := first_heading(structure.visible, front.body_start, code)) else _title_from_name(rel)),
        key_lines=front.key_lines,
        visible=structure.visible,
    )


def _title_from_name(rel: str) -> str:
    stem = Path(rel).name.removesuffix(".md").removesuffix(".easy")
    return stem.replace("-", " ").replace("_", " ").capitalize()
