"""Whole pages against golden files: findings and metrics of each fixture.

Regenerate after an intended change with:
    READABILITY_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/readability/test_readability_golden.py
and review the diff.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from build_tools.errors import has_errors
from build_tools.finding_formats import format_text
from build_tools.readability import ReadabilitySettings, check_page

HERE = Path(__file__).parent
FIXTURES = sorted((HERE / "fixtures").glob("*.md"))
GLOSSARY = {
    "interview panel": "The small group of people who meet each candidate and ask them questions.",
    "claim form": "The form you fill in to get your money back.",
}
UPDATE = os.environ.get("READABILITY_UPDATE_GOLDEN") == "1"


def body_start(text: str) -> int:
    """1-based first body line: after the closing `---` of the front matter (a test stand-in for the loader)."""
    lines = text.split("\n")
    if lines[0] != "---":
        return 1
    return lines.index("---", 1) + 2


def check_fixture(path: Path):
    text = path.read_text("utf-8")
    page_type = re.search(r"^type:\s*(\S+)", text, re.MULTILINE)
    return check_page(
        path=f"content/{path.name}", text=text, body_start=body_start(text), is_easy=path.name.endswith(".easy.md"),
        page_type=page_type.group(1) if page_type else "guide", glossary_terms=GLOSSARY,
        settings=ReadabilitySettings(),
    )


@pytest.mark.parametrize("path", FIXTURES, ids=[p.name for p in FIXTURES])
def test_golden(path: Path) -> None:
    result = check_fixture(path)
    actual = (
        format_text(result.findings)
        + "\n\n"
        + json.dumps(result.metrics, indent=2)
        + "\n\n"
        + "\n".join(f"{line}: ({words}) {text}" for line, text, words in result.sentences)
        + "\n"
    )
    golden = HERE / "golden" / (path.name + ".txt")
    if UPDATE or not golden.exists():
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(actual, "utf-8")
        if not UPDATE:
            pytest.fail(f"wrote new golden file {golden.name}; review it and run again")
    assert actual == golden.read_text("utf-8")


def test_good_easy_read_page_has_no_errors() -> None:
    result = check_fixture(HERE / "fixtures" / "panel-day.easy.md")
    assert not has_errors(result.findings), format_text(result.findings)
    assert result.findings == []
    assert result.metrics["flesch_kincaid_grade"] <= 5
