"""Which `/// name` blocks content may use comes from the extensions in mkdocs.yml."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools.config import load_config
from build_tools.markdown_ext import BLOCKS
from build_tools.markdown_options import block_names


def _config(site: Path, extensions: str):
    path = site / "mkdocs.yml"
    text = path.read_text()
    start = text.index("markdown_extensions:")
    end = text.index("guides:")
    path.write_text(text[:start] + "markdown_extensions:\n" + extensions + text[end:])
    return load_config(path)


def test_our_blocks_are_always_there(basic_site: Path) -> None:
    names = block_names(_config(basic_site, ""))
    assert {b.NAME for b in BLOCKS} <= names
    assert "note" not in names and "details" not in names


@pytest.mark.parametrize(("extensions", "allowed", "refused"), [
    ("  - pymdownx.blocks.admonition\n", {"admonition", "note", "warning"}, {"details", "tab"}),
    ("  - pymdownx.blocks.details\n  - pymdownx.blocks.tab\n", {"details", "tab"}, {"note"}),
    ("  - pymdownx.blocks.admonition:\n      types: [note, {name: custom, class: custom}]\n", {"custom", "note"}, {"warning"}),
])
def test_pymdownx_blocks_follow_the_configured_extensions(basic_site: Path, extensions: str, allowed: set[str], refused: set[str]) -> None:
    names = block_names(_config(basic_site, extensions))
    assert allowed <= names and not refused & names


def test_an_unknown_block_names_the_blocks_there_are(basic_site: Path) -> None:
    _config(basic_site, "  - pymdownx.blocks.tab\n")
    page = basic_site / "content" / "shared.md"
    page.write_text(page.read_text() + "\n/// note\nA note.\n///\n\n/// tab | One\nA tab.\n///\n")
    from support import guides_in_process
    code, output = guides_in_process("check", "-f", str(basic_site / "mkdocs.yml"), "--today", "2026-11-22")
    assert code == 1
    assert "error block: unknown block `note` (use one of: role, level, picture, signatures, or one the Markdown extensions in mkdocs.yml define (tab))" in output
    assert "unknown block `tab`" not in output
