"""The print step's boxes: tick boxes for task items and "Tick" tables, rating boxes for
self-assessments; each is a fillable PDF field."""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import TYPE_CHECKING

from build_tools.sheets.print_tree import LEADING_PLACEHOLDER, body_rows, classes, fill_line, has_class, header_cells

if TYPE_CHECKING:
    from build_tools.sheets.print_ext import PrintTreeprocessor


def tick_boxes(proc: PrintTreeprocessor, root: etree.Element) -> None:
    """`- [ ] item` -> a drawn, fillable tick box before the item's text."""
    for item in list(root.iter("li")):
        found = take_checkbox(proc, item)
        if found is None:
            continue
        holder, checked = found
        box = proc.field("input", type="checkbox", kind="tick", title=proc.text(item), checked=checked)
        box.set("class", "sheet-box")
        box.tail, holder.text = holder.text, None
        holder.insert(0, box)
        item.set("class", classes(item.get("class", ""), "sheet-task", drop="task-list-item"))


def rating_tables(proc: PrintTreeprocessor, root: etree.Element, parents: dict[etree.Element, etree.Element]) -> None:
    """Each task list becomes a table: the statement, one box per rating, a notes line."""
    ratings = proc.options.ratings
    for task_list in [ul for ul in root.iter("ul") if "task-list" in ul.get("class", "").split()]:
        parent = parents[task_list]
        table = etree.Element("table", {"class": "sheet-ratings"})
        head = etree.SubElement(etree.SubElement(table, "thead"), "tr")
        etree.SubElement(head, "th", {"scope": "col", "class": "sheet-ratings__statement"}).text = "Statement"
        for label in ratings:
            etree.SubElement(head, "th", {"scope": "col", "class": "sheet-ratings__rating"}).text = label
        for item in list(task_list):
            found = take_checkbox(proc, item)
            body = etree.SubElement(table, "tbody", {"class": "sheet-ratings__item"})
            row = etree.SubElement(body, "tr")
            cell = etree.SubElement(row, "td", {"class": "sheet-ratings__statement"})
            cell.text = item.text
            for child in list(item):
                cell.append(child)
            if found is None:  # a plain item in a task list: no boxes
                cell.set("colspan", str(len(ratings) + 1))
                continue
            statement = proc.text(cell)
            proc.fields += 1
            group = f"{proc.options.prefix}rating-{proc.fields}"
            for label in ratings:
                box_cell = etree.SubElement(row, "td", {"class": "sheet-ratings__box"})
                box = etree.SubElement(box_cell, "input", {
                    "type": "radio", "name": group, "value": label, "class": "sheet-box",
                    "title": f"{label}: {statement}",
                })
                if found[1] and label == ratings[-1]:
                    box.set("checked", "checked")
            notes_row = etree.SubElement(body, "tr", {"class": "sheet-ratings__notes"})
            notes = etree.SubElement(notes_row, "td", {"colspan": str(len(ratings) + 1)})
            holder = etree.SubElement(notes, "span")
            holder.text = "Notes"
            line = proc.field("input", type="text", kind="notes", title=f"Notes: {statement}")
            line.set("class", "sheet-line")
            holder.append(line)
            fill_line(holder, line)
        index = list(parent).index(task_list)
        parent.remove(task_list)
        table.tail = task_list.tail
        parent.insert(index, table)


def tick_tables(proc: PrintTreeprocessor, root: etree.Element) -> None:
    """A table whose last column is headed "Tick": a tick box in every row of it."""
    for table in root.iter("table"):
        heads = header_cells(table)
        if not heads or proc.text(heads[-1]).strip().lower() != "tick":
            continue
        heads[-1].set("class", classes(heads[-1].get("class", ""), "sheet-tick"))
        for row in body_rows(table):
            cells = [c for c in row if c.tag in ("td", "th")]
            if len(cells) < 2:
                continue
            cell = cells[-1]
            cell.clear()
            cell.set("class", "sheet-tick")
            box = proc.field("input", type="checkbox", kind="tick", title=proc.text(cells[0]))
            box.set("class", "sheet-box")
            cell.append(box)


def take_checkbox(proc: PrintTreeprocessor, item: etree.Element) -> tuple[etree.Element, bool] | None:
    """Remove the checkbox pymdownx.tasklist put at the start of a task item; return the
    element that held it and whether it was ticked (`[x]`)."""
    if "task-list-item" not in item.get("class", "").split():
        return None
    for holder in (item, *item.findall("p")[:1]):
        match = LEADING_PLACEHOLDER.match(holder.text or "")
        if match:
            stored = proc.md.htmlStash.rawHtmlBlocks[int(match.group(1))]
            holder.text = (holder.text or "")[match.end():]
            return holder, "checked" in str(stored)
    return None


def picture_lists(proc: PrintTreeprocessor, root: etree.Element, parents: dict[etree.Element, etree.Element]) -> None:
    """Easy-read pages give each tick item its own picture, so each item was a list of one.
    Pictures in a row that each hold only one tick item become one list: a screen reader
    says "list, 5 items" once, and each item keeps its picture."""
    rows = [div for div in root.iter("div") if has_class(div, "guides-picture") and _single_task(div) is not None]
    done: set[etree.Element] = set()
    for row in rows:
        if row in done:
            continue
        parent = parents[row]
        siblings = list(parent)
        run = [row]
        for following in siblings[siblings.index(row) + 1:]:
            if following not in rows or (run[-1].tail or "").strip():
                break
            run.append(following)
        done.update(run)
        if len(run) < 2:
            continue
        listed = etree.Element("ul", {"class": "task-list sheet-picture-list"})
        listed.tail, run[-1].tail = run[-1].tail, None
        parent.insert(siblings.index(row), listed)
        for picture in run:
            parent.remove(picture)
            item = _single_task(picture)
            assert item is not None
            text = next(c for c in picture if has_class(c, "guides-picture__text"))
            text.remove(text[0])
            task = etree.SubElement(text, "div", {"class": item.get("class", "")})
            task.text = item.text
            for child in list(item):
                task.append(child)
            entry = etree.SubElement(listed, "li", {"class": "sheet-picture-item"})
            entry.append(picture)


def _single_task(picture: etree.Element) -> etree.Element | None:
    """The one tick item a picture row holds, if that is all its text is."""
    text = next((c for c in picture if has_class(c, "guides-picture__text")), None)
    if text is None or len(text) != 1 or (text.text or "").strip() or (text[0].tail or "").strip():
        return None
    only = text[0]
    if only.tag != "ul" or len(only) != 1 or not has_class(only[0], "sheet-task"):
        return None
    return only[0]
