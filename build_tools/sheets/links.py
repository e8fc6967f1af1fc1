"""Links on sheets: where each link of a page goes on paper.

Paper cannot follow a relative link, so every link to another page becomes the
absolute address of that page in the same role's site.
"""

from __future__ import annotations

from dataclasses import dataclass

from build_tools.config import Config
from build_tools.content.links import SCHEME, resolve_with_fragment
from build_tools.urls import online_url


@dataclass(frozen=True)
class LinkMap:
    """Turns the links of one role's page into addresses that work on paper."""

    config: Config
    role_id: str
    #: Pages this role can read, and files its site carries.
    pages: frozenset[str]
    assets: frozenset[str]

    def online(self, folder: str, target: str) -> str | None:
        """The absolute address for a link written in a page in `folder`, or None when the
        link has no address on paper (no site_url, or a page this role cannot read, which
        validation reports: a sheet must never point at a page its reader cannot open)."""
        if SCHEME.match(target) or target.startswith("//"):
            return target
        if target.startswith("#"):
            return target
        resolved = resolve_with_fragment(folder, target)
        if resolved is None or not self.config.role_url(self.role_id):
            return None
        path, _, fragment = resolved.partition("#")
        tail = f"#{fragment}" if fragment else ""
        if path.endswith(".md"):
            return online_url(self.config, self.role_id, path) + tail if path in self.pages else None
        if path in self.assets:
            return f"{self.config.role_url(self.role_id)}{path}"
        return None
