"""Phone numbers and email addresses from the local details become tel: and mailto: links
(build_tools/contact_links.py), on the site and on sheets: checked on generated text."""

from __future__ import annotations

import random
import re

import pytest
from markdown import Markdown

from build_tools.contact_links import contact_options, tel_href

PHONE, EMAIL = "01234 567 890", "involvement@example.org"
VARIABLES = {"org": {"name": "Example Trust"}, "contact": {"phone": PHONE, "email": EMAIL},
             "links": {"registration": "https://example.org/x"}, "year": 2027}


def render(text: str) -> str:
    md = Markdown(extensions=["build_tools.contact_links"],
                  extension_configs={"build_tools.contact_links": contact_options(VARIABLES)})
    return md.convert(text)


def test_options_pick_phones_and_emails_only() -> None:
    assert contact_options(VARIABLES) == {"phones": [PHONE], "emails": [EMAIL]}
    assert tel_href("+44 (0)1234 567-890") == "tel:+4401234567890"


WORDS = ["Call", "us", "on", "or", "write", "to", "the", "team,", "today.", "(free)", "and"]


@pytest.mark.parametrize("seed", range(40))
def test_every_contact_in_running_text_is_linked_once(seed: int) -> None:
    rng = random.Random(seed)
    pieces, expected = [], 0
    for _ in range(rng.randint(3, 30)):
        roll = rng.random()
        if roll < 0.15:
            pieces.append(PHONE + rng.choice(["", ".", ",", ")"]))
            expected += 1
        elif roll < 0.3:
            pieces.append(EMAIL + rng.choice(["", ".", ","]))
            expected += 1
        else:
            pieces.append(rng.choice(WORDS))
    style = rng.choice(["{}", "**{}**", "- {}", "> {}"])
    html = render(style.format(" ".join(pieces)))
    links = re.findall(r'<a class="guides-contact" href="(tel:01234567890|mailto:involvement@example.org)">([^<]+)</a>', html)
    assert len(links) == expected, html
    assert all((href == "tel:01234567890") == (text == PHONE) for href, text in links)
    # No words lost or doubled: the text without tags is the text that went in.
    plain = re.sub(r"<[^>]+>", "", html)
    assert plain.count(PHONE) == sum(p.startswith(PHONE) for p in pieces)


@pytest.mark.parametrize("text", [
    f"[our number]({tel_href(PHONE)}) and [{EMAIL}](mailto:{EMAIL})",   # already links
    f"`{PHONE}` in code",
    f"# Call {PHONE}",                                                  # headings stay plain
    f"x{EMAIL}",                                                        # part of a longer word
    f"{PHONE}1",                                                        # a longer number
])
def test_text_already_linked_or_not_a_contact_is_left_alone(text: str) -> None:
    assert 'class="guides-contact"' not in render(text)
