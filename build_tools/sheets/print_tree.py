"""Small helpers the print step's modules share: walking and editing an ElementTree."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator

from markdown.util import HTML_PLACEHOLDER_RE

SPACES = re.compile(r"\s+")
#: The checkbox pymdownx.tasklist stores at the start of a task item: a stash placeholder.
LEADING_PLACEHOLDER = re.compile(r"^\s*" + HTML_PLACEHOLDER_RE.pattern + r"\s*")


def parents_map(root: etree.Element) -> dict[etree.Element, etree.Element]:
    return {child: parent for parent in root.iter() for child in parent}


def has_class(element: etree.Element, name: str) -> bool:
    return name in element.get("class", "").split()


def insert_after(element: etree.Element, parents: dict[etree.Element, etree.Element], tag: str, attrib: dict[str, str]) -> etree.Element:
    """A new element right after `element`, taking over its tail."""
    parent = parents[element]
    new = etree.Element(tag, attrib)
    new.tail, element.tail = element.tail, None
    parent.insert(list(parent).index(element) + 1, new)
    return new


def fill_line(holder: etree.Element, line: etree.Element) -> None:
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
    holder.set("class", classes(holder.get("class", ""), "sheet-fill"))


def itertext(element: etree.Element, blank: str) -> Iterator[str]:
    if has_class(element, "guides-blank") or has_class(element, "sheet-blank"):
        yield blank
    else:
        if element.text:
            yield element.text
        for child in element:
            yield from itertext(child, blank)
            if child.tail:
                yield child.tail


def header_cells(table: etree.Element) -> list[etree.Element]:
    head = table.find("thead")
    row = head.find("tr") if head is not None else table.find("tr")
    return [] if row is None else [c for c in row if c.tag == "th"]


def body_rows(table: etree.Element) -> list[etree.Element]:
    body = table.find("tbody")
    return list(body.iter("tr")) if body is not None else []


def inside(element: etree.Element, tag: str, parents: dict[etree.Element, etree.Element]) -> bool:
    node = parents.get(element)
    while node is not None:
        if node.tag == tag:
            return True
        node = parents.get(node)
    return False


def classes(current: str, add: str, drop: str = "") -> str:
    names = [c for c in current.split() if c != drop]
    return " ".join([*names, add] if add not in names else names)


def shorten(text: str, limit: int = 160) -> str:
    text = SPACES.sub(" ", text).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
