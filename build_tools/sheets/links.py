"""Addresses printed on sheets: where a page lives online, and where its links go.

Paper cannot follow a relative link, so every link to another page becomes the
absolute address of that page in the same role's site.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from build_tools.config import Config
from build_tools.stage import page_url

SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def online_url(config: Config, role_id: str, path: str) -> str:
    """`recruiting/quick-guide.md` -> `https://…/staff/recruiting/quick-guide/`; "" without a site_url."""
    home = config.role_url(role_id)
    return f"{home}{page_url(path, config)}" if home else ""


def short_address(url: str) -> str:
    """What to print for a URL: `https://a.org/x/` -> `a.org/x/`, `mailto:a@b.org` -> `a@b.org`."""
    for prefix in ("https://", "http://", "mailto:", "tel:"):
        if url.startswith(prefix):
            return url[len(prefix):]
    return url


def resolve(folder: str, target: str) -> str | None:
    """A local link target relative to `folder` -> content-relative path (fragment kept),
    or None when it points outside the content folder."""
    path, _, fragment = target.partition("#")
    joined = posixpath.normpath(posixpath.join(folder, path)) if path else ""
    if joined == ".." or joined.startswith("../"):
        return None
    if joined == ".":
        joined = ""
    return joined + (f"#{fragment}" if fragment else "")


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
        resolved = resolve(folder, target)
        if resolved is None or not self.config.role_url(self.role_id):
            return None
        path, _, fragment = resolved.partition("#")
        tail = f"#{fragment}" if fragment else ""
        if path.endswith(".md"):
            return online_url(self.config, self.role_id, path) + tail if path in self.pages else None
        if path in self.assets:
            return f"{self.config.role_url(self.role_id)}{path}"
        return None
