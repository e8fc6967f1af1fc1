"""Selection: what one role may read, line for line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from build_tools.config import load_config
from build_tools.content.loader import load_corpus
from build_tools.roles import select
from build_tools.stage import navigation
from build_tools.urls import page_url, relative_url
from build_tools.validate import validate


def load(site: Path):
    config = load_config(site / "mkdocs.yml")
    corpus, findings = load_corpus(config.docs_dir)
    findings += validate(corpus, config, date(2026, 11, 22))
    return config, corpus, findings


def test_fixture_is_clean_but_for_the_overdue_page(basic_site: Path) -> None:
    _, _, findings = load(basic_site)
    assert [(f.path, f.line, f.rule) for f in findings] == [("partner/guide.md", 5, "review-due")]


def test_role_sees_only_its_pages(basic_site: Path) -> None:
    config, corpus, _ = load(basic_site)
    assert sorted(select(corpus, config, "partner").pages) == [
        "glossary.md", "index.md", "partner/guide.easy.md", "partner/guide.md", "shared.md"]
    assert sorted(select(corpus, config, "staff").pages) == [
        "glossary.md", "index.md", "shared.md", "staff/checklist.md", "staff/index.md"]


def test_other_roles_blocks_are_blanked_line_for_line(basic_site: Path) -> None:
    config, corpus, _ = load(basic_site)
    source = corpus.documents["shared.md"].lines
    partner = select(corpus, config, "partner").pages["shared.md"].lines
    staff = select(corpus, config, "staff").pages["shared.md"].lines
    assert len(partner) == len(source) == len(staff)
    assert not any("staffonlymarker" in line or "nestedstaff" in line for line in partner)
    assert any("partneronlymarker" in line for line in partner)
    assert any("nestedstaffmarker" in line for line in staff)
    assert not any("partneronlymarker" in line for line in staff)
    # The same line number in each copy holds the same source line, or nothing.
    for number, line in enumerate(partner):
        assert line in ("", source[number]) or "{{" in source[number] or line.startswith("/// role")


def test_variables_are_substituted(basic_site: Path) -> None:
    config, corpus, _ = load(basic_site)
    text = select(corpus, config, "staff").pages["index.md"].text
    assert "team@example.org" in text and "{{" not in text


def test_easy_read_pages_explain_hard_words_once_and_list_them(basic_site: Path) -> None:
    config, corpus, _ = load(basic_site)
    page = select(corpus, config, "partner").pages["partner/guide.easy.md"]
    assert page.text.count('class="guides-term"') == 2  # candidate, panel: first use only
    assert "Candidate: A person who wants the job.</span>" in page.text  # its own sentence, after the line
    assert page.lines[-4:-1] == ["## Hard words", "", page.lines[-2]]
    assert [t.term for t in page.hard_words] == ["Candidate", "Panel"]


def test_nav_orders_index_first_then_order_then_title(basic_site: Path) -> None:
    config, corpus, _ = load(basic_site)
    nav = navigation(select(corpus, config, "partner"), config)
    assert nav[0] == {"Welcome": "index.md"}
    assert nav[1] == {"Shared page": "shared.md"}
    assert {"Partner": [{"Joining a panel": "partner/guide.md"}, {"Joining a panel, easy read": "partner/guide.easy.md"}]} in nav
    assert nav[-1] == {"Pages by involvement level": "involvement-levels.md"}


def test_urls(basic_site: Path) -> None:
    config, _, _ = load(basic_site)
    assert page_url("index.md", config) == ""
    assert page_url("a/index.md", config) == "a/"
    assert page_url("a/b.easy.md", config) == "a/b.easy/"
    assert relative_url("a/b.md", "a/b.easy.md", config) == "../b.easy/"
    assert relative_url("a/b.md", "a/b.pdf", config) == "../b.pdf"
    assert relative_url("index.md", "a/b.md", config) == "a/b/"
    assert relative_url("a/b.md", "index.md", config) == "../../"


def test_large_sites_prune_the_navigation(basic_site: Path) -> None:
    from build_tools.roles import RoleView
    from build_tools.stage import PRUNE_NAV_ABOVE, staged_settings

    config, corpus, _ = load(basic_site)
    view = select(corpus, config, "partner")
    small = staged_settings(view, config, date(2026, 11, 22), {})
    assert "navigation.prune" not in small["theme"]["features"]
    page = next(iter(view.pages.values()))
    big = RoleView("partner", {f"p{n}.md": page for n in range(PRUNE_NAV_ABOVE + 1)}, [])
    assert "navigation.prune" in staged_settings(big, config, date(2026, 11, 22), {})["theme"]["features"]


def test_glossary_terms_follow_roles(basic_site: Path) -> None:
    from build_tools.roles import glossary_for

    glossary = basic_site / "content" / "glossary.md"
    glossary.write_text(glossary.read_text() + "\n/// role | staff\nShortlist\n:   The people we chose to meet.\n///\n")
    config, corpus, _ = load(basic_site)
    assert [t.term for t in glossary_for(corpus, config, "partner")] == ["Candidate", "Panel"]
    assert [t.term for t in glossary_for(corpus, config, "staff")] == ["Candidate", "Panel", "Shortlist"]


def test_staged_text_has_no_html_comments(basic_site: Path) -> None:
    page = basic_site / "content" / "shared.md"
    page.write_text(page.read_text() + "\nWords <!-- an editor's remark qz1 -->\n<!--\nmore notes\n-->\n")
    config, corpus, _ = load(basic_site)
    for role in ("partner", "staff"):
        text = select(corpus, config, role).pages["shared.md"].text
        assert "<!--" not in text and "qz1" not in text and "qz2" not in text
        assert len(text.split("\n")) == len(corpus.documents["shared.md"].lines) + 1
