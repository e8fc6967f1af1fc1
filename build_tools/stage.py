"""Write one role's content as a plain MkDocs project: `docs/` plus `mkdocs.yml`.

The staged project holds only what the role may read, so nothing MkDocs
produces from it (pages, search index, sitemap, 404 page) can hold another
role's text. Files are written only when their bytes change, so an unchanged
role hashes the same and `mkdocs serve` reloads only what moved.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from build_tools.config import Config
from build_tools.content.links import html_media_one_folder_up
from build_tools.content.model import Corpus, Document
from build_tools.generated_pages import HOME_PAGE, LEVELS_PAGE, has_levels_page, home_page, levels_page
from build_tools.level_css import LEVEL_CSS, level_css
from build_tools.markdown_options import our_extensions
from build_tools.mkdocs_yml import MkDocsDumper
from build_tools.resources import offline_search_shim
from build_tools.roles import RoleView, StagedPage, substitute_variables
from build_tools.sheets.model import DEFAULT_RATINGS
from build_tools.urls import human_size, page_url, relative_url

#: The theme layer's stylesheet and script, included even when mkdocs.yml does not list them.
THEME_CSS = "assets/stylesheets/guides.css"
EASY_READ_CSS = "assets/stylesheets/easy-read.css"
THEME_JS = "assets/javascripts/read-aloud.js"
_LINE_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
#: Front matter keys Material reads from a page (passed through to the staged page), and
#: those of them that every page's navigation shows (also put in the staged mkdocs.yml, so
#: that changing one rebuilds the whole role: see incremental.py).
THEME_KEYS = ("hide", "description", "icon", "status", "subtitle", "template", "tags", "search")
NAV_KEYS = ("icon", "status", "subtitle")
#: Above this many pages a role's site renders only the open part of the navigation on each
#: page (Material's `navigation.prune`): with the whole tree on every page, MkDocs' time per
#: page grows with the size of the site.
PRUNE_NAV_ABOVE = 250
#: Where an offline copy carries the shim that lets search run from `file://`.
OFFLINE_SHIM = "assets/javascripts/iframe-worker-shim.js"


@dataclass(frozen=True)
class SheetLink:
    """A printable PDF written beside a page in the staged docs."""

    path: str  # content-relative, e.g. recruiting/quick-guide.pdf
    size_bytes: int


def stage_role(
    view: RoleView,
    corpus: Corpus,
    config: Config,
    project_dir: Path,
    today: date,
    sheets: dict[str, SheetLink],
) -> Path:
    """Write the role's project into `project_dir`; return its mkdocs.yml path.

    `sheets` maps a page path to its PDF, which the caller has already placed in
    `project_dir/docs/`.
    """
    docs = project_dir / "docs"
    wanted: dict[str, bytes] = {
        path: staged_text(page, page_data(page, view, config, today, sheets), config).encode("utf-8")
        for path, page in view.pages.items()
    }
    if has_levels_page(view, config):
        wanted[LEVELS_PAGE] = levels_page(view, config).encode("utf-8")
    if HOME_PAGE not in view.pages:
        wanted[HOME_PAGE] = home_page(view, config).encode("utf-8")
    if config.guides.levels:
        wanted[LEVEL_CSS] = level_css(config.guides.levels).encode("utf-8")
    if config.offline:
        wanted[OFFLINE_SHIM] = offline_search_shim()
    for asset in view.assets:
        wanted[asset] = (config.docs_dir / asset).read_bytes()
    keep = set(wanted) | {s.path for s in sheets.values()}
    _sync(docs, wanted, keep)

    settings = staged_settings(view, config, today, sheets)
    _write_if_changed(project_dir / "mkdocs.yml", yaml.dump(settings, Dumper=MkDocsDumper, sort_keys=False, allow_unicode=True).encode("utf-8"))
    return project_dir / "mkdocs.yml"


def served_text(page: StagedPage, config: Config) -> str:
    """The staged page's text, with raw HTML picture addresses fixed for where MkDocs serves it."""
    path = page.document.path
    if page_url(path, config) != path[:-3] + "/" or "<" not in page.text:
        return page.text
    return html_media_one_folder_up(page.text, page.document.code)


def staged_settings(view: RoleView, config: Config, today: date, sheets: dict[str, SheetLink]) -> dict[str, Any]:
    settings = copy.deepcopy(config.mkdocs)
    role = config.role(view.role_id)
    settings["docs_dir"] = "docs"
    settings.pop("site_dir", None)
    if config.role_url(role.id):  # sitemap and canonical links
        settings["site_url"] = config.role_url(role.id)
    settings["site_name"] = f"{config.site_name}: {role.label}"
    theme = dict(settings.get("theme") or {"name": "material"})
    theme["custom_dir"] = str(config.custom_dir)
    theme["font"] = False  # never Google Fonts: readers sit behind firewalls; our CSS brings the font
    for key, asset in (("extra_css", THEME_CSS), ("extra_css", EASY_READ_CSS), ("extra_javascript", THEME_JS)):
        listed = list(settings.get(key) or [])
        if (config.custom_dir / asset).is_file() and asset not in listed:
            listed.append(asset)
        settings[key] = listed
    if config.guides.levels:
        settings["extra_css"].append(LEVEL_CSS)
    features = list(theme.get("features") or [])
    if len(view.pages) > PRUNE_NAV_ABOVE and "navigation.prune" not in features:
        features.append("navigation.prune")
    theme["features"] = features
    settings["theme"] = theme
    settings["nav"] = navigation(view, config)
    extensions = list(settings.get("markdown_extensions") or [])
    extensions += [{name: options} for name, options in our_extensions(config, view.role_id).items()]
    settings["markdown_extensions"] = extensions
    extra = dict(settings.get("extra") or {})
    extra["guides"] = {
        "role": {"id": role.id, "label": role.label},
        "landing": config.landing_link(role.id),
        #: The landing page's full address, for the 404 page (served at any depth).
        "landing_url": config.site_url,
    }
    if nav_meta := {path: meta for path, page in sorted(view.pages.items()) if (meta := theme_meta(page.document, NAV_KEYS))}:
        extra["guides"]["nav_meta"] = nav_meta  # read by no template: shown in every page's navigation
    settings["extra"] = extra
    if config.offline:
        offline_settings(settings)
    return settings


def theme_meta(doc: Document, keys: tuple[str, ...] = THEME_KEYS) -> dict[str, Any]:
    """The front matter keys Material reads itself (`hide`, `icon`, …) that the page sets."""
    return {key: value for key in keys if (value := getattr(doc.meta, key)) is not None}


def staged_text(page: StagedPage, data: dict[str, Any], config: Config) -> str:
    """The page as MkDocs reads it: its front matter becomes one line holding its title and
    what the theme shows around it (`page.meta.guides`), padded with blank lines so every
    body line keeps its number. Per-page data lives here, not in mkdocs.yml: MkDocs parses
    its config with pure-Python YAML on every run, and an edit stays local to its page.
    A page with no front matter gains three lines at the top."""
    doc = page.document
    meta = {"title": doc.title, "guides": data, **theme_meta(doc)}
    head = yaml.dump(meta, Dumper=_LINE_DUMPER, default_flow_style=True,
                     width=2**31 - 1, allow_unicode=True, sort_keys=True).strip()
    room = doc.body_start - 3  # lines between the two `---` fences
    padding = [""] * (room - 1) if room >= 1 else []
    body = served_text(page, config).removesuffix("\n").split("\n")[doc.body_start - 1:]
    return "\n".join(["---", head, *padding, "---", *body]) + "\n"


def offline_settings(settings: dict[str, Any]) -> None:
    """A site that works from `file://`: Material's `offline` plugin (search without a server,
    no external requests) and `.html` page addresses, as a browser opens no folder's index.
    The plugin would load its worker shim from unpkg.com; naming our copy stops it.
    No `site_url`: its canonical links would name `.html` addresses that exist nowhere online
    (the QR codes and printed addresses on its sheets still lead to the role's site)."""
    settings.pop("site_url", None)
    plugins = [p for p in (settings.get("plugins") or ["search"]) if p != "offline"]
    names = {next(iter(p)) if isinstance(p, dict) else str(p) for p in plugins}
    settings["plugins"] = [*plugins, *([] if "search" in names else ["search"]), "offline"]
    settings["use_directory_urls"] = False
    settings["extra"]["polyfills"] = [OFFLINE_SHIM]


def page_data(page: StagedPage, view: RoleView, config: Config, today: date, sheets: dict[str, SheetLink]) -> dict[str, Any]:
    """What the theme shows around a page: badges, notices, the easy-read switch, the PDF."""
    doc = page.document
    meta = doc.meta
    data: dict[str, Any] = {
        "type": meta.type,
        "easy": doc.is_easy,
        "version": meta.version,
        "owner": substitute_variables(meta.owner, config) if meta.owner else None,
        "review_due": meta.review_due.isoformat() if meta.review_due else None,
        "review_due_words": long_date(meta.review_due) if meta.review_due else None,
        "overdue": bool(meta.review_due and meta.review_due < today),
        "level": None,
        "companion": None,
        "sheet": None,
        "back": back_link(doc, view, config) if doc.is_easy else None,
        "ratings": list(meta.ratings or DEFAULT_RATINGS) if meta.type == "self-assessment" else None,
    }
    if meta.level and meta.level in config.level_ids:
        level = config.level(meta.level)
        # The badge links to the page that explains the levels (the role's own or the generated one).
        data["level"] = {"id": level.id, "label": level.label, "meaning": level.meaning, "href": relative_url(doc.path, LEVELS_PAGE, config)}
    if doc.companion_path in view.pages:
        data["companion"] = {
            "href": relative_url(doc.path, doc.companion_path, config),
            "label": "Standard version" if doc.is_easy else "Easy read version",
        }
    if sheet := sheets.get(doc.path):
        data["sheet"] = {"href": relative_url(doc.path, sheet.path, config), "size": human_size(sheet.size_bytes)}
    return data


def back_link(doc: Document, view: RoleView, config: Config) -> dict[str, str]:
    """Where an easy-read page's "Back to…" link leads: its folder's index page, else home."""
    folder_index = f"{doc.folder}/{HOME_PAGE}" if doc.folder else HOME_PAGE
    target = folder_index if folder_index in view.pages and folder_index != doc.path else HOME_PAGE
    title = view.pages[target].document.title if target in view.pages else "Home"
    return {"href": relative_url(doc.path, target, config), "title": title if target != HOME_PAGE else "the home page"}


def long_date(day: date) -> str:
    """`30 June 2027`: dates in words, unambiguous for every reader (pages and sheets)."""
    return f"{day.day} {day:%B %Y}"


def navigation(view: RoleView, config: Config) -> list[Any]:
    """The nav, from folders: index pages first, then by `order`, then title; easy-read
    versions right after their standard page."""
    tree: dict[str, Any] = {}
    for path in view.pages:
        node = tree
        for part in PurePosixPath(path).parts[:-1]:
            node = node.setdefault(part + "/", {})
        node[path] = view.pages[path].document
    nav = _nav_items(tree, "", view)
    if has_levels_page(view, config):
        nav.append({"Pages by involvement level": LEVELS_PAGE})
    if HOME_PAGE not in view.pages:
        nav.insert(0, {"Home": HOME_PAGE})
    return nav


def _nav_items(node: dict[str, Any], folder: str, view: RoleView) -> list[Any]:
    entries: list[tuple[tuple[Any, ...], Any]] = []
    for key, value in node.items():
        if isinstance(value, dict):
            sub = folder + key
            index = view.pages.get(sub + "index.md")
            title = index.document.title if index else key.rstrip("/").replace("-", " ").capitalize()
            order = index.document.meta.order if index and index.document.meta.order is not None else float("inf")
            entries.append(((1, order, title.lower(), 0), {title: _nav_items(value, sub, view)}))
        else:
            doc: Document = value
            entries.append((_page_sort_key(doc, view), {doc.title: doc.path}))
    return [item for _, item in sorted(entries, key=lambda e: e[0])]


def _page_sort_key(doc: Document, view: RoleView) -> tuple[Any, ...]:
    if PurePosixPath(doc.path).name == "index.md":
        return (0, 0, "", 0)
    anchor = doc
    if doc.is_easy and (standard := view.pages.get(doc.companion_path)):
        anchor = standard.document
    order = anchor.meta.order if anchor.meta.order is not None else float("inf")
    return (1, order, anchor.title.lower(), 1 if doc.is_easy else 0)


def _sync(docs: Path, wanted: dict[str, bytes], keep: set[str]) -> None:
    for rel, data in wanted.items():
        _write_if_changed(docs / rel, data)
    if docs.exists():
        for path in sorted(docs.rglob("*"), reverse=True):
            rel = path.relative_to(docs).as_posix()
            if path.is_file() and rel not in keep:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()


def _write_if_changed(path: Path, data: bytes) -> None:
    if path.is_file() and path.read_bytes() == data:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
