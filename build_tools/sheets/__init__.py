"""Printable sheets: HTML from `partials/`, rendered to tagged PDFs by WeasyPrint.

    plan_sheets(view, corpus, config, docs_dir) -> [SheetRequest]   content -> HTML (may raise ContentErrors)
    render_sheets(requests, cache_dir, jobs)    -> SheetOutcome     HTML -> PDF (may raise EngineError)

Only `pdf.py` imports WeasyPrint, and only when a sheet must actually be rendered.
The names below are imported when first used, so a worker process that renders
sheets (`worker.py`) starts without loading Markdown, Jinja or the configuration.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from build_tools.sheets.model import SheetOutcome, SheetRequest
    from build_tools.sheets.plan import plan_sheets
    from build_tools.sheets.render import render_sheets

__all__ = ["plan_sheets", "render_sheets", "SheetRequest", "SheetOutcome"]

_HOMES = {
    "plan_sheets": "build_tools.sheets.plan",
    "render_sheets": "build_tools.sheets.render",
    "SheetRequest": "build_tools.sheets.model",
    "SheetOutcome": "build_tools.sheets.model",
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(_HOMES[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
