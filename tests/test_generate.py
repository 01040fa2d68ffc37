"""The site as plain files: a builder that runs no plugin publishes every page the plugin makes."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from mkdocs_plugins.numbered_document.generate import generate

from .conftest import ROOT, build_site, copy_project


@pytest.mark.parametrize(
    ("config", "items", "count"),
    [("mkdocs.yml", "points", 28), ("tests/fixtures/charter/mkdocs.yml", "articles", 3)],
)
def test_the_generated_files_build_with_no_plugin(
    tmp_path: Path, config: str, items: str, count: int
) -> None:
    source = ROOT / config
    if config == "mkdocs.yml":
        source = copy_project(tmp_path / "project") / "mkdocs.yml"
    out = tmp_path / "plain"
    generate(source, out)
    assert "- numbered-document" not in (out / "mkdocs.yml").read_text(encoding="utf-8")
    assert build_site(out / "mkdocs.yml", tmp_path / "site") == []
    site = tmp_path / "site"
    pages = [p for p in (site / items).iterdir() if (p / "index.html").is_file()]
    assert len(pages) == count
    assert (site / "glossary/index.html").is_file() and (site / "timeline/index.html").is_file()
    assert (site / "data/document.json").is_file()
    first = sorted(pages)[0] / "index.html"
    page = BeautifulSoup(first.read_text(encoding="utf-8"), "html.parser")
    # the late lists are written in: no placeholder is left
    assert page.select("ul.nd-links") or page.select("p.nd-none")
    assert "data-nd-refers-to" not in first.read_text(encoding="utf-8")
