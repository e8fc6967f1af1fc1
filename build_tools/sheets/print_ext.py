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
screen reader can announce it.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

from build_tools.sheets.links import SCHEME, resolve, short_address

TAGS = re.compile(r"<[^>]+>")
SPACES = re.compile(r"\s+")
#: The checkbox pymdownx.tasklist stores at the start of a task item.
#: A backslash-escaped character, as Python-Markdown holds it until its last step.
ESCAPED = re.compile("\x02(\\d+)\x03")
LEADING_PLACEHOLDER = re.compile(r"^\s*\x02wzxhzdk:(\d+)\x03\s*")


@dataclass
class PrintOptions:
    """What the print step needs to know about one page."""

    layout: str
    #: The page's folder, content-relative ("" at the top): links and pictures are relative to it.
    folder: str
    docs_dir: Path
    #: (folder, target) -> absolute address, or None when the link has none on paper.
    online: Callable[[str, str], str | None]
    ratings: tuple[str, ...] = ("Not yet", "Partly", "Fully")
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
        self.links(root, _parents(root))
        self.images(root)
        if self.options.prefix:
            self.prefix_ids(root)
        if self.options.heading_shift:
            self.shift_headings(root)
        if self.options.layout == "self-assessment":
            self.rating_tables(root, _parents(root))
        else:
            self.tick_boxes(root)
        self.tick_tables(root)
        self.signatures(root)
        self.blanks(root, _parents(root))
        if self.options.layout == "step-by-step":
            self.steps(root, _parents(root))
        self.number_fields(root)

    # -- links and pictures ------------------------------------------------------------

    def links(self, root: etree.Element, parents: dict[etree.Element, etree.Element]) -> None:
        """Every link gets an address that works from paper, printed after it unless the
        link's text already is the address."""
        for link in list(root.iter("a")):
            target = link.get("href")
            if not target:
                continue
            local = self._local_target(target)
            if local is not None:
                anchor, label = local
                link.set("href", f"#{anchor}")
                note = _after(link, parents, "span", {"class": "sheet-page-ref", "data-target": f"#{anchor}"})
                note.text = f" ({label}"
                continue
            address = self.options.online(self.options.folder, target)
            if address is None:
                del link.attrib["href"]
                continue
            if address.startswith("#"):
                link.set("href", f"#{self.options.prefix}{address[1:]}")
                continue
            link.set("href", address)
            shown = short_address(address)
            if short_address(self.text(link).strip()).rstrip("/") != shown.rstrip("/"):
                note = _after(link, parents, "span", {"class": "sheet-address"})
                note.text = f" ({shown})"

    def _local_target(self, target: str) -> tuple[str, str] | None:
        if not self.options.local_targets or SCHEME.match(target) or target.startswith(("#", "//")):
            return None
        resolved = resolve(self.options.folder, target)
        return self.options.local_targets.get(resolved.split("#", 1)[0]) if resolved else None

    def images(self, root: etree.Element) -> None:
        for image in root.iter("img"):
            source = image.get("src", "")
            if SCHEME.match(source) or source.startswith("//"):
                if not source.startswith("data:"):
                    self.report.problems.append((source, f"picture `{source}` is not a local file", "save the picture beside the page and link to it by its file name"))
                continue
            path = resolve(self.options.folder, source.split("?", 1)[0])
            file = (self.options.docs_dir / path.split("#", 1)[0]).resolve() if path else None
            if file is None or not file.is_file():
                self.report.problems.append((source, f"picture `{source}` not found", "check the file name and the path relative to this page"))
                continue
            if not image.get("alt", "").strip():
                self.report.problems.append((source, f"picture `{source}` has no alt text", "say what the picture shows: `![what it shows](file.png)`"))
            self.report.files.append(file)
            image.set("src", file.as_uri())

    def prefix_ids(self, root: etree.Element) -> None:
        for element in root.iter():
            if element.get("id"):
                element.set("id", self.options.prefix + element.get("id", ""))

    def shift_headings(self, root: etree.Element) -> None:
        for element in root.iter():
            if len(element.tag) == 2 and element.tag[0] == "h" and element.tag[1] in "123456":
                element.tag = f"h{min(6, int(element.tag[1]) + self.options.heading_shift)}"

    # -- tick boxes --------------------------------------------------------------------

    def tick_boxes(self, root: etree.Element) -> None:
        """`- [ ] item` -> a drawn, fillable tick box before the item's text."""
        for item in list(root.iter("li")):
            found = self.take_checkbox(item)
            if found is None:
                continue
            holder, checked = found
            box = self.field("input", type="checkbox", kind="tick", title=self.text(item), checked=checked)
            box.set("class", "sheet-box")
            box.tail, holder.text = holder.text, None
            holder.insert(0, box)
            item.set("class", _classes(item.get("class", ""), "sheet-task", drop="task-list-item"))

    def rating_tables(self, root: etree.Element, parents: dict[etree.Element, etree.Element]) -> None:
        """Each task list becomes a table: the statement, one box per rating, a notes line."""
        ratings = self.options.ratings
        for task_list in [ul for ul in root.iter("ul") if "task-list" in ul.get("class", "").split()]:
            parent = parents[task_list]
            table = etree.Element("table", {"class": "sheet-ratings"})
            head = etree.SubElement(etree.SubElement(table, "thead"), "tr")
            etree.SubElement(head, "th", {"scope": "col", "class": "sheet-ratings__statement"}).text = "Statement"
            for label in ratings:
                etree.SubElement(head, "th", {"scope": "col", "class": "sheet-ratings__rating"}).text = label
            for item in list(task_list):
                found = self.take_checkbox(item)
                body = etree.SubElement(table, "tbody", {"class": "sheet-ratings__item"})
                row = etree.SubElement(body, "tr")
                cell = etree.SubElement(row, "td", {"class": "sheet-ratings__statement"})
                cell.text = item.text
                for child in list(item):
                    cell.append(child)
                if found is None:  # a plain item in a task list: no boxes
                    cell.set("colspan", str(len(ratings) + 1))
                    continue
                statement = self.text(cell)
                self.fields += 1
                group = f"{self.options.prefix}rating-{self.fields}"
                for label in ratings:
                    box_cell = etree.SubElement(row, "td", {"class": "sheet-ratings__box"})
                    box = etree.SubElement(box_cell, "input", {
                        "type": "radio", "name": group, "value": label, "class": "sheet-box",
                        "title": f"{statement}: {label}",
                    })
                    if found[1] and label == ratings[-1]:
                        box.set("checked", "checked")
                notes_row = etree.SubElement(body, "tr", {"class": "sheet-ratings__notes"})
                notes = etree.SubElement(notes_row, "td", {"colspan": str(len(ratings) + 1)})
                holder = etree.SubElement(notes, "span")
                holder.text = "Notes"
                line = self.field("input", type="text", kind="notes", title=f"Notes: {statement}")
                line.set("class", "sheet-line")
                holder.append(line)
                _fill_line(holder, line)
            index = list(parent).index(task_list)
            parent.remove(task_list)
            table.tail = task_list.tail
            parent.insert(index, table)

    def tick_tables(self, root: etree.Element) -> None:
        """A table whose last column is headed "Tick": a tick box in every row of it."""
        for table in root.iter("table"):
            heads = _header_cells(table)
            if not heads or self.text(heads[-1]).strip().lower() != "tick":
                continue
            heads[-1].set("class", _classes(heads[-1].get("class", ""), "sheet-tick"))
            for row in _body_rows(table):
                cells = [c for c in row if c.tag in ("td", "th")]
                if len(cells) < 2:
                    continue
                cell = cells[-1]
                cell.clear()
                cell.set("class", "sheet-tick")
                box = self.field("input", type="checkbox", kind="tick", title=self.text(cells[0]))
                box.set("class", "sheet-box")
                cell.append(box)

    def take_checkbox(self, item: etree.Element) -> tuple[etree.Element, bool] | None:
        """Remove the checkbox pymdownx.tasklist put at the start of a task item; return the
        element that held it and whether it was ticked (`[x]`)."""
        if "task-list-item" not in item.get("class", "").split():
            return None
        for holder in (item, *item.findall("p")[:1]):
            match = LEADING_PLACEHOLDER.match(holder.text or "")
            if match:
                stored = self.md.htmlStash.rawHtmlBlocks[int(match.group(1))]
                holder.text = (holder.text or "")[match.end():]
                return holder, "checked" in str(stored)
        return None

    # -- lines to write on -------------------------------------------------------------

    def signatures(self, root: etree.Element) -> None:
        """`/// signatures` items -> a label and a long line (a text field) to write on."""
        for item in list(root.iter("li")):
            if "guides-signature" not in item.get("class", "").split():
                continue
            label_text = self.text(item).strip()
            for child in list(item):
                item.remove(child)
            item.text = None
            label = etree.SubElement(item, "span", {"class": "sheet-signature__label"})
            label.text = label_text
            kind = "signature" if "signature" in label_text.lower() else "field"
            line = self.field("input", type="text", kind=kind, title=label_text)
            line.set("class", f"sheet-line sheet-signature__line sheet-signature__line--{kind}")
            wrapper = etree.SubElement(item, "span", {"class": "sheet-signature__space"})
            wrapper.append(line)

    def blanks(self, root: etree.Element, parents: dict[etree.Element, etree.Element]) -> None:
        """`____` -> a write-on line. In a sentence it is as long as a name or a date;
        a paragraph such as `Job title: ____` becomes its label and a line to the margin."""
        for blank in [s for s in root.iter("span") if _has_class(s, "guides-blank")]:
            parent = parents[blank]
            context = self.text(parent, blank="…").strip()
            line = self.field("input", type="text", kind="blank", title=context)
            line.set("class", "sheet-line sheet-blank")
            line.tail = blank.tail
            index = list(parent).index(blank)
            parent.remove(blank)
            parent.insert(index, line)
            only = parent.tag == "p" and sum(_has_class(c, "sheet-blank") for c in parent) == 1
            if only and list(parent)[-1] is line and not (line.tail or "").strip(" .:"):
                label = self.text(parent).strip()
                line.set("title", _shorten(label.rstrip(" :")))
                if len(label) <= 45:
                    _fill_line(parent, line)
                else:
                    line.set("class", "sheet-line sheet-blank sheet-blank--below")

    # -- steps -------------------------------------------------------------------------

    def steps(self, root: etree.Element, parents: dict[etree.Element, etree.Element]) -> None:
        """Top-level ordered lists: one numbered step per item, numbered on through the
        page (headings between lists only group the steps)."""
        number = 0
        for ordered in [ol for ol in root.iter("ol") if not _inside(ol, "li", parents)]:
            ordered.set("class", _classes(ordered.get("class", ""), "sheet-steps"))
            if ordered.get("start", "").isdigit():
                number = int(ordered.get("start", "1")) - 1
            for item in [li for li in ordered if li.tag == "li"]:
                number += 1
                body = etree.Element("div", {"class": "sheet-step__body"})
                body.text, item.text = item.text, None
                for child in list(item):
                    item.remove(child)
                    body.append(child)
                item.set("class", _classes(item.get("class", ""), "sheet-step"))
                label = etree.SubElement(item, "div", {"class": "sheet-step__number"})
                etree.SubElement(label, "span", {"class": "sheet-step__numeral"}).text = str(number)
                item.append(body)
                if self.options.note_space:
                    notes = etree.SubElement(item, "div", {"class": "sheet-step__notes"})
                    etree.SubElement(notes, "p", {"class": "sheet-step__notes-label"}).text = "Notes"
                    for _ in range(3):
                        etree.SubElement(notes, "div", {"class": "sheet-step__notes-line"})

    def number_fields(self, root: etree.Element) -> None:
        """Field names in reading order (`tick-1`, `blank-2`, …); a group of rating
        boxes keeps one name."""
        renamed: dict[str, str] = {}
        for element in root.iter("input"):
            old = element.get("name", "")
            if old not in renamed:
                kind = old.removeprefix(self.options.prefix).rsplit("-", 1)[0]
                renamed[old] = f"{self.options.prefix}{kind}-{len(renamed) + 1}"
            element.set("name", renamed[old])

    # -- helpers -----------------------------------------------------------------------

    def field(self, tag: str, *, type: str, kind: str, title: str, checked: bool = False) -> etree.Element:
        """A form field with a unique name and the title a screen reader announces."""
        self.fields += 1
        element = etree.Element(tag, {
            "type": type,
            "name": f"{self.options.prefix}{kind}-{self.fields}",
            "title": _shorten(title),
        })
        if checked:
            element.set("checked", "checked")
        return element

    def text(self, element: etree.Element, blank: str = "") -> str:
        """The words of an element as a reader sees them (stored HTML included), without
        the explanations of hard words that follow a line (they name no field)."""
        joined = self._without_explanations("".join(_itertext(element, blank)))
        return SPACES.sub(" ", ESCAPED.sub(lambda m: chr(int(m.group(1))), HTML_PLACEHOLDER_RE.sub(self._stored_text, joined)))

    def _without_explanations(self, text: str) -> str:
        out, skipping = [], False
        last = 0
        for match in HTML_PLACEHOLDER_RE.finditer(text):
            stored = self._stored(match)
            if not skipping:
                out.append(text[last:match.start()])
                if stored.startswith('<span class="guides-term__explained">'):
                    skipping = True
                else:
                    out.append(match.group(0))
            elif stored.startswith("</span"):
                skipping = False
            last = match.end()
        if not skipping:
            out.append(text[last:])
        return "".join(out)

    def _stored(self, match: re.Match[str]) -> str:
        index = int(match.group(1))
        blocks = self.md.htmlStash.rawHtmlBlocks
        return str(blocks[index]) if index < len(blocks) else ""

    def _stored_text(self, match: re.Match[str]) -> str:
        return html.unescape(TAGS.sub("", self._stored(match)))


def _parents(root: etree.Element) -> dict[etree.Element, etree.Element]:
    return {child: parent for parent in root.iter() for child in parent}


def _has_class(element: etree.Element, name: str) -> bool:
    return name in element.get("class", "").split()


def _after(element: etree.Element, parents: dict[etree.Element, etree.Element], tag: str, attrib: dict[str, str]) -> etree.Element:
    """A new element right after `element`, taking over its tail."""
    parent = parents[element]
    new = etree.Element(tag, attrib)
    new.tail, element.tail = element.tail, None
    parent.insert(list(parent).index(element) + 1, new)
    return new


def _fill_line(holder: etree.Element, line: etree.Element) -> None:
    """`Label: [line]` -> the label, then the line running on to the right margin (a full
    stop after the line would sit alone under it, so it goes)."""
    line.tail = None
    label = etree.Element("span", {"class": "sheet-fill__label"})
    label.text, holder.text = holder.text, None
    for child in list(holder):
        if child is line:
            break
        holder.remove(child)
        label.append(child)
    holder.remove(line)
    space = etree.Element("span", {"class": "sheet-fill__space"})
    space.append(line)
    holder.insert(0, label)
    holder.insert(1, space)
    holder.set("class", _classes(holder.get("class", ""), "sheet-fill"))


def _itertext(element: etree.Element, blank: str) -> Iterator[str]:
    if _has_class(element, "guides-blank") or _has_class(element, "sheet-blank"):
        yield blank
    else:
        if element.text:
            yield element.text
        for child in element:
            yield from _itertext(child, blank)
            if child.tail:
                yield child.tail


def _header_cells(table: etree.Element) -> list[etree.Element]:
    head = table.find("thead")
    row = head.find("tr") if head is not None else table.find("tr")
    return [] if row is None else [c for c in row if c.tag == "th"]


def _body_rows(table: etree.Element) -> list[etree.Element]:
    body = table.find("tbody")
    return list(body.iter("tr")) if body is not None else []


def _inside(element: etree.Element, tag: str, parents: dict[etree.Element, etree.Element]) -> bool:
    node = parents.get(element)
    while node is not None:
        if node.tag == tag:
            return True
        node = parents.get(node)
    return False


def _classes(current: str, add: str, drop: str = "") -> str:
    names = [c for c in current.split() if c != drop]
    return " ".join([*names, add] if add not in names else names)


def _shorten(text: str, limit: int = 160) -> str:
    text = SPACES.sub(" ", text).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class PrintExtension(Extension):
    """Registered last; `report` collects problems and the files the sheet needs."""

    def __init__(self, options: PrintOptions, report: PrintReport, **kwargs: Any) -> None:
        self.options, self.report = options, report
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        # After inline processing (20), attr_list (8) and toc (5), so links, blanks and
        # heading ids exist; before the final unescape (0).
        md.treeprocessors.register(PrintTreeprocessor(md, self.options, self.report), "guides_print", 4)
