"""How findings are printed: text for authors (`path:line: severity rule: message (fix)`,
from `Finding.format` in errors.py) and GitHub Actions annotations. JSON, which carries the
pages' scores too, is `readability/output.py`'s `format_json`."""

from __future__ import annotations

from collections.abc import Iterable

from build_tools.errors import Finding


def format_text(findings: Iterable[Finding]) -> str:
    """One `path:line: severity rule: message (fix)` line per finding."""
    return "\n".join(finding.format() for finding in findings)


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
