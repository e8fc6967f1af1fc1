"""The print step's lines to write on: signature lines and `____` blanks."""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import TYPE_CHECKING

from build_tools.sheets.print_tree import fill_line, has_class, shorten

if TYPE_CHECKING:
    from build_tools.sheets.print_ext import PrintTreeprocessor


def signatures(proc: PrintTreeprocessor, root: etree.Element) -> None:
    """`/// signatures` items -> a label and a long line (a text field) to write on."""
    for item in list(root.iter("li")):
        if "guides-signature" not in item.get("class", "").split():
            continue
        label_text = proc.text(item).strip()
        for child in list(item):
            item.remove(child)
        item.text = None
        label = etree.SubElement(item, "span", {"class": "sheet-signature__label"})
        label.text = label_text
        kind = "signature" if "signature" in label_text.lower() else "field"
        line = proc.field("input", type="text", kind=kind, title=label_text)
        line.set("class", f"sheet-line sheet-signature__line sheet-signature__line--{kind}")
        wrapper = etree.SubElement(item, "span", {"class": "sheet-signature__space"})
        wrapper.append(line)


def blanks(proc: PrintTreeprocessor, root: etree.Element, parents: dict[etree.Element, etree.Element]) -> None:
    """`____` -> a write-on line. In a sentence it is as long as a name or a date;
    a paragraph such as `Job title: ____` becomes its label and a line to the margin."""
    for blank in [s for s in root.iter("span") if has_class(s, "guides-blank")]:
        parent = parents[blank]
        context = proc.text(parent, blank="…").strip()
        line = proc.field("input", type="text", kind="blank", title=context)
        line.set("class", "sheet-line sheet-blank")
        line.tail = blank.tail
        index = list(parent).index(blank)
        parent.remove(blank)
        parent.insert(index, line)
        only = parent.tag == "p" and sum(has_class(c, "sheet-blank") for c in parent) == 1
        if only and list(parent)[-1] is line and not (line.tail or "").strip(" .:"):
            label = proc.text(parent).strip()
            line.set("title", shorten(label.rstrip(" :")))
            if len(label) <= 45:
                fill_line(parent, line)
            else:
                line.set("class", "sheet-line sheet-blank sheet-blank--below")
