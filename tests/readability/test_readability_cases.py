"""Every rule on small pages from a data table (`rule_cases.yml`), including each
sentence issue 11 quotes from real documents."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from build_tools.readability import ReadabilitySettings, check_page

CASES = yaml.safe_load((Path(__file__).parent / "rule_cases.yml").read_text("utf-8"))
GLOSSARY = {"dbs": "Disclosure and Barring Service: the check of a person's criminal record", "cv check": "x"}


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_case(case: dict) -> None:
    result = check_page(
        path="page.md", text=case["text"] + "\n", body_start=1, is_easy=case["easy"], page_type="guide",
        glossary_terms={**GLOSSARY, **case.get("glossary", {})}, settings=ReadabilitySettings(),
    )
    shown = [f.format() for f in result.findings]
    assert [f"{f.line} {f.rule} {f.severity}" for f in result.findings] == case["expected"], shown
    if "contains" in case:
        assert any(case["contains"] in f.message + f.fix for f in result.findings), shown
