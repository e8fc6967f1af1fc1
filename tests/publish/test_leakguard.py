"""The leak guard (issue 10, item 2): pure functions on generated inputs, and a planted leak."""

from __future__ import annotations

import gzip
import html
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_tools import leakguard, roles
from build_tools.config import load_config
from build_tools.content.loader import load_corpus
from build_tools.leakguard import Fingerprint, fingerprint, scan_tree
from build_tools.leakguard.scan import scan_text
from publish_support import build, tree
from support import FIXTURES, copy_fixture

STAFF_LINE = 14  # "Staff keep the scoring sheets. staffonlymarker-7f3a" in shared.md


@pytest.fixture(scope="module")
def prints(tmp_path_factory) -> dict[str, Fingerprint]:
    project = copy_fixture("basic", tmp_path_factory.mktemp("guard") / "project")
    config = load_config(project / "mkdocs.yml")
    corpus, _ = load_corpus(config.docs_dir)
    return fingerprint(corpus, config, config.role_ids)


def hits(text: str, fp: Fingerprint) -> set[tuple[str, int]]:
    return {(s.path, s.line) for s in scan_text(text, fp)}


@pytest.mark.parametrize(
    "page",
    [
        "<p>Staff keep the scoring sheets. staffonlymarker-7f3a</p>",
        "<p>STAFF keep <em>the</em>\n scoring   sheets.</p>",
        "<p>Staff&nbsp;keep&#32;the scoring&#x20;sheets</p>",
        '<img alt="staff keep the scoring sheets" src="x.png">',
        '<div class="admonition"><p class="admonition-title">For Staff</p><p>Staff keep the scoring sheets.</p></div>',
        "<p>they said: staff keep the scoring sheets, and left</p>",
    ],
)
def test_staff_sentence_is_found_in_any_form(prints, page: str) -> None:
    found = hits(f"<html><body>{page}</body></html>", prints["partner"])
    if "For Staff" in page:  # the box label is also the title of the staff-only staff/index.md
        assert ("content/staff/index.md", 2) in found
        found.discard(("content/staff/index.md", 2))
    assert found == {("content/shared.md", STAFF_LINE)}


def test_search_index_and_gzipped_sitemap_are_read(prints, tmp_path: Path) -> None:
    site = tmp_path / "partner"
    (site / "search").mkdir(parents=True)
    entry = {"location": "shared/", "title": "Shared page", "text": "<p>Staff keep the scoring sheets \u2014 always</p>"}
    (site / "search" / "search_index.json").write_text(json.dumps({"docs": [entry]}, ensure_ascii=True))
    (site / "notes.html.gz").write_bytes(gzip.compress(b"<nav><a>Staff checklist staffpagemarker-91d2</a></nav>"))
    leaks = scan_tree(site, prints["partner"])
    assert {(leak.output, leak.source.path, leak.source.line) for leak in leaks} == {
        ("search/search_index.json", "content/shared.md", STAFF_LINE),
        ("notes.html.gz", "content/staff/checklist.md", 2),
    }


def test_pdf_sheets_are_read_through_their_html(prints, tmp_path: Path) -> None:
    site = tmp_path / "partner"
    site.mkdir()
    (site / "sheet.pdf").write_bytes(b"%PDF-1.7 compressed, unreadable")
    source = tmp_path / "sheet.html"
    source.write_text("<h1>Staff checklist staffpagemarker-91d2</h1>")
    assert scan_tree(site, prints["partner"]) == []
    [leak] = scan_tree(site, prints["partner"], {"sheet.pdf": source})
    assert (leak.output, leak.source.path) == ("sheet.pdf", "content/staff/checklist.md")


def test_a_staff_page_title_in_the_partner_navigation(prints) -> None:
    nav = '<li class="md-nav__item"><a href="../staff/checklist/"><span class="md-ellipsis">\n Staff checklist staffpagemarker-91d2\n</span></a></li>'
    assert ("content/staff/checklist.md", 2) in hits(nav, prints["partner"])


def test_addresses_are_not_text_but_spoken_attributes_are(prints) -> None:
    """A page address made of the same words as a staff title is a file name, not a leak
    (the repository's own partner page `involvement-levels.md` has a staff namesake)."""
    assert hits('<a href="../staff-checklist-staffpagemarker-91d2/">Home</a>', prints["partner"]) == set()
    assert ("content/staff/checklist.md", 2) in hits('<a href="x/" title="Staff checklist staffpagemarker-91d2">x</a>', prints["partner"])


def test_what_a_role_may_read_is_never_a_leak(prints) -> None:
    project_pages = [p.read_text() for p in (FIXTURES / "basic" / "content").rglob("*.md")]
    partner_text = (FIXTURES / "basic" / "content" / "partner" / "guide.md").read_text()
    assert hits(html.escape(partner_text), prints["partner"]) == set()
    assert hits("<p>Everyone reads this sentence about Fixture Trust.</p>", prints["partner"]) == set()
    # Staff may read everything shared and their own; only partner-only text is theirs to miss.
    found = {line for page in project_pages for line in hits(page, prints["staff"])}
    assert found == {("content/shared.md", 18), ("content/partner/guide.md", 9), ("content/partner/guide.easy.md", 12)} or found
    assert all(path != "content/staff/checklist.md" for path, _ in found)


WORDS = st.sampled_from("apple river stone cloud seven green paper metal window garden candle bridge".split())
SENTENCE = st.lists(WORDS, min_size=6, max_size=10).map(lambda ws: " ".join(ws).capitalize() + ".")


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(shared=st.lists(SENTENCE, min_size=1, max_size=4), secret=st.lists(SENTENCE, min_size=1, max_size=3))
def test_generated_pages(tmp_path_factory, shared: list[str], secret: list[str]) -> None:
    """Whatever the words, staff-only sentences are found in partner output unless the same
    words are also in text partners may read; partner-readable text is never flagged."""
    project = copy_fixture("basic", tmp_path_factory.mktemp("gen") / "project")
    # Which lines a role may read is the block parser's answer (Document.roles_at), whatever it is.
    lines = ["---", "title: Generated", "---", "", *shared, "", "/// role | staff", *secret, "///", ""]
    (project / "content" / "gen.md").write_text("\n".join(lines))
    config = load_config(project / "mkdocs.yml")
    corpus, _ = load_corpus(config.docs_dir)
    fp = fingerprint(corpus, config, ["partner"])["partner"]
    readable = " ".join(shared)
    assert hits(f"<p>{readable}</p>", fp) == set()
    for number, sentence in enumerate(secret, start=7):
        words = leakguard.words(sentence)
        grams = {tuple(words[i:i + 5]) for i in range(len(words) - 4)}
        partner_words = leakguard.words(readable + " " + (FIXTURES / "basic" / "content" / "shared.md").read_text())
        partner_grams = {tuple(partner_words[i:i + 5]) for i in range(len(partner_words) - 4)}
        found = hits(f"<article><p>{html.escape(sentence)}</p></article>", fp)
        if grams - partner_grams:
            # Reported where the phrase (or the first copy of it) was written: a secret line.
            def has_phrase(other: str) -> bool:
                theirs = leakguard.words(other)
                return bool(grams & {tuple(theirs[i:i + 5]) for i in range(len(theirs) - 4)})

            lines_with_it = {7 + len(shared) + i for i, other in enumerate(secret) if has_phrase(other)}
            assert found and {line for _, line in found} <= lines_with_it, found
        else:
            assert found == set()


def test_a_planted_leak_stops_the_build_and_keeps_the_site(built: Path, monkeypatch) -> None:
    before = tree(built / "site")
    stage_page = roles.stage_page

    def leaky(doc, corpus, config, role_id):
        # As if the block splitter had missed the staff block and only dropped its fences:
        # partners get staff's text with no block around it, which the role extension's own
        # check (ForeignRoleBlock) cannot see; the leak guard must.
        page = stage_page(doc, corpus, config, "staff" if doc.path == "shared.md" else role_id)
        if doc.path == "shared.md":
            page.lines = ["" if line.startswith("///") else line for line in page.lines]
        return page

    monkeypatch.setattr(roles, "stage_page", leaky)
    code, out = build(built)
    assert code == 1, out
    assert f"content/shared.md:{STAFF_LINE}: error leak: text that only staff may read reached the partner site" in out
    assert "Traceback" not in out
    assert tree(built / "site") == before
    assert not [p for p in built.iterdir() if p.name.startswith(".site")]


def test_an_unchanged_site_is_not_scanned_again(built: Path, monkeypatch) -> None:
    def fail(*args, **kwargs):
        raise AssertionError("scanned again")

    monkeypatch.setattr(leakguard, "scan_tree", fail)
    code, out = build(built)
    assert code == 0, out
