"""Role blocks a reader may not see are blanked, line for line.

`/// role | staff` … `///` in the partner copy of a page becomes blank lines, so
line N of a staged page is still line N of its source and MkDocs' own warnings
point at the right line. A role block that covers every reader of the page loses
only its fences; one that narrows the page keeps them, naming just the role being
built (the Markdown extension labels it "For Staff"). Pure: lines in, lines out.
"""

from __future__ import annotations

from collections.abc import Set

from build_tools.content.model import Document, parse_ids


def blank_role_blocks(doc: Document, lines: list[str], page_roles: Set[str], role_id: str) -> list[str]:
    """`lines` (the page's lines, comments already blanked) as `role_id` may read them."""
    out = list(lines)
    for block in doc.blocks:  # outermost first
        if block.name != "role" or not block.end:
            continue
        if not out[block.start - 1]:
            continue  # inside a block already removed
        block_roles = set(parse_ids(block.argument))
        if role_id not in block_roles:
            for number in range(block.start, block.end + 1):
                out[number - 1] = ""
        elif block_roles >= page_roles:
            # The block narrows nothing in this page: drop the fences, keep the text.
            out[block.start - 1] = out[block.end - 1] = ""
        else:
            out[block.start - 1] = f"{'/' * block.fence} role | {role_id}"
    return out
