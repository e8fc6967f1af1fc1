"""Where pages go, and writing them: all or nothing, never over an existing page unless asked."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from build_tools.errors import Finding, GuidesError, UsageError, warning
from build_tools.importer.convert import Page, convert
from build_tools.importer.read import BadDocument


class ImportRefused(GuidesError):
    """Nothing was written: one line per input that could not be imported."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


@dataclass
class Imported:
    """One document that became a page."""

    source: Path
    page: Path
    result: Page


@dataclass
class ImportResult:
    pages: list[Imported] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def import_documents(
    files: list[Path],
    docs_dir: Path,
    variables: dict[str, Any],
    output: Path | None = None,
    roles: list[str] | None = None,
    page_type: str | None = None,
    force: bool = False,
) -> ImportResult:
    """Convert every file, then write every page and its pictures, or nothing at all.

    `output` is a page path (`x.md`, one file only) or a folder; without it pages go
    into `docs_dir`. Raises `ImportRefused` for unreadable inputs and pages that exist."""
    targets = page_paths(files, docs_dir, output)
    problems: list[str] = []
    pages: list[Imported] = []
    for source, target in zip(files, targets):
        try:
            pages.append(Imported(source, target, convert(source, target.stem, variables, roles, page_type)))
        except BadDocument as exc:
            problems.append(str(exc))
    for imported in pages:
        for path in [imported.page, *(imported.page.parent / p.name for p in imported.result.pictures)]:
            if path.exists() and not force:
                problems.append(f"{path}: already exists; nothing was written (pass --force to replace it)")
    if problems:
        raise ImportRefused(problems)
    result = ImportResult(pages)
    for imported in pages:
        imported.page.parent.mkdir(parents=True, exist_ok=True)
        for picture in imported.result.pictures:
            (imported.page.parent / picture.name).write_bytes(picture.data)
        imported.page.write_text(imported.result.markdown, encoding="utf-8")
        shown = display_path(imported.page)
        result.findings += [warning(shown, line, note.rule, note.message, note.fix) for line, note in imported.result.notes]
    return result


def page_paths(files: list[Path], docs_dir: Path, output: Path | None) -> list[Path]:
    """`report.docx` -> `<folder>/report.md`; two inputs may not share a page."""
    if output is not None and output.suffix == ".md":
        if len(files) > 1:
            raise UsageError(f"-o {output}: one page path for {len(files)} documents (give a folder instead)")
        return [output]
    folder = output if output is not None else docs_dir
    paths = [folder / f"{slug(f.stem)}.md" for f in files]
    seen: dict[Path, Path] = {}
    for source, path in zip(files, paths):
        if path in seen:
            raise UsageError(f"{source} and {seen[path]} would both become {path} (rename one of them)")
        seen[path] = source
    return paths


def slug(text: str) -> str:
    """`Managers Checklist (v2)` -> `managers-checklist-v2`."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "imported"


def display_path(path: Path) -> str:
    """Relative to where the command runs when the page is inside it, as authors click it."""
    try:
        return Path(os.path.relpath(path)).as_posix() if not os.path.relpath(path).startswith("..") else path.as_posix()
    except ValueError:
        return path.as_posix()
