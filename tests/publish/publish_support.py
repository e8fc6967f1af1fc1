"""Helpers for the publishing tests."""

from __future__ import annotations

from pathlib import Path

from support import guides_in_process


def tree(path: Path) -> dict[str, bytes]:
    """Every file under `path` with its bytes (symbolic links followed at the top only)."""
    root = path.resolve()
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def build(project: Path, *extra: str) -> tuple[int, str]:
    return guides_in_process("build", "-f", str(project / "mkdocs.yml"), "-d", str(project / "site"), "--today", "2026-01-01", *extra)
