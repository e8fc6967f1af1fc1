"""A Python-Markdown extension that turns a rendered page into its printed form.

It runs after every other tree step (the site's extensions and ours have already
built the page) and changes only what paper needs:

- links get the address they will have online, for printing beside them;
- pictures must be local files; their paths become absolute;
- task items become tick boxes, or rating boxes on self-assessments;
- a table whose last column is headed "Tick" gets a tick box in every row;
- signature lists and `____` blanks become labelled lines to write on;
- the steps of a step-by-step page become large numbered steps.

Every box and line is also a fillable PDF field (`<input>`), named and titled so a
screen reader can announce it. The steps live in `print_links`, `print_boxes`,
`print_lines` and `print_steps`; this module holds what they share.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import ETX, HTML_PLACEHOLDER_RE, STX

from build_tools.sheets import print_boxes, print_lines, print_links, print_steps
from build_tools.sheets.model import DEFAULT_RATINGS
from build_tools.sheets.print_tree import SPACES, itertext, parents_map, shorten

TAGS = re.compile(r"<[^>]+>")
#: A backslash-escaped character, as Python-Markdown holds it until its last step.
ESCAPED = re.compile(re.escape(STX) + r"(\d+)" + re.escape(ETX))
#: The stored HTML that opens a hard word's explanation (see hardwords.py).
EXPLAINED = '<span class="guides-term__explained">'


@dataclass
class PrintOptions:
    """What the print step needs to know about one page."""

    layout: str
    #: The page's folder, content-relative ("" at the top): links and pictures are relative to it.
    folder: str
    docs_dir: Path
    #: (folder, target) -> absolute address, or None when the link has none on paper.
    online: Callable[[str, str], str | None]
    ratings: tuple[str, ...] = DEFAULT_RATINGS
    note_space: bool = False
    #: Prefix for ids and field names, so pages combined in a pack never clash.
    prefix: str = ""
    #: Levels to move headings down (a pack's pages sit under their part title).
    heading_shift: int = 0
    #: Pages printed in the same document (a pack's parts): content path -> (id, label).
    #: Links to them point inside the PDF and say where: "(Part 2, page 9)".
    local_targets: dict[str, tuple[str, str]] = field(default_factory=dict)


@dataclass
class PrintReport:
    """What the print step found: problems (text to find in the page, message, fix) and
    the local files the sheet will read."""

    problems: list[tuple[str, str, str]] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)


class PrintTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, options: PrintOptions, report: PrintReport) -> None:
        super().__init__(md)
        self.options = options
        self.report = report
        self.fields = 0

    def run(self, root: etree.Element) -> None:
        print_links.links(self, root, parents_map(root))
        print_links.images(self, root)
        if self.options.prefix:
            print_links.prefix_ids(self, root)
        if self.options.heading_shift:
            print_links.shift_headings(self, root)
        if self.options.layout == "self-assessment":
            print_boxes.rating_tables(self, root, parents_map(root))
        else:
            print_boxes.tick_boxes(self, root)
            print_boxes.picture_lists(self, root, parents_map(root))
        print_boxes.tick_tables(self, root)
        print_lines.signatures(self, root)
        print_lines.blanks(self, root, parents_map(root))
        if self.options.layout == "step-by-step":
            print_steps.steps(self, root, parents_map(root))
        print_steps.number_fields(self, root)

    def field(self, tag: str, *, type: str, kind: str, title: str, checked: bool = False) -> etree.Element:
        """A form field with a unique name and the title a screen reader announces."""
        self.fields += 1
        element = etree.Element(tag, {
            "type": type,
            "name": f"{self.options.prefix}{kind}-{self.fields}",
            "title": shorten(title),
        })
        if checked:
            element.set("checked", "checked")
        return element

    def text(self, element: etree.Element, blank: str = "") -> str:
        """The words of an element as a reader sees them (stored HTML included), without
        the explanations of hard words that follow a line (they name no field)."""
        joined = self._without_explanations("".join(itertext(element, blank)))
        return SPACES.sub(" ", ESCAPED.sub(lambda m: chr(int(m.group(1))), HTML_PLACEHOLDER_RE.sub(self._stored_text, joined)))

    def stored(self, match: re.Match[str]) -> str:
        index = int(match.group(1))
        blocks = self.md.htmlStash.rawHtmlBlocks
        return str(blocks[index]) if index < len(blocks) else ""

    def _without_explanations(self, text: str) -> str:
        out, skipping = [], False
        last = 0
        for match in HTML_PLACEHOLDER_RE.finditer(text):
            stored = self.stored(match)
            if not skipping:
                out.append(text[last:match.start()])
                if stored.startswith(EXPLAINED):
                    skipping = True
                else:
                    out.append(match.group(0))
            elif stored.startswith("</span"):
                skipping = False
            last = match.end()
        if not skipping:
            out.append(text[last:])
        return "".join(out)

    def _stored_text(self, match: re.Match[str]) -> str:
        return html.unescape(TAGS.sub("", self.stored(match)))


class PrintExtension(Extension):
    """Registered last; `report` collects problems and the files the sheet needs."""

    def __init__(self, options: PrintOptions, report: PrintReport, **kwargs: Any) -> None:
        self.options, self.report = options, report
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        # After inline processing (20), attr_list (8) and toc (5), so links, blanks and
        # heading ids exist; before the final unescape (0).
        md.treeprocessors.register(PrintTreeprocessor(md, self.options, self.report), "guides_print", 4)
