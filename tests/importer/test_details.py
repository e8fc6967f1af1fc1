"""Local details: a table of ways of writing a detail, and what each becomes."""

from __future__ import annotations

import pytest

from build_tools.importer.details import replace_details
from build_tools.importer.model import Block, Draft

VARIABLES = {
    "contact": {"phone": "01234 567 890", "email": "Involvement@Example.org", "address": "1 Sample Street, Exampletown EX1 2AB"},
    "links": {"registration": "https://example.org/involvement/register"},
    "teams": {"involvement": "Involvement Team"},
}

CASES = [
    ("Call 01234 567890.", "Call {{ contact.phone }}.", []),
    ("Call +44 1234 567 890 today", "Call {{ contact.phone }} today", []),
    ("Call (01234) 567890", "Call {{ contact.phone }}", []),
    ("Tel: 01234-567-890", "Tel: {{ contact.phone }}", []),
    ("Mail involvement@example.org.", "Mail {{ contact.email }}.", []),
    ("[write to us](mailto:INVOLVEMENT@example.org)", "[write to us](mailto:{{ contact.email }})", []),
    ("Register at www.example.org/involvement/register/", "Register at {{ links.registration }}", []),
    ("[register](http://example.org/involvement/register)", "[register]({{ links.registration }})", []),
    ("Call 07700 900123", "Call 07700 900123", ["local-detail"]),
    ("See example.net/rates for rates", "See example.net/rates for rates", ["local-detail"]),
    ("Write to someone@example.com or someone@example.com", "Write to someone@example.com or someone@example.com", ["local-detail"]),
    ("The picture is in guide-1.png", "The picture is in guide-1.png", []),
    ("We met 12 people in 2024 over 3 days.", "We met 12 people in 2024 over 3 days.", []),
]


@pytest.mark.parametrize(("text", "expected", "rules"), CASES, ids=[c[0] for c in CASES])
def test_detail(text: str, expected: str, rules: list[str]) -> None:
    draft = Draft([Block("para", text)])
    replace_details(draft, VARIABLES)
    assert draft.blocks[0].text == expected
    assert [n.rule for n in draft.blocks[0].notes] == rules


def test_configured_address_becomes_one_variable_line() -> None:
    lines = ["Policy and Procedure", "1 Sample Street", "Exampletown", "EX1 2AB", "T: 01234 567 890"]
    draft = Draft([Block("para", line) for line in lines])
    replace_details(draft, VARIABLES)
    assert [b.text for b in draft.blocks] == ["Policy and Procedure", "{{ contact.address }}", "T: {{ contact.phone }}"]


def test_other_address_is_reported() -> None:
    draft = Draft([Block("para", "2 Other Road"), Block("para", "Elsewhere ZZ9 9ZZ")])
    replace_details(draft, VARIABLES)
    assert [n.rule for b in draft.blocks for n in b.notes] == ["local-detail"]
    assert "contact.address_2" in draft.blocks[1].notes[0].fix


@pytest.mark.parametrize(("owner", "expected", "noted"), [("Involvement team", "{{ teams.involvement }}", False), ("Estates", "Estates", True)])
def test_owner_becomes_a_team_variable(owner: str, expected: str, noted: bool) -> None:
    draft = Draft([], meta={"owner": owner})
    replace_details(draft, VARIABLES)
    assert draft.meta["owner"] == expected
    assert bool(draft.meta_notes) == noted
