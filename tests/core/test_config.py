from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from build_tools.config import MkDocsDumper, _MkDocsLoader, load_config
from build_tools.errors import UsageError


def test_mkdocs_only_tags_survive_staging() -> None:
    text = "markdown_extensions:\n- pymdownx.emoji:\n    emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
    assert yaml.dump(yaml.load(text, Loader=_MkDocsLoader), Dumper=MkDocsDumper) == text


@pytest.mark.parametrize(
    ("replace", "by", "words"),
    [
        ("    - id: staff\n", "    - id: Staff Team\n", "guides.roles.1.id"),
        ("      colour: \"#1d6b2f\"\n", "      colour: green\n", "guides.levels.2.colour"),
        ("  variables:\n", "  variabels:\n", "variabels"),
        ("    - id: staff\n", "    - id: partner\n", "repeated: partner"),
    ],
)
def test_bad_guides_section_names_the_key(basic_site: Path, replace: str, by: str, words: str) -> None:
    config = basic_site / "mkdocs.yml"
    assert replace in config.read_text()
    config.write_text(config.read_text().replace(replace, by))
    with pytest.raises(UsageError, match=words.replace(".", r"\.")):
        load_config(config)
