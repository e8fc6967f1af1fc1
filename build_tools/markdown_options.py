"""The Markdown extensions a role's pages are rendered with, declared once.

Each role's MkDocs build, its printed sheets, and validation (which blocks exist)
all take the extension list from here: MkDocs' built-in ones, those listed in
`mkdocs.yml`, and ours (`our_extensions`) configured for the role.
"""

from __future__ import annotations

import importlib
import os
from typing import Any

from markdown import Markdown

from build_tools.config import Config
from build_tools.contact_links import contact_options
from build_tools.errors import UsageError
from build_tools.roles import extension_config

#: Extensions MkDocs always loads before the configured ones.
MKDOCS_BUILTIN = ("toc", "tables", "fenced_code")


def markdown_extensions(config: Config, role_id: str) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """The extension names and their options, as each role's MkDocs build gets them."""
    names: list[str] = list(MKDOCS_BUILTIN)
    options: dict[str, dict[str, Any]] = {}
    for item in config.mkdocs.get("markdown_extensions") or []:
        if isinstance(item, dict):
            for name, settings in item.items():
                names.append(name)
                options[name] = _resolve_tags(settings or {}, config)
        else:
            names.append(str(item))
    for name, settings in our_extensions(config, role_id).items():
        names.append(name)
        options[name] = settings
    return list(dict.fromkeys(names)), options


def our_extensions(config: Config, role_id: str) -> dict[str, dict[str, Any]]:
    """Our own extensions and their options for one role, added after the configured ones:
    the syntax (`markdown_ext`) and tappable contact details (`contact_links`)."""
    return {
        "build_tools.markdown_ext": extension_config(config, role_id),
        "build_tools.contact_links": contact_options(config.guides.variables),
    }


def block_names(config: Config) -> frozenset[str]:
    """Every `/// name` block the configured extensions define (ours, and pymdownx's
    admonition, details, html, tab… with any custom types), read from the block
    registry of a Markdown instance set up as the builds set it up."""
    names, settings = markdown_extensions(config, "")
    md = Markdown(extensions=names, extension_configs=settings)
    if "blocks" not in md.parser.blockprocessors:
        return frozenset()
    return frozenset(md.parser.blockprocessors["blocks"].blocks)


def _resolve_tags(value: Any, config: Config) -> Any:
    """Values MkDocs reads with YAML tags: `!!python/name:a.b` -> the object a.b;
    `!ENV NAME` / `!ENV [NAME, default]` -> the environment's value."""
    if isinstance(value, dict):
        return {k: _resolve_tags(v, config) for k, v in value.items()}
    if isinstance(value, list):
        return [_resolve_tags(v, config) for v in value]
    tag = getattr(value, "tag", None)
    if not isinstance(tag, str):
        return value
    if tag.startswith("tag:yaml.org,2002:python/name:"):
        dotted = tag.rsplit(":", 1)[1]
        module, _, name = dotted.rpartition(".")
        try:
            return getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError, ValueError):
            raise UsageError(f"{config.config_file}: markdown_extensions: cannot import `{dotted}`") from None
    if tag == "!ENV":
        names = value.value if isinstance(value.value, list) else [value.value]
        for name in names[:-1] if len(names) > 1 else names:
            if name in os.environ:
                return os.environ[name]
        return names[-1] if len(names) > 1 else None
    raise UsageError(f"{config.config_file}: markdown_extensions: the YAML tag `{tag}` is not understood")
