"""Markdown -> HTML for sheets, with the same extensions as the site.

A page and its printed sheet share one rendering: the extensions listed in
`mkdocs.yml` and ours, configured as the staged (`markdown_options.py`)
site has it, and last the print step (`print_ext`) that turns the page into
its paper form.
"""

from __future__ import annotations

import base64
import re

from markdown import Markdown

from build_tools.config import Config
from build_tools.markdown_options import markdown_extensions
from build_tools.sheets.print_ext import PrintExtension, PrintOptions, PrintReport

#: An inline icon with alt text: PDF tagging reads the alt text from the SVG's <title>.
LABELLED_SVG = re.compile(r'(<svg\b[^>]*?\baria-label="([^"]*)"[^>]*>)')
#: A decorative icon (`decorative: true`).
HIDDEN_SVG = re.compile(r'<svg aria-hidden="true"[^>]*>.*?</svg>', re.S)


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
