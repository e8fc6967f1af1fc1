"""The authors' report: self-contained, accessible structure, escaped, worst first."""

from __future__ import annotations

import json
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

from build_tools.readability import ReadabilitySettings, ReportRow, check_page, write_report


def row(path: str, text: str, *, title: str, is_easy: bool, review_due: date | None = None) -> ReportRow:
    page = check_page(
        path=path, text=text, body_start=1, is_easy=is_easy, page_type="guide", glossary_terms={},
        settings=ReadabilitySettings(),
    )
    return ReportRow(
        readability=page, title=title, roles=("partner", "staff"), level="amber", review_due=review_due,
        easy_status="easy-read page" if is_easy else "no easy-read version", urls={"staff": "../staff/x/"},
    )


class Structure(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if attributes.get("id"):
            self.ids.add(str(attributes["id"]))


def build(tmp_path: Path) -> tuple[str, Structure]:
    rows = [
        row("content/good.md", "We meet at 10.\n", title="Good page", is_easy=False, review_due=date(2030, 1, 1)),
        row("content/bad.easy.md", "We utilise it. Do NOT go. Comprehensive organisational philosophy.\n",
            title="<script>alert(1)</script> Bad", is_easy=True, review_due=date(2020, 1, 1)),
    ]
    write_report(tmp_path, rows, today=date(2026, 1, 1), site_name="Guides & co")
    html = (tmp_path / "index.html").read_text("utf-8")
    parser = Structure()
    parser.feed(html)
    return html, parser


def test_files_are_written(tmp_path: Path) -> None:
    build(tmp_path)
    data = json.loads((tmp_path / "readability.json").read_text("utf-8"))
    assert [page["path"] for page in data["pages"]] == ["content/bad.easy.md", "content/good.md"]


def test_accessible_structure(tmp_path: Path) -> None:
    html, parser = build(tmp_path)
    tags = parser.tags
    assert ("html", {"lang": "en"}) in tags
    skip = next(attrs for tag, attrs in tags if tag == "a")
    assert skip["href"] == "#main" and "main" in parser.ids
    assert any(tag == "caption" for tag, _ in tags)
    headers = [attrs.get("scope") for tag, attrs in tags if tag == "th"]
    assert headers and all(scope in ("col", "row") for scope in headers)
    rule_rows = html.count('<tr><th scope="row">')  # the table of findings per rule
    assert rule_rows >= 1 and "Findings per rule" in html
    assert headers.count("row") == 2 + rule_rows
    svg = next(attrs for tag, attrs in tags if tag == "svg")
    assert svg["role"] == "img" and all(part in parser.ids for part in str(svg["aria-labelledby"]).split())
    assert '<meta name="viewport"' in html
    assert "overdue" in html and " over<" in html  # status in words, not colour alone


def test_self_contained(tmp_path: Path) -> None:
    html, parser = build(tmp_path)
    for tag, attrs in parser.tags:
        assert tag not in ("script", "link", "img", "iframe")
        assert "src" not in attrs
    assert "@import" not in html
    assert re.findall(r"url\(([^)]*)\)", html) == ["#over"]
    assert [href for tag, attrs in parser.tags if tag == "a" and (href := attrs.get("href", "")) and
            str(href).startswith("http")] == []


def test_escaped_and_worst_first(tmp_path: Path) -> None:
    html, _ = build(tmp_path)
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; Bad" in html
    assert "Guides &amp; co" in html
    assert html.index("content/bad.easy.md") < html.index("content/good.md")


def test_no_pages(tmp_path: Path) -> None:
    write_report(tmp_path, [], today=date(2026, 1, 1))
    assert "No pages were checked." in (tmp_path / "index.html").read_text("utf-8")
