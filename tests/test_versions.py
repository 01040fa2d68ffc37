"""Drafts, versions of points, and what points ask of and give each party: the content rules
(each mistake named and located) and the pages built from them."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from mkdocs_plugins.numbered_document.loader import load_document
from mkdocs_plugins.numbered_document.model import ContentError

from .conftest import ROOT

POINT6 = "points/06-armed-forces-size.md"
POINT26 = "points/26-amnesty.md"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path / "content"


def problems(content: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_document(content)
    return [
        f"{p.path.relative_to(content).as_posix()}:{p.line}: "
        + p.message.replace(f"{content.as_posix()}/", "")
        for p in caught.value.problems
    ]


def edit(content: Path, name: str, old: str, new: str) -> None:
    path = content / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(content: Path, name: str, text: str) -> int:
    lines = (content / name).read_text(encoding="utf-8").split("\n")
    return next(n for n, line in enumerate(lines, start=1) if text in line)


def test_versions_load_in_draft_order() -> None:
    document = load_document(ROOT / "content")
    assert list(document.drafts) == [
        "us-earlier",
        "us-28",
        "e3-counter",
        "geneva-19",
        "twenty-points",
    ]
    assert document.text_draft is not None and document.text_draft.id == "us-28"
    versions = document.versions(document.by_number[26])
    assert [v.draft for v in versions] == ["us-earlier", "e3-counter", "geneva-19"]
    assert [v.status for v in versions] == ["changed", "unknown", "dropped"]
    assert document.is_earlier("us-earlier") and not document.is_earlier("e3-counter")
    assert {p.number for p, _ in document.versions_by_draft["geneva-19"]} == {6, 26}
    assert document.versions_by_draft["twenty-points"] == []


BAD = [
    # (file, old, new, expected message with {line} for the line of `marker`, marker)
    (
        POINT6,
        "draft: geneva-19",
        "draft: geneva-91",
        "field 'versions[1].draft': unknown draft 'geneva-91'. Did you mean 'geneva-19'? "
        "Declare it in document.yml or fix the spelling.",
        "geneva-91",
    ),
    (
        POINT6,
        "    sources: [caliber-az-abc-news-19-points]\n",
        "",
        "field 'versions[1].sources' is missing: add it (Ids of the reports this version rests "
        "on, the main one first.).",
        "draft: geneva-19",
    ),
    (
        POINT6,
        "    sources: [caliber-az-abc-news-19-points]\n",
        "    sources: []\n",
        "field 'versions[1].sources': List should have at least 1 item after validation, not 0. "
        "The file has: []. Write: Ids of the reports this version rests on, the main one first.",
        "sources: []",
    ),
    (
        POINT6,
        "draft: geneva-19",
        "draft: us-28",
        "field 'versions': 'us-28' is the draft whose wording this file gives; a version is for "
        "another draft.",
        "  - draft:",
    ),
    (
        POINT6,
        "draft: geneva-19",
        "draft: e3-counter",
        "field 'versions': draft 'e3-counter' has two versions: keep one.",
        "  - draft:",
    ),
    (
        POINT6,
        "    status: dropped\n",
        "    status: dropped\n    wording: The cap is gone.\n",
        "field 'versions[1]': a version with status 'dropped' has no wording: remove 'wording', "
        "or set status 'changed'.",
        "draft: geneva-19",
    ),
    (
        POINT6,
        "    status: dropped\n",
        "    status: gone\n",
        "field 'versions[1].status': Input should be 'changed', 'dropped' or 'unknown'. The file "
        "has: 'gone'. Write: "
        "`changed`: the draft words or settles the point differently; `dropped`: the draft "
        "leaves it out; `unknown`: a source names the point but what the draft did with it is "
        "not confirmed.",
        "status: gone",
    ),
    (
        POINT6,
        "obligations:\n  ukraine:",
        "obligations:\n  ukrane:",
        "field 'obligations.ukrane': unknown party 'ukrane'. Did you mean 'ukraine'? "
        "Declare it in document.yml or fix the spelling.",
        "ukrane:",
    ),
    (
        POINT6,
        "obligations:\n",
        "obligations:\n  russia: Do something.\n",
        "field 'obligations': party 'russia' is not in this point's 'parties': add it there, or "
        "remove it here.",
        "russia: Do something.",
    ),
    (
        POINT6,
        "  ukraine: Would reduce its armed forces to 600,000 military personnel.",
        "  ukraine: ''",
        "field 'obligations.ukraine': String should have at least 1 character. The file has: ''. "
        "Write: What "
        "the wording asks of each party, including what a party would face for its own act "
        "(party id: one sentence in our own words); only parties in `parties`.",
        "ukraine: ''",
    ),
    (
        "document.yml",
        "text_draft: us-28\n",
        "",
        "field 'text_draft' is missing: name the draft (one of the ids under 'drafts') whose "
        "wording the point files give.",
        "title:",
    ),
    (
        "document.yml",
        "text_draft: us-28\n",
        "text_draft: us28\n",
        "field 'text_draft': unknown draft 'us28'. Did you mean 'us-28'? Declare it in "
        "document.yml or fix the spelling.",
        "text_draft: us28",
    ),
    (
        "document.yml",
        "  - id: e3-counter\n",
        "  - id: e3-counter\n    label: A\n    description: B\n    sources: [plan-article]\n"
        "  - id: e3-counter\n",
        "field 'drafts': id 'e3-counter' is declared twice in drafts.",
        "  - id: us-earlier",
    ),
]


@pytest.mark.parametrize(("name", "old", "new", "expected", "marker"), BAD)
def test_bad_versions_and_obligations_are_named_and_located(
    content: Path, name: str, old: str, new: str, expected: str, marker: str | None
) -> None:
    edit(content, name, old, new)
    found = problems(content)
    if marker is None:  # several problems: the expected one is among them
        assert any(expected in problem for problem in found), found
        return
    assert found == [f"{name}:{line_of(content, name, marker)}: {expected}"]


def test_a_missing_point_in_a_version_note_is_found(content: Path) -> None:
    edit(content, POINT26, "is not confirmed.\n", "is not confirmed; see point 40.\n")
    (problem,) = problems(content)
    assert "'point 40' refers to 40, which does not exist." in problem
    assert problem.startswith(POINT26)


# Built pages ------------------------------------------------------------------------------------


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def article(site: Path, page: str) -> BeautifulSoup:
    found = soup(site / page / "index.html").select_one("article")
    assert found is not None
    return found


def point_dir(site: Path, number: int) -> str:
    (found,) = (site / "points").glob(f"{number:02d}-*")
    return f"points/{found.name}"


pytestmark = pytest.mark.build


def test_a_point_with_an_earlier_wording_shows_a_word_diff(site: Path) -> None:
    page = article(site, point_dir(site, 26))
    section = page.find(id="point-26-us-earlier")
    assert section is not None and section.name == "h3"
    diff = page.select_one("p.nd-diff")
    assert diff is not None
    assert [d.get_text() for d in diff.find_all("del")] == [
        "Ukraine",
        "conduct",
        "comprehensive review of all assistance received and will establish a legal mechanism to "
        "address discovered violations and punish those who benefited illegally from",
    ]
    assert diff.find_all("ins")[0].get_text() == "All parties involved in this conflict"
    # The whole earlier clause is quoted, so no word is marked added that was only unknown.
    assert diff.find_all("ins")[-1].get_text().endswith("any complaints in the future")
    # Nothing else inside: the diff is text, <del> and <ins> only.
    assert {tag.name for tag in diff.find_all(True)} == {"del", "ins"}
    # Read without colour: the words removed and added are also told apart in words.
    legend = page.select_one(".nd-diff-legend").get_text(" ", strip=True)
    assert "struck through" in legend and "underlined" in legend
    assert "only the beginning" not in legend


def test_every_version_on_the_site_names_its_source(site: Path) -> None:
    pages = [point_dir(site, n) for n in (3, 5, 6, 7, 10, 14, 21, 26)]
    pages += ["changes", "drafts/e3-counter", "drafts/geneva-19", "drafts/us-earlier"]
    counted = 0
    for name in pages:
        for meta in article(site, name).select(".nd-version-meta"):
            facets = meta.find_next_sibling("p", class_="nd-facets")
            assert facets is not None, (name, meta)
            assert "Sources:" in facets.get_text(), (name, meta)
            counted += 1
    # 11 versions on point pages, again on the changes page, and on the draft pages.
    assert counted == 11 * 3


def test_the_changes_page_lists_every_changed_point_by_draft(site: Path) -> None:
    page = article(site, "changes")
    table = page.select_one(".nd-changes table")
    header = [th.get_text(strip=True) for th in table.select("thead th")]
    assert header == [
        "Point",
        "Earlier US draft",
        "European counter-proposal",
        "Reduced framework after Geneva",
    ]  # the plan of 20 points has no version reported: no column of dashes
    rows = {
        int(re.match(r"Point (\d+)", tr.td.get_text()).group(1)): [
            td.get_text(strip=True) for td in tr.find_all("td")[1:]
        ]
        for tr in table.select("tbody tr")
    }
    assert rows == {
        3: ["—", "changed", "—"],
        5: ["—", "changed", "—"],
        6: ["—", "changed", "reported dropped"],
        7: ["—", "changed", "—"],
        10: ["—", "changed", "—"],
        14: ["—", "changed", "—"],
        21: ["—", "changed", "—"],
        26: ["changed", "not confirmed", "reported dropped"],
    }
    # Each status links to the version's own entry on the same page.
    for link in table.select("tbody td a[href^='#']"):
        assert page.find(id=link["href"][1:]) is not None, link


def test_a_draft_page_says_what_is_known_point_by_point(site: Path) -> None:
    page = article(site, "drafts/e3-counter")
    text = page.get_text(" ", strip=True)
    assert "for 8 of the 28 points; they report nothing about the other 20" in text
    headings = [h.get_text(strip=True) for h in page.find_all("h3")]
    assert headings[0].startswith("Point 3:") and headings[-1].startswith("Point 26:")
    assert len(headings) == 8
    assert "800,000 in peacetime" in text
    # The draft that the site quotes lists every point.
    own = article(site, "drafts/us-28")
    assert len(own.select("li a[href*='points/']")) == 28


def test_the_site_lists_drafts_in_order(site: Path) -> None:
    items = [li.a.get_text() for li in article(site, "drafts").select("li")]
    assert items == [
        "Earlier US draft",
        "US 28-point draft",
        "European counter-proposal",
        "Reduced framework after Geneva",
        "Plan of 20 points",
    ]


def test_party_pages_say_what_each_point_asks_and_gives_with_its_source(site: Path) -> None:
    document = load_document(ROOT / "content")
    source_title = document.text_source.title
    for party_id, points in document.points_by_party.items():
        if not points:
            continue
        page = article(site, f"parties/{party_id}")
        attribution = page.select_one(".nd-attribution").get_text(" ", strip=True)
        assert source_title in attribution, party_id
        for anchor, field in (("asks", "obligations"), ("gives", "benefits")):
            expected = [p.number for p in points if party_id in getattr(p.meta, field)]
            heading = page.find(id=anchor)
            table = heading.find_next_sibling("table") if expected else None
            found = []
            if table is not None:
                for row in table.select("tbody tr"):
                    link = row.td.a
                    number = int(link.get_text().split()[-1])
                    # Each sentence links to the wording it is read from.
                    assert link["href"].endswith("#published-wording"), link
                    target = soup(site / party_id_page(link["href"], party_id))
                    assert target.find(id="published-wording") is not None
                    text = " ".join(row.find_all("td")[1].get_text().split())
                    meta = document.by_number[number].meta
                    assert text == " ".join(getattr(meta, field)[party_id].split())
                    found.append(number)
            assert found == expected, (party_id, anchor)


def party_id_page(href: str, party_id: str) -> Path:
    """The built file a link on a party page points to (relative to the site root)."""
    path = href.split("#")[0]
    return Path("parties", party_id, path, "index.html")


def test_the_matrix_shows_every_point_against_every_party(site: Path) -> None:
    document = load_document(ROOT / "content")
    page = article(site, "parties")
    table = page.select_one(".nd-matrix table")
    parties = [th.get_text(strip=True) for th in table.select("thead th")][1:]
    named = [p for p in document.meta.parties if document.points_by_party[p.id]]
    assert parties == [p.name for p in named]
    body = table.select("tbody tr")
    assert [int(tr.td.get_text()) for tr in body] == list(range(1, 29))
    for tr in body:
        point = document.by_number[int(tr.td.get_text())]
        for party, td in zip(named, tr.find_all("td")[1:], strict=True):
            words = td.get_text(strip=True)
            expected = ", ".join(
                word
                for word, given in (
                    ("asks", point.meta.obligations),
                    ("gives", point.meta.benefits),
                )
                if party.id in given
            ) or ("named" if party.id in point.meta.parties else "")
            assert words == expected, (point.number, party.id)
            if words:
                assert td.a["href"].startswith(f"{party.id}/#"), td


def test_topic_pages_list_their_points_with_summaries(site: Path) -> None:
    document = load_document(ROOT / "content")
    for topic_id, points in document.points_by_topic.items():
        if not points:
            continue
        page = article(site, f"topics/{topic_id}")
        items = page.select("li")
        assert len(items) == len(points), topic_id
        for li, point in zip(items, points, strict=True):
            assert li.a.get_text() == f"Point {point.number}: {point.title}"
    overview = article(site, "topics")
    assert len(overview.select("tbody tr")) == sum(
        1 for p in document.points_by_topic.values() if p
    )


def test_point_pages_link_their_parties_topics_and_what_they_ask(site: Path) -> None:
    page = article(site, point_dir(site, 14))
    facets = page.select_one(".nd-facets")
    assert [a["href"] for a in facets.select("a")][:1] == ["../../parties/united-states/"]
    asks = page.find(id="what-it-asks-and-gives")
    assert asks is not None
    items = asks.find_next_sibling("ul").select("li")
    assert items and all(li.a["href"].startswith("../../parties/") for li in items)
