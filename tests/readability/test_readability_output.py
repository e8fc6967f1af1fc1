"""The text, JSON and GitHub formats."""

from __future__ import annotations

import json
from datetime import date

from build_tools.errors import error, warning
from build_tools.finding_formats import format_github, format_text
from build_tools.readability import ReadabilitySettings, ReportRow, check_page, format_json

FINDINGS = [
    error(
        "content/a.easy.md", 3, "plain-words",
        "\u201cutilise\u201d is a hard word: use \u201cuse\u201d", "write \u201cuse\u201d instead",
    ),
    warning("content/b, c.md", 0, "grade", "50% too hard\nreally", ""),
]


def test_text() -> None:
    assert format_text(FINDINGS) == (
        "content/a.easy.md:3: error plain-words: \u201cutilise\u201d is a hard word: use \u201cuse\u201d "
        "(write \u201cuse\u201d instead)\n"
        "content/b, c.md: warning grade: 50% too hard\nreally"
    )


def test_github_annotations_are_escaped() -> None:
    assert format_github(FINDINGS).split("\n") == [
        "::error file=content/a.easy.md,line=3,title=plain-words::"
        "\u201cutilise\u201d is a hard word: use \u201cuse\u201d (write \u201cuse\u201d instead)",
        "::warning file=content/b%2C c.md,title=grade::50%25 too hard%0Areally",
    ]


def test_json_has_metadata_metrics_and_findings() -> None:
    page = check_page(
        path="content/a.easy.md", text="We utilise it.\n", body_start=1, is_easy=True, page_type="guide",
        glossary_terms={}, settings=ReadabilitySettings(),
    )
    row = ReportRow(
        readability=page, title="A", roles=("partner",), level="green", review_due=date(2027, 4, 1),
        easy_status="easy-read page", urls={"partner": "../partner/a/"},
    )
    data = json.loads(format_json([row]))
    assert data["summary"] == {"pages": 1, "errors": 1, "warnings": 0, "rules": {"plain-words": 1}}
    assert data["pages"][0]["rule_counts"] == {"plain-words": 1}
    (entry,) = data["pages"]
    assert entry["path"] == "content/a.easy.md"
    assert entry["roles"] == ["partner"] and entry["type"] == "guide" and entry["easy_read"] is True
    assert entry["review_due"] == "2027-04-01"
    assert set(entry["metrics"]) == {
        "words", "sentences", "avg_sentence_words", "flesch_reading_ease", "flesch_kincaid_grade", "smog",
        "longest_sentence_words",
    }
    assert entry["findings"][0]["rule"] == "plain-words" and entry["findings"][0]["line"] == 1
