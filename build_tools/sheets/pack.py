"""Easy-read packs: the pages a pack prints, in order, as parts of one PDF.

A pack's cover text is its own page; each page it lists becomes a part with its own
number, and links between the parts lead inside the PDF ("(Part 2, page 9)")."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from markupsafe import Markup

from build_tools.content.glossary import Term
from build_tools.errors import Finding, error
from build_tools.roles import RoleView, StagedPage
from build_tools.sheets.context import PlanContext, layout_of, text_of
from build_tools.sheets.document import Part
from build_tools.content.links import resolve_with_fragment

EASY_SUFFIX_IN_TITLE = re.compile(r"\s*\(easy read\)\s*$", re.IGNORECASE)
#: Renders one page's body: (page, id prefix, heading shift) -> (HTML, files it reads).
BodyMaker = Callable[[StagedPage, str, int], tuple[Markup, list[Path]]]


def pack_links(members: list[StagedPage]) -> dict[str, tuple[str, str]]:
    """In a pack, links between its pages lead to the part: page path -> (id, "Part n")."""
    return {m.document.path: (f"part-{n}", f"Part {n}") for n, m in enumerate(members, start=1)}


def pack_parts(members: list[StagedPage], ctx: PlanContext, body: BodyMaker) -> tuple[list[Part], list[Path]]:
    """Each member page as a numbered part; its ids are prefixed and its headings moved
    down a level, under the part's title."""
    parts: list[Part] = []
    files: list[Path] = []
    for number, member in enumerate(members, start=1):
        part_body, part_files = body(member, f"part-{number}-", 1)
        files += part_files
        title = EASY_SUFFIX_IN_TITLE.sub("", text_of(member.document.title, ctx.config))
        parts.append(Part(id=f"part-{number}", title=title, layout=layout_of(member.document), body=part_body))
    return parts, files


def printed_texts(page: StagedPage, view: RoleView) -> list[str]:
    texts = [page.text]
    for entry in page.document.meta.pack or []:
        target = resolve_with_fragment(page.document.folder, entry)
        member = view.pages.get(target) if target else None
        texts.append(member.text if member else f"missing:{entry}")
    return texts


def pack_members(page: StagedPage, ctx: PlanContext, output_rel: str, findings: list[Finding]) -> list[StagedPage]:
    doc = page.document
    members = []
    for entry in doc.meta.pack or []:
        target = resolve_with_fragment(doc.folder, entry)
        member = ctx.view.pages.get(target) if target else None
        if member is None:
            readable = target is not None and ctx.corpus.get(target) is not None
            findings.append(error(
                doc.path, doc.line_of("pack"), "sheet",
                f"sheet {output_rel}: pack page `{entry}` "
                + (f"is not for the {ctx.view.role_id} role" if readable else "does not exist"),
                "give the path relative to this page, and give the pack the same roles as its pages",
            ))
        elif member.document.meta.type == "pack":
            findings.append(error(doc.path, doc.line_of("pack"), "sheet", f"sheet {output_rel}: pack page `{entry}` is itself a pack", "list the pages of that pack instead"))
        else:
            members.append(member)
    if not doc.meta.pack:
        findings.append(error(doc.path, doc.line_of("type"), "sheet", f"sheet {output_rel}: the pack lists no pages", "add `pack: [page.easy.md, …]`"))
    return members


def merge_terms(terms: list[Term]) -> list[Term]:
    """One entry per term (first explanation wins), in alphabetical order."""
    seen: dict[str, Term] = {}
    for term in terms:
        seen.setdefault(term.term.lower(), term)
    return sorted(seen.values(), key=lambda t: t.term.lower())


