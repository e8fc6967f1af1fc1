"""Bad input: one line naming the file, exit code 1, nothing written; never a traceback."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from build_tools.cli import main
from importer.docx_builder import build_docx
from importer.test_golden import HERE, make_project


def _good(path: Path) -> Path:
    return build_docx({"body": [{"title": "A page"}, {"p": "Some text."}]}, path)


def _text_file(path: Path) -> Path:
    path.write_text("This is a plain text file, not Word.\n")
    return path


def _empty_file(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def _old_doc(path: Path) -> Path:
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "WordDocument".encode("utf-16-le"))
    return path


def _encrypted(path: Path) -> Path:
    # A password-protected .docx is an OLE compound file holding EncryptionInfo and EncryptedPackage.
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "EncryptionInfo".encode("utf-16-le") + "EncryptedPackage".encode("utf-16-le"))
    return path


def _truncated(path: Path) -> Path:
    data = _good(path).read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def _corrupt_member(path: Path) -> Path:
    """A zip whose document.xml is not XML."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(_good(path)) as source, zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            target.writestr(item, b"<w:document><broken" if item.filename == "word/document.xml" else source.read(item))
    path.write_bytes(buffer.getvalue())
    return path


def _zip_not_word(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not a Word document")
    return path


def _no_text(path: Path) -> Path:
    docx.Document().save(str(path))
    return path


BAD = {
    "text file": (_text_file, "not a Word .docx file"),
    "empty file": (_empty_file, "the file is empty"),
    "old .doc": (_old_doc, "old Word .doc file"),
    "encrypted": (_encrypted, "encrypted"),
    "truncated zip": (_truncated, "not a Word .docx file"),
    "corrupt document.xml": (_corrupt_member, "cannot be read as a Word document"),
    "zip, not Word": (_zip_not_word, "without word/document.xml"),
    "no text": (_no_text, "the document is empty"),
    "missing": (lambda p: p, "file not found"),
}


@pytest.mark.parametrize("kind", BAD, ids=list(BAD))
def test_bad_file_is_one_line_and_writes_nothing(kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    project = make_project(tmp_path)
    monkeypatch.chdir(project)
    make, expected = BAD[kind]
    bad = make(tmp_path / "bad.docx")
    good = _good(tmp_path / "good.docx")
    code = main(["import", str(good), str(bad)])
    out, err = capsys.readouterr()
    assert code == 1
    assert out == ""
    assert err.splitlines() == [err.strip()], err  # one line
    assert str(bad) in err and expected in err, err
    assert list((project / "content").iterdir()) == []  # the good file was not written either


def test_existing_page_is_kept_unless_forced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    project = make_project(tmp_path)
    monkeypatch.chdir(project)
    source = _good(tmp_path / "page.docx")
    page = project / "content" / "page.md"
    page.write_text("my own page\n")
    assert main(["import", str(source)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert page.read_text() == "my own page\n"
    assert main(["import", str(source), "--force"]) == 0
    assert page.read_text().startswith("---\ntitle: A page\n")


def test_many_documents_go_into_a_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    project = make_project(tmp_path)
    monkeypatch.chdir(project)
    one, two = _good(tmp_path / "One Policy.docx"), _good(tmp_path / "two.docx")
    assert main(["import", str(one), str(two), "-o", "content/imported"]) == 0
    assert sorted(p.name for p in (project / "content" / "imported").iterdir()) == ["one-policy.md", "two.md"]
    assert main(["import", str(one), str(two), "-o", "content/x.md"]) == 2
    assert "give a folder" in capsys.readouterr().err


def test_one_document_to_a_named_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = make_project(tmp_path)
    monkeypatch.chdir(project)
    assert main(["import", str(_good(tmp_path / "x.docx")), "-o", "content/staff/travel.md", "--roles", "staff", "--type", "guide"]) == 0
    text = (project / "content" / "staff" / "travel.md").read_text()
    assert "roles: [staff]\ntype: guide\n" in text


def test_unknown_role_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    project = make_project(tmp_path)
    monkeypatch.chdir(project)
    assert main(["import", str(_good(tmp_path / "x.docx")), "--roles", "staf"]) == 2
    assert "unknown role staf" in capsys.readouterr().err
    assert list((project / "content").iterdir()) == []


_SAMPLE: list[bytes] = []


def _sample_bytes(tmp: Path) -> bytes:
    if not _SAMPLE:
        _SAMPLE.append(build_docx({"body": [{"title": "A page"}, {"p": "Some **bold** text."}, {"bullets": ["one", "two"]}]}, tmp / "sample.docx").read_bytes())
    return _SAMPLE[0]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(min_value=0, max_value=100), flips=st.lists(st.tuples(st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=255)), max_size=8))
@example(cut=100, flips=[(49, 2)])  # once raised zlib.error from inside zipfile: a damaged compressed part
def test_damaged_files_never_raise(cut: int, flips: list[tuple[int, int]], tmp_path_factory: pytest.TempPathFactory) -> None:
    """Fault injection: a Word file cut short or with bytes changed is imported or refused in
    one line (exit 1, nothing written), never a traceback."""
    tmp = tmp_path_factory.mktemp("fuzz")
    data = bytearray(_sample_bytes(tmp))
    data = data[: max(1, len(data) * cut // 100)] if cut < 100 else data
    for position, xor in flips:
        data[position % len(data)] ^= xor
    damaged = tmp / "damaged.docx"
    damaged.write_bytes(bytes(data))
    out = tmp / "out"
    code = main(["import", str(damaged), "-f", str(HERE / "project" / "mkdocs.yml"), "-o", str(out)])
    assert code in (0, 1)
    assert (out / "damaged.md").exists() == (code == 0)
