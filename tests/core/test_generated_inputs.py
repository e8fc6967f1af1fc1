"""Generated inputs against the promises the loader makes.

- Front matter of any shape (duplicates, empty values, comments, any roles form) is read
  exactly, or refused at the right line.
- In any folder tree, a page's roles stay within every folder above it (the folders'
  `index.md`; the top `index.md` is the home page, which governs only itself) and within
  its standard page's, or the check reports an error at `path:line`.
- Any bytes in a content file give findings, never a traceback.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_tools.config import load_config
from build_tools.content.frontmatter import split_front_matter
from build_tools.content.loader import load_corpus
from build_tools.content.meta import parse_meta
from build_tools.validate import validate
from support import FIXTURES, guides_in_process

ROLES = ("partner", "staff")
TODAY = date(2026, 12, 1)

# --- front matter -----------------------------------------------------------------------

#: How a `roles` key may be written: (YAML lines, the roles it means; None = no value).
ROLES_FORMS = st.one_of(
    st.lists(st.sampled_from(ROLES), min_size=1, max_size=2, unique=True).flatmap(lambda ids: st.sampled_from([
        ([f"roles: [{', '.join(ids)}]"], ids),
        (["roles:", *[f"  - {i}" for i in ids]], ids),
        (["roles:", *[f"  - {i}  # why" for i in ids]], ids),
    ])),
    st.sampled_from([
        (["roles:"], None), (["roles: ~"], None), (["roles: null"], None),
        (["roles:", "  # - staff"], None), (["roles:", "#  - partner", "  # - staff"], None),
    ]),
)
OTHER_KEYS = st.sampled_from(["title", "summary", "owner", "version", "subtitle", "status", "titel", "x_custom", "Roles"])
SAFE_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp")), max_size=20)


@st.composite
def front_matter(draw) -> tuple[list[str], dict[str, list[int]], dict]:
    """Lines of a front matter block, each top-level key's lines, and what it should mean."""
    lines, key_lines, meaning = ["---"], {}, {}
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["roles", "other", "comment", "blank", "nested"]))
        line = len(lines) + 1
        if kind == "roles":
            form, ids = draw(ROLES_FORMS)
            lines += form
            key_lines.setdefault("roles", []).append(line)
            meaning["roles"] = ids
        elif kind == "other":
            key = draw(OTHER_KEYS)
            value = draw(st.one_of(SAFE_TEXT.map(lambda t: '"' + t.replace("\\", "\\\\").replace('"', '\\"') + '"'), st.just("")))
            lines.append(f"{key}: {value}".rstrip())
            key_lines.setdefault(key, []).append(line)
            meaning[key] = value or None
        elif kind == "nested":
            inner = draw(st.lists(st.sampled_from(["boost", "exclude"]), min_size=1, max_size=3))
            lines += ["search:", *[f"  {k}: 1" for k in inner]]
            key_lines.setdefault("search", []).append(line)
            meaning["search"] = inner
        elif kind == "comment":
            lines.append("# " + draw(SAFE_TEXT).replace("\n", " "))
        else:
            lines.append("")
    return lines + ["---", "Body"], key_lines, meaning


@settings(max_examples=300, deadline=None, database=None)
@given(front_matter())
def test_front_matter_is_read_exactly_or_refused_at_its_line(case) -> None:
    lines, key_lines, meaning = case
    front = split_front_matter(lines)
    repeated = {key: at[1] for key, at in key_lines.items() if len(at) > 1}
    nested = [at[0] for key, at in key_lines.items() if key == "search" and len(set(meaning["search"])) < len(meaning["search"])]
    if repeated or nested:
        # Every key given twice is reported at its second line; nothing is kept.
        assert front.data == {}
        reported = {line for line, message, _ in front.problems if "given twice" in message}
        assert set(repeated.values()) <= reported
        assert reported
        return
    assert not front.problems, front.problems
    meta, problems = parse_meta(front.data)
    empty = sorted(key for key, value in meaning.items() if value is None)
    unknown = sorted(key for key in meaning if key not in ("title", "summary", "owner", "version", "subtitle", "status", "roles", "search"))
    if empty or unknown:
        assert meta is None
        assert {key for key, _, _ in problems} == set(empty) | set(unknown)
        return
    assert not problems, problems
    assert meta is not None and meta.roles == meaning.get("roles")


# --- folder trees -----------------------------------------------------------------------

FOLDERS = st.sampled_from(["", "a", "b", "a/x", "a/y", "b/x", "a/x/deep"])


@dataclass(frozen=True)
class Spec:
    """One page: where it is, and how its `roles` are written."""

    path: str
    roles_lines: tuple[str, ...]


@st.composite
def trees(draw) -> list[Spec]:
    specs: dict[str, Spec] = {}
    for _ in range(draw(st.integers(1, 12))):
        folder = draw(FOLDERS)
        name = draw(st.sampled_from(["index.md", "p.md", "q.md", "p.easy.md", "index.easy.md"]))
        path = f"{folder}/{name}" if folder else name
        omitted = draw(st.integers(0, 9)) < 4  # often: inheritance is the point
        lines: tuple[str, ...] = () if omitted else tuple(draw(ROLES_FORMS)[0])
        if draw(st.integers(0, 19)) == 0:  # now and then, a second `roles:` later on
            lines += ("title: Again",) + tuple(draw(ROLES_FORMS)[0])
        specs[path] = Spec(path, lines)
    return list(specs.values())


_CONFIG = None


def fixture_config(docs: Path):
    global _CONFIG
    if _CONFIG is None:
        _CONFIG = load_config(FIXTURES / "basic" / "mkdocs.yml")
    return _CONFIG.model_copy(update={"docs_dir": docs})


@settings(max_examples=120, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(trees())
def test_roles_never_widen_down_the_tree_or_the_check_refuses(specs: list[Spec]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        docs = Path(tmp)
        for spec in specs:
            (docs / spec.path).parent.mkdir(parents=True, exist_ok=True)
            (docs / spec.path).write_text("\n".join(["---", "title: T", *spec.roles_lines, "---", "", "Text.", ""]))
        config = fixture_config(docs)
        corpus, findings = load_corpus(docs)
        findings += validate(corpus, config, TODAY)
    errors = [f for f in findings if f.severity == "error"]
    pages = corpus.documents
    # Every error points at a page that exists, at a line of its front matter.
    for finding in errors:
        spec = next(s for s in specs if s.path == finding.path)
        assert 1 <= finding.line <= 3 + len(spec.roles_lines), finding
    # The rule: within every folder above, and within the standard page.
    violations = [
        (path, other)
        for path, doc in pages.items()
        for other in _governing(path, doc.is_easy, doc.companion_path)
        if other in pages and not doc.roles_for(config.role_ids) <= pages[other].roles_for(config.role_ids)
    ]
    if not errors:
        assert not violations
        return
    # Refused: each violation is reported at the page itself or at a page that governs it.
    flagged = {f.path for f in errors}
    for path, other in violations:
        doc = pages[path]
        assert {path, *_governing(path, doc.is_easy, doc.companion_path)} & flagged, (path, other, [f.format() for f in errors])


def _governing(path: str, easy: bool, standard: str) -> list[str]:
    """The folder indexes above a page, and its standard page for an easy-read one."""
    parts = PurePosixPath(path).parts[:-1]
    folders = ["/".join(parts[:i]) for i in range(len(parts), -1, -1)]
    if PurePosixPath(path).name == "index.md":
        folders = folders[1:]
    # `index.md` at the top is the home page, not a folder's index: it governs nothing else.
    return [f"{f}/index.md" for f in folders if f] + ([standard] if easy else [])


# --- bytes ------------------------------------------------------------------------------

CONTROL = st.sampled_from(["\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x7f", "\u0085", "\u009b", "\u2028"])
PIECES = st.one_of(
    st.binary(max_size=12),
    st.sampled_from([b"---\n", b"title: T\n", b"roles: [staff]\n", b"roles:\n", b"/// role | staff\n", b"///\n", b"\r\n", b"\r", b"\xef\xbb\xbf", b"\xff\xfe", b"\xc3", b"[a](b.md)", b"[^1]: x\n", b"<img src='p.png'>", b"```\n", b"# H\n"]),
    CONTROL.map(lambda c: c.encode()),
    SAFE_TEXT.map(str.encode),
)


@settings(max_examples=150, deadline=None, database=None)
@given(st.lists(PIECES, max_size=24).map(b"".join))
def test_any_bytes_give_findings_never_a_traceback(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        docs = Path(tmp)
        (docs / "page.md").write_bytes(data)
        corpus, findings = load_corpus(docs)
        findings += validate(corpus, fixture_config(docs), TODAY)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        assert [f.rule for f in findings if f.path == "page.md"] == ["encoding"]
        return
    if any(ch in text for ch in "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\u0085\u009b\u2028"):
        assert "page.md" not in corpus.documents
        assert findings and all(f.rule == "control-character" and f.line >= 1 for f in findings)
    for finding in findings:
        assert finding.path == "page.md" and finding.line >= 0 and finding.message


@settings(max_examples=12, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(PIECES, min_size=1, max_size=16).map(b"".join))
def test_the_whole_check_survives_any_bytes(basic_site: Path, data: bytes) -> None:
    """Through the command: every stage, readability included, on what the fuzzer made."""
    (basic_site / "content" / "fuzzed.md").write_bytes(data)
    code, output = guides_in_process("check", "-f", str(basic_site / "mkdocs.yml"))
    assert code in (0, 1), output
    assert "Traceback" not in output


# --- symbolic links -----------------------------------------------------------------------

LINK_FOLDERS = ["", "a", "b", "a/x"]
#: Where a link may point, relative to the content folder ("@out" = a folder beside it).
LINK_TARGETS = st.sampled_from(["a", "b", "a/x", "", "a/p.md", "b/q.png", "@out", "@out/secret.md", "/etc/passwd", "/proc/self/environ", "missing.md", "a/x/.."])


@st.composite
def linked_trees(draw) -> list[tuple[str, str]]:
    """Up to 4 links: (the link's path in the content folder, its target)."""
    links = {}
    for _ in range(draw(st.integers(1, 4))):
        folder = draw(st.sampled_from(LINK_FOLDERS))
        name = draw(st.sampled_from(["l1", "l2", "l3.md", "l4.png"]))
        links[f"{folder}/{name}" if folder else name] = draw(LINK_TARGETS)
    return sorted(links.items())


@settings(max_examples=80, deadline=None, database=None)
@given(linked_trees())
def test_links_never_reach_outside_and_are_never_skipped_silently(links: list[tuple[str, str]]) -> None:
    import os

    with tempfile.TemporaryDirectory() as tmp:
        docs, outside = Path(tmp) / "content", Path(tmp) / "out"
        for rel, text in [("a/p.md", "---\ntitle: P\n---\nInside.\n"), ("b/q.png", "png"), ("a/x/r.md", "---\ntitle: R\n---\nDeep.\n")]:
            (docs / rel).parent.mkdir(parents=True, exist_ok=True)
            (docs / rel).write_text(text)
        outside.mkdir()
        (outside / "secret.md").write_text("---\ntitle: Secret\n---\noutsidemarker\n")
        for rel, target in links:
            if target.startswith("@out"):
                target = str(outside) + target[4:]
            elif not target.startswith("/"):
                target = os.path.relpath(docs / target, (docs / rel).parent)
            (docs / rel).symlink_to(target)
        opened: list[str] = []
        real_open = os.open

        def recording_open(path, *args, **kwargs):
            opened.append(os.path.realpath(path))
            return real_open(path, *args, **kwargs)

        os.open = recording_open
        try:
            corpus, findings = load_corpus(docs)
        finally:
            os.open = real_open
        root = str(docs.resolve())
        assert all(path.startswith(root + os.sep) for path in opened), opened
        assert not any("outsidemarker" in "\n".join(d.lines) for d in corpus.documents.values())
        reported = {f.path for f in findings}
        for rel, _ in links:
            real = os.path.realpath(docs / rel)
            inside = real == root or real.startswith(root + os.sep)
            reachable = not any(part in reported for part in _prefixes(rel))
            if not reachable:
                continue  # under a folder link that was itself refused
            if not inside or not os.path.exists(real):
                assert rel in reported, (rel, [f.format() for f in findings])
            elif os.path.isfile(real):
                assert rel in corpus.documents or rel in corpus.assets or rel in reported
            else:  # a folder inside: walked, or reported as a loop
                walked = any(p.startswith(rel + "/") for p in [*corpus.documents, *corpus.assets, *reported])
                assert walked or rel in reported or not any(os.scandir(real)), rel


def _prefixes(rel: str) -> list[str]:
    parts = rel.split("/")
    return ["/".join(parts[:i]) for i in range(1, len(parts))]
