"""Caches are data, never code (issue 10, item 7): JSON validated on load; a planted pickle never runs."""

from __future__ import annotations

import json
import pickle
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
import pytest
from hypothesis import strategies as st

from build_tools import pipeline
from build_tools.cache import CacheDir, ResultCache, dump_readability, load_readability
from build_tools.errors import Finding
from build_tools.readability import PageReadability
from support import ROOT, copy_fixture


class Planted:
    """Unpickling this runs code: it writes a marker file."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (Path.write_text, (self.marker, "the cache ran code"))


def test_no_module_loads_code_from_a_file() -> None:
    loaders = re.compile(r"^\s*(?:import|from)\s+(?:pickle|cPickle|dill|cloudpickle|shelve|marshal|joblib)\b", re.M)
    users = [p.relative_to(ROOT).as_posix() for p in (ROOT / "build_tools").rglob("*.py") if loaders.search(p.read_text())]
    assert users == [], users


def test_planted_pickles_never_run_and_are_replaced(tmp_path: Path, capsys) -> None:
    project = copy_fixture("basic", tmp_path / "project")
    cache = CacheDir.of_project(project)
    marker = tmp_path / "ran"
    payload = pickle.dumps({"key": Planted(marker)})
    cache.sheets.mkdir(parents=True)
    for target in (cache.root / "readability.pickle", cache.sheets / "plan-partner.pickle", cache.readability):
        target.write_bytes(payload)
    with pipeline.project_locked(project / "mkdocs.yml", "check"):
        result = pipeline.check(project / "mkdocs.yml", date(2026, 1, 1))
    err = capsys.readouterr().err
    assert not marker.exists()
    assert "readability.pickle: old cache format (pickle) ignored and removed" in err
    assert "readability.json: not a valid cache" in err and "ignored, it will be rebuilt" in err
    assert not list(cache.root.rglob("*.pickle"))
    assert json.loads(cache.readability.read_text())["format"] == "guides-cache"
    assert result.readability and all(isinstance(r, PageReadability) for r in result.readability)


def test_results_come_back_equal(tmp_path: Path) -> None:
    project = copy_fixture("basic", tmp_path / "project")
    first = pipeline.check(project / "mkdocs.yml", date(2026, 1, 1))
    again = pipeline.check(project / "mkdocs.yml", date(2026, 1, 1))  # from the JSON cache
    assert again.readability == first.readability
    assert again.findings == first.findings


SAMPLE = PageReadability(
    path="a.md",
    metrics={"words": 3, "sentences": 1, "avg_sentence_words": 3.0, "flesch_reading_ease": 90.5,
             "flesch_kincaid_grade": 1.5, "smog": 3.1, "longest_sentence_words": 3},
    sentences=[(7, "One two three.", 3)],
    findings=[Finding("a.md", 7, "warning", "long-sentence", "too long", "split it")],
    page_type="guide", is_easy=True, limits={"max_grade": 6.0},
)


def test_readability_round_trip() -> None:
    assert load_readability(dump_readability(SAMPLE)) == SAMPLE


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=json_values, field=st.sampled_from(list(dump_readability(SAMPLE))))
def test_any_wrong_entry_makes_the_whole_file_ignored(tmp_path: Path, value, field) -> None:
    entry = dump_readability(SAMPLE)
    entry[field] = value
    path = tmp_path / "c.json"
    path.write_text(json.dumps({"format": "guides-cache", "version": 1, "entries": {"k": entry}}))
    cache = ResultCache(path, load_readability, dump_readability)
    if cache.old:  # the value happened to be valid for the field
        assert isinstance(cache.old["k"], PageReadability)
        assert load_readability(dump_readability(cache.old["k"])) == cache.old["k"]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=200) | json_values.map(lambda v: json.dumps(v).encode()))
def test_garbage_is_ignored_never_raised(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "c.json"
    path.write_bytes(data)
    assert ResultCache(path, load_readability, dump_readability).old == {}


@pytest.mark.parametrize(
    "change",
    [
        {"extra": 1},  # written for other fields
        {"is_easy": 1},  # no 1 for true
        {"metrics": {**SAMPLE.metrics, "words": "3"}},  # no "3" for 3
        {"metrics": {k: v for k, v in SAMPLE.metrics.items() if k != "smog"}},
        {"findings": [{**dump_readability(SAMPLE)["findings"][0], "severity": "fatal"}]},
    ],
)
def test_entries_are_checked_strictly(change: dict) -> None:
    with pytest.raises(ValueError):
        load_readability({**dump_readability(SAMPLE), **change})
