"""Front matter from the document's own header block and version table.

Word policies open with lines such as "Policy Author: …", "Valid From: November
2020", "Review due: November 2023" and end with a version-control table. Those
become `owner`, `valid_from`, `review_due` and `version`; the lines themselves are
removed from the text (the page shows them from the front matter).

A date written as a month only ("November 2023") is read as the first day of that
month for `valid_from`, and the last day of it for `review_due`: a page is valid
from the month's start and due for review by the month's end.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from build_tools.importer.model import Block, Draft

#: Labels Word documents use, lower case without punctuation, for each front matter key.
LABELS: dict[str, tuple[str, ...]] = {
    "owner": ("policy author", "author", "owner", "policy owner", "document owner", "owned by", "responsible team", "lead team"),
    "valid_from": ("valid from", "effective from", "date effective", "effective date", "issue date", "date of issue", "date issued"),
    "review_due": ("review due", "next review", "next review date", "review date", "review by", "date of next review", "due for review"),
    "version": ("version", "version no", "version number"),
}
_KEY_OF = {label: key for key, labels in LABELS.items() for label in labels}
_LABEL_LINE = re.compile(r"^\s*([A-Za-z][A-Za-z .()]{1,32}?)\s*[:\-–]\s*(.+?)\s*$")
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name} | {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name} | {"sept": 9}


def take_metadata(draft: Draft, title_property: str, stem: str) -> None:
    """Fill `draft.meta` (title, owner, dates, version) and remove the lines it came from."""
    draft.meta["title"] = _title(draft, title_property, stem)
    found: dict[str, tuple[str, Block, int]] = {}
    kept: list[Block] = []
    for block in draft.blocks:
        if block.kind == "para":
            match = _LABEL_LINE.match(block.plain)
            key = _KEY_OF.get(_label(match.group(1))) if match else None
            if match and key and len(match.group(2).split()) <= 8:
                found.setdefault(key, (match.group(2), block, 0))
                continue  # a header-block line: it is now front matter
        if block.kind == "table":
            _from_table(block, found)
        kept.append(block)
    draft.blocks[:] = kept
    for key in ("owner", "valid_from", "review_due", "version"):
        if key not in found:
            continue
        value = found[key][0]
        if key in ("valid_from", "review_due"):
            parsed = parse_date(value, end_of_month=key == "review_due")
            if parsed is None:
                draft.note_meta("", "date", f"{key}: could not read the date \"{value}\"", f"add `{key}: YYYY-MM-DD` to the front matter")
                continue
            day, month_only = parsed
            draft.meta[key] = day
            if month_only:
                which = "last" if key == "review_due" else "first"
                draft.note_meta(key, "month-only-date", f"\"{value}\" names a month, not a day; {key} is set to its {which} day", f"check {key}")
        else:
            draft.meta[key] = value
    taken = [key for key in LABELS if key in draft.meta]
    if taken:
        draft.did("took front matter from the document: " + ", ".join(taken))


def is_metadata_label(text: str) -> bool:
    """`Review date:`, `Author` …: a label this module takes into front matter."""
    return _label(text) in _KEY_OF


def _label(text: str) -> str:
    return " ".join(re.sub(r"[^a-z ]", " ", text.lower()).split())


def _from_table(block: Block, found: dict[str, tuple[str, Block, int]]) -> None:
    """A version-control table: label cells followed by their values, anywhere in a row."""
    for r, row in enumerate(block.rows):
        for c, cell in enumerate(row[:-1]):
            key = _KEY_OF.get(_label(cell.replace("<br>", " ")))
            value = row[c + 1].replace("<br>", " ").strip()
            if key and value and not _KEY_OF.get(_label(value)):
                found.setdefault(key, (value, block, r))


def _title(draft: Draft, title_property: str, stem: str) -> str:
    """Word's Title style; else, above the first heading, a bold line or a short first
    line; else the first heading; else the file's title property; else the file name.
    The title leaves the body: the page shows it from the front matter."""
    blocks = draft.blocks
    styled = next((b for b in blocks if b.kind == "heading" and b.style == "title"), None)
    first_heading = next((i for i, b in enumerate(blocks) if b.kind == "heading"), len(blocks))
    top = [b for b in blocks[:min(first_heading, 5)] if b.kind == "para" and "![" not in b.text]
    bold = next((b for b in top if re.fullmatch(r"\*\*[^*]{1,80}\*\*", b.text)), None)
    first = top[0] if top and blocks[0] is top[0] and len(top[0].plain.split()) <= 12 and not top[0].plain.endswith((".", ":", ",", ";")) else None
    heading = blocks[first_heading] if first_heading < len(blocks) else None
    for block, how in ((styled, ""), (bold, "its first bold line"), (first, "its first line"), (heading, "")):
        if block is not None:
            blocks.remove(block)
            if how:
                draft.note_meta("title", "title", f"the document has no Title style; {how} is the title", "check the title")
            return re.sub(r"^\d+(\.\d+)*\.?\s+(?=\S)", "", block.plain)  # "1 Scope": a title is no clause
    if title_property:
        return title_property
    draft.note_meta("title", "title", "the document has no Title style or heading; the title was made from the file name", "write the page's title")
    return " ".join(re.sub(r"[_-]+", " ", stem).split()).capitalize()


def parse_date(text: str, end_of_month: bool = False) -> tuple[date, bool] | None:
    """`2023-11-30`, `30/11/2023`, `30 November 2023`, `November 30, 2023` or a month
    alone (`November 2023`, `11/2023`). Returns the date and whether it was a month only."""
    text = " ".join(re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text.strip().rstrip(".")).replace(",", " ").split())
    try:
        return date.fromisoformat(text[:10]), False
    except ValueError:
        pass
    numeric = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})", text)
    if numeric:
        day, month, year = (int(g) for g in numeric.groups())
        return _make(year + 2000 if year < 100 else year, month, day, False)
    month_year = re.fullmatch(r"(\d{1,2})[/.-](\d{4})", text)
    if month_year:
        return _month(int(month_year.group(2)), int(month_year.group(1)), end_of_month)
    words = text.lower().split()
    if len(words) == 3 and words[0].isdigit() and words[1] in _MONTHS and words[2].isdigit():
        return _make(int(words[2]), _MONTHS[words[1]], int(words[0]), False)
    if len(words) == 3 and words[0] in _MONTHS and words[1].isdigit() and words[2].isdigit():
        return _make(int(words[2]), _MONTHS[words[0]], int(words[1]), False)
    if len(words) == 2 and words[0] in _MONTHS and words[1].isdigit() and len(words[1]) == 4:
        return _month(int(words[1]), _MONTHS[words[0]], end_of_month)
    return None


def _month(year: int, month: int, end_of_month: bool) -> tuple[date, bool] | None:
    if not 1 <= month <= 12:
        return None
    return _make(year, month, calendar.monthrange(year, month)[1] if end_of_month else 1, True)


def _make(year: int, month: int, day: int, month_only: bool) -> tuple[date, bool] | None:
    try:
        return date(year, month, day), month_only
    except ValueError:
        return None
