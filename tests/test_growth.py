"""The build grows with the document, not faster: no function of the plugin, MkDocs, Markdown or
Material is called more than in proportion to the pages. Counted, not timed (call counts are the
same on any machine): the same synthetic document at two sizes, four times apart, built under
cProfile. A function called n² times grows 16-fold; one called n log n times, about 6-fold."""

from __future__ import annotations

import cProfile
import json
import pstats
from pathlib import Path

import pytest

from bench.run import synthetic, without_dump
from mkdocs_plugins.numbered_document import searchshield

from .conftest import ROOT, build_site

SMALL, LARGE = 16, 64
LIMIT = 2 * LARGE / SMALL
"""The most a function's calls may grow: twice the growth of the pages (n log n stays under)."""
COUNTED = 500
"""Functions called fewer times than this at the larger size are not compared."""


def call_counts(work: Path, points: int) -> dict[str, int]:
    """Every function's number of calls in one build of ``points`` points, with five times as
    many terms and half as many events: the one-page views (glossary, timeline) are then large
    enough for a cost that grows with their square to show at these small sizes."""
    work.mkdir(parents=True)
    with_plugin, _ = synthetic(work, points, 5 * points, 5 * points // 2)
    profile = cProfile.Profile()
    profile.enable()
    try:
        build_site(without_dump(with_plugin), work / "site", strict=False)
    finally:
        profile.disable()
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    return {f"{path}:{line}({name})": calls[1] for (path, line, name), calls in stats.items()}


def faster_than_pages(tmp_path: Path) -> dict[str, float]:
    """Functions whose calls grow more than ``LIMIT``-fold for four times the pages."""
    small, large = call_counts(tmp_path / "small", SMALL), call_counts(tmp_path / "large", LARGE)
    return {
        name: calls / small.get(name, 1)
        for name, calls in large.items()
        if calls >= COUNTED and calls / small.get(name, 1) > LIMIT
    }


def test_no_function_grows_faster_than_the_pages(tmp_path: Path) -> None:
    assert faster_than_pages(tmp_path) == {}


def test_the_count_finds_the_search_indexer_quadratic_when_it_gets_the_table_of_contents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The control: Material's indexer looks up each heading in the page's table of contents
    from the start, so a glossary of n terms costs n² steps, which the count must see."""
    monkeypatch.setattr(searchshield, "MATERIAL_SEARCH", "no such module")
    grown = faster_than_pages(tmp_path)
    assert any("_find_toc_by_id" in name for name in grown), grown


def test_search_finds_each_point_on_its_own_page_and_not_on_the_full_text(site: Path) -> None:
    docs = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    assert not [doc for doc in docs if doc["location"].startswith("full-text/")]
    point = [doc for doc in docs if doc["location"].startswith("points/21-territories/")]
    assert point and any("de facto" in doc["text"] for doc in point)
    assert (site / "full-text/index.html").read_text(encoding="utf-8").count("de facto") >= 1


def test_the_index_is_the_same_without_the_table_of_contents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = "search/search_index.json"
    assert build_site(ROOT / "mkdocs.yml", tmp_path / "without") == []
    monkeypatch.setattr(searchshield, "MATERIAL_SEARCH", "no such module")
    assert build_site(ROOT / "mkdocs.yml", tmp_path / "with") == []
    without = (tmp_path / "without" / index).read_bytes()
    assert without == (tmp_path / "with" / index).read_bytes()
    assert b'"location":"glossary/#de-facto"' in without
