"""How sources and reported changes are shown: addresses as links that say they leave the site,
sources without one saying so, reported drops as reports, and the rule for asks and gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.build

BABEL = "https://babel.ua/en/news/123218-"


def article(site: Path, page: str) -> BeautifulSoup:
    html = (site / page / "index.html").read_text(encoding="utf-8")
    found = BeautifulSoup(html, "html.parser").select_one("article")
    assert found is not None
    return found


def test_a_point_page_gives_the_address_of_its_source(site: Path) -> None:
    page = article(site, "points/21-territories")
    assert [a for a in page.find_all("a", href=True) if a["href"].startswith(BABEL)]
    assert "Babel (English edition)" in page.get_text()
    assert "publisher not named" not in page.get_text()


def test_every_cited_source_with_an_address_is_a_link_that_says_it_leaves_the_site(
    site: Path,
) -> None:
    """On the timeline, every source is cited by ``Words.cite``: a source with an address is a
    link there, in the same tab, marked as leaving the site."""
    page = article(site, "timeline")
    links = page.select("a.nd-external")
    assert links, "no source link on the timeline"
    for link in links:
        assert link["href"].startswith("https://"), link
        assert "target" not in link.attrs, "a source opens in the same tab"
        assert "external" in link.get("rel", []), link
        assert "leaves this site" in link.get_text(" ") + link.get("title", ""), link


def test_a_source_without_an_address_says_so_where_it_is_cited(site: Path) -> None:
    page = article(site, "timeline")
    event = page.find(id="2025-11-23-e3-counter-proposal")
    assert event is not None
    assert "no public address" in event.get_text(" ")


def test_a_dropped_point_is_shown_as_reported_dropped(site: Path) -> None:
    """ABC News reported the cap and the amnesty dropped: the badge says it is a report."""
    changes = article(site, "changes").get_text(" ")
    assert "reported dropped" in changes
    point = article(site, "points/06-armed-forces-size").get_text(" ")
    assert "reported dropped" in point


def test_the_parties_page_states_how_asks_and_gives_are_sorted(site: Path) -> None:
    page = article(site, "parties").get_text(" ")
    assert "its own act" in page, "the rule for conditional consequences is stated"
    assert "Asks of it" not in page, "counts are of points, not a score: say so in the header"
