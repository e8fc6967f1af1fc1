"""Read every file under the content folder into a Corpus, collecting problems.

A file that cannot be read or parsed is reported and left out; everything else
is still loaded, so an author sees every problem in one run.
"""

from __future__ import annotations

from pathlib import Path

from build_tools.content.blocks import analyse
from build_tools.content.frontmatter import split_front_matter
from build_tools.content.glossary import Glossary, parse_glossary
from build_tools.content.meta import parse_meta
from build_tools.content.model import Corpus, Document
from build_tools.content.scan import first_heading
from build_tools.errors import Finding, error

def load_corpus(docs_dir: Path) -> tuple[Corpus, list[Finding]]:
    """Load `docs_dir`; return the corpus and every problem met while reading it."""
    findings: list[Finding] = []
    documents: dict[str, Document] = {}
    assets: list[str] = []
    for path in sorted(_content_files(docs_dir)):
        rel = path.relative_to(docs_dir).as_posix()
        if path.suffix != ".md":
            assets.append(rel)
            continue
        document = load_document(rel, path.read_bytes(), findings)
        if document is not None:
            documents[rel] = document
    glossary = Glossary()
    for document in documents.values():
        if document.meta.type == "glossary":
            glossary = parse_glossary(document.path, document.lines, document.body_start)
            break
    return Corpus(documents=documents, glossary=glossary, assets=assets), findings


def _content_files(docs_dir: Path):
    """Every file, skipping hidden and `_`-prefixed files and folders (drafts, editor files)."""
    for path in docs_dir.rglob("*"):
        parts = path.relative_to(docs_dir).parts
        if path.is_file() and not any(p.startswith((".", "_")) for p in parts):
            yield path


def load_document(rel: str, data: bytes, findings: list[Finding]) -> Document | None:
    """Parse one page from its bytes; append problems to `findings`."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        findings.append(error(rel, line, "encoding", "the file is not UTF-8 text", "save the file as UTF-8 in your editor"))
        return None
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()

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
