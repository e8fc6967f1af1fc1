"""What staging writes for a page: its address, and the front matter MkDocs and Material read."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from build_tools.config import load_config
from build_tools.content.loader import load_corpus
from build_tools.roles import select
from build_tools.stage import staged_settings, staged_text
from build_tools.urls import output_file, page_url


@pytest.mark.parametrize(
    ("directory_urls", "path", "url", "output"),
    [
        (True, "index.md", "", "index.html"),
        (True, "more/README.md", "more/", "more/index.html"),
        (True, "more/page.md", "more/page/", "more/page/index.html"),
        (False, "index.md", "index.html", "index.html"),
        (False, "more/README.md", "more/index.html", "more/index.html"),
        (False, "more/page.md", "more/page.html", "more/page.html"),
        (True, "pics/a.png", "pics/a.png", "pics/a.png"),
    ],
)
def test_page_addresses_match_what_mkdocs_writes(basic_site: Path, directory_urls: bool, path: str, url: str, output: str) -> None:
    config_file = basic_site / "mkdocs.yml"
    config_file.write_text(config_file.read_text() + f"\nuse_directory_urls: {str(directory_urls).lower()}\n")
    config = load_config(config_file)
    assert page_url(path, config) == url
    assert output_file(path, config) == output


def test_material_keys_reach_the_staged_page_and_navigation_keys_the_config(basic_site: Path) -> None:
    page = basic_site / "content" / "shared.md"
    text = page.read_text()
    page.write_text(text.replace("---\n", "---\nsubtitle: For everyone\nhide: [toc]\n", 1))
    config = load_config(basic_site / "mkdocs.yml")
    corpus, _ = load_corpus(config.docs_dir)
    view = select(corpus, config, "partner")
    staged = staged_text(view.pages["shared.md"], {"type": "guide"}, config)
    meta = yaml.safe_load(staged.split("---\n")[1])
    assert meta["subtitle"] == "For everyone" and meta["hide"] == ["toc"] and meta["guides"] == {"type": "guide"}
    assert len(staged.splitlines()) >= len(text.splitlines()) + 2  # body lines keep their numbers
    settings = staged_settings(view, config, date(2026, 11, 22), {})
    assert settings["extra"]["guides"]["nav_meta"] == {"shared.md": {"subtitle": "For everyone"}}
