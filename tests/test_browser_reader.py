"""A reader's paths through both builds in a real browser (Debian's Chromium through Playwright).

The hosted site, served over HTTP: from the points index to a point by clicking, search tuned for
this text, hover previews of point links and instant navigation. The offline copy
(mkdocs.offline.yml), opened from file:// with a guard that fails on any request that is not a
file: navigation, search, glossary definitions and the timeline's filters. Screenshots of a point
page on a phone and on a desktop are kept in test-artifacts/.
"""

from __future__ import annotations

import html
import json
import re
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from mkdocs.config import load_config

from .conftest import ROOT

ARTIFACTS = ROOT / "test-artifacts"
POINT_21 = "points/21-territories/"
POINT_21_TITLE = re.compile(r"^Territories$")  # the link text of point 21 in the index


def guard(context: Any, allowed: tuple[str, ...], outside: list[str]) -> None:
    """Refuses every request of `context` whose address does not start with one of `allowed`,
    and notes it in `outside`."""

    def note(url: str) -> None:
        if not url.startswith(allowed):
            outside.append(url)

    context.on("request", lambda request: note(request.url))
    context.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith(allowed) else route.abort(),
    )


def guarded(browser: Any, allowed: tuple[str, ...]) -> Iterator[Any]:
    """A page that fails the test on a request outside `allowed` or an error in its scripts."""
    context = browser.new_context()
    context.set_default_timeout(10_000)
    outside: list[str] = []
    guard(context, allowed, outside)
    errors: list[str] = []
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert outside == [], f"requests outside the site: {outside}"
    assert errors == [], f"script errors: {errors}"


HOSTED = ("http://127.0.0.1", "data:", "blob:")
OFFLINE = ("file://",)


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    yield from guarded(browser, HOSTED)


@pytest.fixture
def offline_page(browser: Any) -> Iterator[Any]:
    yield from guarded(browser, OFFLINE)


def search(page: Any, query: str, root: str) -> list[str]:
    """Types `query` into the search box; returns the results' addresses in order, from the
    site's `root`, without the highlighting query (?h=...) that search.highlight adds."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    box.press("End")
    meta = json.dumps(".md-search-result__meta")
    page.wait_for_function(  # the index is loaded, and no earlier query shows
        f"document.querySelector({meta}).textContent.includes('Type to start searching')"
    )
    box.fill(query)
    box.press("End")  # Material searches on keyup
    page.wait_for_function(f"/matching document/.test(document.querySelector({meta}).textContent)")
    links = page.eval_on_selector_all(
        ".md-search-result__list a.md-search-result__link", "els => els.map(e => e.href)"
    )
    return [urlsplit(link)._replace(query="").geturl().removeprefix(root) for link in links]


def index_texts(site: Path) -> list[str]:
    """The title and text of every entry of the built search index, without tags."""
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    return [
        html.unescape(re.sub(r"<[^>]+>", " ", f"{doc['title']} {doc['text']}"))
        for doc in index["docs"]
    ]


# --- the hosted site ------------------------------------------------------------------------


def test_a_reader_goes_from_the_points_index_to_a_point(page: Any, site_url: str) -> None:
    page.goto(site_url + "points/")
    page.locator("article a", has_text=POINT_21_TITLE).first.click()
    page.wait_for_url("**/" + POINT_21)
    assert "Territories" in page.locator("article h1").inner_text()


# (query, an address among the results, whether that address's page comes first)
SEARCHES = [
    ("point 21", POINT_21, True),
    ("21", POINT_21, True),
    ("de facto", "glossary/#de-facto", False),
    ("Umerov", "actors/#rustem-umerov", True),
    ("Umerov", "timeline/#day-2025-11-21", False),
    # a quoted phrase matches whole words only; in the text a closing quote follows "winter"
    ('"extremely difficult winter"', "timeline/#day-2025-11-21", True),
    # these follow only an opening quote and an opening bracket (see the test after this one)
    ("completely", "timeline/#day-2025-11-24", True),
    ("markdown", "contributing/format/#draft", True),
    # other spellings of names (search_variants in document.yml) and numbers without commas
    ("Zaporozhye", POINT_21, False),
    ("Donbass", "timeline/#day-2025-11-19", False),
    ("600000", "points/06-armed-forces-size/", False),
]


@pytest.mark.parametrize(("query", "wanted", "first"), SEARCHES)
def test_search_finds_points_terms_actors_and_quoted_words(
    page: Any, site_url: str, query: str, wanted: str, first: bool
) -> None:
    page.goto(site_url)
    results = search(page, query, site_url)
    assert wanted in results, f"{query!r} does not find {wanted}: {results}"
    if first:
        assert results[0] == wanted.split("#")[0], f"{query!r} finds {results[0]} first"


@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        ("completely", r"“completely(?!\w)"),
        ("markdown", r"\(markdown(?!\w)"),
        ("extremely difficult winter", r"extremely difficult winter”"),
    ],
)
def test_the_searched_words_stick_to_punctuation_in_the_text(
    site: Path, text: str, pattern: str
) -> None:
    """What makes the last searches above worth making: every time these words occur, a quote
    or a bracket sticks to them, which Material's default separator (spaces and hyphens) would
    index with them."""
    texts = index_texts(site)
    anywhere = [m for t in texts for m in re.finditer(rf"(?<!\w){text}(?!\w)", t, re.I)]
    stuck = [m for t in texts for m in re.finditer(pattern, t, re.I)]
    assert anywhere and len(stuck) == len(anywhere)


def test_point_links_preview_and_glossary_links_keep_their_definitions(
    page: Any, instant_url: str
) -> None:
    page.goto(instant_url + "points/")
    assert page.locator("article a.nd-term[data-preview]").count() == 0
    point = page.locator("article a[data-preview]", has_text=POINT_21_TITLE).first
    point.hover()
    preview = page.locator(".md-tooltip2--active")
    preview.wait_for(state="visible", timeout=5000)
    assert "Territories" in preview.inner_text()

    page.mouse.move(0, 0)
    term = page.locator("article a.nd-term").first
    definition = term.get_attribute("data-nd-definition")
    assert definition  # Material dropped no glossary link's title before the script read it
    term.hover()
    card = page.locator(".nd-definition", has_text=definition)
    card.wait_for(state="visible", timeout=5000)


def test_on_a_point_page_only_links_to_points_are_previewed(page: Any, instant_url: str) -> None:
    """The preview extension skips point pages (the plugin's links still read href="#" when it
    runs); the plugin marks its own links to points instead, and never a glossary link."""
    page.goto(instant_url + POINT_21)
    assert page.locator("a.nd-term[data-preview]").count() == 0
    assert page.locator("article a.nd-term:not([data-nd-definition])").count() == 0
    marked = page.locator("article a[data-preview]")
    assert marked.count() > 0
    hrefs = marked.evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert all(re.search(r"/points/\d\d-[^/]+/(#.*)?$", h) for h in hrefs), hrefs
    marked.first.hover()
    preview = page.locator(".md-tooltip2--active")
    preview.wait_for(state="visible", timeout=5000)
    assert re.search(r"Point \d+", preview.inner_text())


def test_after_instant_navigation_the_timeline_filters_and_tooltips_work(
    page: Any, instant_url: str
) -> None:
    page.goto(instant_url)
    # Material intercepts a click for instant navigation only once it has read sitemap.xml; a
    # click before that (seen on a busy machine) loads the page again
    page.wait_for_load_state("networkidle")
    page.evaluate("window.__sameDocument = true")
    page.locator(".md-nav--primary a.md-nav__link", has_text="Timeline").first.click()
    page.wait_for_url("**/timeline/")
    page.locator("form.nd-filter").wait_for(state="visible")
    assert page.evaluate("window.__sameDocument === true"), "the page was loaded again"

    total = page.locator("article.nd-event").count()
    page.select_option("select[name=actor]", "rustem-umerov")
    shown = page.locator("article.nd-event:not([hidden])")
    assert 0 < shown.count() < total
    assert set(shown.evaluate_all("els => els.map(e => e.dataset.actor)")) == {"rustem-umerov"}

    page.locator(".md-nav--primary a.md-nav__link", has_text="Points").first.click()
    page.wait_for_url("**/points/")
    page.locator("article a", has_text="Humanitarian committee").first.click()
    page.wait_for_url("**/points/24-humanitarian-committee/")
    assert page.evaluate("window.__sameDocument === true"), "the page was loaded again"
    term = page.locator("article a.nd-term", has_text="all for all").first
    definition = term.get_attribute("data-nd-definition")
    assert definition  # the script prepared the page that instant navigation brought in
    term.hover()
    page.locator(".nd-definition", has_text=definition).wait_for(state="visible", timeout=5000)


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", f"{path} is no PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize(("name", "width", "height"), [("phone", 390, 844), ("desktop", 1366, 900)])
def test_a_point_page_is_photographed_on_a_phone_and_a_desktop(
    browser: Any, site_url: str, name: str, width: int, height: int
) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / f"point-21-{name}.png"
    shot.unlink(missing_ok=True)
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        page = context.new_page()
        page.goto(site_url + POINT_21)
        page.screenshot(path=str(shot))
    finally:
        context.close()
    assert png_size(shot) == (width, height)
    assert shot.stat().st_size > 20_000  # a page with text on it, not a blank picture


# --- the offline copy, from file:// ----------------------------------------------------------


def test_the_offline_guard_notes_and_refuses_a_request_outside_the_files(
    browser: Any, offline: Path
) -> None:
    context = browser.new_context()
    outside: list[str] = []
    guard(context, OFFLINE, outside)
    page = context.new_page()
    page.goto((offline / "index.html").as_uri())
    status = page.evaluate("fetch('https://example.org/').then(() => 'loaded', () => 'refused')")
    context.close()
    assert (status, outside) == ("refused", ["https://example.org/"])


def test_the_offline_copy_is_read_from_files(offline_page: Any, offline: Path) -> None:
    offline_page.goto((offline / "points/index.html").as_uri())
    offline_page.locator("article a", has_text=POINT_21_TITLE).first.click()
    offline_page.wait_for_url("**/points/21-territories.html")
    assert "Territories" in offline_page.locator("article h1").inner_text()


def test_the_offline_copy_searches(offline_page: Any, offline: Path) -> None:
    offline_page.goto((offline / "index.html").as_uri())
    for query, wanted in [("21", "points/21-territories.html"), ("completely", "timeline.html")]:
        results = search(offline_page, query, offline.as_uri() + "/")
        assert results[:1] == [wanted], f"{query!r}: {results}"
    offline_page.locator(".md-search-result__link").first.click()
    offline_page.wait_for_url("**/timeline.html*")
    assert offline_page.locator("article.nd-event").count() > 0


def test_the_offline_copy_shows_glossary_definitions(offline_page: Any, offline: Path) -> None:
    offline_page.goto((offline / "points/24-humanitarian-committee.html").as_uri())
    term = offline_page.locator("a.nd-term", has_text="all for all").first
    definition = term.get_attribute("data-nd-definition")
    assert definition
    term.hover()
    card = offline_page.locator(".nd-definition")
    card.wait_for(state="visible", timeout=5000)
    assert card.locator("#nd-definition-text").inner_text().strip() == definition


def test_the_offline_timeline_narrows_to_one_actor(offline_page: Any, offline: Path) -> None:
    offline_page.goto((offline / "timeline.html").as_uri())
    events = offline_page.locator("article.nd-event:not([hidden])")
    total = events.count()
    offline_page.select_option("select[name=actor]", "rustem-umerov")
    assert 0 < events.count() < total
    assert set(events.evaluate_all("els => els.map(e => e.dataset.actor)")) == {"rustem-umerov"}
    assert offline_page.url.endswith("timeline.html?actor=rustem-umerov")


# --- the two configurations ------------------------------------------------------------------


def test_the_offline_configuration_differs_only_where_it_must() -> None:
    hosted = load_config(str(ROOT / "mkdocs.yml"))
    offline = load_config(str(ROOT / "mkdocs.offline.yml"))
    hosted_features = list(hosted.theme["features"])
    assert "navigation.instant" in hosted_features
    assert offline.theme["features"] == [f for f in hosted_features if f != "navigation.instant"]
    assert list(offline.plugins) == [*hosted.plugins, "material/offline"]
    for name in hosted.plugins:
        expected = dict(hosted.plugins[name].config)
        if name == "numbered-document":  # Material drops previewed links' titles: off offline
            expected["link_previews"] = False
        assert dict(offline.plugins[name].config) == expected, name
    # no previews offline, and a previewed link made Material read sitemap.xml, refused there
    assert offline.markdown_extensions == [
        e for e in hosted.markdown_extensions if e != "material.extensions.preview"
    ]
    assert "material.extensions.preview" in hosted.markdown_extensions
    assert offline.mdx_configs == {
        name: options
        for name, options in hosted.mdx_configs.items()
        if name != "material.extensions.preview"
    }
    assert offline.extra_javascript == hosted.extra_javascript != []
    assert Path(offline.site_dir) == ROOT / "site-offline"
    (shim,) = offline.extra["polyfills"]
    assert "iframe-worker" in shim  # or Material's offline plugin adds its CDN address
    assert (ROOT / "overrides" / shim).is_file()
    assert (ROOT / "overrides" / shim).with_name("LICENSE").is_file()
