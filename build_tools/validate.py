"""Checks that need the whole corpus and the configuration: ids, variables, links, dates.

Every check returns findings; none raises for bad content.
"""

from __future__ import annotations

import re
from datetime import date

from build_tools.config import VARIABLE, Config, lookup_variable
from build_tools.content.links import link_targets, resolve_link
from build_tools.content.model import Corpus, Document, parse_ids
from build_tools.content.scan import first_heading, without_code_spans
from build_tools.errors import Finding, error, warning
from build_tools.icons import icon_path
from build_tools.markdown_ext import BLOCKS
from build_tools.markdown_options import block_names

#: `[^note]: …` and `[label]: …` definitions; and their uses: `[^note]`, `[text][label]`, `[label][]`, `[label]`.
DEFINITION = re.compile(r"^\s{0,3}\[(?P<label>\^?[^\]]+)\]:")
USE = re.compile(r"\[(?P<footnote>\^[^\]]+)\]|\[[^\]]*\]\[(?P<ref>[^\]]+)\]|\[(?P<text>[^\]^][^\]]*)\](?!\()")


def validate(corpus: Corpus, config: Config, today: date) -> list[Finding]:
    findings: list[Finding] = []
    blocks = block_names(config)
    for document in corpus.documents.values():
        findings += check_page_ids(document, config)
        findings += check_blocks(document, config, blocks)
        findings += check_title_source(document, config)
        findings += check_definitions(document, config)
        findings += check_variables(document, config)
        findings += check_links(document, corpus, config)
        findings += check_review(document, today)
        findings += check_pack(document, corpus, config)
    return findings


def check_page_ids(doc: Document, config: Config) -> list[Finding]:
    found = []
    for role in doc.meta.roles if "roles" in doc.key_lines else []:  # inherited ones are checked where they are set
        if role not in config.role_ids:
            found.append(error(doc.path, doc.line_of("roles"), "unknown-role", f"unknown role `{role}`", f"use one of: {', '.join(config.role_ids)}"))
    if doc.meta.roles == []:
        found.append(error(doc.path, doc.line_of("roles"), "unknown-role", "`roles` is empty, so nobody could read this page", "list at least one role, or remove `roles` to show the page to everyone"))
    if doc.meta.level is not None and doc.meta.level not in config.level_ids:
        found.append(error(doc.path, doc.line_of("level"), "unknown-level", *_level_problem(doc.meta.level, "", config)))
    return found


def _level_problem(level: str, where: str, config: Config) -> tuple[str, str]:
    """Message and fix for a level the configuration does not have; levels are optional."""
    if not config.level_ids:
        return f"level `{level}`{where}, but this project has no involvement levels", "remove it, or list levels under `guides.levels` in mkdocs.yml"
    return f"unknown level `{level}`{where}", f"use one of: {', '.join(config.level_ids)}"


def check_blocks(doc: Document, config: Config, allowed: frozenset[str]) -> list[Finding]:
    """Our blocks' arguments; any other block must be one the configured extensions define."""
    found = []
    for block in doc.blocks:
        if block.name == "role":
            ids = parse_ids(block.argument)
            if not ids:
                found.append(error(doc.path, block.start, "unknown-role", "role block names no role", f"write e.g. `/// role | {config.role_ids[0]}`"))
            for role in ids:
                if role not in config.role_ids:
                    found.append(error(doc.path, block.start, "unknown-role", f"unknown role `{role}` in role block", f"use one of: {', '.join(config.role_ids)}"))
        elif block.name == "level":
            if block.argument not in config.level_ids:
                found.append(error(doc.path, block.start, "unknown-level", *_level_problem(block.argument, " in level block", config)))
        elif block.name == "picture":
            if icon_path(block.argument) is None:
                found.append(error(doc.path, block.start, "picture", f"unknown icon `{block.argument}`", "use a Material icon name such as `material-account-group` (see the Material icon search)"))
            decorative = block.options.get("decorative", "").lower() == "true"
            if not decorative and not block.options.get("alt"):
                found.append(error(doc.path, block.start, "picture-alt", "picture has no alt text", "add an indented line `    alt: what the picture shows`, or `    decorative: true`"))
        elif block.name not in allowed:
            others = sorted(allowed - {b.NAME for b in BLOCKS})
            more = f", or one the Markdown extensions in mkdocs.yml define ({', '.join(others)})" if others else " (or add the pymdownx.blocks extension that defines it to mkdocs.yml)"
            found.append(error(doc.path, block.start, "block", f"unknown block `{block.name}`", f"use one of: {', '.join(b.NAME for b in BLOCKS)}{more}"))
    return found


def check_title_source(doc: Document, config: Config) -> list[Finding]:
    """A title taken from a heading some readers cannot see would name the page to them."""
    if doc.meta.title is not None:
        return []
    heading = first_heading(doc.visible or doc.lines, doc.body_start, doc.code)
    if heading is None or doc.roles_at(heading[0], config.role_ids) == doc.roles_for(config.role_ids):
        return []
    return [error(doc.path, heading[0], "title-role", "the page's title would come from this heading, which is inside a role block",
                  f"add `title: …` to the front matter (e.g. `title: {heading[1]}`) with words every reader of the page may see")]


def check_definitions(doc: Document, config: Config) -> list[Finding]:
    """A footnote or reference link must be defined where every reader of its use can read it."""
    lines = doc.visible or doc.lines
    defined: dict[str, frozenset[str]] = {}
    for number in range(doc.body_start, len(lines) + 1):
        if number not in doc.code and (match := DEFINITION.match(lines[number - 1])):
            label = _label(match.group("label"))
            defined[label] = defined.get(label, frozenset()) | doc.roles_at(number, config.role_ids)
    found = []
    for number in range(doc.body_start, len(lines) + 1):
        if number in doc.code or DEFINITION.match(lines[number - 1]):
            continue
        for match in USE.finditer(without_code_spans(lines[number - 1])):
            label = _label(match.group("footnote") or match.group("ref") or match.group("text"))
            if label not in defined:
                continue
            blind = sorted(doc.roles_at(number, config.role_ids) - defined[label])
            if blind:
                name = f"footnote `[{label}]`" if label.startswith("^") else f"reference `[{label}]`"
                found.append(error(doc.path, number, "definition-role",
                                   f"{name} is used where the {', '.join(blind)} site shows it, but defined only inside a role block for others",
                                   "move the definition out of the role block, or the use into it"))
    return found


def _label(text: str) -> str:
    return " ".join(text.split()).lower()


def check_variables(doc: Document, config: Config) -> list[Finding]:
    found = []
    for number, line in enumerate(doc.lines, start=1):
        if number in doc.code:
            continue
        for match in VARIABLE.finditer(line):
            if lookup_variable(config.guides.variables, match.group(1)) is None:
                found.append(error(doc.path, number, "variable", f"unknown variable `{match.group(1)}`", "use a variable defined under `guides.variables` in mkdocs.yml, or add it there"))
    return found


def check_links(doc: Document, corpus: Corpus, config: Config) -> list[Finding]:
    found = []
    for number, target in link_targets(doc):
        resolved = resolve_link(doc, target)
        if resolved is None:
            continue
        if resolved.endswith(".md"):
            other = corpus.get(resolved)
            if other is None:
                found.append(error(doc.path, number, "link", f"link to `{target}`, which does not exist", "check the file name and the path relative to this page"))
                continue
            readers = doc.roles_at(number, config.role_ids)
            blind = sorted(readers - other.roles_for(config.role_ids))
            if blind:
                found.append(error(
                    doc.path, number, "link-role",
                    f"link to `{target}`, which the {', '.join(blind)} site does not have",
                    f"put the link inside `/// role | {', '.join(sorted(readers - set(blind)) or ['…'])}`, or give the target page those roles too",
                ))
        elif resolved not in corpus.assets and resolved.rstrip("/") + "/index.md" not in corpus.documents:
            found.append(error(doc.path, number, "link", f"link to `{target}`, which does not exist", "check the file name and the path relative to this page"))
    return found


def check_review(doc: Document, today: date) -> list[Finding]:
    due = doc.meta.review_due
    if due is not None and due < today:
        return [warning(doc.path, doc.line_of("review_due"), "review-due", f"page was due for review on {due.isoformat()}", "review the page, then set a new `review_due` date")]
    return []


def check_pack(doc: Document, corpus: Corpus, config: Config) -> list[Finding]:
    if doc.meta.type != "pack":
        if doc.meta.pack is not None:
            return [error(doc.path, doc.line_of("pack"), "pack", "`pack` is only for pages of `type: pack`", "set `type: pack`, or remove `pack`")]
        return []
    if not doc.meta.pack:
        return [error(doc.path, doc.line_of("type"), "pack", "a pack lists no pages", "add `pack: [page.easy.md, …]`")]
    found = []
    readers = doc.roles_for(config.role_ids)
    for entry in doc.meta.pack:
        resolved = resolve_link(doc, entry)
        other = corpus.get(resolved) if resolved else None
        if other is None:
            found.append(error(doc.path, doc.line_of("pack"), "pack", f"pack page `{entry}` does not exist", "give the path relative to this page"))
        elif blind := sorted(readers - other.roles_for(config.role_ids)):
            found.append(error(doc.path, doc.line_of("pack"), "pack", f"pack page `{entry}` is not for the {', '.join(blind)} role", "give the pack the same roles as its pages"))
    return found
