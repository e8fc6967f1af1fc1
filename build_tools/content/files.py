"""Which files under the content folder are content, and reading them safely.

Only files that really live inside the content folder are ever read. A symbolic link
is followed only when its target is inside the folder too: a link to
`/proc/self/environ` or `/etc/passwd` must be refused by name, never become a page
or a picture. Linked folders are walked like real ones, and a link that loops back
to a folder above it is reported instead of walked forever. Anything that is not a
regular file (a pipe, a device), a file or folder that cannot be read, is one finding
naming the path, never a traceback or a hang.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from build_tools.errors import Finding, error

#: C0 and C1 control characters except tab (newlines and CR are line ends by now), and the
#: Unicode line and paragraph separators, which some tools count as line breaks and others not.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
#: A binary file renamed `.md` would give a finding per line; after this many, one more says so.
MAX_CONTROL_FINDINGS = 10


@dataclass(frozen=True)
class ContentFile:
    """A file to load: where authors see it, and where it really is."""

    #: Path relative to the content folder, through any links: `panels/guide.md`.
    rel: str
    #: The file's real location (links resolved), always inside the content folder.
    real: Path


def content_files(docs_dir: Path) -> tuple[list[ContentFile], list[Finding]]:
    """Every content file, sorted by `rel`, skipping hidden and `_`-prefixed files and
    folders (drafts, editor files); and a finding for each file that cannot be used."""
    root = docs_dir.resolve()
    files: list[ContentFile] = []
    findings: list[Finding] = []
    _walk(root, root, "", frozenset({root}), files, findings)
    return sorted(files, key=lambda f: f.rel), findings


def _walk(root: Path, folder: Path, prefix: str, above: frozenset[Path], files: list[ContentFile], findings: list[Finding]) -> None:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        findings.append(_unreadable(prefix.rstrip("/") or ".", exc, "folder"))
        return
    for entry in entries:
        if entry.name.startswith((".", "_")):
            continue
        rel = prefix + entry.name
        if bad_name := _bad_name(entry.name):
            decoded = os.fsencode(entry.name).decode("utf-8", "backslashreplace")
            shown = prefix + "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in decoded)
            findings.append(error(shown, 0, "file", f"the name `{shown}` {bad_name}", "rename it with plain letters, digits, `-` and `_`"))
            continue
        real = Path(entry.path)
        try:
            if entry.is_symlink():
                real = Path(os.path.realpath(entry.path))
                if not real.is_relative_to(root):
                    findings.append(error(rel, 0, "symlink", f"`{rel}` is a symbolic link to `{os.readlink(entry.path)}`, outside the content folder; nothing is read from it", "copy what you need into the content folder, or remove the link"))
                    continue
                if not real.exists():
                    findings.append(error(rel, 0, "symlink", f"`{rel}` is a symbolic link to `{os.readlink(entry.path)}`, which does not exist", "fix the link's target, or remove the link"))
                    continue
            mode = real.stat().st_mode
        except OSError as exc:
            findings.append(_unreadable(rel, exc, "file"))
            continue
        if stat.S_ISDIR(mode):
            if real in above:
                findings.append(error(rel, 0, "symlink", f"`{rel}` is a linked folder that loops back to a folder that holds it", "remove the link; a folder cannot contain itself"))
            else:
                _walk(root, real, rel + "/", above | {real}, files, findings)
        elif stat.S_ISREG(mode):
            files.append(ContentFile(rel, real))
        else:
            findings.append(error(rel, 0, "file", f"`{rel}` is not a regular file (a pipe, socket or device)", "remove it from the content folder"))


def _bad_name(name: str) -> str | None:
    """Why a file name cannot be a page's address or a finding's path, if it cannot."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return "is not UTF-8 text"
    return "holds a line break, tab or other control character" if CONTROL.search(name) or "\n" in name or "\t" in name else None


def read_file(file: ContentFile, findings: list[Finding]) -> bytes | None:
    """The file's bytes, or None with a finding when it cannot be read."""
    try:
        # O_NOFOLLOW: the file was checked to be inside the content folder; a link put in its
        # place since is refused. O_NONBLOCK: a pipe put in its place cannot hang the build.
        fd = os.open(file.real, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as exc:
        findings.append(_unreadable(file.rel, exc, "file"))
        return None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            findings.append(error(file.rel, 0, "file", f"`{file.rel}` is not a regular file", "remove it from the content folder"))
            return None
        try:
            return handle.read()
        except OSError as exc:
            findings.append(_unreadable(file.rel, exc, "file"))
            return None


def can_read(file: ContentFile, findings: list[Finding]) -> bool:
    """Check a picture or attachment can be opened (it is copied later, at staging)."""
    try:
        os.close(os.open(file.real, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK))
        return True
    except OSError as exc:
        findings.append(_unreadable(file.rel, exc, "file"))
        return False


def _unreadable(rel: str, exc: OSError, what: str) -> Finding:
    reason = exc.strerror.lower() if exc.strerror else type(exc).__name__
    fix = "give the user running the build read access to it" if isinstance(exc, PermissionError) else "check the disk and the file, then try again"
    return error(rel, 0, "file", f"cannot read the {what} `{rel}`: {reason}", fix)


def control_characters(rel: str, lines: list[str]) -> list[Finding]:
    """A finding per line holding a NUL or other control character: invisible in an
    editor, yet written into the HTML, the search index and the PDFs."""
    found: list[Finding] = []
    hits = [(number, match) for number, line in enumerate(lines, start=1) if (match := CONTROL.search(line))]
    for number, match in hits[:MAX_CONTROL_FINDINGS]:
        name = _CONTROL_NAMES.get(match.group(), "control character")
        found.append(error(
            rel, number, "control-character",
            f"invisible {name} (U+{ord(match.group()):04X}) at column {match.start() + 1}",
            "delete it; retype the text around it if it was pasted in",
        ))
    if len(hits) > MAX_CONTROL_FINDINGS:
        found.append(error(rel, hits[MAX_CONTROL_FINDINGS][0], "control-character", f"{len(hits) - MAX_CONTROL_FINDINGS} more lines hold control characters", "is this a text file? save it as plain UTF-8 text"))
    return found


_CONTROL_NAMES = {"\x00": "NUL byte", "\x1b": "escape character", "\x0c": "form feed", "\x0b": "vertical tab", "\u2028": "line separator", "\u2029": "paragraph separator"}
