"""The timeline (events grouped by day, with a filter) and the actors' profiles."""

from __future__ import annotations

import html
import json
from typing import Any

from ..model import Document
from ..sorting import sort_key
from ..templating import md
from . import Context, PageKind, Site


def timeline(site: Site, item: None) -> Context:
    """Events oldest first, grouped by the day (or month) they are dated to, and what the
    filter offers: every actor and every point that some event concerns."""
    document, words = site.document, site.words
    days: list[dict[str, object]] = []
    for event in document.events:
        meta = event.meta
        key = site.catalog.machine_date(meta.date, meta.precision)
        if not days or days[-1]["key"] != key:
            days.append({"key": key, "label": words.date(meta.date, meta.precision), "events": []})
        days[-1]["events"].append(event)  # type: ignore[attr-defined]
    actors = sorted(
        {document.actors[e.meta.actor] for e in document.events}, key=lambda a: sort_key(a.name)
    )
    return {
        "days": days,
        "actors": actors,
        "numbers": sorted({n for e in document.events for n in e.meta.points}),
        "count_words": _count_words(site),
        "event_link": lambda event_id: _event_link(site, event_id),
        "denied": lambda event: ", ".join(
            _event_link(site, other) for other in document.denials.get(event.id, [])
        ),
    }


def _count_words(site: Site) -> str:
    """The words the filter's script shows for the number of events, as a data attribute: each
    message by plural category, ``{count}`` and ``{shown}`` left for the script to fill in
    (the browser's ``Intl.PluralRules`` picks the category)."""
    words = {name: site.catalog.forms(f"timeline.{name}") for name in ("shown_all", "shown_some")}
    return f' data-nd-words="{html.escape(json.dumps(words, ensure_ascii=False), quote=True)}"'


def _event_link(site: Site, event_id: str) -> str:
    """An event named by its actor and date, linked to its place on the timeline (the page
    the link is on)."""
    event = site.document.by_event[event_id]
    title = site.catalog(
        "timeline.event_title",
        actor=md(site.document.actors[event.meta.actor].name),
        date=site.words.when(event.meta.date, event.meta.precision),
    )
    return f"[{title}](#{event_id})"


def actors(site: Site, item: None) -> Context:
    """Each actor with events, by name, with their events in date order."""
    document = site.document
    return {
        "actors": [
            (actor, document.events_by_actor[actor.id])
            for actor in sorted(document.meta.actors, key=lambda a: sort_key(a.name))
            if document.events_by_actor.get(actor.id)
        ]
    }


def events_read(site: Site, item: None) -> tuple[Any, ...]:
    """What the timeline and the actors' page show of the content besides the document file:
    the events (the points they concern show as labels linked to their pages, a number and a
    path: ``Site.shared``)."""
    return (site.document.events,)


def _has_events(document: Document) -> bool:
    return bool(document.events)


KINDS = (
    PageKind(
        name="timeline",
        optional=False,
        template="timeline.md",
        setting="timeline_page",
        order=50,
        select=timeline,
        reads=events_read,
        needs=_has_events,
        assets=("timeline.js",),
    ),
    PageKind(
        name="actors",
        optional=False,
        template="actors.md",
        setting="actors_page",
        order=60,
        select=actors,
        reads=events_read,
        needs=_has_events,
    ),
)
