"""Split a page into front matter and body, keeping the line of every key.

Unlike MkDocs' own reader, a YAML error here is a finding at its line, never a
page rendered with its front matter as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

FENCE = re.compile(r"^---[ \t]*$")
END_FENCE = re.compile(r"^(---|\.\.\.)[ \t]*$")


class _FrontMatterLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe YAML (libyaml's parser when PyYAML has it: front matter of 2,000 pages is read
    on every check) without implicit dates: `2027-13-01` must reach the schema as text and
    be reported as a bad date at its key, not crash the YAML reader."""


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _compose_and_load(text: str) -> tuple[yaml.Node | None, object, list[tuple[int, str, str]]]:
    """Parse once: the node tree (for each key's line), the data built from it, and the keys
    given twice (found before construction, which folds `<<` merges into the tree)."""
    loader = _FrontMatterLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, None, []
        duplicates = duplicate_keys(node)
        return node, loader.construct_document(node), duplicates
    finally:
        loader.dispose()


@dataclass
class FrontMatter:
    data: dict[str, Any] = field(default_factory=dict)
    #: 1-based line of each top-level key in the file.
    key_lines: dict[str, int] = field(default_factory=dict)
    #: 1-based line of the first body line (1 when there is no front matter).
    body_start: int = 1
    #: Problems as (line, message, fix); the data is empty when there are any.
    problems: list[tuple[int, str, str]] = field(default_factory=list)


def split_front_matter(lines: list[str]) -> FrontMatter:
    """Read the `---` block at the top of `lines` (the file's lines, no newlines)."""
    if not lines or not FENCE.match(lines[0]):
        return FrontMatter()
    end = next((i for i in range(1, len(lines)) if END_FENCE.match(lines[i])), None)
    if end is None:
        return FrontMatter(
            problems=[(1, "front matter starts with `---` but never ends", "add a line `---` after the last key")]
        )
    text = "\n".join(lines[1:end])
    result = FrontMatter(body_start=end + 2)
    try:
        node, data, duplicates = _compose_and_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 2 if mark else 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        context, context_mark = getattr(exc, "context", None), getattr(exc, "context_mark", None)
        if context and context_mark is not None and context_mark.line + 2 != line:
            problem += f" ({context} that starts at line {context_mark.line + 2})"
        result.problems.append((line, f"front matter is not valid YAML: {problem}", "check indentation, colons and quotes; quote text that contains `: ` or starts with `{` or `[`"))
        return result
    if data is None:
        return result
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        result.problems.append((2, "front matter must be a list of `key: value` lines", "write e.g. `title: My page`"))
        return result
    result.problems = duplicates
    if result.problems:
        return result
    result.data = data
    for key_node, _ in node.value:
        result.key_lines[str(key_node.value)] = key_node.start_mark.line + 2
    return result


def duplicate_keys(root: yaml.Node) -> list[tuple[int, str, str]]:
    """Every key given twice in one mapping, at any depth. YAML keeps the last one
    silently, so a second `roles:` further down would quietly replace the first."""
    problems: list[tuple[int, str, str]] = []
    seen: set[int] = set()  # anchors and aliases can share (or loop back to) a node
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            first: dict[tuple[str, str], int] = {}
            for key, value in node.value:
                line = key.start_mark.line + 2
                if isinstance(key, yaml.ScalarNode) and key.value != "<<":
                    name = (key.tag, key.value)
                    if name in first:
                        problems.append((line, f"front matter key `{key.value}` is given twice (first at line {first[name]})", f"keep one `{key.value}:`; YAML would silently use the last one"))
                    else:
                        first[name] = line
                stack += [key, value]
        elif isinstance(node, yaml.SequenceNode):
            stack += node.value
    return sorted(problems)
