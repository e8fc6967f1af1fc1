"""What planning shares across one role's sheets: the configuration, the role's view,
and whom each sheet speaks to (its audience)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from build_tools.config import Config
from build_tools.content.model import Corpus, Document
from build_tools.errors import Finding
from build_tools.roles import RoleView, StagedPage, select, substitute_variables
from build_tools.sheets.document import LevelBadge
from build_tools.sheets.fonts import FontFile
from build_tools.content.links import resolve_with_fragment
from build_tools.sheets.links import LinkMap
from build_tools.sheets.model import LAYOUTS


class Problems(Exception):
    """Everything wrong with one sheet; planning goes on with the next."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__(findings)
        self.findings = findings


@dataclass(frozen=True)
class PlanContext:
    """What every sheet of one role shares."""

    config: Config
    corpus: Corpus
    view: RoleView
    docs_dir: Path
    fonts: tuple[FontFile, ...]
    levels: tuple[LevelBadge, ...]
    #: Other roles' views, made when first needed (see `audience`).
    others: dict[str, RoleView]
    link_maps: dict[str, LinkMap]

    def links_for(self, role_id: str) -> LinkMap:
        """How links print on a sheet for `role_id`: addresses in that role's site."""
        if role_id not in self.link_maps:
            view = self.view if role_id == self.view.role_id else self.others[role_id]
            self.link_maps[role_id] = LinkMap(self.config, role_id, frozenset(view.pages), frozenset(view.assets))
        return self.link_maps[role_id]

    def audience(self, page: StagedPage) -> str:
        """The role a sheet speaks to. Staff print sheets to hand to partners, so a sheet
        is labelled for, and leads back to the site of, the first role in `guides.roles`
        that reads this page (and every page of a pack) with exactly this text. A copy
        holding text only this role may read stays this role's own."""
        doc = page.document
        paths = [doc.path, *(t for e in doc.meta.pack or [] if (t := resolve_with_fragment(doc.folder, e)))]
        for role_id in self.config.role_ids:
            if role_id == self.view.role_id:
                break
            if role_id not in self.others:
                self.others[role_id] = select(self.corpus, self.config, role_id)
            theirs, ours = self.others[role_id].pages, self.view.pages
            if all(p in theirs and p in ours and theirs[p].text == ours[p].text for p in paths):
                return role_id
        return self.view.role_id


def layout_of(doc: Document) -> str:
    return doc.meta.type if doc.meta.type in LAYOUTS else "page"


def text_of(value: str, config: Config) -> str:
    return substitute_variables(value, config) if "{{" in value else value

