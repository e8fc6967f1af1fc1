"""The print step's numbering: large numbered steps, and field names in reading order."""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import TYPE_CHECKING

from build_tools.sheets.print_tree import classes, inside

if TYPE_CHECKING:
    from build_tools.sheets.print_ext import PrintTreeprocessor


def steps(proc: PrintTreeprocessor, root: etree.Element, parents: dict[etree.Element, etree.Element]) -> None:
    """Top-level ordered lists: one numbered step per item, numbered on through the
    page (headings between lists only group the steps)."""
    number = 0
    for ordered in [ol for ol in root.iter("ol") if not inside(ol, "li", parents)]:
        ordered.set("class", classes(ordered.get("class", ""), "sheet-steps"))
        if ordered.get("start", "").isdigit():
            number = int(ordered.get("start", "1")) - 1
        for item in [li for li in ordered if li.tag == "li"]:
            number += 1
            body = etree.Element("div", {"class": "sheet-step__body"})
            body.text, item.text = item.text, None
            for child in list(item):
                item.remove(child)
                body.append(child)
            item.set("class", classes(item.get("class", ""), "sheet-step"))
            label = etree.SubElement(item, "div", {"class": "sheet-step__number"})
            etree.SubElement(label, "span", {"class": "sheet-step__numeral"}).text = str(number)
            item.append(body)
            if proc.options.note_space:
                notes = etree.SubElement(item, "div", {"class": "sheet-step__notes"})
                etree.SubElement(notes, "p", {"class": "sheet-step__notes-label"}).text = "Notes"
                for _ in range(3):
                    etree.SubElement(notes, "div", {"class": "sheet-step__notes-line"})


def number_fields(proc: PrintTreeprocessor, root: etree.Element) -> None:
    """Field names in reading order (`tick-1`, `blank-2`, …); a group of rating
    boxes keeps one name."""
    renamed: dict[str, str] = {}
    for element in root.iter("input"):
        old = element.get("name", "")
        if old not in renamed:
            kind = old.removeprefix(proc.options.prefix).rsplit("-", 1)[0]
            renamed[old] = f"{proc.options.prefix}{kind}-{len(renamed) + 1}"
        element.set("name", renamed[old])
