"""An Atom feed of the timeline: one entry per event, for the feed readers people already use.

The XML is written by ``feedgen`` rather than by hand, so escaping and the Atom rules (an id, a
title and an ``updated`` date on every entry; one author for the feed) are the library's
business. Everything that changes from one build to the next is left out: the feed's ``updated``
is the latest event's date, each entry's id is the event's permanent address (its anchor on the
timeline page, named after its file), so two builds of the same content give the same bytes and
a feed reader never sees an event twice.

No MkDocs import, and no interface words: titles and list headings come from the caller, which
reads them from its catalog in the site's language.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import markdown
from feedgen.entry import FeedEntry
from feedgen.feed import FeedGenerator

from .glossary import plain_text
from .identifiers import Addresses, absolute, edtf, identifier, point_name
from .model import Document, Point, TimelineEvent

EDTF_SCHEME = "http://www.loc.gov/standards/datetime/"
"""The scheme of the category that gives an entry's date with its precision (EDTF)."""
ATOM_TYPE = "application/atom+xml"


@dataclass(frozen=True)
class FeedLabels:
    """The words of the feed's entries, in the site's language (from the catalog)."""

    points: str = ""
    """Heading of the list of points inside an entry; empty for none."""
    sources: str = ""
    """Heading of the list of sources inside an entry; empty for none."""
    heading: Callable[[Point], str] | None = None
    """A point's heading, e.g. the catalog's ``Words.heading``; by default ``point_name``."""

    def name(self, document: Document, point: Point) -> str:
        return self.heading(point) if self.heading else point_name(document, point)


def _midnight(day: dt.date) -> dt.datetime:
    """Atom dates are instants; an event is known to the day at best, so its start in UTC."""
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def _html(text: str) -> str:
    """Markdown of our own words (summaries, notes) as HTML for a feed reader."""
    return markdown.markdown(text)


def _list(heading_text: str, items: list[str]) -> str:
    if not items:
        return ""
    title = f"<p>{html.escape(heading_text)}</p>" if heading_text else ""
    return title + "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _link(url: str | None, text: str) -> str:
    if url is None:
        return html.escape(text)
    return f'<a href="{html.escape(url, quote=True)}">{html.escape(text)}</a>'


def _content(
    document: Document, addresses: Addresses, event: TimelineEvent, labels: FeedLabels
) -> str:
    """The entry's body: what happened, the quote, what the sources leave open, the points it
    concerns and the reports it rests on, each point linked to its permanent address."""
    meta = event.meta
    parts = [_html(meta.summary)]
    if meta.quote:
        parts.append(f"<blockquote><p>{html.escape(meta.quote)}</p></blockquote>")
    if meta.note:
        parts.append(_html(meta.note))
    points = [
        _link(identifier(document, addresses, n), labels.name(document, document.by_number[n]))
        for n in meta.points
    ]
    parts.append(_list(labels.points, points))
    sources = []
    for source_id in meta.sources:
        source = document.sources[source_id]
        details = [html.escape(value) for value in (source.publisher,) if value]
        if source.date:
            details.append(f"<time>{source.date.isoformat()}</time>")
        sources.append(", ".join([f"<cite>{_link(source.url, source.title)}</cite>", *details]))
    parts.append(_list(labels.sources, sources))
    return "".join(parts)


def timeline_feed(
    document: Document,
    addresses: Addresses,
    *,
    title: str,
    feed_url: str,
    page_url: str,
    author: str,
    subtitle: str | None = None,
    events: Iterable[TimelineEvent] | None = None,
    labels: FeedLabels | None = None,
) -> bytes | None:
    """The Atom feed of a document's timeline, or of part of it; None when there is no event.

    Args:
        document: The loaded document.
        addresses: Where the points and events are published (``Addresses.event`` required).
        title: The feed's title, e.g. the timeline page's title from the catalog.
        feed_url: The feed's own absolute address; it is also the feed's id.
        page_url: The page the feed follows (the timeline page), as an absolute address.
        author: Who publishes the feed, e.g. the site's name (Atom needs one).
        subtitle: One sentence saying what the feed holds, if any.
        events: The events to list, e.g. one actor's (``Document.events_by_actor``) or one
            point's (``Document.events_by_point``) for a feed of their own; all by default.
        labels: Headings of the lists of points and sources inside each entry.

    Returns:
        The feed as UTF-8 XML, newest event first; the same bytes for the same content.
    """
    chosen = list(document.events if events is None else events)
    if not chosen:
        return None
    labels = labels or FeedLabels()
    generator = FeedGenerator()
    generator.id(absolute(feed_url))
    generator.title(title)
    if subtitle:
        generator.subtitle(subtitle)
    generator.author(name=author)
    generator.link(href=absolute(page_url), rel="alternate", type="text/html")
    generator.link(href=feed_url, rel="self", type=ATOM_TYPE)
    generator.language(document.meta.language)
    generator.updated(_midnight(max(event.meta.date for event in chosen)))
    # Newest first, as readers list them; equal dates keep the timeline's order reversed. By
    # date, not the timeline's order, which puts an event known only to its month (dated the
    # 1st) after that month's days.
    for event in sorted(reversed(chosen), key=lambda event: event.meta.date, reverse=True):
        generator.add_entry(_entry(document, addresses, event, labels), order="append")
    return generator.atom_str(pretty=True)


class _Entry(FeedEntry):
    """An entry whose links keep their ``rel``, ``type`` and ``title``.

    feedgen 1.0.0 writes an entry's links with their ``href`` only: its loop reuses the name of
    the link's data for the element just made (feedgen issue 135, open). Every "related" link
    would then read as one more "alternate" link, which Atom forbids. The attributes are set
    again from the data the entry holds, in the order the links were written.
    """

    def atom_entry(self, extensions: bool = True) -> Any:
        entry = super().atom_entry(extensions=extensions)
        for element, data in zip(entry.findall("link"), self.link() or [], strict=True):
            for name in ("rel", "type", "hreflang", "title", "length"):
                if data.get(name):
                    element.set(name, str(data[name]))
        return entry


def _entry(
    document: Document, addresses: Addresses, event: TimelineEvent, labels: FeedLabels
) -> FeedEntry:
    """One event as an entry. Its id and alternate link are the event's permanent address;
    its date is the event's, its precision an EDTF category; the actor and each point it
    concerns are categories too, so a reader can filter on them, and the points, the sources
    with an address and the event it denies are related links."""
    meta = event.meta
    actor = document.actors[meta.actor]
    url = addresses.event_url(event.id)
    entry = _Entry()
    entry.id(url)
    entry.title(plain_text(meta.summary))
    entry.updated(_midnight(meta.date))
    entry.published(_midnight(meta.date))
    entry.link(href=url, rel="alternate", type="text/html")
    entry.content(_content(document, addresses, event, labels), type="html")
    entry.category(term=edtf(meta.date, meta.precision), scheme=EDTF_SCHEME)
    actor_url = addresses.actor_url(actor.id)
    entry.category(
        term=actor.id,
        label=actor.name,
        **({"scheme": actor_url.split("#")[0]} if actor_url else {}),
    )
    for number in meta.points:
        point = document.by_number[number]
        entry.category(
            term=document.anchor(number), label=labels.name(document, point), scheme=addresses.site
        )
        entry.link(
            href=identifier(document, addresses, number),
            rel="related",
            type="text/html",
            title=labels.name(document, point),
        )
    for source_id in meta.sources:
        source = document.sources[source_id]
        if source.url:
            entry.link(href=source.url, rel="related", title=source.title)
    if meta.denies is not None:
        entry.link(href=addresses.event_url(meta.denies), rel="related", type="text/html")
    return entry


def discovery_link(feed_url: str, title: str) -> str:
    """The ``<link rel="alternate">`` for a page's ``<head>``, by which browsers and feed readers
    find the feed from any page of the site; ``title`` names the feed (from the catalog)."""
    return (
        f'<link rel="alternate" type="{ATOM_TYPE}" href="{html.escape(absolute(feed_url))}" '
        f'title="{html.escape(title)}">'
    )
