"""The whole HTML document of a sheet: Jinja templates from `partials/`.

Templates see one value, `sheet`, built here; they are loaded with
StrictUndefined (templating.py), so a misspelt field is an error rather than a
blank. A project's own `partials/` may replace any one of them (`Config.partials_dirs`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from build_tools.content.glossary import Term
from build_tools.sheets.fonts import FAMILY, FontFile
from build_tools.templating import template_environment
from build_tools.stage import long_date

TEMPLATES = {"sheet": "sheet.html", "pack": "pack.html"}


@dataclass(frozen=True)
class LevelBadge:
    id: str
    label: str
    colour: str


@dataclass(frozen=True)
class Part:
    """One page inside a pack."""

    id: str
    title: str
    layout: str
    body: Markup


@dataclass(frozen=True)
class SheetView:
    """What a template may show. Field names are the template's vocabulary."""

    lang: str
    title: str
    site_name: str
    kind: str
    layout: str
    role: str
    body: Markup
    footer: str
    stylesheet: str
    levels: tuple[LevelBadge, ...]
    fonts: tuple[FontFile, ...] = ()
    font_family: str = FAMILY
    level: LevelBadge | None = None
    summary: str | None = None
    owner: str | None = None
    easy: bool = False
    note_space: bool = False
    url: str = ""
    short_url: str = ""
    qr: str | None = None
    hard_words: tuple[Term, ...] = ()
    parts: tuple[Part, ...] = field(default_factory=tuple)


def render_document(template: str, sheet: SheetView, folders: Sequence[Path]) -> str:
    """Fill `<template>.html` from `folders` with `sheet`; Jinja errors propagate to the
    caller, which names the sheet and its source."""
    return _environment(tuple(folders)).get_template(TEMPLATES[template]).render(sheet=sheet)


#: Every file a sheet is made from (partials/ also holds other templates, such as the landing page).
SHEET_FILES = (*TEMPLATES.values(), "_sheet.html", "print.css")


def sheet_file(name: str, folders: Sequence[Path]) -> Path:
    """`name` from the first of `folders` that has it: a project's partials/ before ours."""
    return next((folder / name for folder in folders if (folder / name).is_file()), folders[-1] / name)


def template_files(folders: Sequence[Path]) -> list[Path]:
    """The templates and stylesheet sheets are made from (for the cache key)."""
    return [sheet_file(name, folders) for name in SHEET_FILES]


def footer_text(title: str, version: str | None, review_due: date | None) -> str:
    """`Quick guide for staff · Version 1.0 · Review by 30 June 2027`."""
    pieces = [title]
    if version:
        pieces.append(f"Version {version}")
    if review_due:
        pieces.append(f"Review by {long_date(review_due)}")
    return " · ".join(pieces)


def css_string(text: str) -> Markup:
    """A CSS string literal, safe inside a <style> element."""
    escaped = "".join(ch if ch.isalnum() or ch in " .,;:·-_()/&'!?" else f"\\{ord(ch):x} " for ch in text)
    return Markup(f'"{escaped}"')


@lru_cache(maxsize=4)
def _environment(folders: tuple[Path, ...]) -> jinja2.Environment:
    env = template_environment(folders)
    env.filters["css_string"] = css_string
    return env
