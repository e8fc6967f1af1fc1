"""`site/index.html`: tells each reader, in plain words, which site is theirs."""

from __future__ import annotations

import shutil
from pathlib import Path

from build_tools.config import Config
from build_tools.icons import icons_dir
from build_tools.templating import template_environment


def write_landing(site_dir: Path, config: Config, role_ids: list[str]) -> None:
    html = template_environment(config.partials_dirs).get_template("landing.html").render(
        site_name=config.site_name,
        org=config.guides.variables.get("org", {}),
        language=config.language,
        roles=[config.role(r) for r in role_ids],
        # A role on a host of its own is linked at its address; the others sit beside this page.
        hrefs={r: config.role_url(r) if config.role(r).site_url else f"{r}/" for r in role_ids},
        favicon=FAVICON if favicon(config) else None,
    )
    (site_dir / "index.html").write_text(html, encoding="utf-8")
    fonts = config.custom_dir / "assets" / "fonts"
    if fonts.is_dir():
        shutil.copytree(fonts, site_dir / "assets" / "fonts", dirs_exist_ok=True)
    if icon := favicon(config):
        (site_dir / FAVICON).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(icon, site_dir / FAVICON)


#: Where the landing page's icon is published (role sites carry their own copy).
FAVICON = "assets/images/favicon.png"


def favicon(config: Config) -> Path | None:
    """The role sites' icon: `theme.favicon` from the theme overrides, else Material's own."""
    theme = config.mkdocs.get("theme") or {}
    name = str(theme.get("favicon") or FAVICON) if isinstance(theme, dict) else FAVICON
    for base in (config.custom_dir, icons_dir().parent):
        if (base / name).is_file():
            return base / name
    return None
