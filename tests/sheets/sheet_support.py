"""Small in-memory projects for sheet tests, and poppler helpers to read the PDFs."""

from __future__ import annotations

import re
import shutil
import subprocess
import textwrap
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from build_tools.config import Config, load_config
from build_tools.content.loader import load_corpus
from build_tools.content.model import Corpus
from build_tools.roles import RoleView, select
from build_tools.sheets import SheetRequest, plan_sheets
from build_tools.validate import validate

TODAY = date(2026, 11, 22)

MKDOCS_YML = """\
site_name: Sheet tests
site_url: {site_url}
docs_dir: content
theme:
  name: material
  language: en
markdown_extensions:
  - abbr
  - attr_list
  - def_list
  - md_in_html
  - tables
  - toc:
      permalink: false
  - admonition
  - pymdownx.superfences:
      custom_fences:
        - name: text
          class: text
          format: !!python/name:pymdownx.superfences.fence_code_format
  - pymdownx.tasklist:
      custom_checkbox: true
  - pymdownx.blocks.admonition
guides:
  roles:
    - id: partner
      label: Involvement partners
      description: For people who help choose staff.
    - id: staff
      label: Staff
      description: For people who run recruitment.
  levels:
    - id: blue
      label: Blue level
      meaning: Helping before interviews.
      colour: "#0b4f8a"
    - id: green
      label: Green level
      meaning: Sitting on the panel.
      colour: "#1d6b2f"
  variables:
    org:
      name: Fixture Trust
    contact:
      email: team@example.org
"""

GLOSSARY = """\
---
title: Hard words
type: glossary
---

Candidate
:   A person who wants the job.

Interview panel
:   The people who ask the questions.
"""


def page(front: str, body: str) -> str:
    """A page from front matter lines and a body (both dedented)."""
    return f"---\n{textwrap.dedent(front).strip()}\n---\n\n{textwrap.dedent(body).strip()}\n"


@dataclass
class Project:
    root: Path
    config: Config
    corpus: Corpus

    def view(self, role: str) -> RoleView:
        return select(self.corpus, self.config, role)

    def plan(self, role: str) -> list[SheetRequest]:
        return plan_sheets(self.view(role), self.corpus, self.config, self.root / "out" / role)

    def request(self, role: str, page_path: str) -> SheetRequest:
        return next(r for r in self.plan(role) if r.page_path == page_path)


def make_project(root: Path, pages: dict[str, str | bytes], *, site_url: str = "https://sheets.example.org/",
                 glossary: bool = True, check: bool = True) -> Project:
    """Write `pages` (content-relative path -> text or bytes) under `root/content` with a
    small mkdocs.yml, and load them. With `check`, the content must validate cleanly, so
    a test never passes because of content the build would refuse anyway."""
    content = root / "content"
    content.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(MKDOCS_YML.format(site_url=site_url or '""'))
    files = dict(pages)
    if glossary:
        files.setdefault("glossary.md", GLOSSARY)
    for rel, data in files.items():
        path = content / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data)
    config = load_config(root / "mkdocs.yml")
    corpus, findings = load_corpus(config.docs_dir)
    if check:
        findings += [f for f in validate(corpus, config, TODAY) if f.severity == "error"]
        assert not findings, "\n".join(f.format() for f in findings)
    return Project(root, config, corpus)


# -- reading PDFs with poppler ---------------------------------------------------------


def need_poppler() -> None:
    if not shutil.which("pdftotext") or not shutil.which("pdfinfo"):
        pytest.skip("poppler-utils (pdftotext, pdfinfo) is not installed")


def pdf_text(pdf: Path, page: int | None = None, layout: bool = True) -> str:
    args = ["pdftotext", "-enc", "UTF-8"]
    if layout:
        args.append("-layout")
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    return subprocess.run([*args, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page, in order (no layout: words in reading order)."""
    return [pdf_text(pdf, n, layout=False) for n in range(1, pdf_info(pdf)["Pages"] + 1)]


def pdf_info(pdf: Path) -> dict[str, object]:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    info: dict[str, object] = {}
    for line in out.splitlines():
        key, _, value = line.partition(":")
        info[key.strip()] = value.strip()
    info["Pages"] = int(str(info["Pages"]))
    return info


def words(text: str) -> str:
    """Whitespace collapsed: for finding phrases that wrap across lines."""
    return re.sub(r"\s+", " ", text).strip()
