"""The formats of the field in a real build (with the site's absolute address): the Atom feed,
JSON-LD in every generated page, the Akoma Ntoso file, and none of them without an address."""

from __future__ import annotations

import os
from pathlib import Path

import extruct
import feedparser
import pytest

from .conftest import ROOT, build_site
from .test_akn import validated
from .test_jsonld import unknown_terms

SITE_URL = "https://example.org/reference/"


@pytest.fixture(scope="module", params=["mkdocs.yml", "tests/fixtures/charter/mkdocs.yml"])
def addressed(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("addressed")
    os.environ["SITE_URL"] = SITE_URL
    try:
        assert build_site(ROOT / request.param, site, site_url=SITE_URL) == []
    finally:
        del os.environ["SITE_URL"]
    return site


def test_the_feed_reads_back_with_every_event(addressed: Path) -> None:
    feed = feedparser.parse((addressed / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    events = {e["id"] for e in feed.entries}
    assert len(events) == len(feed.entries) > 0
    assert all(e["id"].startswith(SITE_URL) and e.get("updated") for e in feed.entries)
    home = (addressed / "index.html").read_text(encoding="utf-8")
    # at the root: Material fetches sitemap.xml beside every rel="alternate" link it finds
    assert f'rel="alternate" type="application/atom+xml" href="{SITE_URL}feed.xml"' in home


def test_every_generated_page_has_json_ld_in_schema_org_terms(addressed: Path) -> None:
    pages = [p for p in addressed.rglob("index.html") if "search" not in p.parts]
    assert len(pages) > 10
    for page in pages:
        found = extruct.extract(page.read_text(encoding="utf-8"), syntaxes=["json-ld"])
        blocks = found["json-ld"]
        assert blocks, page
        for block in blocks:
            assert unknown_terms(block) == [], page


def test_the_akoma_ntoso_file_validates(addressed: Path) -> None:
    root = validated((addressed / "data/document.akn.xml").read_bytes())
    assert root.tag.endswith("akomaNtoso")


def test_without_an_address_there_are_no_identifiers(site: Path) -> None:
    assert not (site / "feed.xml").exists() and not (site / "data/document.akn.xml").exists()
    assert "application/ld+json" not in (site / "points/21-territories/index.html").read_text()


def test_every_alternate_link_has_a_sitemap_beside_it(addressed: Path) -> None:
    """Material's script reads sitemap.xml beside each rel="alternate" link (it takes them for
    other languages of the site); one beside the feed must exist, or every page logs a 404."""
    from urllib.parse import urljoin

    from bs4 import BeautifulSoup

    for page in (addressed / "index.html", addressed / "glossary/index.html"):
        html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        links = html.select('link[rel="alternate"]')
        assert links
        for link in links:
            sitemap = urljoin(link["href"], "sitemap.xml").removeprefix(SITE_URL)
            assert (addressed / sitemap).is_file(), sitemap
