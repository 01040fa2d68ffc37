"""Build-level tests: they read the HTML of a real build of the site."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from .conftest import ROOT, built_site
from .evidence import kept_wording


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def published_points() -> dict[int, str]:
    """The points as the source article publishes them, from the copy kept in the repository
    (``test_evidence`` checks that copy against the full article where it is present)."""
    return kept_wording()


def point_pages(site: Path) -> dict[int, Path]:
    pages = {}
    for folder in (site / "points").iterdir():
        match = re.match(r"(\d+)-", folder.name)
        if match:
            pages[int(match.group(1))] = folder / "index.html"
    return pages


def wording_of(block: BeautifulSoup) -> str:
    parts = [p.get_text() for p in block.find_all("p")] + [
        li.get_text() for li in block.find_all("li")
    ]
    return "\n\n".join(parts)


def test_the_site_has_a_page_per_point_an_index_and_the_full_text(site: Path) -> None:
    assert sorted(point_pages(site)) == list(range(1, 29))
    assert (site / "points/index.html").is_file()
    assert (site / "full-text/index.html").is_file()
    rows = soup(site / "points/index.html").select(".nd-index tbody tr")
    assert len(rows) == 28
    assert [cell.get_text() for cell in rows[20].find_all("td")][:2] == [
        "21",
        "Territories",
    ]


def test_every_point_page_quotes_the_published_wording_exactly(site: Path) -> None:
    published = published_points()
    assert len(published) == 28
    for number, page in point_pages(site).items():
        block = soup(page).select_one("blockquote.nd-wording")
        assert wording_of(block) == published[number], f"point {number}"


def test_the_full_text_has_every_point_and_sub_item_anchored(site: Path) -> None:
    page = soup(site / "full-text/index.html")
    published = published_points()
    for number in range(1, 29):
        heading = page.find(id=f"point-{number}")
        assert heading is not None and heading.name == "h2"
        block = heading.find_next_sibling("blockquote")
        assert wording_of(block) == published[number]
    assert (
        page.find(id="point-21-4").get_text().startswith("The Ukrainian Armed Forces will withdraw")
    )
    assert page.find(id="point-10-5") is None


def test_a_point_page_shows_what_a_reader_needs(site: Path) -> None:
    page = soup(site / "points/21-territories/index.html")
    assert page.h1.get_text().startswith("Point 21: Territories")
    assert "Summary:" in page.select_one(".nd-summary").get_text()
    assert "21 November 2025" in page.select_one(".nd-attribution").get_text()
    facets = page.select_one(".nd-facets").get_text()
    assert "Parties: Ukraine, Russia, United States" in facets
    assert "Topics: Territory" in facets
    # one previous/next bar: Material's footer (the plugin's own is off on this site)
    assert page.select_one("nav.nd-pager") is None
    footer = page.select_one("nav.md-footer__inner")
    assert [a["href"] for a in footer.find_all("a")] == [
        "../20-education-and-tolerance/",
        "../22-no-change-by-force/",
    ]
    assert page.find("meta", attrs={"name": "description"})["content"].startswith("Crimea")


def test_edit_links_open_the_content_file(site: Path) -> None:
    edit = soup(site / "points/06-armed-forces-size/index.html").find("a", rel="edit")
    assert (
        edit["href"]
        == "https://github.com/example/reference/edit/main/content/points/06-armed-forces-size.md"
    )
    about = soup(site / "about/index.html").find("a", rel="edit")
    assert about["href"] == "https://github.com/example/reference/edit/main/docs/about.md"


def links_under(page: BeautifulSoup, heading_id: str) -> list[str]:
    block = page.find(id=heading_id).find_next_sibling()
    return [a.get_text() for a in block.find_all("a")] if block.name == "ul" else []


@pytest.mark.parametrize(
    ("page", "refers", "referenced"),
    [
        ("10-us-guarantees", ["Point 5", "Point 21", "Point 22"], ["Point 21", "Point 22", "Home"]),
        ("21-territories", ["Point 10", "Point 22"], ["Point 10", "Point 22", "Home"]),
        ("22-no-change-by-force", ["Point 5", "Point 10"], ["Point 5", "Point 10", "Home"]),
        ("05-security-guarantees", ["Point 10", "Point 22"], ["Point 10", "Point 22", "Home"]),
    ],
)
def test_ties_between_points_show_both_ways(
    site: Path, page: str, refers: list[str], referenced: list[str]
) -> None:
    html = soup(site / "points" / page / "index.html")
    assert set(refers) <= set(links_under(html, "refers-to"))
    assert set(referenced) <= set(links_under(html, "referenced-by"))


def test_backlinks_are_deduplicated_and_in_number_order(site: Path) -> None:
    html = soup(site / "points/10-us-guarantees/index.html")
    listed = links_under(html, "referenced-by")
    numbers = [int(text.split()[1]) for text in listed if text.startswith("Point ")]
    assert numbers == sorted(set(numbers))
    assert "Point 10" not in listed


def test_prose_references_link_with_the_title_on_hover(site: Path) -> None:
    html = soup(site / "index.html")
    link = html.find("a", class_="nd-ref", string="Point 10")
    assert link["href"] == "points/10-us-guarantees/"
    assert link["title"] == "Point 10: Conditions of the US guarantees"
    assert html.find("a", class_="nd-ref", string=re.compile("28")) is None


def test_the_reference_graph_is_published(site: Path) -> None:
    data = json.loads((site / "data/references.json").read_text(encoding="utf-8"))
    edges = {(e["source"], e["target"], e["kind"]) for e in data["edges"]}
    assert ("point-22", "point-5", "related") in edges
    assert ("point-10", "point-21", "mention") in edges
    assert ("page:index.md", "point-22", "mention") in edges
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes["point-21"]["url"] == "points/21-territories/"
    assert len([n for n in nodes.values() if n["number"]]) == 28


EXTERNAL = re.compile(r"^(?:https?:)?//", re.I)


def test_pages_load_nothing_from_outside_the_site(site: Path) -> None:
    for page in site.rglob("*.html"):
        html = soup(page)
        for tag, attribute in (
            ("script", "src"),
            ("link", "href"),
            ("img", "src"),
            ("iframe", "src"),
        ):
            for element in html.find_all(tag):
                value = element.get(attribute, "")
                if (
                    tag == "link"
                    and "stylesheet" not in element.get("rel", [])
                    and element.get("rel") != ["preload"]
                ):
                    continue
                assert not EXTERNAL.match(value), f"{page}: {tag} loads {value}"
        assert "fonts.googleapis" not in page.read_text(encoding="utf-8")
        assert 'data-md-component="source"' not in page.read_text(encoding="utf-8")


def test_a_second_document_builds_from_its_own_content(charter: Path) -> None:
    index = soup(charter / "index.html")
    refs = index.find_all("a", class_="nd-ref")
    assert [(a.get_text(), a["href"]) for a in refs] == [
        ("1", "articles/1-members/"),
        ("3", "articles/3-board/"),
        ("article 2.1", "articles/2-meetings/#article-2-1"),
    ]
    article = soup(charter / "articles/1-members/index.html")
    assert article.h1.get_text().startswith("Article 1: Who may join")
    assert "Article 2" in links_under(article, "refers-to")
    assert "Article 2" in links_under(article, "referenced-by")
    assert (charter / "charter/index.html").is_file()
    # nav: index keeps the articles out of the navigation; the index lists them.
    nav_links = [a.get_text(strip=True) for a in index.select(".navbar a, .bs-sidebar a")]
    assert nav_links and not any("Who may join" in text for text in nav_links)
    assert "Who may join" in (charter / "articles/index.html").read_text(encoding="utf-8")


def test_the_timeline_is_in_date_order_grouped_by_day(charter: Path) -> None:
    page = soup(charter / "timeline/index.html")
    days = [section.h2["id"] for section in page.select("section.nd-day")]
    assert days == ["day-2024-03-01", "day-2024-03-05", "day-2024-03-09", "day-2024-04"]
    events = page.select("article.nd-event")
    assert [e["id"] for e in events] == [
        "2024-03-01-founding",
        "2024-03-05-gazette-claim",
        "2024-03-09-chair-denial",
        "2024-04-01-spring",
    ]
    times = [e.find_parent("section").h2.time["datetime"] for e in events]
    assert times == ["2024-03-01", "2024-03-05", "2024-03-09", "2024-04"]
    meta = [e.select_one(".nd-event-meta").get_text(" ", strip=True) for e in events]
    # the day's heading gives the date; an event repeats it only where it is less sure
    assert meta[1].startswith("on or before 5 March 2024")
    assert meta[1].count("2024") == 1 and "2024" not in meta[0] + meta[3]
    assert meta[3].startswith("Ada Chair") or "April" not in meta[3]
    assert all("Source:" in e.select_one(".nd-facets").get_text() for e in events)
    assert events[0]["data-actor"] == "chair" and events[2]["data-points"] == "2 3"
    assert events[0].blockquote.get_text(strip=True) == "“Welcome, builders”"


def test_a_denied_claim_links_to_its_denial_and_back(charter: Path) -> None:
    page = soup(charter / "timeline/index.html")
    claim = page.find(id="2024-03-05-gazette-claim").select_one(".nd-facets")
    denial = page.find(id="2024-03-09-chair-denial").select_one(".nd-facets")
    assert claim.find("a", string="Ada Chair, 9 March 2024")["href"] == "#2024-03-09-chair-denial"
    assert (
        # the claim is dated by its report: its title keeps "on or before"
        denial.find("a", string="Town Gazette, on or before 5 March 2024")["href"]
        == "#2024-03-05-gazette-claim"
    )


def test_point_pages_list_their_reactions_newest_first(charter: Path) -> None:
    page = soup(charter / "articles/2-meetings/index.html")
    items = page.find(id="reactions").find_next_sibling("div").find_all("li")
    assert [li.find("a")["href"] for li in items] == [
        "../../timeline/#2024-03-09-chair-denial",
        "../../timeline/#2024-03-05-gazette-claim",
    ]
    assert "Club newsletter, spring issue" in items[0].get_text()
    assert soup(charter / "articles/1-members/index.html").find(id="reactions") is not None


def test_actors_have_profiles_with_their_events(charter: Path) -> None:
    page = soup(charter / "actors/index.html")
    chair = page.find(id="chair")
    assert "Role: Chair of the board" in chair.find_next_sibling("p").get_text()
    events = chair.find_next_sibling("div").select('a[href*="timeline"]')
    assert [a["href"] for a in events] == [
        "../timeline/#2024-03-01-founding",
        "../timeline/#2024-03-09-chair-denial",
    ]


def test_timeline_mentions_are_backlinks(charter: Path) -> None:
    page = soup(charter / "articles/1-members/index.html")
    assert "Timeline" in links_under(page, "referenced-by")


def test_glossary_terms_link_with_their_definition(charter: Path) -> None:
    page = soup(charter / "articles/3-board/index.html")
    link = page.find("a", class_="nd-term")
    assert link.get_text() == "board"
    assert link["href"] == "../../glossary/#board"
    assert link["title"] == "The three members who run the club (see article 3)."
    assert len(page.find_all("a", class_="nd-term", href="../../glossary/#board")) == 1


def test_the_glossary_page_lists_terms_alphabetically_with_where_they_are_used(
    charter: Path,
) -> None:
    page = soup(charter / "glossary/index.html")
    assert [h.get_text(strip=True).rstrip("¶") for h in page.select("h3")] == [
        "board",
        "monthly meeting",
    ]
    assert [a.get_text() for a in page.select("nav.nd-az a")] == ["B", "M"]
    board = page.find(id="board").find_next_sibling("div")
    assert board["data-nd-term"] == "board"
    used = [a.get_text() for a in board.select("ul.nd-links a")]
    assert used[:2] == ["Article 2", "Article 3"]
    assert "Timeline" in used
    assert "Glossary" not in used
    assert board.find("a", class_="nd-term", href="#board") is None  # never linked in its own entry
    meeting = page.find(id="meeting").find_next_sibling("div")
    assert meeting.find("a", class_="nd-term", href="#board") is not None
    # the definition's "see article 3" makes the glossary a backlink of article 3
    assert "Glossary" in links_under(soup(charter / "articles/3-board/index.html"), "referenced-by")


def test_the_sidebar_lists_the_points_under_their_index_in_order(site: Path) -> None:
    html = soup(site / "points/05-security-guarantees/index.html")
    titles = [
        a.get_text(" ", strip=True) for a in html.select("nav.md-nav--primary a.md-nav__link")
    ]
    points = [t for t in titles if t.startswith("Point ")]
    assert [int(t.split()[1].rstrip(":")) for t in points] == list(range(1, 29))
    assert titles.index("Home") < titles.index(points[0])


def test_every_event_on_the_site_has_a_dated_time_and_names_its_source(site: Path) -> None:
    page = soup(site / "timeline/index.html")
    events = page.select("article.nd-event")
    assert len(events) == len(list((ROOT / "content/timeline").glob("*.yml")))
    dates = []
    for event in events:
        # its own date where it is "on or before", else its day's
        time_element = (
            event.select_one(".nd-event-meta time") or event.find_parent("section").h2.time
        )
        assert re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", time_element["datetime"]), event["id"]
        assert "Source:" in event.select_one(".nd-facets").get_text(), event["id"]
        dates.append(time_element["datetime"])
    assert dates == sorted(dates)


def test_the_umerov_claim_is_shown_with_its_denial(site: Path) -> None:
    page = soup(site / "timeline/index.html")
    claim = page.find(id="2025-11-21-nypost-us-official-umerov-agreed")
    denial = claim.find("a", href="#2025-11-21-umerov-denies-approval")
    assert denial is not None and "Denied:" in denial.parent.get_text()
    assert "not confirmed" in claim.get_text()
    ids = [tag["id"] for tag in page.find_all(id=True)]
    assert ids.index(claim["id"]) < ids.index("2025-11-21-umerov-denies-approval"), (
        "a claim comes before the denial that answers it"
    )


def test_point_26_lists_its_reactions_newest_first(site: Path) -> None:
    page = soup(site / "points/26-amnesty/index.html")
    links = page.find(id="reactions").find_next_sibling("div").select('a[href*="timeline"]')
    anchors = [a["href"].split("#")[1] for a in links]
    assert anchors[-1] == "2025-11-21-wsj-amnesty-replaced-aid-review"
    assert anchors == sorted(anchors, reverse=True)


def test_the_timeline_s_mentions_of_points_are_backlinks_but_repeats_are_not(site: Path) -> None:
    page = soup(site / "points/06-armed-forces-size/index.html")
    referenced_by = links_under(page, "referenced-by")
    assert "Timeline" in referenced_by
    # the actors page, the index and point 6's own reactions only repeat the timeline's words
    assert "Actors" not in referenced_by and "Points" not in referenced_by
    assert links_under(page, "refers-to") == ["Point 21"]  # `related`, not the timeline
    data = json.loads((site / "data/references.json").read_text(encoding="utf-8"))
    assert [e["kind"] for e in data["edges"] if e["source"] == "point-6"] == ["related"]


def test_terms_link_to_the_glossary_with_their_definition_on_hover(site: Path) -> None:
    page = soup(site / "points/24-humanitarian-committee/index.html")
    link = page.find("a", class_="nd-term", string="all for all")
    assert link["href"] == "../../glossary/#all-for-all"
    glossary = yaml.safe_load(
        (ROOT / "content/glossary/all-for-all.yml").read_text(encoding="utf-8")
    )
    assert link["title"] == " ".join(glossary["definition"].split())
    # the first mention on a page is linked, later ones are not
    hrefs = [a["href"] for a in page.find_all("a", class_="nd-term")]
    assert len(hrefs) == len(set(hrefs))


def test_the_glossary_lists_every_term_with_where_it_is_used(site: Path) -> None:
    page = soup(site / "glossary/index.html")
    terms = sorted(p.stem for p in (ROOT / "content/glossary").glob("*.yml"))
    entries = page.select("div.nd-term-entry")
    assert sorted(e["data-nd-term"] for e in entries) == terms
    headings = [page.find(id=term).get_text(strip=True).rstrip("¶").lower() for term in terms]
    in_order = [h.get_text(strip=True).rstrip("¶").lower() for h in page.select("h3")]
    assert in_order == sorted(headings)
    amnesty = page.find(id="amnesty").find_next_sibling("div")
    assert "Point 26" in [a.get_text() for a in amnesty.select("ul.nd-links a")]
    letters = [a.get_text() for a in page.select("nav.nd-az a")]
    assert letters == sorted(letters) and "A" in letters


def test_glossary_definitions_that_mention_points_are_backlinks(site: Path) -> None:
    page = soup(site / "points/19-zaporizhzhia-nuclear-plant/index.html")
    assert "Glossary" in links_under(page, "referenced-by")


def test_terms_are_in_the_search_index_with_their_real_text(site: Path) -> None:
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    entry = next(d for d in index["docs"] if d["location"] == "glossary/#all-for-all")
    assert "each side hands over everyone it holds" in entry["text"]
    assert "Point 24" in entry["text"]
    assert "data-nd-used-in" not in json.dumps(index)
    # "Used in" lists are navigation: written into the page after indexing, so a search for a
    # point finds the point, not every term entry that lists it.
    assert "Used in" not in entry["text"]
    page = soup(site / "glossary/index.html")
    listed = page.find(id="all-for-all").find_next_sibling("div").select("ul.nd-links a")
    assert "Point 24" in [a.get_text() for a in listed]


def test_used_in_names_the_pages_that_say_it_not_those_that_repeat_it(site: Path) -> None:
    """The full text, the index and the lists of party, topic and draft pages repeat the points'
    text: a term there is linked, but "Used in" names the point (and the pages that use it in
    their own words, such as a party's description), once."""
    page = soup(site / "glossary/index.html")
    listed = [a.get_text() for a in page.select("div.nd-term-entry ul.nd-links a")]
    repeats = {"Full text", "Points", "Parties", "Topics", "Drafts", "Changes between drafts"}
    assert listed and not repeats & set(listed)
    assert sum(text.startswith("Point ") for text in listed) > len(listed) / 2
    full_text = soup(site / "full-text/index.html")
    assert full_text.find("a", class_="nd-term") is not None  # still linked where repeated


def test_a_long_used_in_list_is_folded() -> None:
    from mkdocs_plugins.numbered_document.loader import load_document
    from mkdocs_plugins.numbered_document.pages import FOLD, Site, catalog_for

    document = load_document(ROOT / "content")
    settings = {"glossary_page": "glossary.md", "data_dir": "data"}
    site = Site(document, settings, catalog_for(document, "en", []))
    links = '<ul class="nd-links"><li>…</li></ul>'
    folded = site.fragment("used_in.html", links=links, count=FOLD + 1, empty=str)
    assert folded == (
        f'<p><strong>Used in:</strong></p><details class="nd-fold"><summary>{FOLD + 1} pages'
        f"</summary>{links}</details>"
    )
    shown = site.fragment("used_in.html", links=links, count=FOLD, empty=str)
    assert shown == f"<p><strong>Used in:</strong></p>{links}"
    unused = site.fragment("used_in.html", links="", count=0, empty=str)
    assert unused == "<p><strong>Used in:</strong></p>No page yet."


def test_every_date_keeps_its_precision_on_the_actors_page(site: Path) -> None:
    import yaml as _yaml

    page = soup(site / "actors/index.html")
    unsure = [
        path.stem
        for path in (ROOT / "content/timeline").glob("*.yml")
        if _yaml.safe_load(path.read_text(encoding="utf-8"))["precision"] == "on-or-before"
    ]
    assert unsure
    for event_id in unsure:
        link = page.find("a", href=re.compile(f"#{event_id}$"))
        assert link is not None and link.get_text().startswith("on or before "), event_id


def test_the_plugins_pager_follows_the_document_where_it_is_on(charter: Path) -> None:
    """The charter lists its articles on their index only (nav: index), so no theme footer
    links one article to the next: the plugin's pager does, in the document's order."""
    page = soup(charter / "articles/2-meetings/index.html")
    pager = page.select_one("nav.nd-pager")
    assert pager is not None
    links = [(a.get("rel"), a["href"]) for a in pager.find_all("a")]
    assert links == [(["prev"], "../1-members/"), (["next"], "../3-board/")]


def test_a_build_lets_go_of_what_nothing_reads_again(tmp_path: Path) -> None:
    """MkDocs keeps every page's Markdown to the end of the build, where the peak is; the
    plugin lets go of a generated page's once the page is converted, and of the data files'
    texts once MkDocs has written them. Hand-written pages keep theirs, and every data file is
    on disk whole."""
    config, warnings = built_site(ROOT / "tests/fixtures/charter/mkdocs.yml", tmp_path)
    assert warnings == []
    plugin = config.plugins["numbered-document"]
    pages = [file for file in plugin.dirty.files.documentation_pages() if file.page is not None]
    generated = [file.page for file in pages if file.src_uri in plugin.metas]
    written = [file.page for file in pages if file.src_uri not in plugin.metas]
    assert len(generated) > 10 and written
    assert all(page.markdown == "" and page.content for page in generated)
    assert all(page.markdown for page in written)
    for name, file in plugin.data_files.items():
        assert file.content_string == "", name
        assert (tmp_path / file.dest_uri).stat().st_size > 0, name
