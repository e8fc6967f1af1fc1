"""Local details: phone numbers, email and web addresses, postal addresses, owners.

One that matches a value under `guides.variables` in mkdocs.yml is replaced by the
variable (`{{ contact.phone }}`), so a change of number is one edit. Any other is
reported with the variable to add: content must not carry contact details itself.
Matching ignores the way a detail is written: spaces in phone numbers, `+44`,
`https://`, `www.`, capitals in email addresses, spaces in postcodes.
"""

from __future__ import annotations

import re
from typing import Any

from build_tools.importer.model import Block, Draft

_DETAIL = re.compile(
    r"(?P<email>(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
    r"|(?P<url>\b(?:https?://|www\.)[^\s)\]>|]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:org|com|net|gov|nhs|ac|co|info|io)(?:\.uk)?\b(?:/[^\s)\]>|]*)?)"
    r"|(?P<phone>(?<![\d{])(?:\+44\s?\(?0?\)?\s?|\(?0)\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}(?![\d}]))",
    re.I,
)
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")
_STREET = re.compile(r"^\d|\b(building|house|court|street|road|lane|avenue|square|place|way|close|drive|park|po box)\b", re.I)
_SUGGEST = {"email": "contact.email", "url": "links.website", "phone": "contact.phone", "address": "contact.address"}
_KIND_WORDS = {"email": "email address", "url": "web address", "phone": "phone number", "address": "postal address"}


def flatten(variables: dict[str, Any], prefix: str = "") -> dict[str, str]:
    """`{contact: {phone: …}}` -> `{"contact.phone": "…"}` (text values only)."""
    out: dict[str, str] = {}
    for key, value in variables.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out |= flatten(value, name + ".")
        elif not isinstance(value, list):
            out[name] = str(value)
    return out


def normalise(kind: str, value: str) -> str:
    """The form two ways of writing the same detail share."""
    value = value.strip().rstrip(".,;")
    if kind == "phone":
        digits = re.sub(r"\D", "", value)
        return "0" + digits[2:].lstrip("0") if digits.startswith("44") else digits
    if kind == "url":
        return re.sub(r"^(https?://)?(www\.)?", "", value.lower()).rstrip("/")
    if kind == "address":
        match = _POSTCODE.search(value.upper())
        return match.group(0).replace(" ", "") if match else ""
    return value.lower().removeprefix("mailto:")


def replace_details(draft: Draft, variables: dict[str, Any]) -> None:
    """Replace configured details by variables, report the rest, in every block."""
    known = flatten(variables)
    index = {(kind, normalise(kind, value)): name for name, value in known.items() for kind in ("email", "url", "phone", "address") if normalise(kind, value)}
    replaced = 0
    for block in draft.blocks:
        for offset, text in block.texts():
            new, count = _replace_in(text, block, offset, index, set(known))
            replaced += count
            if new != text:
                block.set_text(offset, new)
    replaced += _addresses(draft, index, set(known))
    draft.did("replaced local details by variables", replaced)
    owner = draft.meta.get("owner")
    if isinstance(owner, str):
        match = next((name for name, value in known.items() if value.strip().lower() == owner.strip().lower()), None)
        if match:
            draft.meta["owner"] = f"{{{{ {match} }}}}"
        else:
            draft.note_meta("owner", "owner", f"owner \"{owner}\" is not a configured team", "add the team under guides.variables in mkdocs.yml (e.g. teams.policy) and write \"{{ teams.policy }}\"")


def _replace_in(text: str, block: Block, offset: int, index: dict[tuple[str, str], str], taken: set[str]) -> tuple[str, int]:
    count = 0
    reported: set[str] = set()

    def one(match: re.Match[str]) -> str:
        nonlocal count
        kind = match.lastgroup or ""
        value = match.group(0).rstrip(".,;")
        tail = match.group(0)[len(value):]
        if kind == "url" and re.fullmatch(r"[\w-]+\.(png|jpe?g|gif|svg|emf|wmf)", value, re.I):
            return match.group(0)
        name = index.get((kind, normalise(kind, value)))
        if name:
            count += 1
            return f"{{{{ {name} }}}}{tail}"
        if value not in reported:
            reported.add(value)
            block.note("local-detail", f"{_KIND_WORDS[kind]} {value} is written into the text", _make_variable(kind, taken), offset)
        return match.group(0)

    return _DETAIL.sub(one, text), count


def _addresses(draft: Draft, index: dict[tuple[str, str], str], taken: set[str]) -> int:
    """A paragraph with a postcode, and the short lines just before it, is an address."""
    blocks = draft.blocks
    replaced = 0
    i = 0
    while i < len(blocks):
        block = blocks[i]
        match = _POSTCODE.search(block.plain) if block.kind == "para" else None
        if not match:
            i += 1
            continue
        start = _address_start(blocks, i)
        name = index.get(("address", normalise("address", match.group(0))))
        if name:
            blocks[start:i + 1] = [Block("para", f"{{{{ {name} }}}}", notes=[n for b in blocks[start:i + 1] for n in b.notes])]
            replaced += 1
            i = start + 1
            continue
        block.note("local-detail", f"postal address with postcode {match.group(0)} is written into the text", _make_variable("address", taken))
        i += 1
    return replaced


def _make_variable(kind: str, taken: set[str]) -> str:
    """How to fix it, naming a variable that does not exist yet (`contact.email_2`)."""
    name, n = _SUGGEST[kind], 2
    while name in taken:
        name, n = f"{_SUGGEST[kind]}_{n}", n + 1
    return f"add it under guides.variables in mkdocs.yml (e.g. {name}) and write {{{{ {name} }}}}"


def _address_start(blocks: list[Block], i: int) -> int:
    """The first line of the address ending at `blocks[i]`: back to a house number or a
    building or street word within 3 lines, else just the line before (the town)."""
    earlier = []
    for j in range(i - 1, max(i - 4, -1), -1):
        if not _address_line(blocks[j]):
            break
        earlier.append(j)
    starts = [j for j in earlier if _STREET.search(blocks[j].plain)]
    if starts:
        return min(starts)
    return earlier[0] if earlier else i


def _address_line(block: Block) -> bool:
    text = block.plain
    return block.kind == "para" and 0 < len(text.split()) <= 6 and not text.endswith((".", ":", "?")) and "{{" not in text
