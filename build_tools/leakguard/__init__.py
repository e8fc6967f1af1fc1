"""The leak guard: before publishing, prove that no role's output holds text only other
roles may read.

`fingerprints.py` works out, for each role, the phrases it must never show;
`scan.py` reads every file of the role's built site for them. `start_guard` and
`guard_leaks` are the two steps `pipeline.build()` takes: fingerprints are made in a
thread while MkDocs renders, and the scan runs before publishing.
"""

from __future__ import annotations

import importlib.util
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from build_tools import incremental
from build_tools.cache import CacheDir, code_digest, digest
from build_tools.errors import ContentErrors
from build_tools.leakguard.fingerprints import Fingerprint, fingerprint, words
from build_tools.leakguard.scan import findings, scan_tree

if TYPE_CHECKING:
    from build_tools.results import CheckResult, Staged

__all__ = ["Fingerprint", "Guard", "findings", "fingerprint", "guard_leaks", "scan_tree", "start_guard", "words"]


@dataclass
class Guard:
    """The leak guard's work for this build: which roles to scan, and their fingerprints."""

    keys: dict[str, str]
    todo: list[str]
    prints: Future[dict[str, Fingerprint]] | None


def start_guard(checked: CheckResult, manifests: dict[str, incremental.Manifest], cache: CacheDir) -> Guard:
    """Decide which roles the leak guard scans and start fingerprinting them in a thread:
    MkDocs renders in other processes meanwhile, and this one only waits for them.
    A role whose site and the whole content are as when the guard last passed it is not scanned again."""
    corpus = checked.corpus
    content = digest(code_digest(Path(__file__).parent.parent, ("leakguard/*.py", "roles.py", "blanking.py")),
                     checked.config.config_file.read_bytes(),
                     *(f"{path}\0{doc.text}" for path, doc in sorted(corpus.documents.items())))
    keys = {role: digest(content, manifest.to_json()) for role, manifest in manifests.items()}
    todo = [role for role in keys if cache.guarded(role) != keys[role]]
    if not todo:
        return Guard(keys, todo, None)
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="fingerprint")
    prints = pool.submit(fingerprint, corpus, checked.config, todo)
    pool.shutdown(wait=False)  # the thread ends when its one task does
    return Guard(keys, todo, prints)


def guard_leaks(guard: Guard, staged: Staged, sites: dict[str, Path], cache: CacheDir) -> None:
    """Stop the build if any role's output holds text only other roles may read (leakguard.py)."""
    if guard.prints is None:
        return
    prints = guard.prints.result()
    theme = _theme_templates()
    leaks = [leak for role in guard.todo for leak in scan_tree(sites[role], prints[role], staged.sheet_html.get(role), theme)]
    if leaks:
        raise ContentErrors(findings(leaks))
    for role in guard.todo:
        cache.remember_guarded(role, guard.keys[role])


def _theme_templates() -> Path | None:
    """Material's own files (found without importing MkDocs): the leak guard skips identical copies."""
    spec = importlib.util.find_spec("material")
    return Path(spec.origin).parent / "templates" if spec and spec.origin else None
