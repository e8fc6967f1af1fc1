"""Roles narrow down the folder tree, never widen.

A folder's `index.md` roles apply to the whole folder: a page (or sub-folder index)
without `roles` takes them, and one whose roles reach beyond them is an error naming
both files. `content/index.md` is different: it is the home page of each role's site (a role
it is not for gets a generated home page), so its roles are its own and narrow nothing
else. An easy-read page `x.easy.md` without `roles` takes those of its
standard page `x.md`, and may not reach beyond them either.

So a page's roles are always within every folder above it and within its standard
page's, or the build refuses with `path:line`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePosixPath

from build_tools.content.model import EASY_SUFFIX, Document
from build_tools.errors import Finding, error

INDEX = "index.md"


@dataclass(frozen=True)
class Scope:
    """Who may read something, and which file said so (None: everyone, by default)."""

    roles: tuple[str, ...] | None
    source: str | None = None

    def widened_by(self, roles: list[str]) -> list[str]:
        return [] if self.roles is None else sorted(set(roles) - set(self.roles))


def inherit_roles(documents: dict[str, Document], shown_as: Callable[[str], str] = str) -> list[Finding]:
    """Fill in the roles of pages that inherit them; report every page that widens them.

    `shown_as` turns a content-relative path into the one findings show (`content/…`)."""
    findings: list[Finding] = []
    folders: dict[str, Scope] = {}

    def folder_scope(folder: str) -> Scope:
        if folder not in folders:
            parent = "" if folder == "" else _parent(folder)
            outer = Scope(None) if folder == "" else folder_scope(parent)
            index = documents.get(f"{folder}/{INDEX}" if folder else INDEX)
            scope = outer if index is None else _settle(index, outer, findings, shown_as, "folder")
            folders[folder] = scope if folder else outer  # the home page narrows only itself
        return folders[folder]

    for path in sorted(documents, key=lambda p: (p.endswith(EASY_SUFFIX), p)):  # standard pages first
        doc = documents[path]
        if PurePosixPath(path).name == INDEX:
            folder_scope(doc.folder)
            continue
        folder = folder_scope(doc.folder)
        standard = documents.get(doc.companion_path) if doc.is_easy else None
        if standard is None or standard.meta.roles is None:
            _settle(doc, folder, findings, shown_as, "folder")
        elif not (doc.meta.roles is not None and folder.widened_by(doc.meta.roles)):
            _settle(doc, Scope(tuple(standard.meta.roles), standard.path), findings, shown_as, "standard page")
        else:  # wider than the folder too: say so, the standard page may be fixed first
            _settle(doc, folder, findings, shown_as, "folder")
    return findings


def _settle(doc: Document, outer: Scope, findings: list[Finding], shown_as: Callable[[str], str], kind: str) -> Scope:
    """Give `doc` the outer roles when it names none; report it when it widens them.
    Returns the scope `doc` sets for what lies under it."""
    if doc.meta.roles is None:
        if outer.roles is not None:
            doc.meta = doc.meta.model_copy(update={"roles": list(outer.roles)})
        return Scope(outer.roles, outer.source)
    if wider := outer.widened_by(doc.meta.roles):
        source = shown_as(outer.source or "")
        whose = f"its standard page `{source}`" if kind == "standard page" else f"its folder (set in `{source}`)"
        findings.append(error(
            doc.path, doc.line_of("roles"), "roles-widen",
            f"roles {', '.join(wider)} go beyond those of {whose}: {', '.join(outer.roles or ())}",
            f"remove {', '.join(wider)} here, or add {'it' if len(wider) == 1 else 'them'} to `roles` in `{source}`",
        ))
    return Scope(tuple(doc.meta.roles), doc.path)


def _parent(folder: str) -> str:
    parent = str(PurePosixPath(folder).parent)
    return "" if parent == "." else parent
