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
    feed = feedparser.parse((addressed / "data/feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    events = {e["id"] for e in feed.entries}
    assert len(events) == len(feed.entries) > 0
    assert all(e["id"].startswith(SITE_URL) and e.get("updated") for e in feed.entries)
    home = (addressed / "index.html").read_text(encoding="utf-8")
    assert f'rel="alternate" type="application/atom+xml" href="{SITE_URL}data/feed.xml"' in home


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
    assert not (site / "data/feed.xml").exists() and not (site / "data/document.akn.xml").exists()
    assert "application/ld+json" not in (site / "points/21-territories/index.html").read_text()
