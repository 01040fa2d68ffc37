"""Pages by party and by topic.

A party's page says what the points ask of it and what they give it, point by point, from the
point files' ``obligations`` and ``benefits``; the overview matrix shows points by parties. A
topic's page lists its points with their summaries. The sentences are the editors'; each row
links to the wording it is read from, and each page names the source of that wording.
"""

from __future__ import annotations

from ..layout import relative_path
from ..model import Document, Point
from ..schema import Party, Topic
from . import Context, PageKind, Site
from .points import lists_points

ASKS, GIVES, NAMED = "asks", "gives", "named"
"""What a point does with a party; also the anchors of those lists on the party's page."""


def roles(point: Point, party_id: str) -> list[str]:
    """What a point does with a party: asks something of it, gives it something, or only
    names it."""
    found = [
        word
        for word, given in ((ASKS, point.meta.obligations), (GIVES, point.meta.benefits))
        if party_id in given
    ]
    return found or ([NAMED] if party_id in point.meta.parties else [])


def _named_parties(document: Document) -> list[Party]:
    """The parties that have a page: those that some point names."""
    return [party for party in document.meta.parties if document.points_by_party[party.id]]


def parties_index(site: Site, item: None) -> Context:
    """Every party with its counts, and the matrix of points by parties."""
    document = site.document
    parties = _named_parties(document)
    rows = []
    for party in parties:
        points = document.points_by_party[party.id]
        rows.append(
            {
                "party": party,
                "points": len(points),
                "asks": sum(party.id in p.meta.obligations for p in points),
                "gives": sum(party.id in p.meta.benefits for p in points),
            }
        )
    page = site.path("parties_index")
    matrix = []
    for point in document.points:
        cells = []
        for party in parties:
            found = roles(point, party.id)
            anchor = ASKS if ASKS in found else GIVES if GIVES in found else NAMED
            shown = ", ".join(site.catalog(f"parties.roles.{role}") for role in found)
            target = relative_path(page, site.path("party", party.id))
            cells.append(f"[{shown}]({target}#{anchor})" if found else "")
        matrix.append((point, cells))
    return {"rows": rows, "matrix": matrix}


def party(site: Site, party: Party) -> Context:
    """What the points ask of one party and what they give it."""
    points = site.document.points_by_party[party.id]
    return {
        "party": party,
        "points": points,
        "asked": [
            (p, p.meta.obligations[party.id]) for p in points if party.id in p.meta.obligations
        ],
        "given": [(p, p.meta.benefits[party.id]) for p in points if party.id in p.meta.benefits],
        "named": [p for p in points if roles(p, party.id) == [NAMED]],
    }


def topics_index(site: Site, item: None) -> Context:
    """Every topic that some point has, with its number of points."""
    document = site.document
    return {
        "rows": [
            (topic, len(document.points_by_topic[topic.id]))
            for topic in document.meta.topics
            if document.points_by_topic[topic.id]
        ]
    }


def topic(site: Site, topic: Topic) -> Context:
    return {"topic": topic, "points": site.document.points_by_topic[topic.id]}


def _named_topics(document: Document) -> list[Topic]:
    return [topic for topic in document.meta.topics if document.points_by_topic[topic.id]]


KINDS = (
    PageKind(
        name="parties_index",
        template="parties_index.md",
        setting="parties_dir",
        order=70,
        select=parties_index,
        reads=lists_points,
        index=True,
    ),
    PageKind(
        name="party",
        template="party.md",
        setting="parties_dir",
        order=71,
        select=party,
        reads=lists_points,
        each=_named_parties,
        key=lambda party: party.id,
        listed_under="parties_index",
        nav_title="nav.parties",
    ),
    PageKind(
        name="topics_index",
        template="topics_index.md",
        setting="topics_dir",
        order=80,
        select=topics_index,
        reads=lists_points,
        index=True,
    ),
    PageKind(
        name="topic",
        template="topic.md",
        setting="topics_dir",
        order=81,
        select=topic,
        reads=lists_points,
        each=_named_topics,
        key=lambda topic: topic.id,
        listed_under="topics_index",
        nav_title="nav.topics",
    ),
)
