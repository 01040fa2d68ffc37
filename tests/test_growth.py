"""The build grows with the document, not faster: no function of the plugin, MkDocs, Markdown or
Material is called more than in proportion to the pages. Counted, not timed (call counts are the
same on any machine): the same synthetic document at two sizes, four times apart, built under
cProfile (``bench/growth.py``, which also runs at 280 and 2,800 points). A function called n²
times grows 16-fold; one called n log n times, about 6-fold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.growth import faster_than_pages
from mkdocs_plugins.numbered_document import searchshield

from .conftest import ROOT, build_site

SMALL, LARGE = 16, 64


def grown(tmp_path: Path, toc: bool = False) -> dict[str, float]:
    """Functions whose calls grow more than twice as fast as the pages from SMALL to LARGE."""
    _, found = faster_than_pages(tmp_path, SMALL, LARGE, toc=toc)
    return found


def test_no_function_grows_faster_than_the_pages(tmp_path: Path) -> None:
    assert grown(tmp_path) == {}


def test_the_count_finds_the_search_indexer_quadratic_when_it_gets_the_table_of_contents(
    tmp_path: Path,
) -> None:
    """The control: Material's indexer looks up each heading in the page's table of contents
    from the start, so a glossary of n terms costs n² steps, which the count must see."""
    found = grown(tmp_path, toc=True)
    assert any("_find_toc_by_id" in name for name in found), found


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
