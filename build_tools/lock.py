"""One build (or serve) at a time per project: an `fcntl.flock` on `.guides-cache/lock`.

A second `guides build` or `guides serve` in the same project waits for the first,
saying so on stderr, and then reads the content afresh: builds never interleave, and
the last one to start publishes last, so an older build never publishes over a newer
one. The kernel releases the lock when its holder exits, even after `kill -9`, so a
killed build never leaves the project locked.
"""

from __future__ import annotations

import fcntl
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from build_tools.publish import fs_error


@contextmanager
def project_lock(lock_file: Path, doing: str) -> Iterator[None]:
    """Hold the project's lock for the body; wait (with a message) while another holds it."""
    try:
        lock_file.parent.mkdir(parents=True, exist_ok=True)
        handle = lock_file.open("a+", encoding="utf-8")
    except OSError as exc:
        raise fs_error(exc, "create the build lock") from None
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another guides process"
            print(f"guides: waiting for {holder} to finish (lock {lock_file})", file=sys.stderr, flush=True)
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            handle.seek(0)
            handle.truncate()
            handle.write(f"guides {doing} (pid {os.getpid()}, since {time.strftime('%H:%M:%S')})\n")
            handle.flush()
        except OSError:
            pass  # the message is only a courtesy
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
