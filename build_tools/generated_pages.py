"""Pages a role's site gets that no author wrote: a home page when the content has none
for the role, and "Pages by involvement level" when levels are configured and the
content has no `involvement-levels.md` of its own for the role."""

from __future__ import annotations

from build_tools.config import Config
from build_tools.roles import RoleView

LEVELS_PAGE = "involvement-levels.md"
#: Every role site needs a home page (the landing page links to it); made when the content has none for the role.
HOME_PAGE = "index.md"


def has_levels_page(view: RoleView, config: Config) -> bool:
    """The generated levels page exists when levels are configured and the content has none."""
    return bool(config.guides.levels) and LEVELS_PAGE not in view.pages


def levels_page(view: RoleView, config: Config) -> str:
    """A generated page: what this role's site has, by involvement level."""
    lines = [
        "---", "title: Pages by involvement level", "type: overview", "---", "",
        "# Pages by involvement level", "",
        f"Involvement has {len(config.guides.levels)} levels. Each page or part of a page about a level says so in words.", "",
    ]
    for level in config.guides.levels:
        lines += [f"## {level.label}", "", level.meaning, ""]
        found = []
        for path, page in view.pages.items():
            doc = page.document
            blocks = [b for b in doc.blocks if b.name == "level" and b.argument == level.id and page.lines[b.start - 1]]
            if doc.meta.level == level.id or blocks:
                found.append(f"- [{doc.title}]({path})")
        lines += sorted(found, key=str.lower) or ["No pages for this level yet."]
        lines.append("")
    return "\n".join(lines)


def home_page(view: RoleView, config: Config) -> str:
    """A generated home page: who the site is for, and its pages by folder."""
    role = config.role(view.role_id)
    lines = ["---", "title: Home", "type: overview", "---", "", f"# {config.site_name}", "", role.description, ""]
    for path in sorted(view.pages, key=lambda p: (p.count("/"), p)):
        doc = view.pages[path].document
        lines.append(f"- [{doc.title}]({path})")
    lines.append("")
    return "\n".join(lines)
