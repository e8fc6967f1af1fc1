"""Phone numbers and email addresses from the local details become links a reader can
tap: `tel:` and `mailto:`.

Content writes `{{ contact.phone }}`; staging puts the configured text in its place.
This Python-Markdown extension then links any text equal to a configured phone
number or email address (`guides.variables`), on the site and on printed sheets,
so "Call us on 01234 567 890" works on a phone. Text already inside a link, code
or a heading is left alone.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
#: A phone number as written for people: digits, spaces, brackets, +, - and dots, 6 digits or more.
PHONE = re.compile(r"^\+?[\d\s().-]+$")
SKIP = {"a", "code", "pre", "script", "style", "h1", "h2", "h3", "h4", "h5", "h6"}


def contact_options(variables: dict[str, Any]) -> dict[str, list[str]]:
    """The phone numbers and email addresses among the local-details variables."""
    phones, emails = [], []
    for value in _leaves(variables):
        text = value.strip()
        if EMAIL.match(text):
            emails.append(text)
        elif PHONE.match(text) and sum(ch.isdigit() for ch in text) >= 6:
            phones.append(text)
    return {"phones": sorted(set(phones)), "emails": sorted(set(emails))}


def _leaves(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for item in value.values():
            yield from _leaves(item)
    elif isinstance(value, (str, int)) and not isinstance(value, bool):
        yield str(value)


def tel_href(phone: str) -> str:
    """`01234 567 890` -> `tel:01234567890` (only + and digits)."""
    return "tel:" + "".join(ch for ch in phone if ch.isdigit() or ch == "+")


class ContactTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, targets: dict[str, str]) -> None:
        super().__init__(md)
        self.targets = targets
        longest_first = sorted(targets, key=len, reverse=True)
        self.pattern = re.compile("|".join(rf"(?<![\w@.+-]){re.escape(t)}(?![\w@-])" for t in longest_first)) if targets else None

    def run(self, root: etree.Element) -> None:
        if self.pattern is not None:
            self._walk(root)

    def _walk(self, element: etree.Element) -> None:
        if element.tag in SKIP:
            return
        element.text = self._link(element, element.text, 0)
        for child in list(element):
            self._walk(child)
            child.tail = self._link(element, child.tail, list(element).index(child) + 1)

    def _link(self, parent: etree.Element, text: str | None, position: int) -> str | None:
        """Split `text` (at `position` among `parent`'s children) around each contact."""
        if not text or self.pattern is None or not self.pattern.search(text):
            return text
        pieces = self.pattern.split(text)
        found = self.pattern.findall(text)
        for offset, (value, after) in enumerate(zip(found, pieces[1:])):
            link = etree.Element("a", {"href": self.targets[value], "class": "guides-contact"})
            link.text = value
            link.tail = after
            parent.insert(position + offset, link)
        return pieces[0]


class ContactLinksExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "phones": [[], "phone numbers to link with tel:"],
            "emails": [[], "email addresses to link with mailto:"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        targets = {p: tel_href(p) for p in self.getConfig("phones")}
        targets.update({e: f"mailto:{e}" for e in self.getConfig("emails")})
        # After inline processing (20) made links and code, before the print step (4).
        md.treeprocessors.register(ContactTreeprocessor(md, targets), "guides_contact_links", 6)


def makeExtension(**kwargs: Any) -> Extension:
    return ContactLinksExtension(**kwargs)
