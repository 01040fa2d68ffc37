"""Open data: everything the site shows, as one JSON file with its JSON Schema, and as CSV.

The export's shape is written once, as pydantic models built on the content schema: they give
the JSON, and the JSON Schema published beside it. CSV files flatten the same records, lists
joined by "; ", for spreadsheets. No MkDocs import: the adapter passes each page's URL.
"""

from __future__ import annotations

import csv
import functools
import io
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import pydantic_core
from pydantic import BaseModel, ConfigDict, Field

from .model import Document, Point
from .schema import Actor, Draft, Event, Party, PointMeta, Source, Term, Topic

LIST_SEPARATOR = "; "


class Wording(BaseModel):
    lead: str = Field(description="The wording before any list of sub-items (Markdown).")
    items: list[str] = Field(description="The sub-items of the wording, in order.")


class PointRecord(PointMeta):
    """A point: its front matter, its published wording, our context, and its page."""

    url: str = Field(description="The point's page, relative to the site's root.")
    wording: Wording = Field(description="The published wording, quoted exactly.")
    context: str = Field(description="Sections in our own words after the wording (Markdown).")


class TermRecord(Term):
    """A glossary term and its entry on the glossary page."""

    id: str = Field(description="The term's id, also its anchor on the glossary page.")
    url: str = Field(description="The term's entry, relative to the site's root.")


class EventRecord(Event):
    """A timeline event and its entry on the timeline page."""

    id: str = Field(description="The event's id, also its anchor on the timeline page.")
    url: str = Field(description="The event's entry, relative to the site's root.")


class Node(BaseModel):
    id: str = Field(description="A point's anchor (e.g. `point-6`), or `page:` and a page path.")
    number: int | None = Field(description="The point's number; empty for another page.")
    title: str
    url: str = Field(description="The page, relative to the site's root.")


class Edge(BaseModel):
    source: str = Field(description="The id of the node that refers.")
    target: str = Field(description="The id of the point referred to.")
    kind: str = Field(description="`related` (front matter) or `mention` (found in the text).")


class References(BaseModel):
    title: str
    nodes: list[Node]
    edges: list[Edge]


class Export(BaseModel):
    """The document as published by the site: every point, term, event and source."""

    model_config = ConfigDict(title="Open data of a numbered document")

    title: str
    short_title: str
    description: str
    date: str = Field(description="Date of the document, YYYY-MM-DD (see `date_note`).")
    date_note: str | None
    language: str
    text_source: str = Field(description="Id of the source whose wording the points quote.")
    text_draft: str | None = Field(description="Id of the draft whose wording the points give.")
    sources: list[Source]
    parties: list[Party]
    topics: list[Topic]
    actors: list[Actor]
    drafts: list[Draft]
    points: list[PointRecord]
    glossary: list[TermRecord]
    timeline: list[EventRecord]
    references: References = Field(description="Which page refers to which point.")


Record = TypeVar("Record", bound=BaseModel)


class KeptRecords:
    """The export's records of the last build, kept under `mkdocs serve`: a point's, term's or
    event's record is made again only where its model changed (the loader gives the same object
    while its file did not) or what the site adds to it (its id, its URL) did. Making the
    records took a tenth of a second of every rebuild at 2,800 points; a record is never changed
    once made."""

    def __init__(self) -> None:
        self.last: dict[int, tuple[Any, Any, BaseModel]] = {}
        self.now: dict[int, tuple[Any, Any, BaseModel]] = {}
        self.graph: tuple[dict[str, Any], References] | None = None

    def get(self, source: Any, added: Any, make: Callable[[], Record]) -> Record:
        """The record of ``source`` (compared as the same object) with ``added`` (compared by
        value): the last export's, or ``make()``."""
        found = self.last.get(id(source))
        if found is None or found[0] is not source or found[1] != added:
            found = (source, added, make())
        self.now[id(source)] = found
        return found[2]  # type: ignore[return-value]  # made by ``make``

    def references(self, data: dict[str, Any]) -> References:
        """The model of the references (``ReferenceGraph.as_data``), the last export's while
        the data is equal: 12,800 nodes and edges at 2,800 points, most of an export's time
        once the records are kept."""
        if self.graph is None or self.graph[0] != data:
            made = References.model_construct(
                title=data["title"],
                nodes=[Node.model_construct(**node) for node in data["nodes"]],
                edges=[Edge.model_construct(**edge) for edge in data["edges"]],
            )
            self.graph = (data, made)
        return self.graph[1]

    def done(self) -> None:
        """The export is made: what it did not use is let go."""
        self.last, self.now = self.now, {}


def export(
    document: Document,
    url_of: Callable[[str], str],
    point_page: Callable[[int], str],
    references: dict[str, Any],
    glossary_page: str = "",
    timeline_page: str = "",
    kept: KeptRecords | None = None,
) -> Export:
    """The export of a document; ``url_of`` gives a page's URL from its source path. ``kept``
    gives the records of the last export that are still what they were."""
    meta, kept = document.meta, kept or KeptRecords()
    glossary_url, timeline_url = url_of(glossary_page), url_of(timeline_page)
    made = Export(
        title=meta.title,
        short_title=meta.short_title,
        description=meta.description,
        date=meta.date.isoformat(),
        date_note=meta.date_note,
        language=meta.language,
        text_source=meta.text_source,
        text_draft=meta.text_draft,
        sources=meta.sources,
        parties=meta.parties,
        topics=meta.topics,
        actors=meta.actors,
        drafts=meta.drafts,
        points=[
            kept.get(point, url, lambda point=point, url=url: _point_record(point, url))
            for point in document.points
            for url in [url_of(point_page(point.number))]
        ],
        glossary=[
            kept.get(
                term.meta,
                added,
                lambda term=term, added=added: _record(TermRecord, term.meta, **added),
            )
            for term in document.terms
            for added in [{"id": term.id, "url": f"{glossary_url}#{term.id}"}]
        ],
        timeline=[
            kept.get(
                event.meta,
                added,
                lambda event=event, added=added: _record(EventRecord, event.meta, **added),
            )
            for event in document.events
            for added in [{"id": event.id, "url": f"{timeline_url}#{event.id}"}]
        ],
        references=kept.references(references),
    )
    kept.done()
    return made


def _point_record(point: Point, url: str) -> PointRecord:
    return _record(
        PointRecord,
        point.meta,
        url=url,
        wording=Wording.model_construct(lead=point.lead, items=list(point.items)),
        context=point.context.strip(),  # as the records' config would leave it
    )


def _record(kind: type[Record], validated: BaseModel, **more: Any) -> Record:
    """A record of the export from a model the loader validated, and what the site adds to it,
    without validating it again: its values are the checked ones, as they are (validating
    10,000 records again took a second at 2,800 points)."""
    return kind.model_construct(**dict(validated), **more)


EXPORT_SCHEMA = Path(__file__).with_name("opendata.schema.json")
"""The JSON Schema of the exported JSON as the plugin ships it: written from ``Export`` by
`make schemas` (``made_export_schema``), and checked against it by the tests. It is the same for
every site, and pydantic took 18 ms of every build to write it (50 million instructions, 1% of
the smallest build `make bench` measures)."""


@functools.cache
def export_schema() -> dict[str, Any]:
    """The JSON Schema of the exported JSON (``EXPORT_SCHEMA``), read once per process (a build
    reads it twice); callers copy what they change."""
    schema: dict[str, Any] = json.loads(EXPORT_SCHEMA.read_text(encoding="utf-8"))
    return schema


def made_export_schema() -> dict[str, Any]:
    """The JSON Schema of the exported JSON, made from ``Export`` by pydantic."""
    schema = Export.model_json_schema(mode="serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def as_json(data: BaseModel | dict[str, Any]) -> str:
    """JSON as published: UTF-8 text, keys in model order, one value per line.

    Written by pydantic's serializer, the same text as ``json.dumps(..., ensure_ascii=False,
    indent=1)`` (a test compares them), whose indented output is pure Python: a tenth of the
    time for the 1.3 MB of data of 500 points and 300 terms."""
    if isinstance(data, BaseModel):
        return data.model_dump_json(indent=1) + "\n"
    return pydantic_core.to_json(data, indent=1).decode("utf-8") + "\n"


def _joined(values: Iterable[Any]) -> str:
    return LIST_SEPARATOR.join(str(value) for value in values)


def _table(header: list[str], rows: Iterable[list[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, dialect="excel")  # RFC 4180: CRLF ends each row
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if value is None else value for value in row])
    return out.getvalue()


TABLES: dict[str, Callable[[Export], str]] = {
    "points.csv": lambda data: _table(
        [
            "number",
            "title",
            "summary",
            "parties",
            "topics",
            "related",
            "sources",
            "wording",
            "url",
        ],
        (
            [
                p.number,
                p.title,
                p.summary,
                _joined(p.parties),
                _joined(p.topics),
                _joined(p.related),
                _joined(p.sources),
                # As published: lead and sub-items one paragraph each, without list markup.
                "\n\n".join([p.wording.lead, *p.wording.items]),
                p.url,
            ]
            for p in data.points
        ),
    ),
    "obligations.csv": lambda data: _table(
        ["point", "party", "kind", "text"],
        (
            [p.number, party, kind, text]
            for p in data.points
            for kind, given in (("asks", p.obligations), ("gives", p.benefits))
            for party, text in given.items()
        ),
    ),
    "versions.csv": lambda data: _table(
        ["point", "draft", "status", "description", "wording", "excerpt", "sources", "note"],
        (
            [
                p.number,
                v.draft,
                v.status,
                v.description,
                v.wording,
                v.excerpt,
                _joined(v.sources),
                v.note,
            ]
            for p in data.points
            for v in p.versions
        ),
    ),
    "glossary.csv": lambda data: _table(
        ["id", "term", "forms", "definition", "explanation", "related", "sources", "url"],
        (
            [
                t.id,
                t.term,
                _joined(t.forms),
                t.definition,
                t.explanation,
                _joined(t.related),
                _joined(t.sources),
                t.url,
            ]
            for t in data.glossary
        ),
    ),
    "timeline.csv": lambda data: _table(
        [
            "id",
            "date",
            "precision",
            "actor",
            "summary",
            "quote",
            "sources",
            "points",
            "denies",
            "note",
            "url",
        ],
        (
            [
                e.id,
                e.date.isoformat(),
                e.precision,
                e.actor,
                e.summary,
                e.quote,
                _joined(e.sources),
                _joined(e.points),
                e.denies,
                e.note,
                e.url,
            ]
            for e in data.timeline
        ),
    ),
    "sources.csv": lambda data: _table(
        ["id", "title", "publisher", "date", "url", "note", "excerpts"],
        (
            [
                s.id,
                s.title,
                s.publisher,
                s.date.isoformat() if s.date else None,
                s.url,
                s.note,
                "\n".join(s.excerpts),  # one quoted passage a line
            ]
            for s in data.sources
        ),
    ),
    "references.csv": lambda data: _table(
        ["source", "target", "kind"],
        ([e.source, e.target, e.kind] for e in data.references.edges),
    ),
}
"""The CSV files, by name, each from the export: a new table is one entry here (and its
description in the catalogs, for the data page)."""
