"""Our blocks as HTML: short cases in the style of Python-Markdown's assertMarkdownRenders."""

from __future__ import annotations

import markdown
import pytest

CONFIG = {
    "roles": {"partner": "Involvement partners", "staff": "Staff"},
    "levels": {"green": {"label": "Green level", "meaning": "On the panel."}},
}


def render(text: str) -> str:
    md = markdown.Markdown(extensions=["build_tools.markdown_ext", "pymdownx.superfences"], extension_configs={"build_tools.markdown_ext": CONFIG})
    return md.convert(text)


@pytest.mark.parametrize(
    ("source", "contains"),
    [
        ("/// role | staff\nText\n///", ['<div class="guides-role">', '<p class="guides-role__label">For Staff</p>', "<p>Text</p>"]),
        ("/// level | green\nText\n///", ['<div class="guides-level guides-level--green">', '<p class="guides-badge guides-badge--green">Green level</p>']),
        ("/// picture | material-account-group\n    alt: Three people\n\nWe meet.\n///",
         ['<div class="guides-picture">', 'role="img" aria-label="Three people"', '<div class="guides-picture__text">', "<p>We meet.</p>"]),
        ("/// picture | material-account-group\n    decorative: true\n\nWe meet.\n///", ['aria-hidden="true"']),
        ("/// signatures | Partner\n- Signature\n- Date\n///", ['<p class="guides-signatures__title">Partner</p>', '<li class="guides-signature">Date</li>']),
        ("I confirm ____ is done.", ['<span class="guides-blank"><span class="guides-visually-hidden">(blank to fill in)</span></span>']),
        ("Code `____` stays.", ["<code>____</code>"]),
    ],
)
def test_blocks_render(source: str, contains: list[str]) -> None:
    html = render(source)
    for piece in contains:
        assert piece in html, html


def test_picture_svg_is_inline_and_needs_no_network() -> None:
    html = render("/// picture | material-account-group\n    alt: People\n\nText\n///")
    assert "<svg" in html and "http" not in html.replace("http://www.w3.org/2000/svg", "")


@pytest.mark.parametrize("source", [
    "/// role | staff\nText\n///",
    "/// role | partner, staff\nText\n///",
    "- item\n\n    /// role | staff\n    Text\n    ///",
    "> /// role | staff\n> Text\n> ///",
])
def test_a_build_refuses_any_other_roles_block(source: str) -> None:
    from build_tools.markdown_ext import ForeignRoleBlock

    md = markdown.Markdown(extensions=["build_tools.markdown_ext", "pymdownx.superfences"],
                           extension_configs={"build_tools.markdown_ext": {**CONFIG, "role": "partner"}})
    with pytest.raises(ForeignRoleBlock):
        md.convert(source)
    assert "For Involvement partners" in md.reset().convert("/// role | partner\nText\n///")
