"""Promises of the rules over generated inputs: a fix never changes a number, no rule
crashes or reports a line outside the page, and the glossary page is checked."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from build_tools.readability import ReadabilitySettings, check_page

_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen " \
    "seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()


def in_words(number: int) -> str:
    """1..999 in words, as an author would write it."""
    hundreds, rest = divmod(number, 100)
    parts = [f"{_UNITS[hundreds]} hundred"] if hundreds else []
    if rest >= 20:
        tens, units = divmod(rest, 10)
        parts.append(_TENS[tens - 2] + (f"-{_UNITS[units]}" if units else ""))
    elif rest:
        parts.append(_UNITS[rest])
    return " and ".join(parts)


def check(text: str, easy: bool = True, glossary: dict[str, str] | None = None, page_type: str = "guide"):
    return check_page(path="p.md", text=text, body_start=1, is_easy=easy, page_type=page_type,
                      glossary_terms=glossary or {}, settings=ReadabilitySettings())


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=2, max_value=999))
def test_number_fix_is_the_same_number(number: int) -> None:
    findings = [f for f in check(f"We have {in_words(number)} chairs.\n").findings if f.rule == "number-words"]
    assert [f.fix for f in findings] == [f"use digits: {number:,}"]


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=1, max_value=99), st.sampled_from(["%", " per cent"]))
def test_percentage_fix_is_the_same_amount(percent: int, sign: str) -> None:
    (finding,) = [f for f in check(f"About {percent}{sign} of people came.\n").findings if f.rule == "percentages"]
    plain = finding.fix.removeprefix("write it as \u201c").removesuffix("\u201d")
    amount = Fraction(1, 2) if plain == "half" else Fraction(*map(int, plain.split(" in ")))
    assert amount == Fraction(percent, 100)


_LINE = st.text(alphabet=st.sampled_from(list("abcXYZ NOT no 12.%-|#*_()[]:.!?\u2013")), max_size=60)


@settings(max_examples=200, deadline=None)
@given(st.lists(_LINE, max_size=12), st.booleans())
def test_any_text_gives_findings_on_its_own_lines(lines: list[str], easy: bool) -> None:
    result = check("\n".join(lines) + "\n", easy)
    assert all(1 <= f.line <= len(lines) + 1 for f in result.findings)
    assert sum(result.rule_counts.values()) == len(result.findings)


def test_glossary_page_is_checked_but_not_its_terms_or_other_names() -> None:
    glossary = {"remuneration": "The money you get for a job. Also called pay.", "dbs": "A check."}
    text = "Remuneration\n:   The money you get for a job. Also called pay.\n\nDBS\n:   A check we endeavour to do.\n"
    result = check(text, easy=False, glossary=glossary, page_type="glossary")
    assert [(f.line, f.rule) for f in result.findings] == [(5, "plain-words")]
    assert result.metrics["words"] > 0
