"""Markdown -> HTML for sheets, with the same extensions as the site.

A page and its printed sheet share one rendering: the extensions listed in
`mkdocs.yml`, our own (`build_tools.markdown_ext`) configured as the staged
site has it, and last the print step (`print_ext`) that turns the page into
its paper form.
"""

from __future__ import annotations

import base64
import importlib
import os
import re
from typing import Any

from markdown import Markdown

from build_tools.config import Config
from build_tools.contact_links import contact_options
from build_tools.errors import UsageError
from build_tools.roles import extension_config
from build_tools.sheets.print_ext import PrintExtension, PrintOptions, PrintReport

#: Extensions MkDocs always loads before the configured ones.
MKDOCS_BUILTIN = ("toc", "tables", "fenced_code")
#: An inline icon with alt text: PDF tagging reads the alt text from the SVG's <title>.
LABELLED_SVG = re.compile(r'(<svg\b[^>]*?\baria-label="([^"]*)"[^>]*>)')
#: A decorative icon (`decorative: true`).
HIDDEN_SVG = re.compile(r'<svg aria-hidden="true"[^>]*>.*?</svg>', re.S)


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
    names.append("build_tools.markdown_ext")
    options["build_tools.markdown_ext"] = extension_config(config, role_id)
    names.append("build_tools.contact_links")
    options["build_tools.contact_links"] = contact_options(config.guides.variables)
    return list(dict.fromkeys(names)), options


def page_html(text: str, config: Config, options: PrintOptions, *, role_id: str, easy: bool = False) -> tuple[str, PrintReport]:
    """One page's Markdown body -> the HTML fragment printed for it, and what the print
    step found (problems, local files used).

    On easy-read pages a line break in the source is kept (`nl2br`): authors write one
    sentence per line, and on paper each sentence starts a new line.
    """
    names, settings = markdown_extensions(config, role_id)
    if easy:
        names.append("nl2br")
    report = PrintReport()
    md = Markdown(extensions=[*names, PrintExtension(options, report)], extension_configs=settings)
    body = md.convert(text)
    body = LABELLED_SVG.sub(lambda m: f"{m.group(1)}<title>{m.group(2)}</title>", body)
    return HIDDEN_SVG.sub(_as_background, body), report


def _as_background(match: re.Match[str]) -> str:
    """A decorative icon drawn as a background image: tagged PDF then treats it as an
    artifact, which PDF/UA requires of anything that is not content."""
    data = base64.b64encode(match.group(0).encode("utf-8")).decode("ascii")
    return f'<span class="sheet-decoration" style="background-image: url(\'data:image/svg+xml;base64,{data}\')"></span>'


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
