"""select(corpus, role): what one role may read. Pure: no I/O.

The result is the text each page will have in that role's site: other roles'
blocks blanked line for line (`blanking.py`), variables filled in, and on
easy-read pages the hard words explained (`hardwords.py`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from build_tools.blanking import blank_role_blocks
from build_tools.config import VARIABLE, Config, lookup_variable
from build_tools.content.glossary import Term
from build_tools.content.model import Corpus, Document
from build_tools.hardwords import explain_hard_words, hard_words_section
from build_tools.content.links import link_targets, resolve_link


@dataclass
class StagedPage:
    document: Document
    lines: list[str]
    #: Glossary terms explained on this page (easy-read pages only).
    hard_words: list[Term] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


@dataclass
class RoleView:
    role_id: str
    pages: dict[str, StagedPage]
    #: Pictures and attachments linked from this role's pages, and only those.
    assets: list[str]


def select(corpus: Corpus, config: Config, role_id: str) -> RoleView:
    pages: dict[str, StagedPage] = {}
    for path, doc in corpus.documents.items():
        if role_id in doc.roles_for(config.role_ids):
            pages[path] = stage_page(doc, corpus, config, role_id)
    linked = {
        resolved
        for page in pages.values()
        for line, target in link_targets(page.document)
        if role_id in page.document.roles_at(line, config.role_ids)
        and (resolved := resolve_link(page.document, target)) in corpus.assets
    }
    return RoleView(role_id=role_id, pages=pages, assets=sorted(linked))


def stage_page(doc: Document, corpus: Corpus, config: Config, role_id: str) -> StagedPage:
    # HTML comments never reach a reader; nor do other roles' blocks.
    lines = blank_role_blocks(doc, doc.visible or doc.lines, doc.roles_for(config.role_ids), role_id)
    for number in range(1, len(lines) + 1):
        if number not in doc.code and "{{" in lines[number - 1]:
            lines[number - 1] = substitute_variables(lines[number - 1], config)
    hard_words: list[Term] = []
    if doc.is_easy:
        lines, hard_words = explain_hard_words(doc, lines, glossary_for(corpus, config, role_id))
        lines += hard_words_section(hard_words)
    return StagedPage(document=doc, lines=lines, hard_words=hard_words)


def glossary_for(corpus: Corpus, config: Config, role_id: str) -> list[Term]:
    """The glossary terms one role may read: none from a glossary page it cannot read,
    none defined inside another role's block."""
    glossary = corpus.glossary
    page = corpus.get(glossary.path) if glossary.path else None
    if page is None:
        return list(glossary.terms)
    return [t for t in glossary.terms if role_id in page.roles_at(t.line, config.role_ids)
            and role_id in page.roles_at(t.line + 1, config.role_ids)]


def extension_config(config: Config, role_id: str) -> dict[str, Any]:
    """Settings of `build_tools.markdown_ext` for one role's pages and sheets. `role` makes
    the extension refuse any other role's block: staging should have removed them all."""
    return {
        "role": role_id,
        "roles": {r.id: r.label for r in config.guides.roles},
        "levels": {lv.id: {"label": lv.label, "meaning": lv.meaning} for lv in config.guides.levels},
    }


def substitute_variables(line: str, config: Config) -> str:
    """`{{ org.name }}` -> its configured value (unknown ones were reported by validation)."""
    return VARIABLE.sub(lambda m: lookup_variable(config.guides.variables, m.group(1)) or m.group(0), line)
