from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from build_tools.config import load_config
from build_tools.mkdocs_yml import PLUGIN_OPTIONS, MkDocsDumper, MkDocsLoader, line_of
from build_tools.errors import UsageError


def test_mkdocs_only_tags_survive_staging() -> None:
    text = "markdown_extensions:\n- pymdownx.emoji:\n    emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
    assert yaml.dump(yaml.load(text, Loader=MkDocsLoader), Dumper=MkDocsDumper) == text


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
    with pytest.raises(UsageError, match=words.replace(".", r"\.")) as raised:
        load_config(config)
    if words != "repeated: partner":  # a check on the whole list points at its first line
        line = config.read_text().splitlines().index(by.rstrip("\n")) + 1
        assert str(raised.value).startswith(f"{config.resolve()}:{line}: ")


def test_bad_values_are_echoed_and_every_problem_is_listed(basic_site: Path) -> None:
    config = basic_site / "mkdocs.yml"
    config.write_text(config.read_text().replace("    - id: staff\n", "    - id: Staff Team\n").replace("guides:\n", "guides:\n  engine: sphinx\n"))
    with pytest.raises(UsageError) as raised:
        load_config(config)
    lines = str(raised.value).splitlines()
    assert len(lines) == 2
    assert any("guides.engine" in line and "(you wrote `sphinx`)" in line for line in lines)
    assert any("guides.roles.1.id" in line and "(you wrote `Staff Team`)" in line for line in lines)


def test_unreadable_yaml_gives_the_line(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Guides\nsite_url: [https://x.org/\ndocs_dir: content\n")
    with pytest.raises(UsageError, match=r"mkdocs\.yml:3: cannot read YAML: .*that starts at line 2"):
        load_config(config)


keys = st.text(alphabet="abcdefgh_", min_size=1, max_size=6)
trees = st.recursive(st.integers(0, 9) | keys, lambda inner: st.dictionaries(keys, inner, min_size=1, max_size=4), max_leaves=12)


@settings(max_examples=200, deadline=None)
@given(tree=st.dictionaries(keys, trees, min_size=1, max_size=4), data=st.data())
def test_line_of_finds_any_key_in_any_file(tree: dict, data: st.DataObject) -> None:
    text = yaml.safe_dump(tree, default_flow_style=False)
    path, node = [], tree
    while isinstance(node, dict):
        key = data.draw(st.sampled_from(sorted(node)))
        path.append(key)
        node = node[key]
        if not data.draw(st.booleans()):
            break
    line = text.splitlines()[line_of(text, path) - 1]
    assert line.strip().startswith((f"{path[-1]}:", f"'{path[-1]}':"))


def _without_levels(config: Path) -> None:
    text = config.read_text()
    start = text.index("  levels:\n")
    end = text.index("  variables:\n", start)
    config.write_text(text[:start] + text[end:])


def test_levels_are_optional(basic_site: Path) -> None:
    config = basic_site / "mkdocs.yml"
    _without_levels(config)
    loaded = load_config(config)
    assert loaded.guides.levels == () and loaded.level_ids == ()


def test_an_empty_roles_list_is_refused(basic_site: Path) -> None:
    config = basic_site / "mkdocs.yml"
    text = config.read_text()
    config.write_text(text[: text.index("  roles:\n")] + "  roles: []\n" + text[text.index("  levels:\n"):])
    with pytest.raises(UsageError, match=r"guides\.roles: .*at least one"):
        load_config(config)


@pytest.mark.parametrize(
    ("extra", "url", "landing"),
    [
        ("", "https://fixture.example.org/staff/", True),
        ("      site_url: https://intranet.example.org/guides\n", "https://intranet.example.org/guides/", True),
        ("      site_url: http://intranet/\n      landing: false\n", "http://intranet/", False),
    ],
)
def test_role_url_is_the_roles_own_site_url_or_its_folder_of_the_main_one(basic_site: Path, extra: str, url: str, landing: bool) -> None:
    config = basic_site / "mkdocs.yml"
    text = config.read_text()
    staff = text.index("      label: Staff\n")
    config.write_text(text[:staff] + extra + text[staff:])
    loaded = load_config(config)
    assert loaded.role_url("staff") == url and loaded.role("staff").landing is landing
    assert loaded.role_url("partner") == "https://fixture.example.org/partner/"
    assert loaded.landing_link("partner") == "../"
    assert loaded.landing_link("staff") == ("../" if not extra else "https://fixture.example.org/")
    assert loaded.offline_copy().landing_link("partner") == ""


def test_the_engine_defaults_to_mkdocs_and_is_checked(basic_site: Path) -> None:
    config = basic_site / "mkdocs.yml"
    assert load_config(config).guides.engine == "mkdocs"
    config.write_text(config.read_text().replace("guides:\n", "guides:\n  engine: properdocs\n", 1))
    assert load_config(config).guides.engine == "properdocs"
    config.write_text(config.read_text().replace("  engine: properdocs\n", "  engine: mkdocs2\n"))
    with pytest.raises(UsageError, match=r"guides\.engine"):
        load_config(config)


@pytest.mark.parametrize(
    ("add", "words"),
    [
        ("markdown_extensions:\n  - pymdownx.snippets\n", "markdown_extensions: `pymdownx.snippets` is not allowed"),
        ("markdown_extensions:\n  - pymdownx.snippets:\n      base_path: [content]\n", "pymdownx.snippets` is not allowed"),
        ("plugins:\n  - search\n  - include-markdown\n", "plugins: `include-markdown` is not allowed"),
        ("plugins:\n  macros: {include_dir: content}\n", "plugins: `macros` is not allowed"),
    ],
)
def test_extensions_that_include_other_files_are_refused(basic_site: Path, add: str, words: str) -> None:
    """`--8<-- "staff/checklist.md"` in a partner page would be rendered after role filtering."""
    config = basic_site / "mkdocs.yml"
    text = config.read_text()
    if add.startswith("markdown_extensions"):
        text = text.replace("markdown_extensions:\n", add)
    else:
        text += add
    config.write_text(text)
    with pytest.raises(UsageError, match="another role") as caught:
        load_config(config)
    assert words in str(caught.value)


@pytest.mark.parametrize(
    ("plugins", "words"),
    [
        ("plugins:\n  - search: {lang: en, sepratr: x}\n", "plugins: search: unknown option `sepratr` (did you mean `separator`?)"),
        ("plugins:\n  search:\n    lang: en\n    min_length: 3\n", "unknown option `min_length` (did you mean `min_search_length`?)"),
        ("plugins:\n  - material/search: {zzz: 1}\n", "unknown option `zzz` (options are: enabled, lang"),
    ],
)
def test_unknown_options_of_plugins_we_rely_on_are_reported(basic_site: Path, plugins: str, words: str) -> None:
    config = basic_site / "mkdocs.yml"
    config.write_text(config.read_text() + plugins)
    with pytest.raises(UsageError) as caught:
        load_config(config)
    assert words in str(caught.value)


def test_known_plugin_options_pass(basic_site: Path) -> None:
    config = basic_site / "mkdocs.yml"
    config.write_text(config.read_text() + "plugins:\n  - search: {lang: en, separator: '[\\s\\-]+'}\n  - tags: {any_option: 1}\n")
    assert load_config(config).mkdocs["plugins"][0] == {"search": {"lang": "en", "separator": "[\\s\\-]+"}}


@pytest.mark.parametrize("name", sorted(PLUGIN_OPTIONS))
def test_the_plugin_option_lists_match_the_installed_plugins(name: str) -> None:
    """The table is ours (config.py imports nothing from MkDocs); this keeps it true when a pin moves."""
    from mkdocs.plugins import get_plugins

    plugin = get_plugins()[f"material/{name}"].load()
    assert set(PLUGIN_OPTIONS[name]) == {key for key, _ in plugin.config_scheme}


def test_hooks_are_refused(basic_site: Path) -> None:
    config = basic_site / "mkdocs.yml"
    config.write_text(config.read_text() + "\nhooks:\n  - hook.py\n")
    with pytest.raises(UsageError, match="hooks: MkDocs hooks are not allowed"):
        load_config(config)
