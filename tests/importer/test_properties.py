"""Promises of `guides import` over generated Word documents (Hypothesis).

- Text is never lost or changed: every paragraph, heading, list item and table cell
  of plain words (with Markdown's special characters among them) reads the same on
  the rendered page.
- The front matter is valid for our schema, and every finding points at a line of the page.
- Dates in every supported spelling read back as the same day.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import markdown
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_tools.content.meta import PageMeta
from build_tools.importer.convert import convert
from build_tools.importer.metadata import parse_date
from importer.docx_builder import build_docx

# Words that no pass treats specially (no labels, dates, numbers, contact details),
# mixed with the characters Markdown reads as syntax.
WORD = st.sampled_from(["panel", "Candidate", "notes", "kind", "ask", "fair", "Team", "water", "a", "the", "visit"])
SYMBOL = st.sampled_from(["*", "_", "`", "[", "]", "#", "<b>", "&amp;", "|", "\\", "-", "+", ">", "{", "}", "(", ")", "!", "1."])
TEXT = st.lists(st.one_of(WORD, WORD, WORD, SYMBOL), min_size=1, max_size=6).map(" ".join).filter(lambda t: re.search(r"[A-Za-z]", t) and "_ _" not in t)
ENTRY = st.one_of(
    TEXT.map(lambda t: {"p": t}),
    # A heading that starts "1." loses it as typed-in numbering, by design (see the golden cases).
    TEXT.filter(lambda t: not t.startswith("1.")).map(lambda t: {"h2": t}),
    st.lists(TEXT, min_size=1, max_size=4).map(lambda items: {"bullets": items}),
    st.lists(st.lists(TEXT, min_size=2, max_size=2), min_size=2, max_size=3).map(lambda rows: {"table": rows}),
)
EXTENSIONS = ["tables", "footnotes", "pymdownx.tasklist"]


def _texts(entry: dict) -> list[str]:
    kind, value = next(iter(entry.items()))
    if kind == "table":
        return [cell for row in value for cell in row]
    return value if kind == "bullets" else [value]


def _shown(html: str) -> str:
    """The text a reader sees in rendered HTML."""
    import html as html_module

    return " ".join(html_module.unescape(re.sub(r"<[^>]+>", " ", html)).split())


@settings(max_examples=20, deadline=None, report_multiple_bugs=False, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(body=st.lists(ENTRY, min_size=1, max_size=4))
def test_text_survives_and_findings_point_at_lines(body: list[dict], tmp_path: Path) -> None:
    source = build_docx({"literal": True, "body": [{"title": "Generated page"}, *body]}, tmp_path / "generated.docx")
    page = convert(source, "generated", {"contact": {"email": "team@example.org"}}, None, None)
    front, text = page.markdown.removeprefix("---\n").split("\n---\n", 1)
    meta = PageMeta.model_validate(yaml.safe_load(front))
    assert meta.title == "Generated page"
    rendered = _shown(markdown.markdown(text, extensions=EXTENSIONS))
    for entry in body:
        for original in _texts(entry):
            assert " ".join(original.split()) in rendered.replace("\u00a0", " "), (original, text)
    lines = page.markdown.count("\n")
    assert all(1 <= line <= lines for line, _ in page.notes)
    assert not [note for _, note in page.notes if note.rule == "lost-text"]  # nothing was lost, so nothing is said lost


@given(day=st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31)))
def test_dates_read_back_in_every_spelling(day: date) -> None:
    month = day.strftime("%B")
    for text in (day.isoformat(), f"{day.day}/{day.month}/{day.year}", f"{day.day} {month} {day.year}", f"{month} {day.day}, {day.year}", f"{day.day}th {month[:3]} {day.year}"):
        assert parse_date(text) == (day, False), text
    start, month_only = parse_date(f"{month} {day.year}")  # type: ignore[misc]
    end, _ = parse_date(f"{month} {day.year}", end_of_month=True)  # type: ignore[misc]
    next_month = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    assert month_only and start == day.replace(day=1) and end == next_month - timedelta(days=1)
