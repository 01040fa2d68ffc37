"""The Atom feed of the timeline, read back by a feed parser as a feed reader would."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup

from mkdocs_plugins.numbered_document.feed import (
    EDTF_SCHEME,
    FeedLabels,
    discovery_link,
    timeline_feed,
)
from mkdocs_plugins.numbered_document.glossary import plain_text
from mkdocs_plugins.numbered_document.identifiers import Addresses, edtf, identifier
from mkdocs_plugins.numbered_document.loader import load_document
from mkdocs_plugins.numbered_document.model import Document

from .standards import BASE, CASE_IDS, CASES, Case, addresses, load, without_timeline

FEED = f"{BASE}timeline/feed.xml"


def feed_of(document: Document, where: Addresses, **options: object) -> bytes | None:
    settings: dict[str, object] = {
        "title": "Timeline",
        "feed_url": FEED,
        "page_url": f"{BASE}timeline/",
        "author": "Reference site",
        **options,
    }
    return timeline_feed(document, where, **settings)  # type: ignore[arg-type]


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_every_event_reads_back_with_its_fields(case: Case) -> None:
    document = load(case)
    where = addresses(document, case.points_dir)
    data = feed_of(document, where, labels=FeedLabels(points="Points", sources="Sources"))
    assert data is not None
    parsed = feedparser.parse(data)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.id == FEED
    assert parsed.feed.language == document.meta.language
    latest = max(event.meta.date for event in document.events)
    assert parsed.feed.updated == f"{latest.isoformat()}T00:00:00+00:00"
    assert len(parsed.entries) == len(document.events)
    # Newest first, as readers list them.
    dates = [dt.date(*entry.updated_parsed[:3]) for entry in parsed.entries]
    assert dates == sorted(dates, reverse=True)

    entries = {entry.id: entry for entry in parsed.entries}
    for event in document.events:
        meta = event.meta
        entry = entries[where.event_url(event.id)]
        assert entry.title == plain_text(meta.summary)
        assert dt.date(*entry.published_parsed[:3]) == meta.date
        assert entry.link == where.event_url(event.id)
        terms = {(tag.term, tag.scheme) for tag in entry.tags}
        assert (edtf(meta.date, meta.precision), EDTF_SCHEME) in terms
        actor = document.actors[meta.actor]
        assert any(tag.term == actor.id and tag.label == actor.name for tag in entry.tags)
        related = [link.href for link in entry.links if link.rel == "related"]
        for number in meta.points:
            assert identifier(document, where, number) in related
            assert (document.anchor(number), BASE) in terms
        alternates = [link for link in entry.links if link.rel == "alternate"]
        assert len(alternates) == 1, "Atom allows one alternate link of a type"
        body = entry.content[0].value
        if meta.quote:
            assert f"<blockquote><p>{meta.quote}</p></blockquote>" in body.replace("&#x27;", "'")
        for source_id in meta.sources:
            assert document.sources[source_id].title.replace("'", "&#x27;") in body
        if meta.points:
            assert "<p>Points</p>" in body
        if meta.denies:
            assert where.event_url(meta.denies) in related


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_two_builds_give_the_same_bytes(case: Case) -> None:
    document = load(case)
    first = feed_of(document, addresses(document, case.points_dir))
    second = feed_of(load.__wrapped__(case), addresses(document, case.points_dir))
    assert first is not None and first == second


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_a_document_without_events_has_no_feed(case: Case, tmp_path: Path) -> None:
    document = without_timeline(case, tmp_path)
    assert document.events == ()
    assert feed_of(document, addresses(document, case.points_dir)) is None


def test_an_actor_and_a_point_get_feeds_of_their_own() -> None:
    case = CASES[1]
    document = load(case)
    where = addresses(document, case.points_dir)
    for actor_id, events in document.events_by_actor.items():
        data = feed_of(document, where, events=events, feed_url=f"{BASE}actors/{actor_id}.xml")
        parsed = feedparser.parse(data)
        assert sorted(entry.id for entry in parsed.entries) == sorted(
            where.event_url(event.id) for event in events
        )
    assert feed_of(document, where, events=document.events_by_point.get(99, [])) is None
    one_point = feedparser.parse(feed_of(document, where, events=document.events_by_point[2]))
    assert len(one_point.entries) == 2


def test_an_event_known_to_its_month_comes_after_the_later_days_of_that_month(
    tmp_path: Path,
) -> None:
    case = CASES[1]
    shutil.copytree(case.content, tmp_path / "content")
    (tmp_path / "content/timeline/2024-04-20-later.yml").write_text(
        "date: 2024-04-20\nprecision: day\nactor: chair\nsummary: Later.\nsources: [newsletter]\n",
        encoding="utf-8",
    )
    document = load_document(tmp_path / "content", points_dir=case.points_dir)
    assert [event.id for event in document.events][-2:] == ["2024-04-20-later", "2024-04-01-spring"]
    parsed = feedparser.parse(feed_of(document, addresses(document, case.points_dir)))
    assert [entry.title for entry in parsed.entries[:2]] == [
        "Later.",
        "The gazette profiled the board.",
    ]


def test_a_feed_needs_absolute_addresses() -> None:
    case = CASES[1]
    document = load(case)
    with pytest.raises(ValueError, match="absolute"):
        addresses(document, case.points_dir, base="/reference/")
    with pytest.raises(ValueError, match="absolute"):
        feed_of(document, addresses(document, case.points_dir), feed_url="feed.xml")


def test_markup_in_the_content_is_escaped_once() -> None:
    """Titles and quotes are text: a reader shows "<b>" as written, never as bold."""
    case = CASES[1]
    document = load(case)
    event = document.events[0]
    hostile = event.meta.model_copy(update={"quote": "a <b>bold</b> & </content> claim"})
    changed = type(event)(id=event.id, meta=hostile, path=event.path)
    data = feed_of(document, addresses(document, case.points_dir), events=[changed])
    parsed = feedparser.parse(data)
    assert not parsed.bozo
    body = parsed.entries[0].content[0].value
    assert "a &lt;b&gt;bold&lt;/b&gt; &amp; &lt;/content&gt; claim" in body


def test_pages_point_to_the_feed_with_a_link_readers_discover() -> None:
    tag = discovery_link(FEED, 'The "timeline" & <more>')
    head = BeautifulSoup(f"<html><head>{tag}</head></html>", "html.parser")
    links = head.find_all("link", rel="alternate", type="application/atom+xml")
    assert [(link["href"], link["title"]) for link in links] == [(FEED, 'The "timeline" & <more>')]


def test_point_headings_come_from_the_caller_in_the_site_language() -> None:
    case = CASES[1]
    document = load(case)
    labels = FeedLabels(heading=lambda point: f"Стаття {point.number}. {point.title}")
    parsed = feedparser.parse(
        feed_of(document, addresses(document, case.points_dir), labels=labels)
    )
    titles = {link.get("title") for entry in parsed.entries for link in entry.links}
    assert "Стаття 2. Meetings" in titles
    default = feedparser.parse(feed_of(document, addresses(document, case.points_dir)))
    assert "Article 2: Meetings" in {
        link.get("title") for entry in default.entries for link in entry.links
    }
