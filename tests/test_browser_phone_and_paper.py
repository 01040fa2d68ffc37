"""Readers on phones and on paper, in a real browser (Debian's Chromium through Playwright).

A phone is 390 x 844 px with touch (Chromium then reports no hover, as a phone does); a desktop
is 1280 px wide. Glossary definitions open on a tap and on keyboard focus as well as on hover, in
the hosted site and in the offline copy; the full text and point 21 print to PDF without one
address of the site in their text; the points index fits a phone; the parties matrix keeps its
header and its first column in view while it scrolls; sub-items have visible anchors; ready
citations have a copy button; point pages have one previous/next bar; the offline copy logs no
error. Expected values come from the built HTML (the definitions, the addresses), not from what
the page's script wrote.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

PHONE = {
    "viewport": {"width": 390, "height": 844},
    "has_touch": True,
    "is_mobile": True,
    "device_scale_factor": 1,
}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
POINT_21 = "points/21-territories/"
TERM = "article blockquote.nd-wording a.nd-term"  # in the wording, where a tap matters most


@pytest.fixture(scope="module")
def published_url(instant_url: str) -> str:
    """The site built as a deploy builds it, with its address known (SITE_URL): citations then
    give absolute addresses, and Material's instant navigation is on (conftest's build)."""
    return instant_url


@contextmanager
def opened(browser: Any, device: dict[str, Any], **options: Any) -> Iterator[Any]:
    """A page in a new context that fails the test on an error in the page's scripts."""
    context = browser.new_context(**device, **options)
    context.set_default_timeout(10_000)
    errors: list[str] = []
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        yield page
    finally:
        context.close()
    assert errors == [], f"script errors: {errors}"


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    with opened(browser, PHONE) as page:
        yield page


@pytest.fixture
def desktop(browser: Any) -> Iterator[Any]:
    with opened(browser, DESKTOP) as page:
        yield page


def definitions(html_file: Path) -> dict[str, str]:
    """The title (definition) of each term link in a built page, by the link's text."""
    page = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
    return {a.get_text(): a["title"] for a in page.select(TERM)}


def font_size(page: Any, selector: str) -> float:
    return page.eval_on_selector(selector, "e => parseFloat(getComputedStyle(e).fontSize)")


# --- glossary definitions ---------------------------------------------------------------------


def tap_terms_and_read(page: Any, address: str, expected: dict[str, str]) -> None:
    """On a phone: tapping each term opens its definition without leaving the page, a second tap
    or Escape closes it, and the card links to the entry."""
    page.goto(address)
    assert page.evaluate("matchMedia('(hover: none)').matches")
    card = page.locator(".nd-definition")
    terms = page.locator(TERM)
    assert terms.count() == len(expected) > 0
    for index in range(terms.count()):
        term = terms.nth(index)
        term.tap()
        card.wait_for(state="visible")
        assert page.url == address, "the tap followed the link"
        text = card.locator("#nd-definition-text").inner_text().strip()
        assert text == expected[term.inner_text()]
        assert term.get_attribute("aria-describedby") == "nd-definition-text"
        box = card.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390  # within the screen
        term.tap()
        card.wait_for(state="hidden")
        assert term.get_attribute("aria-describedby") is None

    # readable at the body's size, not Material's 10 px tooltips
    terms.first.tap()
    card.wait_for(state="visible")
    body = font_size(page, "article.md-typeset")
    assert body >= 16 and font_size(page, "#nd-definition-text") == body
    page.keyboard.press("Escape")
    card.wait_for(state="hidden")

    terms.first.tap()
    card.locator("a").tap()
    page.wait_for_url(re.compile(r"glossary(/|\.html)#[a-z0-9-]+$"))
    entry = page.url.rsplit("#", 1)[1]
    assert page.locator(f"article [id='{entry}']").count() == 1


def test_a_tap_on_a_term_opens_its_definition(phone: Any, site: Path, site_url: str) -> None:
    expected = definitions(site / POINT_21 / "index.html")
    tap_terms_and_read(phone, site_url + POINT_21, expected)


def test_a_tap_on_a_term_opens_its_definition_offline(phone: Any, offline: Path) -> None:
    expected = definitions(offline / "points/21-territories.html")
    tap_terms_and_read(phone, (offline / "points/21-territories.html").as_uri(), expected)


def test_a_tap_elsewhere_closes_the_definition(phone: Any, site_url: str) -> None:
    phone.goto(site_url + POINT_21)
    card = phone.locator(".nd-definition")
    phone.locator(TERM).first.tap()
    card.wait_for(state="visible")
    phone.locator("article h1").tap()
    card.wait_for(state="hidden")


def test_tabbing_to_a_term_shows_its_definition(desktop: Any, site: Path, site_url: str) -> None:
    """From the heading's own link, Tab reaches the summary's first term; Escape closes its
    definition and leaves the focus where it was; Tab to the next term opens that one's."""
    page = BeautifulSoup(
        (site / POINT_21 / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    first, second = page.select("article p.nd-summary a.nd-term")[:2]
    desktop.goto(site_url + POINT_21)
    card = desktop.locator(".nd-definition")
    desktop.focus("article h1 a.headerlink")
    desktop.keyboard.press("Tab")
    assert desktop.evaluate("document.activeElement.textContent") == first.get_text()
    card.wait_for(state="visible")
    assert card.locator("#nd-definition-text").inner_text().strip() == first["title"]
    assert font_size(desktop, "#nd-definition-text") == font_size(desktop, "article.md-typeset")

    desktop.keyboard.press("Escape")
    card.wait_for(state="hidden")
    assert desktop.evaluate("document.activeElement.textContent") == first.get_text()

    desktop.keyboard.press("Tab")
    assert desktop.evaluate("document.activeElement.textContent") == second.get_text()
    card.wait_for(state="visible")
    assert card.locator("#nd-definition-text").inner_text().strip() == second["title"]
    desktop.keyboard.press("Shift+Tab")
    desktop.keyboard.press("Shift+Tab")  # back on the heading's link, no term
    card.wait_for(state="hidden")


def test_a_click_on_a_term_still_follows_it(desktop: Any, site_url: str) -> None:
    desktop.goto(site_url + POINT_21)
    desktop.locator(TERM).first.click()
    desktop.wait_for_url(re.compile(r"/glossary/#[a-z0-9-]+$"))


# --- print --------------------------------------------------------------------------------------


def printed_text(page: Any) -> str:
    """The text of the page printed to PDF (A4), as a PDF reader extracts it."""
    from pypdf import PdfReader

    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    return "\n".join(sheet.extract_text() for sheet in PdfReader(io.BytesIO(pdf)).pages)


def addresses(text: str, site_url: str) -> int:
    """How many times the site's address is in the text, line breaks inside it removed."""
    host = site_url.split("//", 1)[1].rstrip("/")
    return re.sub(r"\s+", "", text).count(host)


@pytest.mark.parametrize("build", ["site_url", "published_url"])
@pytest.mark.parametrize(
    ("path", "last_heading"),
    [("full-text/", "section.nd-full-point:last-of-type h2"), (POINT_21, "article h1")],
)
def test_the_printed_text_has_no_address_of_the_site(
    browser: Any, request: pytest.FixtureRequest, build: str, path: str, last_heading: str
) -> None:
    """Material's scripts make every link absolute, which the print rule for links to other
    sites printed; the printed text now has none of the site's addresses, also where the site
    knows its own address (a point's citation gives it), while a link to another site keeps
    its own."""
    base = request.getfixturevalue(build)
    with opened(browser, DESKTOP) as page:
        page.goto(base + path)
        assert page.locator("article a[href^='http://127.0.0.1']").count() > 10  # absolute
        heading = page.eval_on_selector(last_heading, "e => e.firstChild.textContent.trim()")
        assert re.match(r"Point 2[18]: \w", heading)
        page.evaluate(
            """() => {
                const link = document.createElement('a');
                link.href = 'https://example.org/a-source';
                link.textContent = 'a source';
                document.querySelector('article h1').after(link);
            }"""
        )
        text = printed_text(page)
        assert heading in text
        assert addresses(text, base) == 0
        assert "\u00b6" not in text  # nor the anchors' pilcrows
        assert "https://example.org/a-source" in re.sub(r"\s+", "", text)


def test_without_the_script_the_print_shows_the_sites_addresses(
    browser: Any, site_url: str
) -> None:
    """What the test above guards against, as the issue found it: with the page's script
    (javascripts/reader.js) blocked, Material's absolute links print their addresses."""
    with opened(browser, DESKTOP) as page:
        page.route("**/javascripts/reader.js", lambda route: route.abort())
        page.goto(site_url + POINT_21)
        assert addresses(printed_text(page), site_url) > 10


# --- tables -------------------------------------------------------------------------------------


def test_the_points_index_fits_a_phone(phone: Any, site_url: str) -> None:
    phone.goto(site_url + "points/")
    sizes = phone.evaluate(
        """() => {
            const wrap = document.querySelector('.nd-index .md-typeset__scrollwrap');
            return {page: document.documentElement.scrollWidth, wrap: wrap.scrollWidth,
                    shown: wrap.clientWidth, table: document.querySelector('.nd-index table')
                    .getBoundingClientRect().right};
        }"""
    )
    assert sizes["page"] <= 390, sizes  # no sideways scroll of the page
    assert sizes["wrap"] <= sizes["shown"] and sizes["table"] <= 390, sizes  # nor of the table
    # parties and topics keep their column's name, shown before them
    row = phone.locator(".nd-index tbody tr").nth(20)  # point 21
    labels = row.locator("td").evaluate_all(
        "els => els.map(e => [e.dataset.label, getComputedStyle(e, '::before').content])"
    )
    assert labels[3][0] == "Parties" and labels[4][0] == "Topics"
    assert [content != "none" for _, content in labels] == [False, False, False, True, True]


def test_the_points_index_is_a_table_on_a_desktop(desktop: Any, site_url: str) -> None:
    desktop.goto(site_url + "points/")
    headers = desktop.locator(".nd-index thead th")
    assert [h.is_visible() for h in headers.all()] == [True] * 5
    assert desktop.evaluate("document.documentElement.scrollWidth") <= 1280


def readable(page: Any, selector: str) -> list[str]:
    """The texts of the elements matching `selector` that are on screen and on top there (the
    element at the middle of each is itself or inside it)."""
    return page.eval_on_selector_all(
        selector,
        """els => els.filter(e => {
            const r = e.getBoundingClientRect();
            const x = r.left + r.width / 2, y = r.top + r.height / 2;
            if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) return false;
            const top = document.elementFromPoint(x, y);
            return top !== null && e.contains(top);
        }).map(e => e.textContent.trim())""",
    )


def test_the_matrix_shows_every_column_and_keeps_its_header_on_a_desktop(
    desktop: Any, site_url: str
) -> None:
    desktop.goto(site_url + "parties/")
    names = desktop.eval_on_selector_all(
        ".nd-matrix thead th", "els => els.map(e => e.textContent.trim())"
    )
    assert len(names) == 10 and names[0] == "Point"
    desktop.locator(".nd-matrix thead").scroll_into_view_if_needed()
    assert readable(desktop, ".nd-matrix thead th") == names  # all in view
    cut = desktop.evaluate(
        """() => {
            const box = document.querySelector('.nd-matrix .md-typeset__scrollwrap')
                .getBoundingClientRect();
            return [...document.querySelectorAll('.nd-matrix th')]
                .filter(e => e.getBoundingClientRect().right > box.right + 0.5).length;
        }"""
    )
    assert cut == 0  # no column past the edge of the content
    assert desktop.evaluate("document.documentElement.scrollWidth") <= 1280
    desktop.locator(".nd-matrix tbody tr").last.scroll_into_view_if_needed()
    top = desktop.eval_on_selector(".nd-matrix thead", "e => e.getBoundingClientRect().top")
    assert top < 100  # at the top of the window, under Material's header
    assert readable(desktop, ".nd-matrix thead th") == names
    assert "28" in readable(desktop, ".nd-matrix tbody td:first-child")


def test_the_matrix_keeps_its_header_and_first_column_on_a_phone(phone: Any, site_url: str) -> None:
    phone.goto(site_url + "parties/")
    names = phone.eval_on_selector_all(
        ".nd-matrix thead th", "els => els.map(e => e.textContent.trim())"
    )
    box = phone.locator(".nd-matrix .md-typeset__scrollwrap")
    box.scroll_into_view_if_needed()
    phone.evaluate(  # the box's top just under Material's header
        """() => {
            const box = document.querySelector('.nd-matrix .md-typeset__scrollwrap');
            window.scrollBy(0, box.getBoundingClientRect().top - 48);
        }"""
    )
    # none hidden: every column is there, wide enough to read
    widths = phone.eval_on_selector_all(
        ".nd-matrix thead th", "els => els.map(e => e.getBoundingClientRect().width)"
    )
    assert len(widths) == 10 and min(widths) > 20
    shown = readable(phone, ".nd-matrix thead th")
    assert shown[0] == "Point" and len(shown) < 10  # wider than the screen: it scrolls

    box.evaluate("e => { e.scrollTop = e.scrollHeight; e.scrollLeft = e.scrollWidth; }")
    phone.wait_for_timeout(100)
    assert box.evaluate("e => e.scrollTop") > 200 and box.evaluate("e => e.scrollLeft") > 100
    shown = readable(phone, ".nd-matrix thead th")
    assert shown[0] == "Point" and shown[-1] == names[-1], shown  # header and first column
    assert "28" in readable(phone, ".nd-matrix tbody td:first-child")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390


# --- anchors, copy buttons, one pager -----------------------------------------------------------


def test_every_sub_item_has_a_visible_anchor_on_a_phone(
    phone: Any, site: Path, site_url: str
) -> None:
    page = BeautifulSoup(
        (site / POINT_21 / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    ids = [li["id"] for li in page.select("blockquote.nd-wording li[id]")]
    assert len(ids) > 1 and ids == [f"point-21-{n}" for n in range(1, len(ids) + 1)]
    phone.goto(site_url + POINT_21)
    anchors = phone.locator("blockquote.nd-wording li > a.nd-anchor")
    hrefs = anchors.evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert hrefs == [f"#{i}" for i in ids]
    opacities = anchors.evaluate_all("els => els.map(e => getComputedStyle(e).opacity)")
    assert opacities == ["1"] * len(ids)
    last = len(ids)
    assert anchors.last.get_attribute("aria-label") == f"Link to point 21, sub-item {last}"
    anchors.last.tap()
    phone.wait_for_url(f"**/#point-21-{last}")

    phone.goto(site_url + "full-text/")
    headings = phone.locator("section.nd-full-point h2 > a.headerlink")
    assert headings.count() == 28
    assert set(headings.evaluate_all("els => els.map(e => getComputedStyle(e).opacity)")) == {"1"}
    assert phone.locator("blockquote.nd-wording li[id]:not(:has(> a.nd-anchor))").count() == 0


def test_a_sub_items_anchor_shows_on_hover_and_focus(desktop: Any, site_url: str) -> None:
    desktop.goto(site_url + "full-text/")
    item = desktop.locator("#point-21-4")
    anchor = item.locator("> a.nd-anchor")
    opacity = """opacity => getComputedStyle(document.querySelector('#point-21-4 > a.nd-anchor'))
        .opacity === opacity"""
    assert desktop.evaluate(f"({opacity})('0')")
    item.hover()
    desktop.wait_for_function(opacity, arg="1")
    desktop.mouse.move(0, 0)
    desktop.wait_for_function(opacity, arg="0")
    anchor.focus()
    desktop.wait_for_function(opacity, arg="1")
    anchor.press("Enter")
    desktop.wait_for_url("**/full-text/#point-21-4")


def test_a_ready_citation_has_a_copy_button(browser: Any, site: Path, site_url: str) -> None:
    page = BeautifulSoup(
        (site / POINT_21 / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    citation = page.find(id="cite").find_next("pre").get_text().rstrip("\n")
    with opened(browser, DESKTOP, permissions=["clipboard-read", "clipboard-write"]) as tab:
        tab.goto(site_url + POINT_21)
        block = tab.locator("#cite ~ pre").first
        block.hover()
        block.locator("button.md-code__button[data-md-type=copy]").click()
        tab.locator(".md-dialog", has_text="Copied to clipboard").wait_for(state="visible")
        assert tab.evaluate("navigator.clipboard.readText()") == citation


def test_a_ready_citation_has_a_copy_button_offline(phone: Any, offline: Path) -> None:
    phone.goto((offline / "points/21-territories.html").as_uri())
    buttons = phone.locator("#cite ~ pre button.md-code__button[data-md-type=copy]")
    assert buttons.count() == 2  # plain text and BibTeX
    # the citations wrap on a phone rather than scroll sideways
    sizes = phone.eval_on_selector_all(
        "#cite ~ pre > code", "els => els.map(e => [e.scrollWidth, e.clientWidth])"
    )
    assert len(sizes) == 2 and all(scrolled <= shown for scrolled, shown in sizes), sizes
    buttons.first.tap()
    phone.locator(".md-dialog", has_text="Copied to clipboard").wait_for(state="visible")


def test_a_point_page_has_one_previous_next_bar(desktop: Any, site_url: str) -> None:
    desktop.goto(site_url + POINT_21)
    assert not desktop.locator("nav.nd-pager").is_visible()
    footer = desktop.locator("nav.md-footer__inner")
    assert footer.is_visible()
    labels = footer.locator("a").evaluate_all("els => els.map(e => e.getAttribute('aria-label'))")
    assert len(labels) == 2
    assert labels[0].startswith("Previous: Point 20: ") and labels[1].startswith("Next: Point 22: ")


# --- the offline copy's console -----------------------------------------------------------------

OFFLINE_PAGES = [
    "index.html",
    "points/index.html",
    "points/21-territories.html",
    "full-text.html",
    "parties/index.html",
    "glossary.html",
    "timeline.html",
]


def test_the_offline_copy_logs_no_error(browser: Any, offline: Path) -> None:
    """Material read sitemap.xml for the previews of marked links, which file:// refuses: two
    errors on every page with such a link (the points index, the timeline...)."""
    logged: list[str] = []
    with opened(browser, DESKTOP) as page:
        page.on(
            "console",
            lambda message: (
                message.type == "error" and logged.append(f"{page.url}: {message.text}")
            ),
        )
        for name in OFFLINE_PAGES:
            page.goto((offline / name).as_uri())
            page.locator("article a").first.hover()  # previews start on hover
            page.keyboard.press("Tab")
            page.wait_for_timeout(300)
    assert logged == []
