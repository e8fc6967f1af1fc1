"""Publishing a finished tree so that the published path is never half-written.

At every instant `site/` is the complete old tree or the complete new one, even if
the build is killed (`kill -9`) or the machine stops:

- the new tree is written beside `site/` as `.site.new-XXXX` (same folder, so the
  same file system);
- on Linux, one `renameat2(RENAME_EXCHANGE)` call swaps the two names atomically, so
  `site/` stays a real folder that users can copy or deploy; the old tree, now named
  `.site.new-XXXX`, is then deleted;
- the first publish (no `site/` yet) is one atomic `rename`;
- a `site/` that is a symbolic link (a deployment that wants one) is kept a link:
  a new link is made beside it and renamed over it (atomic);
- where the kernel or file system cannot exchange (not Linux, or a file system
  without support), the old two renames are used and a note says that `site/` was
  missing for a moment.

Leftovers of killed builds (`.site.new-*`, `.site.old*`, `.site.link-*`) are removed by
the next build, which runs under the project lock (`lock.py`) so it never removes a
tree another build is still writing.

Every file-system failure while assembling or publishing (read-only folder, full disk,
permissions) becomes one `PublishError` line naming the path; the published tree is
then exactly as it was.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import secrets
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from build_tools.config import Config
from build_tools.errors import GuidesError, UsageError

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


class PublishError(GuidesError):
    """The published folder could not be written (exit 3); it was left as it was."""


def fs_error(exc: OSError, doing: str) -> PublishError:
    """`path: what failed: why` from an OSError (ENOSPC, EROFS, EACCES ...)."""
    where = exc.filename or "?"
    if exc.filename2:
        where = f"{where} -> {exc.filename2}"
    reason = exc.strerror or str(exc)
    hint = {
        errno.ENOSPC: "free some disk space and build again",
        errno.EROFS: "the file system is read-only; choose another --site-dir",
        errno.EACCES: "check the folder's permissions, or choose another --site-dir",
        errno.EPERM: "check the folder's permissions, or choose another --site-dir",
        errno.EDQUOT: "the disk quota is full; free some space and build again",
    }.get(exc.errno or 0, "")
    tail = f" ({hint})" if hint else ""
    return PublishError(f"{where}: cannot {doing}: {reason}{tail}; the published site was not changed")


def check_target(site_dir: Path, keep: list[Path], keep_out_of: list[Path]) -> None:
    """Refuse a publish folder whose replacement would destroy anything but an earlier site:
    one of `keep` (the project, its config) or a folder holding one, anything inside
    `keep_out_of` (content, theme, templates), a file, or a folder with files in it that is
    not a site (no `index.html`). Publishing replaces the whole folder, so `-d .` or
    `-d content` would otherwise delete them."""
    plain = Path(os.path.normpath(site_dir.absolute()))  # `..` folded, links kept
    target = plain.parent.resolve() / plain.name
    for path in [*keep, *keep_out_of]:
        path = path.resolve()
        if target == path or target in path.parents:
            raise UsageError(f"{site_dir}: cannot publish there: publishing replaces the folder, and it is or holds {path} "
                             "(choose another -d, e.g. site)")
    for folder in keep_out_of:
        if folder.resolve() in target.parents:
            raise UsageError(f"{site_dir}: cannot publish inside {folder} (choose a folder outside it, e.g. site)")
    if target.is_symlink():
        return  # a published link (see publish): its target is replaced, never opened here
    if target.exists() and not target.is_dir():
        raise UsageError(f"{site_dir}: is a file, not a folder (choose another -d)")
    if target.is_dir() and any(target.iterdir()) and not (target / "index.html").is_file():
        raise UsageError(f"{site_dir}: the folder has files in it but is not a published site (no index.html); "
                         "publishing would delete them (empty it, or choose another -d)")


@contextmanager
def new_tree(site_dir: Path) -> Iterator[Path]:
    """A fresh empty folder beside `site_dir` to assemble the next tree in.

    Removed again if assembling fails; file-system errors become `PublishError`."""
    try:
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        clean_leftovers(site_dir)
        # mkdir, not mkdtemp: the published folder gets the usual permissions (umask), not 0700.
        new = site_dir.with_name(f".{site_dir.name}.new-{os.getpid()}-{secrets.token_hex(4)}")
        new.mkdir()
    except OSError as exc:
        if not exc.filename:
            exc.filename = str(site_dir.parent)
        raise fs_error(exc, "prepare the new site beside it") from None
    try:
        yield new
    except OSError as exc:
        shutil.rmtree(new, ignore_errors=True)
        raise fs_error(exc, "write the new site") from None
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        raise


def clean_leftovers(site_dir: Path) -> list[Path]:
    """Remove what killed builds left beside `site_dir`; call only under the project lock."""
    removed = []
    prefixes = (f".{site_dir.name}.new-", f".{site_dir.name}.old", f".{site_dir.name}.link-")
    if not site_dir.parent.is_dir():
        return removed
    target = _link_target(site_dir)
    for entry in site_dir.parent.iterdir():
        if entry.name.startswith(prefixes) and entry != target:
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink(missing_ok=True)
            removed.append(entry)
    return removed


def publish(new: Path, site_dir: Path) -> str | None:
    """Make `new` the tree at `site_dir`, atomically; returns a note for the user or None.

    `new` must be a folder beside `site_dir` (from `new_tree`)."""
    try:
        if site_dir.is_symlink():
            old = _link_target(site_dir)
            _swap_link(new, site_dir)
            if old is not None and old.parent == site_dir.parent and old.name.startswith(f".{site_dir.name}."):
                shutil.rmtree(old, ignore_errors=True)
            return None
        if not site_dir.exists():
            os.rename(new, site_dir)
            return None
        if not site_dir.is_dir():
            raise PublishError(f"{site_dir}: exists and is not a folder; remove it or choose another --site-dir")
        note = None
        try:
            exchange(new, site_dir)
        except OSError as exc:
            if exc.errno not in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
                raise
            note = _two_renames(new, site_dir)
        # `new` now names the old tree.
        shutil.rmtree(new, ignore_errors=True)
        return note
    except OSError as exc:
        shutil.rmtree(new, ignore_errors=True)
        raise fs_error(exc, "publish") from None


def exchange(a: Path, b: Path) -> None:
    """Swap two paths atomically (Linux `renameat2` with RENAME_EXCHANGE)."""
    renameat2 = _renameat2()
    if renameat2 is None:
        raise OSError(errno.ENOSYS, "renameat2 is not available", str(a))
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code), str(a), None, str(b))


def _renameat2():
    if not sys.platform.startswith("linux"):
        return None
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    function = getattr(libc, "renameat2", None)
    if function is not None:
        function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
        function.restype = ctypes.c_int
    return function


def _two_renames(new: Path, site_dir: Path) -> str:
    """The fallback: the old tree is renamed away, then the new one in."""
    old = site_dir.with_name(f".{site_dir.name}.old-{os.getpid()}")
    os.rename(site_dir, old)
    os.rename(new, site_dir)
    os.rename(old, new)  # so the caller removes it as in the atomic case
    return (f"{site_dir.parent}: this file system cannot swap folders atomically, so {site_dir.name}/ "
            "was missing for a moment (make it a symbolic link to publish atomically here)")


def _swap_link(new: Path, link: Path) -> None:
    """Point the symbolic link `link` at `new` by renaming a new link over it (atomic)."""
    tmp = link.with_name(f".{link.name}.link-{os.getpid()}")
    tmp.unlink(missing_ok=True)
    os.symlink(new.name, tmp)
    os.replace(tmp, link)


def _link_target(path: Path) -> Path | None:
    if not path.is_symlink():
        return None
    return (path.parent / os.readlink(path)).absolute()


def standalone_role(config: Config, role_ids: list[str]) -> str | None:
    """The role published alone, at the root of the site folder: the only role built, when
    it has a host of its own (`site_url`) or the build is an offline copy."""
    if config.offline and len(role_ids) != 1:
        choices = " or ".join(f"--role {role}" for role in config.role_ids)
        raise UsageError(f"--offline: an offline copy holds one role's site, so that nobody is handed another role's pages (add {choices}; one copy per role)")
    if len(role_ids) == 1 and (config.offline or config.role(role_ids[0]).site_url):
        return role_ids[0]
    return None


def output_dir(config: Config, site_dir: Path | None, alone: str | None) -> Path:
    """`-d`, or the default: `site/` for the full site; `site/<role>/` (its place in the full
    site) for a role on its own host; `site-offline/<role>/` for an offline copy."""
    if site_dir is not None:
        return site_dir
    if alone is None:
        return Path("site")
    return Path("site-offline" if config.offline else "site") / alone


def link_tree(source: Path, target: Path) -> None:
    """Copy a built site by hard links (instant, no extra disk); plain copies across devices."""
    def link(src: str, dst: str) -> None:
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    shutil.copytree(source, target, copy_function=link, dirs_exist_ok=True)
