"""Levels are optional: a project without them has no levels page, and any level it uses
is an error that says the project has none."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from adopt_support import starter
from build_tools.config import load_config
from build_tools.content.loader import load_corpus
from build_tools.roles import select
from build_tools.generated_pages import LEVELS_PAGE
from build_tools.stage import staged_settings
from support import guides_in_process


def test_a_project_without_levels_has_no_levels_page(tmp_path: Path) -> None:
    config = load_config(starter(tmp_path))
    assert config.guides.levels == ()
    corpus, _ = load_corpus(config.docs_dir)
    settings = staged_settings(select(corpus, config, "public"), config, date(2027, 1, 1), {})
    assert LEVELS_PAGE not in str(settings["nav"])
    ours = next(e for e in settings["markdown_extensions"] if isinstance(e, dict) and "build_tools.markdown_ext" in e)
    assert ours["build_tools.markdown_ext"]["levels"] == {}
    assert not any(css.endswith("guides-levels.css") for css in settings["extra_css"])  # no level colours to declare


def test_levels_used_without_levels_configured_are_errors_that_say_so(tmp_path: Path) -> None:
    config_file = starter(tmp_path)
    page = tmp_path / "content" / "guides" / "taking-part.md"
    text = page.read_text().replace("order: 1\n", "order: 1\nlevel: green\n", 1)
    page.write_text(text + "\n/// level | blue\nAbout blue.\n///\n")
    code, output = guides_in_process("check", "-f", str(config_file))
    assert code == 1
    level_line = text.splitlines().index("level: green") + 1
    block_line = len(text.splitlines()) + 2
    assert f"content/guides/taking-part.md:{level_line}: error unknown-level: level `green`, but this project has no involvement levels" in output
    assert f"content/guides/taking-part.md:{block_line}: error unknown-level: level `blue` in level block, but this project has no involvement levels" in output
    assert "list levels under `guides.levels` in mkdocs.yml" in output


def test_with_levels_configured_an_unknown_level_lists_them(tmp_path: Path) -> None:
    config_file = starter(tmp_path)
    text = config_file.read_text()
    start = text.index("  # levels:\n")
    block = text[start:text.index("\n\n", start)]
    uncommented = "\n".join(line.replace("# ", "", 1) for line in block.splitlines())
    config_file.write_text(text.replace(block, uncommented))
    assert [lv.id for lv in load_config(config_file).guides.levels] == ["blue", "green"]
    page = tmp_path / "content" / "guides" / "taking-part.md"
    page.write_text(page.read_text().replace("order: 1\n", "order: 1\nlevel: amber\n", 1))
    code, output = guides_in_process("check", "-f", str(config_file))
    assert code == 1 and "unknown level `amber` (use one of: blue, green)" in output
