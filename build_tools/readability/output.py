"""The authors' report as JSON (`readability.json`, `guides check --format json`) and the
per-rule summary line. Text and GitHub formats for any finding: `finding_formats.py`."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from build_tools.errors import Finding
from build_tools.readability.check import rule_counts
from build_tools.readability.rows import ReportRow


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
