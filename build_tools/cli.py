"""`guides`: new, build, check, serve and stamp, over the one pipeline.

Exit codes: 0 success (warnings allowed, unless --strict), 1 content errors (or a leak
found by the guard; with --strict, warnings too), 2 could not run (arguments,
configuration), 3 could not write a file (read-only or full disk, permissions: the
published site is left as it was), 4 an engine failed (MkDocs or WeasyPrint: not the
content's fault; nothing was published), 130 interrupted.
This is the only place where our exceptions become exit codes and messages.
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import get_args

from build_tools import pipeline, stamp
from build_tools.config import Engine
from build_tools.errors import ContentErrors, EngineError, Finding, GuidesError, UsageError
from build_tools.publish import PublishError, fs_error
from build_tools.finding_formats import format_github, format_text
from build_tools.readability import format_json, format_rule_counts
from build_tools.resources import tool_version
from build_tools.report_rows import report_rows

EXIT_OK, EXIT_CONTENT, EXIT_USAGE, EXIT_FILES, EXIT_ENGINE = 0, 1, 2, 3, 4


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on bad arguments, 0 on --help
        return int(exc.code or 0)
    with _stage_times(getattr(args, "verbose", False)):
        return _run(args)


@contextmanager
def _stage_times(verbose: bool) -> Iterator[None]:
    """With `-v`, print each stage's time (logged by `pipeline.timed`) on stderr."""
    if not verbose:
        yield
        return
    log = logging.getLogger("guides")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("guides: %(message)s"))
    log.addHandler(handler)
    # An engine's logging.config (dictConfig disables loggers it does not name) must not silence ours.
    level, disabled = log.level, log.disabled
    log.setLevel(logging.INFO)
    log.disabled = False
    try:
        yield
    finally:
        log.removeHandler(handler)
        log.setLevel(level)
        log.disabled = disabled


AT_LINE = re.compile(r"^[^\s:]+:\d+: ")


def _run(args: argparse.Namespace) -> int:
    """Our exceptions become exit codes and one-line messages here, and only here."""
    try:
        return args.run(args)
    except ContentErrors as exc:
        _print_findings(exc.findings, "text")
        print(f"\nguides: {_count(exc.findings)}; nothing was published", file=sys.stderr)
        return EXIT_CONTENT
    except UsageError as exc:
        # `path:line: …` lines stand alone, as findings do, so editors can jump to them.
        print("\n".join(line if AT_LINE.match(line) else f"guides: {line}" for line in str(exc).splitlines()), file=sys.stderr)
        return EXIT_USAGE
    except EngineError as exc:
        print(f"guides: {exc}\nnothing was published", file=sys.stderr)
        return EXIT_ENGINE
    except PublishError as exc:
        print(f"guides: {exc}", file=sys.stderr)
        return EXIT_FILES
    except OSError as exc:  # a file we could not read or write, anywhere: one line, no traceback
        print(f"guides: {fs_error(exc, 'read or write it')}", file=sys.stderr)
        return EXIT_FILES
    except GuidesError as exc:
        print(f"guides: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="guides", description="Build accessible guides, easy-read pages and printable sheets, one site per reader.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {tool_version()}")
    commands = parser.add_subparsers(dest="command", required=True)

    new = commands.add_parser("new", help="start a content project: config, starter pages, CI, pre-commit hook")
    new.add_argument("directory", type=Path, metavar="DIR")
    new.add_argument("--force", action="store_true", help="write into DIR even when it is not empty (files the starter project has are replaced)")
    new.set_defaults(run=_new)

    build = commands.add_parser("build", help="check the content, then build every role's site into site/")
    _common(build)
    build.add_argument("-d", "--site-dir", type=Path, default=None, help="where to publish, replaced atomically (default: site; for one role on its own host, site/ID; for --offline, site-offline/ID)")
    build.add_argument("--role", action="append", metavar="ID", help="build only this role (repeatable); other roles stay as published. One role with its own site_url is published alone at the root of -d")
    build.add_argument("--engine", choices=get_args(Engine), default=None, help="what builds the sites (default: guides.engine in mkdocs.yml, else mkdocs)")
    build.add_argument("--offline", action="store_true", help="a copy of one role's site (--role ID) that works from file://, search included")
    build.set_defaults(run=_build)

    check = commands.add_parser("check", help="report every problem in the content without building")
    _common(check)
    check.add_argument("--format", choices=("text", "json", "github"), default="text")
    check.set_defaults(run=_check)

    serve = commands.add_parser("serve", help="live preview of one role's site")
    _common(serve)
    serve.add_argument("--role", required=True, metavar="ID")
    serve.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", metavar="IP:PORT")
    serve.set_defaults(run=_serve)

    stamp_cmd = commands.add_parser("stamp", help="record that an easy-read page matches its standard page as it is now")
    stamp_cmd.add_argument("pages", nargs="+", type=Path, metavar="x.easy.md")
    stamp_cmd.set_defaults(run=_stamp)
    _add_import(commands)
    return parser


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"), help="default: mkdocs.yml")
    parser.add_argument("--today", type=_iso_date, default=None, metavar="YYYY-MM-DD", help="the date review dates are checked against (default: today)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log each stage's time")
    if parser.prog.endswith(("build", "check")):
        parser.add_argument("--strict", action="store_true", help="warnings fail too (exit 1)")


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date written YYYY-MM-DD") from None


def _build(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    result = pipeline.build(args.config_file, args.site_dir, args.today or date.today(), args.role, args.engine, args.offline, args.strict)
    _print_notes(result.check.config.notes)
    _print_findings(result.check.findings, "text")
    for line in result.engine_warnings:
        print(line, file=sys.stderr)
    built = ", ".join(_role_note(role, result.pages_rendered.get(role)) for role in result.roles_built) or "none"
    skipped = f" (unchanged, reused: {', '.join(result.roles_skipped)})" if result.roles_skipped else ""
    print(
        f"guides: built {built}{skipped}; sheets rendered {result.sheets_rendered}, reused {result.sheets_reused}; "
        f"{_count(result.check.findings)}; published {result.site_dir} in {time.perf_counter() - started:.1f} s",
        file=sys.stderr,
    )
    if result.publish_note:
        print(f"guides: note: {result.publish_note}", file=sys.stderr)
    print(f"guides: authors' report (not published): {result.report_dir / 'index.html'}", file=sys.stderr)
    return EXIT_OK


def _role_note(role: str, pages: int | None) -> str:
    return role if pages is None else f"{role} ({pages} changed file{'s' if pages != 1 else ''} rendered again)"


def _check(args: argparse.Namespace) -> int:
    result = pipeline.check(args.config_file, args.today or date.today())
    _print_notes(result.config.notes)
    if args.format == "json":
        print(format_json(report_rows(result), result.findings), end="")
    else:
        _print_findings(result.findings, args.format)
        print(f"guides: {len(result.corpus.documents)} pages checked; {_count(result.findings)}", file=sys.stderr)
        if per_rule := format_rule_counts(result.findings):
            print(f"guides: {per_rule}", file=sys.stderr)
    return EXIT_CONTENT if pipeline.refused(result.findings, args.strict) else EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    from build_tools.preview import serve

    serve(args.config_file, args.role, args.dev_addr, args.today)
    return EXIT_OK


def _new(args: argparse.Namespace) -> int:
    from build_tools.scaffold import new_project

    written = new_project(args.directory, force=args.force)
    print(f"guides: wrote {len(written)} files into {args.directory}; next: cd {args.directory} && guides check && guides build", file=sys.stderr)
    return EXIT_OK


def _stamp(args: argparse.Namespace) -> int:
    for page in args.pages:
        version = stamp.stamp_file(page)
        print(f"{page}: stamped source_version {version[:12]}…")
    return EXIT_OK


def _add_import(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    from typing import get_args

    from build_tools.content.meta import PageType

    cmd = commands.add_parser("import", help="turn Word documents (.docx) into pages; print what needs an author")
    cmd.add_argument("files", nargs="+", type=Path, metavar="FILE.docx")
    cmd.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"), help="default: mkdocs.yml (roles, variables, content folder)")
    cmd.add_argument("-o", "--output", type=Path, metavar="PATH", help="the page (x.md, one document) or a folder (default: the content folder)")
    cmd.add_argument("--roles", nargs="+", metavar="ID", help="who may read the pages (default: every role)")
    cmd.add_argument("--type", choices=get_args(PageType), help="page type (default: suggested from the document)")
    cmd.add_argument("--force", action="store_true", help="replace pages and pictures that already exist")
    cmd.set_defaults(run=_import)


def _import(args: argparse.Namespace) -> int:
    from build_tools.config import load_config
    from build_tools.importer import ImportRefused, import_documents

    config = load_config(args.config_file)
    unknown = [r for r in args.roles or [] if r not in config.role_ids]
    if unknown:
        raise UsageError(f"--roles: unknown role {', '.join(unknown)} (roles: {', '.join(config.role_ids)})")
    try:
        result = import_documents(args.files, config.docs_dir, config.guides.variables, args.output, args.roles, args.type, args.force)
    except ImportRefused as exc:
        for line in exc.lines:
            print(f"guides: {line}", file=sys.stderr)
        return EXIT_CONTENT
    for page in result.pages:
        print(f"guides: imported {page.source} -> {page.page} (type {page.result.type}, {len(page.result.pictures)} pictures)", file=sys.stderr)
        for what in page.result.done:
            print(f"guides:   {what}", file=sys.stderr)
    _print_findings(result.findings, "text")
    print(f"guides: {len(result.pages)} page{'s' * (len(result.pages) != 1)} written; {len(result.findings)} thing{'s' * (len(result.findings) != 1)} for an author to check; then run guides check", file=sys.stderr)
    return EXIT_OK


def _print_notes(notes: tuple[str, ...]) -> None:
    for note in notes:
        print(f"guides: note: {note}", file=sys.stderr)


def _print_findings(findings: list[Finding], fmt: str) -> None:
    text = format_github(findings) if fmt == "github" else format_text(findings)
    if text:
        print(text)


def _count(findings: list[Finding]) -> str:
    errors = sum(f.severity == "error" for f in findings)
    return f"{errors} error{'s' * (errors != 1)}, {len(findings) - errors} warning{'s' * (len(findings) - errors != 1)}"


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())


if __name__ == "__main__":
    run()
