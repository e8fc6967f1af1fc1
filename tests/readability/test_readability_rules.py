"""Each rule on small pages: the findings expected, as (line, rule, severity), in order."""

from __future__ import annotations

import pytest

from build_tools.readability import ReadabilitySettings, check_page

EASY, STANDARD = True, False
GLOSSARY = {"dbs": "Disclosure and Barring Service: the check of a person's criminal record", "cv check": "x"}

HARD_TEXT = (
    "The organisation's comprehensive recruitment philosophy emphasises extensive "
    "consultation with interested representatives. "
) * 5  # 65 words of long, many-syllable words: grade far above 9


# (markdown, body_start, is_easy, expected [(line, rule, severity)])
CASES = {
    # --- sentence length
    "easy: 15 words is fine": (
        "We will meet you at the door and take you to the room for tea.\n", 1, EASY, []),
    "easy: 22 words is an error at the line it starts": (
        "Intro.\n\nThis sentence starts here and goes on\nand on for many more words than it should, "
        "which makes it too long to read.\n", 1, EASY, [(3, "sentence-length", "error"), (3, "many-ideas", "warning")]),
    "standard: 22 words is fine": (
        "This sentence starts here and goes on and on for many more words than it should, "
        "which makes it too long to read.\n", 1, STANDARD, []),
    "standard: 26 words is a warning": (
        "This sentence starts here and goes on and on for many more words than it should, "
        "which makes it far too long to read for most people.\n", 1, STANDARD, [(1, "sentence-length", "warning")]),
    "bullets without full stops are separate sentences": (
        "- go to the room\n- sit at the table\n- meet the people on the panel\n- read the questions\n"
        "- listen to each person\n", 1, EASY, []),
    # --- grade
    "easy: hard text is a grade warning on the title line": (
        "---\ntitle: Hard\n---\n# Hard\n\n" + HARD_TEXT + "\n", 4, EASY,
        [(2, "grade", "warning")]),
    "standard: hard text is a grade warning on the first heading": (
        "# Hard\n\n" + HARD_TEXT + "\n", 1, STANDARD, [(1, "grade", "warning")]),
    "grade on the first body line when there is no title": (
        "---\nroles: [staff]\n---\n" + HARD_TEXT + "\n", 4, STANDARD, [(4, "grade", "warning")]),
    "short pages get no grade finding": (
        "Comprehensive organisational philosophy.\n", 1, EASY, []),
    # --- italics
    "italics in all their forms, each at its line": (
        "Text *in italics* here.\n_This too_.\nAnd <em>this</em>,\n<i>this</i>.\n", 1, EASY,
        [(1, "italics", "error"), (2, "italics", "error"), (3, "italics", "error"), (4, "italics", "error")]),
    "bold, snake_case, blanks and maths are not italics": (
        "Some **bold** text.\nA file_name_here.\nWrite ____ here.\nWork out 2 * 3 * 4.\n", 1, EASY, []),
    "italics only checked on easy pages by default": (
        "Text *in italics* here.\n", 1, STANDARD, []),
    # --- capitals and acronyms
    "ordinary words in capitals are an error, once per line": (
        "# IMPORTANT INFORMATION\n\nDo NOT share it.\n", 1, EASY,
        [(1, "capitals", "error"), (3, "capitals", "error")]),
    "OK, I and Roman numerals are fine": (
        "Is that OK? I think so. Read part II and part IV.\n", 1, EASY, []),
    "an unexplained acronym: once per page, at its first use": (
        "Fill in the form.\n\nThe GDPR says so.\nThe GDPR again.\n", 1, EASY, [(3, "acronym", "error")]),
    "acronym on a standard page is a warning": (
        "The GDPR says so.\n", 1, STANDARD, [(1, "acronym", "warning")]),
    "explained by an abbreviation on the page (even after use)": (
        "The IRIS system.\n\n*[IRIS]: The computer system that keeps records\n", 1, EASY, []),
    "explained by the glossary, plurals and possessives too": (
        "Your DBS check. Two DBSs. The DBS's letter. Bring your CV.\n", 1, EASY,
        [(1, "number-words", "warning")]),
    "letter-by-letter words are acronyms, not capitals": (
        "Bring your ID and the PDF.\n", 1, EASY, [(1, "acronym", "error"), (1, "acronym", "error")]),
    # --- number words
    "number words are warnings with the digits": (
        "You get three days.\nWe pay twenty-one pounds.\n", 1, EASY,
        [(1, "number-words", "warning"), (2, "number-words", "warning")]),
    "one as a pronoun is not a number": (
        "No one will mind. The one you like. This one. We help one another.\n", 1, EASY, []),
    "digits are fine": ("You get 3 days and 21 pounds.\n", 1, EASY, []),
    "number words are not checked on standard pages by default": ("You get three days.\n", 1, STANDARD, []),
    # --- plain words
    "plain words: error on easy pages, with inflections": (
        "We utilise it.\nIt was utilised.\nWe require help.\nIt is required.\nPrior to the day.\n", 1, EASY,
        [(1, "plain-words", "error"), (2, "plain-words", "error"), (2, "passive", "warning"),
         (3, "plain-words", "error"), (4, "plain-words", "error"), (5, "plain-words", "error")]),
    "plain words: warning on standard pages, at the exact line of a wrapped sentence": (
        "We will do this\nin accordance with the rules\nand commence soon.\n", 1, STANDARD,
        [(2, "plain-words", "warning"), (3, "plain-words", "warning")]),
    "plain words: whole words only": (
        "The requirementsx list. The notifyer. A utilitarian view.\n", 1, EASY, []),
    "British spellings are not penalised": (
        "We organise the colour of the centre and recognise your behaviour. We travelled far.\n", 1, EASY, []),
    # --- what is skipped
    "URLs, code, link targets and front matter are not checked": (
        "---\ntitle: NOT READ utilise\n---\nSee https://example.org/REQUIRE/NHS and `UTILISE NHS`.\n"
        "Read [the form](forms/utilise-NHS.md).\n\n```\nWe UTILISE the NHS.\n```\n", 4, EASY, []),
    "picture option lines and abbreviation definitions are not checked": (
        "/// picture | material-account\n    alt: The NHS logo in CAPITALS, utilised\n\nYou meet us.\n///\n\n"
        "*[DBS]: Disclosure and Barring Service, IMPORTANT\n", 1, EASY, []),
    "table cells are checked at their line": (
        "| Step | What |\n| --- | --- |\n| 1 | We utilise it |\n", 1, EASY, [(3, "plain-words", "error")]),
}


@pytest.mark.parametrize("markdown, body_start, is_easy, expected", list(CASES.values()), ids=list(CASES))
def test_rules(markdown: str, body_start: int, is_easy: bool, expected: list[tuple[int, str, str]]) -> None:
    result = check_page(
        path="page.md", text=markdown, body_start=body_start, is_easy=is_easy, page_type="guide",
        glossary_terms=GLOSSARY, settings=ReadabilitySettings(),
    )
    assert [(f.line, f.rule, f.severity) for f in result.findings] == expected
    assert all(f.path == "page.md" for f in result.findings)


def check(markdown: str, settings: ReadabilitySettings, *, is_easy: bool = True, page_type: str = "guide"):
    return check_page(
        path="p.md", text=markdown, body_start=1, is_easy=is_easy, page_type=page_type,
        glossary_terms={}, settings=settings,
    )


def test_messages_give_the_fix() -> None:
    findings = check("We utilised it. You get three days. The GDPR.\n", ReadabilitySettings()).findings
    by_rule = {f.rule: f for f in findings}
    assert by_rule["plain-words"].message == "\u201cutilised\u201d is a hard word: use \u201cuse\u201d"
    assert by_rule["number-words"].fix == "use digits: 3"
    assert by_rule["acronym"].message == "GDPR looks like an acronym and is not explained"
    assert "*[GDPR]: " in by_rule["acronym"].fix


def test_thresholds_and_levels_per_page_type() -> None:
    settings = ReadabilitySettings.model_validate(
        {"types": {"policy": {"max_sentence_words": 5, "plain_words": "off", "sentence_length": "warning"}}}
    )
    text = "We will utilise the room on the day.\n"
    assert [(f.rule, f.severity) for f in check(text, settings, page_type="policy").findings] == [
        ("sentence-length", "warning")
    ]
    assert [(f.rule, f.severity) for f in check(text, settings, page_type="guide").findings] == [
        ("plain-words", "error")
    ]


def test_plain_words_can_be_ignored_per_profile() -> None:
    settings = ReadabilitySettings.model_validate({"standard": {"plain_words_ignore": ["require"]}})
    findings = check("We require it and utilise it.\n", settings, is_easy=False).findings
    assert [f.message for f in findings] == ["\u201cutilise\u201d is a hard word: use \u201cuse\u201d"]


def test_allowed_capitals_are_configurable() -> None:
    settings = ReadabilitySettings.model_validate({"easy": {"allowed_capitals": ["OK", "NHS"]}})
    assert check("The NHS is here.\n", settings).findings == []
