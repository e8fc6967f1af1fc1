"""What `check()` and `build()` hand back: plain records, no behaviour."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from build_tools.config import Config
from build_tools.content.model import Corpus
from build_tools.errors import Finding
from build_tools.readability import PageReadability
from build_tools.roles import RoleView

if TYPE_CHECKING:
    from build_tools.sheets import SheetRequest


@dataclass
class CheckResult:
    config: Config
    corpus: Corpus
    #: Every problem, each naming its file as the author opens it (`content/…`).
    findings: list[Finding]
    readability: list[PageReadability]
    #: What each role may read, and its planned sheets: `build()` goes on from these.
    views: dict[str, RoleView] = field(default_factory=dict)
    sheets: dict[str, list[SheetRequest]] = field(default_factory=dict)


@dataclass
class BuildResult:
    check: CheckResult
    site_dir: Path
    #: Where the authors' report was written (never inside the published folder).
    report_dir: Path
    roles_built: list[str] = field(default_factory=list)
    roles_skipped: list[str] = field(default_factory=list)
    #: Per built role: how many pages were rendered again, or None for a full build.
    pages_rendered: dict[str, int | None] = field(default_factory=dict)
    sheets_rendered: int = 0
    sheets_reused: int = 0
    engine_warnings: list[str] = field(default_factory=list)
    #: Something the user should know about how the site was published, or None.
    publish_note: str | None = None


@dataclass
class Staged:
    """Each role's staged MkDocs project, and its sheets."""

    views: dict[str, RoleView]
    config_files: dict[str, Path]
    sheets_rendered: int
    sheets_reused: int
    #: Per role: a PDF's path in the site -> the HTML it was printed from (for the leak guard).
    sheet_html: dict[str, dict[str, Path]] = field(default_factory=dict)
