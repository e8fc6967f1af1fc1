"""Making a finding at a rule's configured level, shared by every rule module."""

from __future__ import annotations

from build_tools.errors import Finding, error, warning
from build_tools.readability.settings import RuleLevel


def finding(level: RuleLevel, path: str, line: int, rule: str, message: str, fix: str) -> list[Finding]:
    """A one-item list with the finding at `level`, or an empty list when the level is "off"."""
    if level == "off":
        return []
    make = error if level == "error" else warning
    return [make(path, line, rule, message, fix)]


def preview(text: str, words: int = 8) -> str:
    """The first few words of a sentence, for a message."""
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")
