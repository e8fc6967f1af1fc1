"""Addresses: the URL MkDocs gives each page, links between pages of one role's site,
and the absolute addresses printed on paper. Link targets as written in content are
resolved in `content/links.py`; everything here starts from a content-relative path.
"""

from __future__ import annotations

import posixpath
from pathlib import PurePosixPath

from build_tools.config import Config


def page_url(path: str, config: Config, online: bool = False) -> str:
    """The URL MkDocs gives a source file, relative to the site root; `online`: in the
    published site even when staging an offline copy (addresses printed on paper)."""
    if not path.endswith(".md"):
        return path
    stem = path[:-3]
    name = PurePosixPath(stem).name
    directory_urls = config.mkdocs.get("use_directory_urls", True) and not (config.offline and not online)
    if name in ("index", "README"):  # MkDocs serves both as the folder's index page
        parent = str(PurePosixPath(stem).parent)
        folder = "" if parent == "." else parent + "/"
        return folder if directory_urls else folder + "index.html"
    return stem + "/" if directory_urls else stem + ".html"


def output_file(path: str, config: Config) -> str:
    """The file MkDocs writes for a source file, relative to the site folder."""
    url = page_url(path, config)
    return url + "index.html" if path.endswith(".md") and (not url or url.endswith("/")) else url


def relative_url(from_page: str, to_path: str, config: Config) -> str:
    """Link from one page's URL to another page's URL (or to a file)."""
    here = page_url(from_page, config)
    here_dir = here if here.endswith("/") or not here else posixpath.dirname(here) + "/"
    target = page_url(to_path, config)
    rel = posixpath.relpath("/" + target, "/" + here_dir)
    return rel + "/" if target.endswith("/") or not target else rel


def human_size(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


def online_url(config: Config, role_id: str, path: str) -> str:
    """`recruiting/quick-guide.md` -> `https://…/staff/recruiting/quick-guide/`; "" without a site_url."""
    base = config.role_url(role_id)
    return f"{base}{page_url(path, config, online=True)}" if base else ""


def short_address(url: str) -> str:
    """What to print for a URL: `https://a.org/x/` -> `a.org/x/`, `mailto:a@b.org` -> `a@b.org`."""
    for prefix in ("https://", "http://", "mailto:", "tel:"):
        if url.startswith(prefix):
            return url[len(prefix):]
    return url
