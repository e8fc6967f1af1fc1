"""Rows of the authors' report: each page's metadata beside its readability and every finding."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from build_tools.readability import ReportRow
from build_tools.urls import page_url

if TYPE_CHECKING:
    from build_tools.results import CheckResult
    from build_tools.roles import RoleView


def report_rows(checked: CheckResult, views: dict[str, RoleView] | None = None, site_base: str = "../") -> list[ReportRow]:
    """One row per checked page. Its findings are all of the page's findings (metadata,
    links, review date, readability), so the report and `--format json` tell the whole story.
    `site_base` is the published folder as seen from the report (it is written outside it)."""
    config, corpus = checked.config, checked.corpus
    by_path: dict[str, list] = {}
    for finding in checked.findings:
        by_path.setdefault(finding.path, []).append(finding)
    prefix = config.content_prefix + "/"
    by_content_path = {p.removeprefix(prefix): f for p, f in by_path.items()}
    rows = []
    for page in checked.readability:
        doc = corpus.documents[page.path]
        roles = tuple(r for r in config.role_ids if r in doc.roles_for(config.role_ids))
        urls = {r: f"{site_base}{r}/{page_url(doc.path, config)}" for r in roles if views is None or (r in views and doc.path in views[r].pages)}
        rows.append(ReportRow(
            readability=dataclasses.replace(page, findings=sorted(by_content_path.get(page.path, []))),
            title=doc.title,
            roles=roles,
            level=doc.meta.level,
            review_due=doc.meta.review_due,
            easy_status=_easy_status(doc.path, corpus, by_content_path),
            urls=urls,
        ))
    return rows


def _easy_status(path: str, corpus, by_path: dict[str, list]) -> str:
    doc = corpus.documents[path]
    if doc.is_easy:
        rules = {f.rule for f in by_path.get(path, [])}
        if "easy-read-stale" in rules:
            return "easy-read page, out of date"
        if "easy-read-stamp" in rules:
            return "easy-read page, never stamped"
        return "easy-read page"
    if doc.companion_path in corpus.documents:
        rules = {f.rule for f in by_path.get(doc.companion_path, [])}
        return "easy-read version out of date" if rules & {"easy-read-stale", "easy-read-stamp"} else "easy-read version up to date"
    return "no easy-read version"
