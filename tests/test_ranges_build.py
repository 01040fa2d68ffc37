"""Ranges in a real build: both ends link, and every point between lists the page that wrote the
range among its backlinks ("Referred to by"), as the en dash always did."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from .conftest import ROOT, build_site

CHARTER = ROOT / "tests/fixtures/charter"


def backlinks(site: Path, article: str) -> list[str]:
    page = BeautifulSoup(
        (site / "articles" / article / "index.html").read_text("utf-8"), "html.parser"
    )
    block = page.find(id="referenced-by")
    if block is None:
        return []
    listing = block.find_next_sibling()
    return [a.get_text() for a in listing.find_all("a")] if listing.name == "ul" else []


@pytest.mark.build
@pytest.mark.parametrize(
    "wording",
    [
        "articles 1 to 3",
        "articles 1 through 3",
        "articles from 1 to 3",
        "from article 1 to article 3",
        "articles 1–3",
    ],
)
def test_every_article_between_the_ends_links_back(wording: str, tmp_path: Path) -> None:
    project = tmp_path / "charter"
    shutil.copytree(CHARTER, project)
    (project / "docs/ranges.md").write_text(f"# Ranges\n\nAs {wording} say.\n", "utf-8")
    assert build_site(project / "mkdocs.yml", tmp_path / "site") == []
    page = BeautifulSoup((tmp_path / "site/ranges/index.html").read_text("utf-8"), "html.parser")
    ends = [a["href"] for a in page.select("a.nd-ref")]
    assert ends == ["../articles/1-members/", "../articles/3-board/"]
    for article in ("1-members", "2-meetings", "3-board"):
        assert "Ranges" in backlinks(tmp_path / "site", article), article
