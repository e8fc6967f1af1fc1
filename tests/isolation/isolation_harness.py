"""Load pages, check them, stage them per role and render them as each role's build would.

Rendering uses the project's own `mkdocs.yml` Markdown extensions and our extension
configured for the role (`markdown_options.markdown_extensions`, the list every staged
build and sheet gets), in-process: fast enough for generated tests.
"""

from __future__ import annotations

import html
import re
from datetime import date
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import markdown

from build_tools.config import Config, load_config
from build_tools.content.loader import load_corpus
from build_tools.content.model import Corpus
from build_tools.errors import Finding
from build_tools.roles import select
from build_tools.markdown_options import markdown_extensions
from build_tools.validate import validate

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 11, 22)


@cache
def project_config() -> Config:
    return load_config(ROOT / "mkdocs.yml")


def load(pages: dict[str, str], folder: Path) -> tuple[Corpus, list[Finding]]:
    """Write `pages` under `folder`, load and validate them; return the corpus and its errors."""
    for rel, text in pages.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    config = project_config()
    corpus, findings = load_corpus(folder)
    findings += validate(corpus, config, TODAY)
    return corpus, [f for f in findings if f.severity == "error"]


def new_markdown(role: str, *, labels: dict[str, str] | None = None) -> markdown.Markdown:
    """A Markdown converter as `role`'s build has it ('' = no role check, for the oracle)."""
    names, settings = markdown_extensions(project_config(), role or "partner")
    ours = dict(settings["build_tools.markdown_ext"], role=role)
    if labels is not None:
        ours["roles"] = labels
    return markdown.Markdown(extensions=names, extension_configs={**settings, "build_tools.markdown_ext": ours})


def render_role(corpus: Corpus, role: str) -> str:
    """Everything of one role's output we can make in-process: each page's HTML, its title,
    and its hard words (which are part of the staged text), joined."""
    view = select(corpus, project_config(), role)
    out = []
    for page in view.pages.values():
        md = new_markdown(role)
        out.append(page.document.title)
        out.append(md.convert(page.text))
    return "\n".join(out)


class _RoleDivs(HTMLParser):
    """Which role boxes each piece of text sits in, from our extension's HTML."""

    def __init__(self, role_ids: tuple[str, ...]) -> None:
        super().__init__()
        self.role_ids = role_ids
        self.stack: list[frozenset[str] | None] = []
        self.pending_label = False
        self.text: list[tuple[str, frozenset[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "div":
            self.pending_label = self.pending_label and tag == "p"
            return
        classes = (dict(attrs).get("class") or "").split()
        self.stack.append(frozenset() if "guides-role" in classes else None)
        self.pending_label = "guides-role" in classes

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.pending_label and data.startswith("For ") and self.stack and self.stack[-1] == frozenset():
            self.stack[-1] = frozenset(re.split(r" and ", data[4:].strip()))
            self.pending_label = False
            return
        allowed = frozenset(self.role_ids)
        for roles in self.stack:
            if roles:
                allowed &= roles
        self.text.append((data, allowed))


def oracle(text: str, markers: list[str]) -> dict[str, frozenset[str]]:
    """For each marker the unfiltered renderer shows, the roles of the role boxes around it.

    This is the renderer's own view of the page: a marker pymdownx puts inside a
    staff box is staff text, whatever our scanner thinks."""
    role_ids = project_config().role_ids
    md = new_markdown("", labels={r: r for r in role_ids})
    try:
        rendered = md.convert(text)
    except RecursionError:
        return {}
    parser = _RoleDivs(role_ids)
    parser.feed(rendered)
    found: dict[str, frozenset[str]] = {}
    for data, allowed in parser.text:
        for marker in markers:
            if marker in html.unescape(data):
                found[marker] = found.get(marker, frozenset(role_ids)) & allowed
    return found
