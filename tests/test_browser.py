"""What happens in the page, in a real browser (Debian's Chromium through Playwright)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import served


@pytest.fixture(scope="module")
def charter_url(charter: Path) -> Iterator[str]:
    yield from served(charter)


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context()
    outside: list[str] = []
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(("http://127.0.0.1", "data:", "blob:"))
            else (outside.append(route.request.url), route.abort())
        ),
    )
    page = context.new_page()
    yield page
    context.close()
    assert outside == [], f"requests outside the site: {outside}"


def visible_events(page: Any) -> list[str]:
    return page.eval_on_selector_all(
        "article.nd-event", "els => els.filter(e => !e.hidden).map(e => e.id)"
    )


def test_the_timeline_narrows_to_one_actor_and_one_point(page: Any, charter_url: str) -> None:
    page.goto(charter_url + "timeline/")
    assert page.is_visible("form.nd-filter")
    assert len(visible_events(page)) == 4
    assert page.text_content(".nd-filter-count") == "4 events"

    page.select_option("select[name=actor]", "gazette")
    assert visible_events(page) == ["2024-03-05-gazette-claim", "2024-04-01-spring"]
    assert page.text_content(".nd-filter-count") == "2 of 4 events"
    assert not page.is_visible("#day-2024-03-01")
    assert page.url.endswith("?actor=gazette")

    page.select_option("select[name=actor]", "")
    page.select_option("select[name=point]", "2")
    assert visible_events(page) == ["2024-03-05-gazette-claim", "2024-03-09-chair-denial"]


def test_a_narrowed_timeline_can_be_linked_to(page: Any, charter_url: str) -> None:
    page.goto(charter_url + "timeline/?actor=chair")
    assert visible_events(page) == ["2024-03-01-founding", "2024-03-09-chair-denial"]


def test_without_javascript_the_whole_timeline_reads(browser: Any, charter_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(charter_url + "timeline/")
    assert not page.is_visible("form.nd-filter")
    assert len(page.query_selector_all("article.nd-event")) == 4
    assert all(e.is_visible() for e in page.query_selector_all("article.nd-event"))
    context.close()


def test_the_real_timeline_narrows_to_one_actor(page: Any, site_url: str) -> None:
    page.goto(site_url + "timeline/")
    total = len(visible_events(page))
    page.select_option("select[name=actor]", "volodymyr-zelensky")
    shown = visible_events(page)
    assert 0 < len(shown) < total
    actors = page.eval_on_selector_all(
        "article.nd-event:not([hidden])", "els => els.map(e => e.dataset.actor)"
    )
    assert set(actors) == {"volodymyr-zelensky"}


def test_hovering_a_term_shows_its_definition(page: Any, site_url: str) -> None:
    page.goto(site_url + "points/24-humanitarian-committee/")
    term = page.locator("a.nd-term", has_text="all for all").first
    definition = term.get_attribute("data-nd-definition")  # its title, moved there by the script
    assert definition
    assert term.get_attribute("title") is None  # or the browser's tooltip would cover the card
    term.hover()
    card = page.locator(".nd-definition")
    card.wait_for(state="visible", timeout=5000)
    assert card.locator("#nd-definition-text").inner_text().strip() == definition
    page.mouse.move(0, 0)
    card.wait_for(state="hidden", timeout=5000)


def test_a_cross_reference_and_its_backlink_can_be_followed(page: Any, site_url: str) -> None:
    page.goto(site_url + "points/10-us-guarantees/")
    page.locator("article a.nd-ref", has_text="point 21").first.click()
    page.wait_for_url("**/points/21-territories/")
    page.locator("#referenced-by + ul a", has_text="Point 10").click()
    page.wait_for_url("**/points/10-us-guarantees/")
