"""The Document and Corpus model: what the loader produces and everything else reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath

from build_tools.content.blocks import Block
from build_tools.content.glossary import Glossary
from build_tools.content.meta import PageMeta

EASY_SUFFIX = ".easy.md"


@dataclass
class Document:
    """One page of content, parsed but not yet rendered."""

    #: Path relative to the content folder, with forward slashes: `panels/guide.md`.
    path: str
    #: The file's lines, without line endings. Line N of the file is `lines[N - 1]`.
    lines: list[str]
    meta: PageMeta
    body_start: int
    blocks: list[Block]
    #: 1-based line numbers inside fenced code: never variables, links or blocks.
    code: set[int]
    title: str
    #: Line of the front matter key (or 1): where page-level findings point.
    key_lines: dict[str, int] = field(default_factory=dict)
    #: `lines` with HTML comments blanked outside code: what staging publishes.
    visible: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines) + "\n"

    @property
    def is_easy(self) -> bool:
        return self.path.endswith(EASY_SUFFIX)

    @property
    def companion_path(self) -> str:
        """`x.md` for `x.easy.md`, and `x.easy.md` for `x.md` (which may not exist)."""
        if self.is_easy:
            return self.path[: -len(EASY_SUFFIX)] + ".md"
        return self.path[:-3] + EASY_SUFFIX

    @property
    def folder(self) -> str:
        parent = str(PurePosixPath(self.path).parent)
        return "" if parent == "." else parent

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, 1)

    def roles_for(self, all_roles: tuple[str, ...]) -> frozenset[str]:
        """The roles that may read this page (front matter `roles`, or everyone)."""
        return frozenset(self.meta.roles) if self.meta.roles is not None else frozenset(all_roles)

    def roles_at(self, line: int, all_roles: tuple[str, ...]) -> frozenset[str]:
        """The roles that may read a given line: the page's, narrowed by role blocks around it."""
        roles = self.roles_for(all_roles)
        for block in self.blocks:
            if block.name == "role" and block.contains(line):
                roles &= frozenset(parse_ids(block.argument))
        return roles


def parse_ids(argument: str) -> list[str]:
    """`partner, staff` -> ["partner", "staff"]."""
    return [part.strip() for part in argument.split(",") if part.strip()]


@dataclass
class Corpus:
    """Every page under the content folder, plus what is shared between pages."""

    documents: dict[str, Document]
    glossary: Glossary
    #: Other files (pictures, attachments), relative paths.
    assets: list[str] = field(default_factory=list)

    def get(self, path: str) -> Document | None:
        return self.documents.get(path)
