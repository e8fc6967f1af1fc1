"""The authors' report: `index.html` (accessible, self-contained) and `readability.json`.

The page makes no outside requests: styles are inline, the chart is inline SVG,
there are no scripts or web fonts. Pages are listed worst first (errors, then
warnings, then reading grade). The chart of reading grade per page has a text
alternative: the same numbers are in the table's Grade column, and bars over a
page's limit are striped and labelled "over", not only coloured.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from jinja2 import Environment

from build_tools.readability.check import rule_counts
from build_tools.readability.output import format_json
from build_tools.readability.rows import ReportRow
from build_tools.templating import template_environment

TEMPLATE = "report.html"  # a package-data file (pyproject: *.html)

# Chart geometry (SVG user units; the SVG scales to the page width).
# Room for the longest label (42 characters) even with WCAG 1.4.12 text spacing applied.
_LABEL_WIDTH = 420
_PLOT_WIDTH = 440
_BAR_HEIGHT = 18
_ROW_HEIGHT = 26
_TOP = 34


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    limit: float | None
    over: bool
    y: int
    width: float
    limit_x: float | None


@dataclass(frozen=True)
class Chart:
    bars: list[Bar]
    width: int
    height: int
    scale_max: float
    ticks: list[tuple[float, float]]  # (value, x)
    label_width: int
    bar_height: int


def worst_first(rows: Sequence[ReportRow]) -> list[ReportRow]:
    """Most errors first, then most warnings, then the highest reading grade."""
    return sorted(
        rows,
        key=lambda row: (
            -row.readability.errors,
            -row.readability.warnings,
            -row.readability.metrics["flesch_kincaid_grade"],
            row.path,
        ),
    )


def _short(text: str, length: int = 42) -> str:
    return text if len(text) <= length else text[: length - 1] + "\u2026"


def grade_chart(rows: Sequence[ReportRow]) -> Chart:
    """Bars of Flesch-Kincaid grade, one per page, in the order given."""
    grades = [row.readability.metrics["flesch_kincaid_grade"] for row in rows]
    limits = [row.readability.limits.get("max_grade") for row in rows]
    top = max([12.0, *grades, *(limit for limit in limits if limit is not None)])
    scale_max = float(int(top) + (2 - int(top) % 2))  # an even number above everything
    per_unit = _PLOT_WIDTH / scale_max
    bars = []
    for index, (row, value, limit) in enumerate(zip(rows, grades, limits)):
        bars.append(
            Bar(
                label=_short(row.title or row.path),
                value=value,
                limit=limit,
                over=limit is not None and value > limit,
                y=_TOP + index * _ROW_HEIGHT,
                width=round(max(value, 0.0) * per_unit, 1),
                limit_x=None if limit is None else round(_LABEL_WIDTH + limit * per_unit, 1),
            )
        )
    ticks = [(float(value), round(_LABEL_WIDTH + value * per_unit, 1)) for value in range(0, int(scale_max) + 1, 2)]
    return Chart(
        bars=bars,
        width=_LABEL_WIDTH + _PLOT_WIDTH + 80,
        height=_TOP + len(rows) * _ROW_HEIGHT + 10,
        scale_max=scale_max,
        ticks=ticks,
        label_width=_LABEL_WIDTH,
        bar_height=_BAR_HEIGHT,
    )


def _environment() -> Environment:
    return template_environment([Path(__file__).parent / "templates"])


def render_report(rows: Sequence[ReportRow], *, today: date, site_name: str = "") -> str:
    """The report page as HTML text."""
    ordered = worst_first(rows)
    summary = {
        "pages": len(rows),
        "errors": sum(row.readability.errors for row in rows),
        "warnings": sum(row.readability.warnings for row in rows),
        "over_grade": sum(
            1
            for row in rows
            if row.readability.metrics["flesch_kincaid_grade"] > row.readability.limits.get("max_grade", float("inf"))
        ),
        "overdue": sum(1 for row in rows if row.review_due is not None and row.review_due < today),
        "rules": rule_counts(f for row in rows for f in row.readability.findings),
    }
    return _environment().get_template(TEMPLATE).render(
        rows=ordered, chart=grade_chart(ordered), summary=summary, today=today, site_name=site_name
    )


def write_report(out_dir: Path, rows: Sequence[ReportRow], *, today: date | None = None, site_name: str = "") -> None:
    """Write `out_dir/index.html` and `out_dir/readability.json` (e.g. out_dir = site/report)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    when = today or date.today()
    (out_dir / "index.html").write_text(render_report(rows, today=when, site_name=site_name), encoding="utf-8")
    (out_dir / "readability.json").write_text(format_json(worst_first(rows)), encoding="utf-8")
