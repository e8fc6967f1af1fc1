"""`guides new DIR`: write a starter content project that checks clean and builds at once.

The files are under `project/`, shipped as package data. Names starting `dot-` become
dot-files (`dot-gitignore` -> `.gitignore`, `dot-github/` -> `.github/`): packaging tools
skip hidden files, and a hidden `.github/` inside our own repository would run as our CI.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from build_tools.errors import UsageError
from build_tools.resources import scaffold_dir
from build_tools.stamp import stamp_file

DOT = "dot-"


def target_name(rel: PurePosixPath) -> PurePosixPath:
    """`dot-github/workflows/guides.yml` -> `.github/workflows/guides.yml`."""
    return PurePosixPath(*("." + part[len(DOT):] if part.startswith(DOT) else part for part in rel.parts))


def scaffold_files() -> dict[PurePosixPath, bytes]:
    """Every file of the starter project, by the path it gets in the new project."""
    root = scaffold_dir()
    return {
        target_name(PurePosixPath(path.relative_to(root).as_posix())): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


def new_project(directory: Path, force: bool = False) -> list[Path]:
    """Write the starter project into `directory`; return the files written.

    A folder that exists and is not empty is refused unless `force` (then the starter's
    files replace any of the same name, and other files are left alone)."""
    if directory.exists() and not directory.is_dir():
        raise UsageError(f"{directory}: is a file; give a folder for the new project")
    if directory.is_dir() and any(directory.iterdir()) and not force:
        raise UsageError(f"{directory}: folder is not empty (choose a new folder, or add --force to write the starter files into it)")
    written = []
    for rel, data in scaffold_files().items():
        path = directory / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(path)
    # Easy-read pages start in step with their standard pages.
    for path in written:
        if path.name.endswith(".easy.md"):
            stamp_file(path)
    return written
