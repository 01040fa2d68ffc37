"""axe-core in the real site, in Debian's Chromium: the four pages `make audit` checks (home, a
point, the glossary, the timeline), in the light and the dark palette, as each page loads and with
the search dialog open on a query with results. axe-core is the release pinned in
audit/package-lock.json, installed by `make test` (npm ci --prefix audit) before the tests run, so
the tests themselves need no network; the pages, palettes, rules and search steps are
audit/run.py's own."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from audit.run import AXE, PAGES, PALETTES, QUERY, audit_palette, axe, open_search


@pytest.fixture(scope="module")
def axe_core() -> Path:
    """The pinned axe-core, which `make test` installs (npm ci --prefix audit). Run without it,
    the tests skip with a message that names it, and fail under CI."""
    if not AXE.is_file():
        missing = (
            f"accessibility tests need axe-core ({AXE.relative_to(AXE.parents[3])}): run them "
            "with `make test`, which installs it, or install it with `npm ci --prefix audit`"
        )
        if os.environ.get("CI"):
            pytest.fail(f"CI: {missing}")
        pytest.skip(missing)
    return AXE


@pytest.mark.parametrize("palette", list(PALETTES))
def test_the_pages_have_no_axe_violations(
    axe_core: Path, browser: Any, site_url: str, palette: str
) -> None:
    violations, audited = audit_palette(browser, site_url, palette)
    assert audited == 2 * len(PAGES)  # each page as it loads, and with search open
    assert [
        f"{v.page} ({v.state}): {v.rule}, {v.impact}, {v.nodes} node(s), first {v.target}"
        for v in violations
    ] == []


@pytest.mark.parametrize("palette", list(PALETTES))
def test_an_open_definition_and_the_anchors_have_no_axe_violations(
    axe_core: Path, browser: Any, site_url: str, palette: str
) -> None:
    """What the audit's pages do not show as they load: a glossary definition opened from the
    keyboard (javascripts/reader.js), and the anchors of sub-items and copy buttons of
    citations, which are there on every point page."""
    context = browser.new_context(color_scheme=palette)
    page = context.new_page()
    page.goto(site_url + PAGES["point 21"])
    page.focus("article h1 a.headerlink")
    page.keyboard.press("Tab")
    page.locator(".nd-definition").wait_for(state="visible")
    assert page.locator("a.nd-anchor").count() > 1
    assert page.locator("button.md-code__button").count() == 2
    violations = axe(page)
    context.close()
    assert [(v["id"], [" ".join(n["target"]) for n in v["nodes"]]) for v in violations] == []


def test_axe_sees_the_failures_the_site_fixes(axe_core: Path, browser: Any, site_url: str) -> None:
    """Without the site's stylesheet and the search dialog's name (Material as it comes), the same
    check finds what the issue reported: so the test above can fail, and finds these."""
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    page.goto(site_url)
    undone = page.evaluate(
        """() => {
            const sheet = document.querySelector('link[href$="stylesheets/site.css"]');
            const dialog = document.querySelector('.md-search[aria-label]');
            if (!sheet || !dialog) return false;
            sheet.remove();
            dialog.removeAttribute('aria-label');
            return true;
        }"""
    )
    assert undone, "the site's stylesheet or the search dialog's name is missing"
    loaded = {violation["id"]: violation for violation in axe(page)}
    open_search(page, QUERY)
    searching = {violation["id"]: violation for violation in axe(page)}
    context.close()

    assert {"aria-dialog-name", "color-contrast", "link-in-text-block"} <= loaded.keys()
    assert targets(loaded["color-contrast"]) == {".md-copyright"}
    assert {"aria-dialog-name", "color-contrast"} <= searching.keys()
    low_contrast = targets(searching["color-contrast"])
    assert ".md-search-result__meta" in low_contrast
    assert any(target.endswith("mark") for target in low_contrast)  # highlighted search terms


def targets(violation: dict[str, Any]) -> set[str]:
    return {" ".join(node["target"]) for node in violation["nodes"]}


def test_every_page_has_a_description(site: Path) -> None:
    """Lighthouse's SEO audit checks four pages for a `<meta name="description">`; every page of
    the site needs one (hand-written pages set `description:` in their front matter)."""
    from bs4 import BeautifulSoup

    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 30
    lacking = []
    for path in pages:
        meta = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find(
            "meta", attrs={"name": "description"}
        )
        if meta is None or not meta.get("content", "").strip():
            lacking.append(str(path.relative_to(site)))
    assert lacking == []
