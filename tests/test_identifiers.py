"""The permanent identifiers that the feed, the JSON-LD and the Akoma Ntoso file share."""

from __future__ import annotations

import datetime as dt

import pytest

from mkdocs_plugins.numbered_document.identifiers import (
    Addresses,
    edtf,
    fragment_pattern,
    identifier,
)

from .standards import BASE, CASES, addresses, load


def test_a_point_is_its_page_and_a_sub_item_the_anchor_the_page_carries() -> None:
    plan = load(CASES[0])
    where = addresses(plan, "points")
    assert identifier(plan, where, 21) == f"{BASE}points/21-territories/"
    assert identifier(plan, where, 21, 4) == f"{BASE}points/21-territories/#point-21-4"
    assert identifier(plan, where, 21, 4).endswith("#" + plan.anchor(21, 4))


def test_the_charter_names_its_items_in_its_own_words() -> None:
    charter = load(CASES[1])
    where = addresses(charter, "articles")
    assert identifier(charter, where, 2, 1) == f"{BASE}articles/2-meetings/#article-2-1"
    assert fragment_pattern(charter) == "article-{number}-{item}"
    assert fragment_pattern(load(CASES[0])) == "point-{number}-{item}"


def test_addresses_may_be_mappings_and_must_be_absolute() -> None:
    where = Addresses(site=BASE, point={1: f"{BASE}one/"}, term={"t": f"{BASE}g/#t"})
    assert where.point_url(1) == f"{BASE}one/"
    assert where.term_url("t") == f"{BASE}g/#t"
    assert where.actor_url("someone") is None
    with pytest.raises(ValueError, match="no address for timeline events"):
        where.event_url("e")
    with pytest.raises(ValueError, match="absolute"):
        Addresses(site="/relative/", point={})
    with pytest.raises(ValueError, match="absolute"):
        Addresses(site=BASE, point={1: "one/"}).point_url(1)


@pytest.mark.parametrize(
    ("precision", "written"),
    [("day", "2024-03-09"), ("month", "2024-03"), ("on-or-before", "../2024-03-09")],
)
def test_dates_keep_their_precision_in_edtf(precision: str, written: str) -> None:
    assert edtf(dt.date(2024, 3, 9), precision) == written  # type: ignore[arg-type]
