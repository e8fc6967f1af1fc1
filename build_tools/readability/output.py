"""The three ways findings leave the package: text for authors, JSON, GitHub annotations."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from build_tools.errors import Finding
from build_tools.readability.check import rule_counts
from build_tools.readability.rows import ReportRow


def format_text(findings: Iterable[Finding]) -> str:
    """One `path:line: severity rule: message (fix)` line per finding."""
    return "\n".join(finding.format() for finding in findings)


def format_rule_counts(findings: Iterable[Finding]) -> str:
    """One line of findings per rule, most first: "plain-words 12, acronym 3"."""
    counts = rule_counts(findings)
    return "findings per rule: " + ", ".join(f"{rule} {count}" for rule, count in counts.items()) if counts else ""


def format_json(rows: Sequence[ReportRow], findings: Sequence[Finding] | None = None) -> str:
    """Every page with its metadata, metrics and findings, and totals (`readability.json`).

    With `findings` (everything the check found), they are listed too, so problems in
    files that could not be read as pages (bad YAML, not UTF-8) are in the output."""
    every = list(findings) if findings is not None else [f for row in rows for f in row.readability.findings]
    data: dict[str, object] = {
        "summary": {
            "pages": len(rows),
            "errors": sum(f.severity == "error" for f in every),
            "warnings": sum(f.severity == "warning" for f in every),
            "rules": rule_counts(every),
        },
        "pages": [row.as_dict() for row in rows],
    }
    if findings is not None:
        data["findings"] = [finding.as_dict() for finding in findings]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(findings: Iterable[Finding]) -> str:
    """GitHub Actions workflow commands: `::error file=…,line=…,title=rule::message (fix)`."""
    lines = []
    for finding in findings:
        properties = [f"file={_escape_property(finding.path)}"]
        if finding.line:
            properties.append(f"line={finding.line}")
        properties.append(f"title={_escape_property(finding.rule)}")
        message = finding.message + (f" ({finding.fix})" if finding.fix else "")
        lines.append(f"::{finding.severity} {','.join(properties)}::{_escape_data(message)}")
    return "\n".join(lines)
