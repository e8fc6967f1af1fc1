"""One Jinja setup for every page we write from a template: sheets, the landing page and
the authors' report.

HTML is escaped unless marked safe, and a field a template names that does not exist
is an error (`StrictUndefined`), never a blank where a reader expected words.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import jinja2


def template_environment(folders: Sequence[Path]) -> jinja2.Environment:
    """Templates from `folders`, the first that has a template wins (a project's `partials/`
    before ours)."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(f) for f in folders]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
