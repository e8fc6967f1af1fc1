"""Generated Markdown against role isolation.

Hypothesis writes pages mixing every container Markdown has (indentation 0–4 spaces,
tabs, list items, blockquotes, `!!!` admonitions, `???` details, `<div markdown>`,
raw HTML, comments, every fence form and indented code, inline backticks at the
start of a line) with role blocks holding unique marker words. Either the page is
refused with a `path:line` error, or no marker reaches a role the renderer did not
mean it for: the oracle is the unfiltered page rendered by the real extensions,
which says which role boxes each marker sits in.
"""

from __future__ import annotations

import itertools
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from isolation_harness import load, oracle, project_config, render_role

from build_tools.markdown_ext import ForeignRoleBlock

ROLE_ARGS = ("staff", "partner", "partner, staff", "staff, partner")
PREFIXES = ("", " ", "  ", "   ", "\t", "    ", "> ", "> > ", "- ", "* ", "1. ", "  - ", ">     ", "    - ", ": ", "[^1]: ")
FENCES = ("```", "~~~", "````", "``` python", "~~~ {.text}", '``` title="x"', "``` `x` ```", "  ```", "> ```")
FRONTS = (
    "---\ntitle: Generated page\n---\n\n",
    "---\ntype: guide\n---\n\n",  # the title comes from the first heading
    "---\ntitle: Generated page\nroles: [staff]\n---\n\n",
    "---\ntitle: Generated page\nroles: [partner, staff]\n---\n\n",
)


class Page:
    """Lines being generated, with marker words and the roles the author meant for them."""

    def __init__(self) -> None:
        self.counter = itertools.count()
        self.intended: dict[str, frozenset[str]] = {}

    def marker(self, roles: frozenset[str]) -> str:
        word = f"mk{next(self.counter)}q"
        self.intended[word] = roles
        return word


ALL = frozenset({"partner", "staff"})


@st.composite
def segment(draw: st.DrawFn, page: Page, roles: frozenset[str], depth: int) -> list[str]:
    """A few lines of Markdown; markers in them are meant for `roles`."""
    kinds = ["text", "text", "heading", "inline-code", "fence", "indented-code", "comment"]
    if depth < 3:
        kinds += ["role", "role", "role", "container", "admonition", "md-in-html", "raw-html", "level"]
    kind = draw(st.sampled_from(kinds))
    if kind == "text":
        return [draw(st.sampled_from(("", "Words ", "**Bold** "))) + page.marker(roles)]
    if kind == "heading":
        return [draw(st.sampled_from(("# ", "## ", "#\t"))) + page.marker(roles)]
    if kind == "inline-code":
        return [draw(st.sampled_from(("`code` ", "``` `x` ``` ", "``x`` "))) + page.marker(roles)]
    if kind == "indented-code":
        return ["", "    " + page.marker(roles), ""]
    if kind == "comment":
        body = draw(segment(page, roles, depth + 1)) if depth < 3 else [page.marker(roles)]
        return ["<!--", *body, "-->"]
    if kind == "fence":
        fence = draw(st.sampled_from(FENCES))
        inner = draw(segment(page, roles, depth + 1)) if depth < 3 else [page.marker(roles)]
        indent = fence[: len(fence) - len(fence.lstrip(" >"))]
        closing = draw(st.sampled_from((indent + fence.strip(" >")[:3] if fence.strip(" >")[0] != "`" or "`x`" not in fence else indent + "```",
                                        indent + fence.lstrip(" >").split()[0], "", "````")))
        return [fence, *inner, closing]
    if kind in ("role", "level"):
        if kind == "role":
            arg = draw(st.sampled_from(ROLE_ARGS))
            inner_roles = roles & frozenset(a.strip() for a in arg.split(","))
            opener = f"/// role | {arg}"
        else:
            inner_roles, opener = roles, f"/// level | {draw(st.sampled_from(('green', 'blue')))}"
        slashes = "/" * draw(st.integers(3, 5))
        opener = slashes + opener[3:]
        body = draw(st.lists(segment(page, inner_roles, depth + 1), min_size=1, max_size=3))
        lines = [opener, *[line for part in body for line in part], slashes + draw(st.sampled_from(("", " ", "  ")))]
        prefix = draw(st.sampled_from(PREFIXES))
        scope = draw(st.sampled_from(("none", "opener", "all")))
        if scope == "opener":
            lines[0] = prefix + lines[0]
        elif scope == "all":
            lines = [prefix + line for line in lines]
        return lines
    if kind == "container":
        prefix = draw(st.sampled_from(PREFIXES))
        inner = draw(segment(page, roles, depth + 1))
        cont = "  " if prefix.strip() in ("-", "*") else "   " if prefix.strip() == "1." else prefix
        return [prefix + inner[0], *[(cont if line else "") + line for line in inner[1:]]]
    if kind == "admonition":
        head = draw(st.sampled_from(('!!! note', '??? note "More"', '???+ tip', '/// details | More')))
        inner = draw(segment(page, roles, depth + 1))
        if head.startswith("///"):
            return [head, *inner, "///"]
        return [head, *[("    " + line if line else "") for line in inner]]
    if kind == "md-in-html":
        return ["<div markdown>", "", *draw(segment(page, roles, depth + 1)), "", "</div>"]
    return ["<div>", *draw(segment(page, roles, depth + 1)), "</div>"]  # raw-html


@st.composite
def pages(draw: st.DrawFn) -> tuple[str, str, Page]:
    page = Page()
    front = draw(st.sampled_from(FRONTS))
    readers = frozenset(["staff"]) if "roles: [staff]" in front else ALL
    parts = draw(st.lists(segment(page, readers, 0), min_size=1, max_size=5))
    lines: list[str] = []
    for part in parts:
        lines += part
        lines += [""] * draw(st.integers(0, 1))
    return front, "\n".join(lines) + "\n", page


def check_page(front: str, body: str, page: Page) -> None:
    with tempfile.TemporaryDirectory() as folder:
        corpus, errors = load({"page.md": front + body}, Path(folder) / "content")
    event("refused" if errors else "built")
    if errors:
        assert all(f.path == "page.md" and f.line >= 1 and f.message and f.fix for f in errors)
        return
    markers = list(page.intended)
    truth = oracle(body, markers)
    if "roles: [staff]" in front:  # the whole page is for staff
        truth = {marker: roles & {"staff"} for marker, roles in truth.items()}
    for role in project_config().role_ids:
        try:
            output = render_role(corpus, role)
        except ForeignRoleBlock as exc:  # defence in depth worked, but the scanner missed it
            raise AssertionError(f"another role's block reached the {role} build:\n{body}") from exc
        for marker in markers:
            allowed = truth.get(marker, page.intended[marker])
            assert role in allowed or marker not in output, f"{marker} reached {role}:\n{body}"


@settings(max_examples=200, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(pages())
def test_no_marker_reaches_another_role(generated: tuple[str, str, Page]) -> None:
    check_page(*generated)
