"""The small exception tree and the one shape every problem takes.

Inside the package, problems are `Finding`s collected into lists; only the
edges (the CLI) turn them into exit codes and printed lines. Nothing a content
author can write should ever surface as a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Finding:
    """One problem, tied to a file and a line (1-based; 0 when the whole file)."""

    path: str
    line: int
    severity: Severity
    rule: str
    message: str
    fix: str = ""

    def format(self) -> str:
        """`path:line: severity rule: message (fix)` — the text format authors read."""
        where = f"{self.path}:{self.line}" if self.line else self.path
        tail = f" ({self.fix})" if self.fix else ""
        return f"{where}: {self.severity} {self.rule}: {self.message}{tail}"

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "severity": self.severity,
            "rule": self.rule,
            "message": self.message,
            "fix": self.fix,
        }


def error(path: str | PurePosixPath, line: int, rule: str, message: str, fix: str = "") -> Finding:
    return Finding(str(path), line, "error", rule, message, fix)


def warning(path: str | PurePosixPath, line: int, rule: str, message: str, fix: str = "") -> Finding:
    return Finding(str(path), line, "warning", rule, message, fix)


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity == "error" for f in findings)


class GuidesError(Exception):
    """Base of everything we raise on purpose."""


class UsageError(GuidesError):
    """The command could not run: bad arguments, missing or broken configuration (exit 2)."""


@dataclass
class ContentErrors(GuidesError):
    """The content has errors; the build refuses to publish (exit 1)."""

    findings: list[Finding] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join(f.format() for f in self.findings)


class EngineError(GuidesError):
    """An outside engine (MkDocs, WeasyPrint) failed; the message names what and where."""
