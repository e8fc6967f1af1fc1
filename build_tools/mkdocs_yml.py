"""`mkdocs.yml` as MkDocs reads it: YAML with MkDocs' tags, and the checks on MkDocs' own
sections (Markdown extensions and plugins) that MkDocs would only warn about, or not see.

`config.load_config` reads the file with `MkDocsLoader` and runs `check_mkdocs_sections`;
staging writes each role's mkdocs.yml with `MkDocsDumper`, tags as they were read.
"""

from __future__ import annotations

import difflib
from importlib.util import find_spec
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from build_tools.errors import UsageError


class MkDocsLoader(yaml.SafeLoader):
    """Safe YAML that keeps MkDocs' `!!python/name:` and `!ENV` tags as text.

    They are only meaningful to MkDocs itself, which reads them again from the
    staged config; here they must not stop us from reading our own section.
    """


def _keep_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return _Tagged(node.tag, loader.construct_scalar(node))
    if isinstance(node, yaml.SequenceNode):
        return _Tagged(node.tag, loader.construct_sequence(node))
    return _Tagged(node.tag, loader.construct_mapping(node))


MkDocsLoader.add_multi_constructor("tag:yaml.org,2002:python/", _keep_tag)
MkDocsLoader.add_multi_constructor("!", _keep_tag)


class _Tagged:
    """A YAML value with a custom tag, written back out with the same tag."""

    def __init__(self, tag: str, value: Any) -> None:
        self.tag, self.value = tag, value


def _represent_tagged(dumper: yaml.SafeDumper, data: _Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, data.value)


class MkDocsDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Writes staged configs (libyaml's emitter when PyYAML has it: a staged config holds
    every page's badges and links), keeping tags read by `MkDocsLoader`."""


MkDocsDumper.add_representer(_Tagged, _represent_tagged)


def line_of(text: str, path: Sequence[str | int]) -> int:
    """The line (from 1) of the deepest key or list item along `path` in YAML `text`,
    e.g. `("guides", "roles", 1, "id")`; 1 when the text cannot be read."""
    try:
        node = yaml.compose(text, Loader=MkDocsLoader)
    except yaml.YAMLError:
        return 1
    line = 1
    for part in path:
        if isinstance(node, yaml.MappingNode):
            found = next(((k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == str(part)), None)
            if found is None:
                break
            line, node = found[0].start_mark.line + 1, found[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            break
    return line


def yaml_error(config_file: Path, exc: yaml.YAMLError) -> str:
    """`path:line: cannot read YAML: what (how to fix)` from PyYAML's error."""
    mark = getattr(exc, "problem_mark", None)
    where = f"{config_file}:{mark.line + 1}" if mark is not None else str(config_file)
    problem = getattr(exc, "problem", None) or str(exc)
    context, start = getattr(exc, "context", None), getattr(exc, "context_mark", None)
    if context and start is not None and start.line != getattr(mark, "line", None):
        context += f" that starts at line {start.line + 1}"
    return (f"{where}: cannot read YAML: {problem}{f' ({context})' if context else ''} "
            "(check indentation, colons and quotes; quote text that contains `: ` or starts with `{` or `[`)")


def check_mkdocs_sections(config_file: Path, raw: dict[str, Any]) -> None:
    """Add the Markdown extensions our syntax needs, then refuse what would break a build
    or role isolation: extensions not installed, file includes, unknown plugin options."""
    raw["markdown_extensions"] = with_required_extensions(raw.get("markdown_extensions") or [])
    _check_extensions(config_file, raw["markdown_extensions"])
    _refuse_file_includes(config_file, raw)
    _check_plugin_options(config_file, raw.get("plugins"))


def _check_extensions(config_file: Path, extensions: list[Any]) -> None:
    """Every Markdown extension must be installed: the pages and the printed sheets both use them."""
    missing = []
    for entry in extensions:
        name = next(iter(entry)) if isinstance(entry, dict) else str(entry)
        if not (_importable(name) or _importable(f"markdown.extensions.{name}")):
            missing.append(name)
    if missing:
        raise UsageError(f"{config_file}: markdown_extensions: not installed: {', '.join(missing)} (check the spelling, or install the package that provides it)")


#: Extensions and plugins that copy another file's text into a page while MkDocs renders it:
#: after role filtering, so a partner page could pull in a staff-only page or block.
FILE_INCLUDES = {
    "markdown_extensions": ("pymdownx.snippets",),
    "plugins": ("include-markdown", "macros"),
}

#: Options of the MkDocs plugins our builds rely on (Material's `search`, which the theme
#: puts in place of MkDocs' own, and `offline`). A test keeps this list equal to what the
#: installed plugins accept; MkDocs itself only warns about an unknown option, and ignores it.
PLUGIN_OPTIONS = {
    "search": ("enabled", "lang", "separator", "pipeline", "fields", "jieba_dict", "jieba_dict_user", "indexing", "prebuild_index", "min_search_length"),
    "offline": ("enabled",),
}


def _refuse_file_includes(config_file: Path, raw: dict[str, Any]) -> None:
    """Refuse what would bypass role filtering by reading other files at render time."""
    if raw.get("hooks"):
        raise UsageError(
            f"{config_file}: hooks: MkDocs hooks are not allowed: each role's site is built from a staged copy "
            "of the content, and a hook runs there with every role's files within reach and outside what "
            "`guides` checks and caches (remove `hooks:`; put site-wide changes in the theme layer, custom_dir)"
        )
    for section, names in FILE_INCLUDES.items():
        for name, _ in _entries(raw.get(section)):
            if name in names or name.removeprefix("material/") in names:
                raise UsageError(
                    f"{config_file}: {section}: `{name}` is not allowed: it copies other files into a page while "
                    "the site is built, after each role's text has been filtered, so one role's page could pull in "
                    "a page or block meant only for another role (remove it; link to a shared page, or use a role block)"
                )


def _check_plugin_options(config_file: Path, plugins: Any) -> None:
    """Unknown options of the plugins we rely on are errors, with a "did you mean"."""
    problems = []
    for name, options in _entries(plugins):
        known = PLUGIN_OPTIONS.get(name.removeprefix("material/"))
        if known is None or not isinstance(options, dict):
            continue
        for key in options:
            if key not in known:
                close = difflib.get_close_matches(str(key), known, n=1)
                hint = f"did you mean `{close[0]}`?" if close else f"options are: {', '.join(known)}"
                problems.append(f"  plugins: {name}: unknown option `{key}` ({hint})")
    if problems:
        raise UsageError("\n".join([f"{config_file}: a plugin option is not valid:", *problems]))


def _entries(section: Any) -> list[tuple[str, Any]]:
    """`[a, {b: {...}}]` or `{a: {...}}` -> [(name, options)], as MkDocs reads both forms."""
    if isinstance(section, dict):
        return [(str(k), v) for k, v in section.items()]
    if not isinstance(section, list):
        return []
    return [(str(next(iter(e))), next(iter(e.values()))) if isinstance(e, dict) and e else (str(e), None) for e in section]


def _importable(module: str) -> bool:
    try:
        return find_spec(module) is not None
    except (ImportError, ValueError):
        return False


#: Markdown extensions our syntax relies on (glossary definition lists, abbreviations, tick
#: boxes, tables, attribute lists); added to a project's list when it leaves them out.
REQUIRED_EXTENSIONS: tuple[tuple[str, dict[str, Any]], ...] = (
    ("abbr", {}), ("attr_list", {}), ("def_list", {}), ("md_in_html", {}), ("tables", {}),
    ("toc", {}), ("pymdownx.superfences", {}), ("pymdownx.tasklist", {"custom_checkbox": True}),
)


def with_required_extensions(extensions: list[Any]) -> list[Any]:
    named = {next(iter(e)) if isinstance(e, dict) else str(e) for e in extensions}
    missing = [{name: options} if options else name for name, options in REQUIRED_EXTENSIONS if name not in named]
    return [*extensions, *missing]
