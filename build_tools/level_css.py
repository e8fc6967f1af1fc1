"""The level badges' colours, as CSS generated from `guides.levels` in mkdocs.yml.

Declared once: each role's site gets this stylesheet from staging, and the sheets draw
their badges from the same configuration (`partials/_sheet.html`). The theme's
guides.css holds only what every level shares.
"""

from __future__ import annotations

from collections.abc import Iterable

from build_tools.config import Level

#: Where each staged site carries it, beside the theme's own stylesheet.
LEVEL_CSS = "assets/stylesheets/guides-levels.css"


def level_css(levels: Iterable[Level]) -> str:
    """`--guides-<id>` for each level, its badge's background and its block's border."""
    lines = ["/* Generated from guides.levels in mkdocs.yml by guides: edit the colours there. */", ":root {"]
    levels = list(levels)
    lines += [f"  --guides-{level.id}: {level.colour};" for level in levels]
    lines.append("}")
    for level in levels:
        lines.append(f".guides-badge--{level.id} {{ background-color: var(--guides-{level.id}); }}")
        lines.append(f".guides-level--{level.id} {{ border-left-color: var(--guides-{level.id}); }}")
    return "\n".join(lines) + "\n"
