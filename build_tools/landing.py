"""`site/index.html`: tells each reader, in plain words, which site is theirs."""

from __future__ import annotations

import shutil
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from build_tools.config import Config


def write_landing(site_dir: Path, config: Config, role_ids: list[str]) -> None:
    env = Environment(loader=FileSystemLoader(config.partials_dirs), autoescape=select_autoescape(["html"]))
    html = env.get_template("landing.html").render(
        site_name=config.site_name,
        org=config.guides.variables.get("org", {}),
        language=config.language,
        roles=[config.role(r) for r in role_ids],
        # A role on a host of its own is linked at its address; the others sit beside this page.
        hrefs={r: config.role_url(r) if config.role(r).site_url else f"{r}/" for r in role_ids},
    )
    (site_dir / "index.html").write_text(html, encoding="utf-8")
    fonts = config.custom_dir / "assets" / "fonts"
    if fonts.is_dir():
        shutil.copytree(fonts, site_dir / "assets" / "fonts", dirs_exist_ok=True)
