"""The points: a page each, the index of all points, and the full text on one page."""

from __future__ import annotations

from typing import Any

from ..citation import bibtex_citation, plain_citation
from ..late import REFERENCED_BY, REFERS_TO
from ..model import Document, Point
from ..templating import md
from . import Context, PageKind, Site
from .drafts import versions


def point(site: Site, point: Point) -> Context:
    """What a point's page shows: wording, facets, what it asks and gives, drafts, reactions,
    sources, a ready citation and its neighbours in the document."""
    document = site.document
    meta = point.meta
    url = site.address(site.path("point", point))
    words = site.words
    citation = (
        {
            "plain": plain_citation(words, point, site.site_name, url),
            "bibtex": bibtex_citation(words, point, site.site_name, url),
        }
        if url
        else None
    )
    return {
        **(versions(site) if document.text_draft is not None else {}),
        "point": point,
        "parties": [(md(document.parties[p].name), site.path("party", p)) for p in meta.parties],
        "topics": [(md(document.topics[t].name), site.path("topic", t)) for t in meta.topics],
        "roles": roles(site, point),
        "drafts": document.text_draft is not None,
        "later_versions": later_versions(document, point),
        "reactions": list(reversed(document.events_by_point.get(point.number, [])))
        if site.path("timeline")
        else [],
        "refers_to": REFERS_TO.format(number=point.number),
        "referenced_by": REFERENCED_BY.format(number=point.number),
        "sources": [document.sources[s] for s in meta.sources],
        "citation": citation,
        "before": document.by_number.get(point.number - 1),
        "after": document.by_number.get(point.number + 1),
    }


def later_versions(document: Document, point: Point) -> list[Any]:
    """What drafts later than the site's own did with the point, where they changed or
    dropped it (not where the sources leave it open)."""
    if document.text_draft is None:
        return []
    return [
        version
        for version in document.versions(point)
        if not document.is_earlier(version.draft)
        and version.draft != document.text_draft.id
        and version.status in ("changed", "dropped")
    ]


ROLES = (("asks_of", "obligations", "asks"), ("gives", "benefits", "gives"))
"""What a point can say of a party: its catalog word, its front-matter field, the anchor of
that list on the party's page."""


def roles(site: Site, point: Point) -> list[dict[str, Any]]:
    """What the point asks of each party and gives it, party by party, in the point's order."""
    found = []
    for party_id in point.meta.parties:
        for word, field, anchor in ROLES:
            given = getattr(point.meta, field)
            if party_id in given:
                page = site.path("party", party_id)
                found.append(
                    {
                        "word": word,
                        "name": (
                            md(site.document.parties[party_id].name),
                            f"{page}#{anchor}" if page else "",
                        ),
                        "text": given[party_id],
                    }
                )
    return found


def point_reads(site: Site, point: Point) -> tuple[Any, ...]:
    """What a point's page shows of the content besides the document file (``Site.shared``):
    the point, its neighbours' headings and pages (the pager) and the events that concern it
    (its reactions). A point it names elsewhere shows as its label, linked to its page: a
    number and a path, both in ``Site.shared``."""
    document = site.document
    before, after = (
        document.by_number.get(point.number - 1),
        document.by_number.get(point.number + 1),
    )
    return (
        point,
        before and (before.number, before.title, before.stem),
        after and (after.number, after.title, after.stem),
        tuple(document.events_by_point.get(point.number, ())),
    )


def listed(site: Site) -> tuple[Any, ...]:
    """What the pages that list points (the index, the parties' and the topics' pages) show of
    each: number, title, page, summary, parties, topics, what it asks and gives."""
    return tuple(
        (
            *(p.number, p.title, p.stem, p.meta.summary, p.meta.parties, p.meta.topics),
            *(p.meta.obligations, p.meta.benefits),
        )
        for p in site.document.points
    )


def lists_points(site: Site, item: Any) -> tuple[Any, ...]:
    """The reads of a page that lists points: ``listed``, made once for all such pages."""
    return (site.once(listed),)


def wordings(site: Site, item: None) -> tuple[Any, ...]:
    """What the full text shows of each point: its heading, page and wording."""
    return tuple((p.number, p.title, p.stem, p.lead, p.items) for p in site.document.points)


def nothing(site: Site, item: None) -> Context:
    return {}


def _points(document: Document) -> tuple[Point, ...]:
    return document.points


KINDS = (
    PageKind(
        name="point",
        template="point.md",
        setting="points_dir",
        order=10,
        select=point,
        reads=point_reads,
        each=_points,
        key=lambda p: p.stem,
        listed_under="points_index",
        nav_setting="nav",
        nav_title="index.title",
        source=lambda p: p.path,
    ),
    PageKind(
        name="points_index",
        template="points_index.md",
        setting="points_dir",
        order=20,
        select=nothing,
        reads=lists_points,
        index=True,
    ),
    PageKind(
        name="full_text",
        optional=False,
        template="full_text.md",
        setting="full_text_page",
        order=30,
        select=nothing,
        reads=wordings,
        indexed=False,
    ),
)
