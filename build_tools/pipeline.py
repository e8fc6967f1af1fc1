"""The one story: load → validate → check → select → sheets → stage → render → publish.

`check()` runs the first three stages; `build()` runs them all and publishes
only when every earlier stage succeeded, so a failed build leaves the previous
`site/` exactly as it was.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from build_tools import landing, stamp
from build_tools import readability as readability_package
from build_tools.cache import ResultCache, code_digest, digest
from build_tools.config import Config, load_config
from build_tools.content.loader import load_corpus
from build_tools.content.model import Corpus
from build_tools.errors import ContentErrors, Finding, UsageError, has_errors
from build_tools.readability import PageReadability, ReadabilitySettings
from build_tools.readability.parallel import PageJob, measure_pages
from build_tools.readability.report import write_report
from build_tools.report_rows import report_rows
from build_tools.roles import RoleView, select
from build_tools.site import MkDocsRun, build_sites
from build_tools.stage import SheetLink, project_hash, stage_role
from build_tools.validate import validate

CACHE = ".guides-cache"


@dataclass
class CheckResult:
    config: Config
    corpus: Corpus
    findings: list[Finding]
    readability: list[PageReadability]


@dataclass
class BuildResult:
    check: CheckResult
    site_dir: Path
    roles_built: list[str] = field(default_factory=list)
    roles_skipped: list[str] = field(default_factory=list)
    sheets_rendered: int = 0
    sheets_reused: int = 0
    engine_warnings: list[str] = field(default_factory=list)


def check(config_file: Path, today: date) -> CheckResult:
    """Stages 1–3: read the configuration and content, and find every problem."""
    config = load_config(config_file)                                  # 1. configure
    if not config.docs_dir.is_dir():
        raise UsageError(f"{config.docs_dir}: content folder not found (docs_dir in {config.config_file.name})")
    corpus, findings = load_corpus(config.docs_dir)                     # 2. load
    findings += validate(corpus, config, today)                         # 3. validate
    findings += stamp.stale_easy_read(corpus, config)
    reports = readability(corpus, config.guides.readability, config.project_dir / CACHE)  # 4. readability
    for report in reports:
        findings += report.findings
    shown = [dataclasses.replace(f, path=config.source_path(f.path)) for f in set(findings)]
    return CheckResult(config, corpus, sorted(shown), reports)


def readability(corpus: Corpus, settings: ReadabilitySettings, cache_dir: Path) -> list[PageReadability]:
    """Measure every page; a page whose text, glossary and settings are unchanged since the
    last run reuses its result, and many changed pages are measured on every core."""
    terms = corpus.glossary.as_mapping()
    shared = digest(code_digest(Path(readability_package.__file__).parent), settings.model_dump_json(), repr(sorted(terms.items())))
    cache: ResultCache[PageReadability] = ResultCache(cache_dir / "readability.pickle")
    jobs: dict[str, PageJob] = {}
    for doc in corpus.documents.values():
        if doc.meta.type == "glossary":
            continue
        # A pack's cover is read by the same readers as its easy-read pages.
        easy = doc.is_easy or doc.meta.type == "pack"
        key = digest(shared, doc.path, doc.text, str(doc.body_start), str(easy), doc.meta.type)
        jobs[key] = PageJob(doc.path, doc.text, doc.body_start, easy, doc.meta.type)
    fresh = measure_pages([job for key, job in jobs.items() if key not in cache.old], terms, settings)
    reports = [cache.get_or_make(key, lambda job=job: fresh[job.path]) for key, job in jobs.items()]
    cache.save()
    return reports


def build(config_file: Path, site_dir: Path, today: date, roles: list[str] | None = None) -> BuildResult:
    """Every stage; publishes `site_dir` only when all succeed."""
    checked = check(config_file, today)
    if has_errors(checked.findings):
        raise ContentErrors(checked.findings)
    config, corpus = checked.config, checked.corpus
    role_ids = _chosen_roles(config, roles)
    cache = config.project_dir / CACHE
    result = BuildResult(check=checked, site_dir=site_dir)

    staged = stage_roles(checked, role_ids, cache, today)              # 5–7. select, sheets, stage
    result.sheets_rendered, result.sheets_reused = staged.sheets_rendered, staged.sheets_reused

    runs: list[MkDocsRun] = []
    hashes: dict[str, str] = {}
    for role, config_path in staged.config_files.items():
        hashes[role] = project_hash(config_path.parent, _theme_dirs(config))
        if _cached_hash(cache, role) == hashes[role]:
            result.roles_skipped.append(role)
        else:
            _forget_hash(cache, role)
            runs.append(MkDocsRun(role, config_path, cache / "sites" / role))
    result.engine_warnings = build_sites(runs)                          # 8. render
    for run in runs:
        _remember_hash(cache, run.role_id, hashes[run.role_id])
        result.roles_built.append(run.role_id)

    site_dir = site_dir.resolve()                                       # 9. assemble
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    new = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.new-", dir=site_dir.parent))
    try:
        for role in config.role_ids:
            if role in role_ids:
                _link_tree(cache / "sites" / role, new / role)
            elif (site_dir / role).is_dir():  # --role: other roles stay as published
                _link_tree(site_dir / role, new / role)
        landing.write_landing(new, config, [r for r in config.role_ids if (new / r).is_dir()])
        write_report(new / "report", report_rows(checked, staged.views), today=today, site_name=config.site_name)
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        raise
    publish(new, site_dir)                                              # 10. publish
    return result


@dataclass
class Staged:
    views: dict[str, RoleView]
    config_files: dict[str, Path]
    sheets_rendered: int
    sheets_reused: int


def stage_roles(checked: CheckResult, role_ids: list[str], cache: Path, today: date) -> Staged:
    """Select each role's content, render its sheets, and write its MkDocs project."""
    # Imported here so `guides check` never loads the PDF engine.
    from build_tools.sheets import plan_sheets, render_sheets

    config, corpus = checked.config, checked.corpus
    views = {role: select(corpus, config, role) for role in role_ids}
    plans = {role: plan_sheets(views[role], corpus, config, cache / "stage" / role / "docs", cache / "sheets") for role in role_ids}
    outcome = render_sheets([r for plan in plans.values() for r in plan], cache / "sheets")
    checked.findings.extend(outcome.findings)  # e.g. a pack too long to take in: printed with the rest
    config_files = {}
    for role in role_ids:
        links = {r.page_path: SheetLink(r.output_rel, r.output.stat().st_size) for r in plans[role]}
        config_files[role] = stage_role(views[role], corpus, config, cache / "stage" / role, today, links)
    return Staged(views, config_files, outcome.rendered, outcome.reused)


def publish(new: Path, site_dir: Path) -> None:
    """Swap the finished build in: two renames, so `site/` is never half-written."""
    old = site_dir.with_name(f".{site_dir.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    new.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


def _chosen_roles(config: Config, roles: list[str] | None) -> list[str]:
    if not roles:
        return list(config.role_ids)
    unknown = [r for r in roles if r not in config.role_ids]
    if unknown:
        raise UsageError(f"unknown role {', '.join(unknown)}; roles are: {', '.join(config.role_ids)}")
    return list(dict.fromkeys(roles))


def _theme_dirs(config: Config) -> list[Path]:
    """Folders whose files change a role's pages besides its staged project."""
    package = Path(__file__).parent
    dirs = [package]
    return [*dirs, config.custom_dir, *config.partials_dirs]


def _hash_file(cache: Path, role: str) -> Path:
    return cache / "sites" / f"{role}.hash"


def _cached_hash(cache: Path, role: str) -> str | None:
    path = _hash_file(cache, role)
    if path.is_file() and (cache / "sites" / role).is_dir():
        return path.read_text().strip()
    return None


def _forget_hash(cache: Path, role: str) -> None:
    _hash_file(cache, role).unlink(missing_ok=True)


def _remember_hash(cache: Path, role: str, digest: str) -> None:
    _hash_file(cache, role).write_text(digest)


def _link_tree(source: Path, target: Path) -> None:
    """Copy a built site by hard links (instant, no extra disk); plain copies across devices."""
    def link(src: str, dst: str) -> None:
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    shutil.copytree(source, target, copy_function=link)
