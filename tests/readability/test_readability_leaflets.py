"""False alarms on realistic easy-read text: our own leaflet passages, every finding
labelled by hand (`leaflets/annotations.yml`). At most 1 finding in 20 may be a
false alarm, and every problem planted on purpose is found at its line."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from build_tools.readability import ReadabilitySettings, check_page

HERE = Path(__file__).parent / "leaflets"
LABELS: dict[str, dict[str, bool]] = yaml.safe_load((HERE / "annotations.yml").read_text("utf-8"))


def findings(name: str) -> list[str]:
    text = (HERE / name).read_text("utf-8")
    result = check_page(path=name, text=text, body_start=1, is_easy=True, page_type="guide",
                        glossary_terms={}, settings=ReadabilitySettings())
    return [f"{f.line} {f.rule}" for f in result.findings]


@pytest.mark.parametrize("name", sorted(LABELS))
def test_every_finding_is_labelled(name: str) -> None:
    assert sorted(findings(name)) == sorted(LABELS[name])


def test_at_most_one_false_alarm_in_20() -> None:
    labels = [label for page in LABELS.values() for label in page.values()]
    assert len(labels) >= 10
    assert labels.count(False) * 20 <= len(labels)


def test_planted_problems_are_found_at_their_lines() -> None:
    text = (HERE / "planted.easy.md").read_text("utf-8").split("\n")
    planted = {number for number, line in enumerate(text, 1) if 6 < number < 23 and line and not line.startswith("#")}
    found = {int(item.split()[0]) for item in findings("planted.easy.md")}
    assert planted == found
