"""The print step's links and pictures: addresses that work from paper, pictures read from
local files, ids and headings made to fit inside a pack."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import TYPE_CHECKING

from build_tools.content.links import SCHEME, resolve_with_fragment
from build_tools.urls import short_address
from build_tools.sheets.print_tree import insert_after

if TYPE_CHECKING:
    from build_tools.sheets.print_ext import PrintTreeprocessor


def links(proc: PrintTreeprocessor, root: etree.Element, parents: dict[etree.Element, etree.Element]) -> None:
    """Every link gets an address that works from paper, printed after it unless the
    link's text already is the address."""
    for link in list(root.iter("a")):
        target = link.get("href")
        if not target:
            continue
        local = local_target(proc, target)
        if local is not None:
            anchor, label = local
            link.set("href", f"#{anchor}")
            note = insert_after(link, parents, "span", {"class": "sheet-page-ref", "data-target": f"#{anchor}"})
            note.text = f" ({label}"
            continue
        address = proc.options.online(proc.options.folder, target)
        if address is None:
            del link.attrib["href"]
            continue
        if address.startswith("#"):
            link.set("href", f"#{proc.options.prefix}{address[1:]}")
            continue
        link.set("href", address)
        shown = short_address(address)
        if not _says(proc.text(link).strip(), address):
            note = insert_after(link, parents, "span", {"class": "sheet-address"})
            note.text = " ("
            unbroken(note, shown)
            note[-1].tail = ")"


def _says(text: str, address: str) -> bool:
    """Whether a link's own words already give its address (a phone number in any spacing)."""
    if address.startswith("tel:"):
        return [c for c in text if c.isdigit()] == [c for c in address if c.isdigit()]
    return short_address(text).rstrip("/") == short_address(address).rstrip("/")


def unbroken(holder: etree.Element, address: str) -> None:
    """Append `address` to `holder` so that a printed line may break after a `/` or before
    a `.`, never at a hyphen (a reader would type the break as part of the address)."""
    pieces = [p for p in re.split(r"(?<=/)|(?=\.)", address) if p]
    for number, piece in enumerate(pieces):
        span = etree.SubElement(holder, "span", {"class": "sheet-nobreak"})
        span.text = piece
        if number + 1 < len(pieces):
            etree.SubElement(holder, "wbr")


def local_target(proc: PrintTreeprocessor, target: str) -> tuple[str, str] | None:
    if not proc.options.local_targets or SCHEME.match(target) or target.startswith(("#", "//")):
        return None
    resolved = resolve_with_fragment(proc.options.folder, target)
    return proc.options.local_targets.get(resolved.split("#", 1)[0]) if resolved else None


def images(proc: PrintTreeprocessor, root: etree.Element) -> None:
    for image in root.iter("img"):
        source = image.get("src", "")
        if SCHEME.match(source) or source.startswith("//"):
            if not source.startswith("data:"):
                proc.report.problems.append((source, f"picture `{source}` is not a local file", "save the picture beside the page and link to it by its file name"))
            continue
        path = resolve_with_fragment(proc.options.folder, source.split("?", 1)[0])
        file = (proc.options.docs_dir / path.split("#", 1)[0]).resolve() if path else None
        if file is None or not file.is_file():
            proc.report.problems.append((source, f"picture `{source}` not found", "check the file name and the path relative to this page"))
            continue
        if not image.get("alt", "").strip():
            proc.report.problems.append((source, f"picture `{source}` has no alt text", "say what the picture shows: `![what it shows](file.png)`"))
        proc.report.files.append(file)
        image.set("src", file.as_uri())


def prefix_ids(proc: PrintTreeprocessor, root: etree.Element) -> None:
    for element in root.iter():
        if element.get("id"):
            element.set("id", proc.options.prefix + element.get("id", ""))


def shift_headings(proc: PrintTreeprocessor, root: etree.Element) -> None:
    for element in root.iter():
        if len(element.tag) == 2 and element.tag[0] == "h" and element.tag[1] in "123456":
            element.tag = f"h{min(6, int(element.tag[1]) + proc.options.heading_shift)}"
