"""One row of the authors' report: a page's metadata beside its readability result."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from build_tools.readability.check import PageReadability


@dataclass(frozen=True)
class ReportRow:
    """What the caller knows about a page (from its front matter and the build) plus the check."""

    readability: PageReadability
    title: str
    #: Role ids that can read the page.
    roles: tuple[str, ...] = ()
    #: Involvement level id (`blue`, `amber`, `green`) or None.
    level: str | None = None
    review_due: date | None = None
    #: Easy-read status in words, e.g. "easy-read page", "easy-read version up to date",
    #: "easy-read version out of date", "no easy-read version".
    easy_status: str = ""
    #: Role id -> URL of the page in that role's site (relative to the report is fine).
    urls: Mapping[str, str] = field(default_factory=dict)

    @property
    def path(self) -> str:
        return self.readability.path

    @property
    def page_type(self) -> str:
        return self.readability.page_type

    def as_dict(self) -> dict[str, object]:
        """The JSON shape of one page in `readability.json`."""
        page = self.readability
        return {
            "path": page.path,
            "title": self.title,
            "roles": list(self.roles),
            "type": page.page_type,
            "easy_read": page.is_easy,
            "level": self.level,
            "review_due": self.review_due.isoformat() if self.review_due else None,
            "easy_status": self.easy_status,
            "urls": dict(self.urls),
            "metrics": dict(page.metrics),
            "limits": dict(page.limits),
            "errors": page.errors,
            "warnings": page.warnings,
            "rule_counts": page.rule_counts,
            "findings": [finding.as_dict() for finding in page.findings],
        }
