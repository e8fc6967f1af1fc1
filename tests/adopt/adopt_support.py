"""A starter project (`guides new`) to vary: the project a new team begins with."""

from __future__ import annotations

from pathlib import Path

from build_tools.scaffold import new_project

STAFF_URL = "https://intranet.example.org/guides/"


def starter(target: Path, staff_url: str | None = None, staff_on_landing: bool = True) -> Path:
    """`guides new target`, with the staff role optionally on a host of its own."""
    new_project(target)
    config = target / "mkdocs.yml"
    text = config.read_text()
    if staff_url:
        text = text.replace("      # site_url: https://intranet.example.org/guides/\n", f"      site_url: {staff_url}\n")
    if not staff_on_landing:
        text = text.replace("      # landing: false\n", "      landing: false\n")
    config.write_text(text)
    return config
