"""Our Markdown syntax for Python-Markdown: role, level, picture and signature blocks,
and `____` write-on blanks.

Used by each role's MkDocs build (named in the staged mkdocs.yml) and by the
sheet renderer, so a page and its printed sheet share one rendering. By the
time text reaches this extension, staging has already removed every role
block the reader may not see; the `role` block here only draws what is left.
Defence in depth: each staged build names its role (`role` in the extension's
config), and a block for any other role stops the build (`ForeignRoleBlock`)
instead of being published.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Extension, Markdown
from markdown.inlinepatterns import InlineProcessor
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block, type_boolean, type_string

from build_tools.icons import icon_svg

BLANK = r"_{4,}"


class ForeignRoleBlock(RuntimeError):
    """Internal error: a role block for another role reached a role's build."""


class RoleBlock(Block):
    """Text for some readers only; labelled so a reader knows who it is for."""

    NAME = "role"
    ARGUMENT = True

    def on_create(self, parent: etree.Element) -> etree.Element:
        labels = self.config["roles"]
        ids = [i.strip() for i in str(self.argument).split(",") if i.strip()]
        building = self.config["role"]
        if building and ids != [building]:
            raise ForeignRoleBlock(
                f"internal error: a `role | {self.argument}` block reached the {building} build; "
                "staging should have removed it. Nothing was published. Please report this with the page."
            )
        names = " and ".join(labels.get(i, i) for i in ids)
        div = etree.SubElement(parent, "div", {"class": "guides-role"})
        label = etree.SubElement(div, "p", {"class": "guides-role__label"})
        label.text = f"For {names}"
        return div


class LevelBlock(Block):
    """Text about one involvement level, with its badge in words."""

    NAME = "level"
    ARGUMENT = True

    def on_create(self, parent: etree.Element) -> etree.Element:
        level_id = str(self.argument).strip()
        level = self.config["levels"].get(level_id, {"label": level_id, "meaning": ""})
        div = etree.SubElement(parent, "div", {"class": f"guides-level guides-level--{level_id}"})
        badge = etree.SubElement(div, "p", {"class": f"guides-badge guides-badge--{level_id}"})
        badge.text = level["label"]
        return div


class PictureBlock(Block):
    """One idea: an icon on the left, the text on the right."""

    NAME = "picture"
    ARGUMENT = True
    OPTIONS = {"alt": ["", type_string], "decorative": [False, type_boolean]}

    def on_create(self, parent: etree.Element) -> etree.Element:
        row = etree.SubElement(parent, "div", {"class": "guides-picture"})
        figure = etree.SubElement(row, "div", {"class": "guides-picture__icon"})
        svg = icon_svg(str(self.argument).strip())
        if self.options["decorative"] or not self.options["alt"]:
            svg = svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)
        else:
            alt = html.escape(self.options["alt"], quote=True)
            svg = svg.replace("<svg ", f'<svg role="img" aria-label="{alt}" focusable="false" ', 1)
        figure.text = self.md.htmlStash.store(svg)
        return etree.SubElement(row, "div", {"class": "guides-picture__text"})


class SignaturesBlock(Block):
    """A list of labels that become lines to sign or write on."""

    NAME = "signatures"
    ARGUMENT = None  # optional: who signs, e.g. `/// signatures | Staff member`

    def on_create(self, parent: etree.Element) -> etree.Element:
        div = etree.SubElement(parent, "div", {"class": "guides-signatures"})
        if self.argument:
            title = etree.SubElement(div, "p", {"class": "guides-signatures__title"})
            title.text = str(self.argument)
        return div

    def on_end(self, block: etree.Element) -> None:
        for item in block.iter("li"):
            item.set("class", "guides-signature")


class BlankInline(InlineProcessor):
    """`____` inside a sentence: a line to write on, announced to screen readers."""

    def handleMatch(self, m: Any, data: str) -> tuple[etree.Element, int, int]:
        span = etree.Element("span", {"class": "guides-blank"})
        hidden = etree.SubElement(span, "span", {"class": "guides-visually-hidden"})
        hidden.text = "(blank to fill in)"
        return span, m.start(0), m.end(0)


#: Our blocks; validation takes the names of every allowed block from the registry they join.
BLOCKS: tuple[type[Block], ...] = (RoleBlock, LevelBlock, PictureBlock, SignaturesBlock)


class GuidesExtension(BlocksExtension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "role": ["", "the role being built: any other role's block is an internal error ('' = no check)"],
            "roles": [{}, "role id -> label"],
            "levels": [{}, "level id -> {label, meaning}"],
        }
        super().__init__(**kwargs)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr: Any) -> None:
        settings = self.getConfigs()
        for block in BLOCKS:
            block_mgr.register(block, settings)
        # Before emphasis (which would read `____` as empty bold), after code spans.
        md.inlinePatterns.register(BlankInline(BLANK, md), "guides_blank", 175)


def makeExtension(**kwargs: Any) -> Extension:
    return GuidesExtension(**kwargs)
