"""The one story, as the README's diagram draws it:

    check():  1 configure → 2 load → 3 validate → 4 readability → 5 select each role and plan its sheets
    build():  check() → 6 render sheets and stage → 7 render sites → 8 assemble → 9 leak guard → 10 publish

`check()` finds every problem `build()` can refuse, across all roles, with the same
`path:line`. `build()` runs under the project's lock (lock.py) and publishes only when
every stage succeeded and the leak guard (leakguard.py) found nothing, so a failed build
leaves the previous `site/` exactly as it was; publishing swaps the whole tree atomically
(publish.py). `.guides-cache/` and its layout are cache.py's `CacheDir`. With `-v` each
stage's time is logged.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING
from datetime import date
from pathlib import Path

from build_tools import incremental, landing, stamp
from build_tools import readability as readability_package
from build_tools.cache import CacheDir, ResultCache, code_digest, digest, dump_readability, load_readability, write_atomically
from build_tools.config import Config, Engine, load_config
from build_tools.content.loader import load_corpus
from build_tools.content.model import Corpus
from build_tools.errors import ContentErrors, Finding, UsageError, has_errors
from build_tools.readability import PageReadability, ReadabilitySettings
from build_tools.readability.parallel import PageJob, measure_pages
from build_tools.leakguard import guard_leaks, start_guard
from build_tools.lock import project_lock
from build_tools.publish import check_target, link_tree, new_tree, output_dir, publish, standalone_role
from build_tools.readability.report import write_report
from build_tools.report_rows import report_rows
from build_tools.results import BuildResult, CheckResult, Staged
from build_tools.roles import RoleView, select
from build_tools.site import MkDocsRun, Rerender, build_sites
from build_tools.stage import SheetLink, stage_role
from build_tools.urls import output_file, page_url
from build_tools.validate import validate

if TYPE_CHECKING:
    from build_tools.sheets import SheetRequest

CACHE = CacheDir.NAME
log = logging.getLogger("guides")


def check(config_file: Path, today: date) -> CheckResult:
    """Stages 1–5: read the configuration and content, and find every problem a build
    could refuse."""
    with timed("configure"):
        config = load_config(config_file)                               # 1. configure
    if not config.docs_dir.is_dir():
        raise UsageError(f"{config.docs_dir}: content folder not found (docs_dir in {config.config_file.name})")
    cache = CacheDir.of_project(config.project_dir)
    with timed("load"):
        corpus, findings = load_corpus(config.docs_dir, config.source_path)  # 2. load
    with timed("validate"):
        findings += validate(corpus, config, today)                     # 3. validate
        findings += stamp.stale_easy_read(corpus, config)
    with timed("readability"):
        reports = readability(corpus, config.guides.readability, cache.readability)  # 4. readability
    for report in reports:
        findings += report.findings
    with timed("select and plan sheets"):
        views = {role: select(corpus, config, role) for role in config.role_ids}  # 5. select, plan sheets
        sheets, problems = plan_all_sheets(views, corpus, config, cache)
    findings += problems
    return CheckResult(config, corpus, sorted(source_paths(set(findings), config)), reports, views, sheets)


def source_paths(findings: Iterable[Finding], config: Config) -> list[Finding]:
    """The one place findings get the paths an author opens: `guide.md` -> `content/guide.md`."""
    prefix = config.content_prefix + "/"
    return [f if f.path.startswith(prefix) else dataclasses.replace(f, path=config.source_path(f.path)) for f in findings]


def plan_all_sheets(views: dict[str, RoleView], corpus: Corpus, config: Config,
                    cache: CacheDir) -> tuple[dict[str, list[SheetRequest]], list[Finding]]:
    """Every role's sheet requests (HTML, not yet PDF), and every problem found making them;
    also what the last build learnt from a PDF still cached as it is (a pack too long)."""
    from build_tools.sheets import plan_sheets  # not the PDF engine: only rendering loads it
    from build_tools.sheets.render import long_packs

    sheets: dict[str, list[SheetRequest]] = {}
    findings: list[Finding] = []
    for role, view in views.items():
        try:
            sheets[role] = plan_sheets(view, corpus, config, cache.stage(role) / "docs", cache.sheets)
        except ContentErrors as problems:
            findings += problems.findings
    findings += long_packs([r for requests in sheets.values() for r in requests], cache.sheets)
    return sheets, findings


def readability(corpus: Corpus, settings: ReadabilitySettings, cache_file: Path) -> list[PageReadability]:
    """Measure every page; a page whose text, glossary and settings are unchanged since the
    last run reuses its result, and many changed pages are measured on every core."""
    terms = corpus.glossary.as_mapping()
    shared = digest(code_digest(Path(readability_package.__file__).parent), settings.model_dump_json(), repr(sorted(terms.items())))
    cache = ResultCache(cache_file, load_readability, dump_readability)
    jobs: dict[str, PageJob] = {}
    for doc in corpus.documents.values():
        # The glossary is checked too (its term lines aside: see readability/check.py).
        # A pack's cover is read by the same readers as its easy-read pages.
        easy = doc.is_easy or doc.meta.type == "pack"
        key = digest(shared, doc.path, doc.text, str(doc.body_start), str(easy), doc.meta.type)
        jobs[key] = PageJob(doc.path, doc.text, doc.body_start, easy, doc.meta.type)
    fresh = measure_pages([job for key, job in jobs.items() if key not in cache.old], terms, settings)
    reports = [cache.get_or_make(key, lambda job=job: fresh[job.path]) for key, job in jobs.items()]
    cache.save()
    return reports


def build(
    config_file: Path,
    site_dir: Path | None,
    today: date,
    roles: list[str] | None = None,
    engine: Engine | None = None,
    offline: bool = False,
    strict: bool = False,
) -> BuildResult:
    """Every stage, under the project's lock; publishes the site folder only when all
    succeed, atomically (publish.py).

    `engine` overrides `guides.engine`. One role with a host of its own, or `offline`
    (which needs exactly one role), is published alone at the root of the site folder;
    see `output_dir` for the defaults. `strict`: refuse on warnings too.
    """
    with project_locked(config_file, "build"):
        return _build(config_file, site_dir, today, roles, engine, offline, strict)


def _build(config_file: Path, site_dir: Path | None, today: date, roles: list[str] | None,
           engine: Engine | None, offline: bool, strict: bool) -> BuildResult:
    checked = check(config_file, today)                                 # 1–5. everything check() finds
    if refused(checked.findings, strict):
        raise ContentErrors(checked.findings)
    if offline:  # other addresses: select and plan again for the copy
        checked = dataclasses.replace(checked, config=checked.config.offline_copy(), views={}, sheets={})
    config = checked.config
    role_ids = _chosen_roles(config, roles)
    alone = standalone_role(config, role_ids)
    site_dir = output_dir(config, site_dir, alone)
    check_target(site_dir, [config.project_dir, config.config_file],
                 [config.docs_dir, *([config.custom_dir] if config.custom_dir else []), *config.partials_dirs])
    engine = engine or config.guides.engine
    cache = CacheDir.of_project(config.project_dir)
    result = BuildResult(check=checked, site_dir=site_dir, report_dir=cache.report)

    with timed("render sheets and stage"):
        staged = stage_roles(checked, role_ids, cache.root, today)      # 6. render sheets, stage
    result.sheets_rendered, result.sheets_reused = staged.sheets_rendered, staged.sheets_reused
    manifests = {role: incremental.manifest(path.parent, theme_dirs(config), engine)
                 for role, path in staged.config_files.items()}

    guard = start_guard(checked, manifests, cache)                       # fingerprints while MkDocs renders
    runs = roles_to_render(staged, manifests, config, engine, cache, result)   # each role: skip, some pages, or all
    with timed("render sites"):
        result.engine_warnings = build_sites(runs)                      # 7. render sites
    for run in runs:
        cache.remember_built(run.role_id, manifests[run.role_id])
        result.roles_built.append(run.role_id)

    site_dir = site_dir.parent.resolve() / site_dir.name                # 8. assemble
    with new_tree(site_dir) as new:
        if alone:  # one role's site at the root: deployable as its own host, or offline
            link_tree(cache.site(alone), new)
            sites = {alone: new}
        else:
            for role in config.role_ids:
                if role in role_ids:
                    link_tree(cache.site(role), new / role)
                elif (site_dir / role).is_dir():  # --role: other roles stay as published
                    link_tree(site_dir / role, new / role)
            landing.write_landing(new, config, [r for r in config.role_ids if (new / r).is_dir() and config.role(r).landing])
            sites = {role: new / role for role in role_ids}
        base = os.path.relpath(site_dir, cache.report) + "/"
        # The report covers every role, also those a `--role` build left as published.
        views = {role: staged.views.get(role) or select(checked.corpus, config, role) for role in config.role_ids}
        write_report(cache.report, report_rows(checked, views, base), today=today, site_name=config.site_name)
        guard_leaks(guard, staged, sites, cache)                         # 9. leak guard
    result.publish_note = publish(new, site_dir)                        # 10. publish
    return result


@contextmanager
def project_locked(config_file: Path, doing: str) -> Iterator[None]:
    """Hold the project's lock (lock.py): one build or serve staging at a time."""
    cache = CacheDir.of_project(load_config(config_file).project_dir)
    with project_lock(cache.lock_file, doing):
        cache.drop_pickles()
        yield


def stage_roles(checked: CheckResult, role_ids: list[str], cache_root: Path, today: date) -> Staged:
    """Select each role's content, render its sheets, and write its MkDocs project."""
    # Imported here so `guides check` never loads the PDF engine.
    from build_tools.sheets import render_sheets

    config, corpus, cache = checked.config, checked.corpus, CacheDir(cache_root)
    views = {role: checked.views.get(role) or select(corpus, config, role) for role in role_ids}
    plans = {role: _plan_sheets(views[role], checked, cache) for role in role_ids}
    outcome = render_sheets([r for plan in plans.values() for r in plan], cache.sheets)
    # e.g. a pack too long to take in, known once its PDF is made: printed with the rest
    checked.findings.extend(f for f in outcome.findings if f not in checked.findings)
    cache.prune_sheet_html()
    staged = Staged(views, {}, outcome.rendered, outcome.reused)
    for role in role_ids:
        links = {r.page_path: SheetLink(r.output_rel, r.output.stat().st_size) for r in plans[role]}
        staged.config_files[role] = stage_role(views[role], corpus, config, cache.stage(role), today, links)
        staged.sheet_html[role] = {r.output_rel: cache.sheet_html(r.key) for r in plans[role]}
    return staged


def _plan_sheets(view: RoleView, checked: CheckResult, cache: CacheDir) -> list:
    """The role's sheet requests, keeping the HTML each PDF is printed from for the leak guard.
    A cached PDF whose HTML is not kept (a cache from an older version) is made again."""
    from build_tools.sheets import plan_sheets

    def plan() -> list:
        return plan_sheets(view, checked.corpus, checked.config, cache.stage(view.role_id) / "docs", cache.sheets)

    requests = checked.sheets.get(view.role_id) or plan()  # check() planned them already
    unknown = [r for r in requests if not r.html and not cache.sheet_html(r.key).is_file()]
    if unknown:
        for request in unknown:
            (cache.sheets / f"{request.key}.pdf").unlink(missing_ok=True)
        requests = plan()
    for request in requests:
        if request.html and not cache.sheet_html(request.key).is_file():
            write_atomically(cache.sheet_html(request.key), request.html)
    return requests


def roles_to_render(staged: Staged, manifests: dict[str, incremental.Manifest], config: Config, engine: Engine,
                    cache: CacheDir, result: BuildResult) -> list[MkDocsRun]:
    """Each role whose staged project changed since its cached site was built: only the
    changed pages when nothing else changed (incremental.py), otherwise the whole role."""
    runs = []
    for role, config_path in staged.config_files.items():
        todo = incremental.plan(cache.last_manifest(role), manifests[role])
        if todo.kind == "skip":
            result.roles_skipped.append(role)
            continue
        cache.forget_built(role)
        # An offline copy's search index is also written as a script, from the partial index
        # of a dirty build: offline copies are always built whole.
        rerender = _rerender(todo.changed, config) if todo.kind == "pages" and not config.offline else None
        runs.append(MkDocsRun(role, config_path, cache.site(role), engine, rerender))
        result.pages_rendered[role] = len(todo.changed) if rerender else None
    return runs


def _rerender(changed: tuple[str, ...], config: Config) -> Rerender:
    """The outputs of the staged files that changed, and the URLs of the pages among them."""
    pages = [path for path in changed if path.endswith(".md")]
    return Rerender(
        outputs=tuple(output_file(path, config) for path in changed),
        page_urls=tuple(page_url(path, config) for path in pages),
        sources=changed,
    )


def refused(findings: list[Finding], strict: bool) -> bool:
    """Errors stop a build; with `--strict`, warnings too (as in `mkdocs build --strict`)."""
    return has_errors(findings) or (strict and bool(findings))


@contextmanager
def timed(stage: str) -> Iterator[None]:
    """Log how long a stage took (shown with `-v`)."""
    started = time.perf_counter()
    yield
    log.info("%s: %.2f s", stage, time.perf_counter() - started)


def _chosen_roles(config: Config, roles: list[str] | None) -> list[str]:
    if not roles:
        return list(config.role_ids)
    unknown = [r for r in roles if r not in config.role_ids]
    if unknown:
        raise UsageError(f"unknown role {', '.join(unknown)}; roles are: {', '.join(config.role_ids)}")
    return list(dict.fromkeys(roles))


def theme_dirs(config: Config) -> list[Path]:
    """Folders whose files change every page of a role besides its staged project."""
    package = Path(__file__).parent
    dirs = [package]
    return [*dirs, config.custom_dir, *config.partials_dirs]
