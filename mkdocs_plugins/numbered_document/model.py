"""The content model: a document and its numbered points, as plain data.

Everything a page shows about the document comes from here; nothing about one particular
document lives in code. No MkDocs import, so the model outlives the site generator.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

from .schema import (
    Actor,
    DocumentMeta,
    Draft,
    Event,
    Party,
    PointMeta,
    Source,
    Term,
    Topic,
    Version,
)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the content, located as precisely as the file allows."""

    path: Path
    line: int | None
    message: str

    def __str__(self) -> str:
        return f"{shown_path(self.path)}{f':{self.line}' if self.line else ''}: {self.message}"


def shown_path(path: Path | str) -> str:
    """A path as a contributor would type it: relative to the working folder when inside it."""
    path = Path(path)
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


class ContentError(Exception):
    """The content cannot be loaded; ``problems`` says every reason found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


Loc = tuple[int | str, ...]
"""Where a value stands inside one YAML file, from its top field down: ("versions", 0, "note")."""


def field_name(loc: Loc) -> str:
    """A location as messages name a field: ``versions[0].note``."""
    text = ""
    for part in loc:
        if part == "[key]":  # pydantic's mark for a mapping's key: the key is named already
            continue
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


class Place(NamedTuple):
    """Where a text of the model stands in its file, recorded by the parse.

    A check that runs after loading finds a problem at an offset inside a text; the text's
    line breaks are not always the file's (YAML folds a ``>`` text's lines into one, a paragraph
    of a point is joined from several lines), so the loader keeps what maps an offset back to
    the file's line, and no later stage has to search the file again. A named tuple: the loader
    makes one for each value the checks read in every file, and a tuple is made several times
    faster than a frozen dataclass.
    """

    line: int
    """The file line of the text's first character."""
    starts: tuple[tuple[int, int], ...] = ()
    """(offset in the text, file line) of each source line, in order, when the text's line
    breaks are not the file's; empty when each line break in the text is one in the file."""

    def line_at(self, text: str, offset: int) -> int:
        """The file line of ``text[offset]``, ``text`` being the text this place was taken for."""
        if not self.starts:
            return self.line + text.count("\n", 0, offset)
        index = bisect.bisect_right(self.starts, offset, key=lambda start: start[0])
        return self.starts[index - 1][1] if index else self.line


@dataclass(frozen=True)
class Point:
    """One numbered point: its front matter, its published wording and our context."""

    meta: PointMeta
    path: Path
    lead: str
    """The wording before any list of sub-items (Markdown, one or more paragraphs)."""
    items: tuple[str, ...]
    """The sub-items of the wording, in order (Markdown, one line each)."""
    context: str = ""
    """Sections in our own words that follow the wording (Markdown, starting with a heading)."""
    field_lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    """The line of each front-matter field in the file, for messages found after loading."""
    places: dict[Loc, Place] = field(default_factory=dict, compare=False, repr=False)
    """Where each value of the front matter that the checks read stands (``checks.READS``)."""
    body_places: tuple[Place, ...] = field(default=(), compare=False, repr=False)
    """Where the lead, each sub-item and the context stand, in that order, for the checks."""

    @property
    def number(self) -> int:
        return self.meta.number

    @property
    def title(self) -> str:
        return self.meta.title

    @property
    def stem(self) -> str:
        """The file name without extension; it gives the page its stable URL."""
        return self.path.stem

    @property
    def wording(self) -> str:
        """The published wording as plain text: lead and sub-items, one paragraph each."""
        return "\n\n".join([self.lead, *self.items])


@dataclass(frozen=True)
class GlossaryTerm:
    """One glossary entry; its id is its file name, and the anchor of its entry."""

    id: str
    meta: Term
    path: Path
    places: dict[Loc, Place] = field(default_factory=dict, compare=False, repr=False)
    """Where each value of the file that the checks read stands (``checks.READS``)."""

    @property
    def forms(self) -> tuple[str, ...]:
        """Every form that names the term in text, the heading form first."""
        return (self.meta.term, *self.meta.forms)


@dataclass(frozen=True)
class TimelineEvent:
    """One dated event; its id is its file name, and its anchor on the timeline."""

    id: str
    meta: Event
    path: Path
    places: dict[Loc, Place] = field(default_factory=dict, compare=False, repr=False)
    """Where each value of the file that the checks read stands (``checks.READS``)."""


@dataclass(frozen=True)
class Document:
    """A numbered document: its metadata, vocabularies and points in number order."""

    meta: DocumentMeta
    points: tuple[Point, ...]
    root: Path
    """The content folder the document was loaded from."""
    path: Path = field(default=Path("document.yml"))
    """The document file."""
    terms: tuple[GlossaryTerm, ...] = ()
    """The glossary, in file-name order (the glossary page sorts for readers)."""
    events: tuple[TimelineEvent, ...] = ()
    """The timeline, oldest first (by date, then file name)."""
    places: dict[Loc, Place] = field(default_factory=dict, compare=False, repr=False)
    """Where each value of the document file that the checks read stands (``checks.READS``)."""

    @cached_property
    def by_number(self) -> dict[int, Point]:
        return {point.number: point for point in self.points}

    @cached_property
    def parties(self) -> dict[str, Party]:
        return {party.id: party for party in self.meta.parties}

    @cached_property
    def topics(self) -> dict[str, Topic]:
        return {topic.id: topic for topic in self.meta.topics}

    @cached_property
    def sources(self) -> dict[str, Source]:
        return {source.id: source for source in self.meta.sources}

    @cached_property
    def actors(self) -> dict[str, Actor]:
        return {actor.id: actor for actor in self.meta.actors}

    @cached_property
    def by_event(self) -> dict[str, TimelineEvent]:
        return {event.id: event for event in self.events}

    @cached_property
    def denials(self) -> dict[str, list[str]]:
        """Id of each denied event → ids of the events that deny it, in date order."""
        found: dict[str, list[str]] = {}
        for event in self.events:
            if event.meta.denies is not None:
                found.setdefault(event.meta.denies, []).append(event.id)
        return found

    @cached_property
    def events_by_point(self) -> dict[int, list[TimelineEvent]]:
        """The events that concern each point, in date order."""
        found: dict[int, list[TimelineEvent]] = {}
        for event in self.events:
            for number in event.meta.points:
                found.setdefault(number, []).append(event)
        return found

    @cached_property
    def events_by_actor(self) -> dict[str, list[TimelineEvent]]:
        """Each actor's events, in date order."""
        found: dict[str, list[TimelineEvent]] = {}
        for event in self.events:
            found.setdefault(event.meta.actor, []).append(event)
        return found

    @cached_property
    def drafts(self) -> dict[str, Draft]:
        """The drafts, oldest first."""
        return {draft.id: draft for draft in self.meta.drafts}

    @property
    def text_draft(self) -> Draft | None:
        """The draft whose wording the points give; None when the document names no drafts."""
        return self.drafts[self.meta.text_draft] if self.meta.text_draft else None

    def versions(self, point: Point) -> list[Version]:
        """A point's versions in other drafts, oldest draft first."""
        order = {draft_id: position for position, draft_id in enumerate(self.drafts)}
        return sorted(point.meta.versions, key=lambda version: order[version.draft])

    def is_earlier(self, draft_id: str) -> bool:
        """Whether a draft comes before the one the points give."""
        order = list(self.drafts)
        return order.index(draft_id) < order.index(self.meta.text_draft or draft_id)

    @cached_property
    def versions_by_draft(self) -> dict[str, list[tuple[Point, Version]]]:
        """Each draft's known versions of points, in point order."""
        found: dict[str, list[tuple[Point, Version]]] = {draft_id: [] for draft_id in self.drafts}
        for point in self.points:
            for version in point.meta.versions:
                found[version.draft].append((point, version))
        return found

    @cached_property
    def points_by_party(self) -> dict[str, list[Point]]:
        """The points that name each party, in number order."""
        found: dict[str, list[Point]] = {party_id: [] for party_id in self.parties}
        for point in self.points:
            for party_id in point.meta.parties:
                found[party_id].append(point)
        return found

    @cached_property
    def points_by_topic(self) -> dict[str, list[Point]]:
        """The points of each topic, in number order."""
        found: dict[str, list[Point]] = {topic_id: [] for topic_id in self.topics}
        for point in self.points:
            for topic_id in point.meta.topics:
                found[topic_id].append(point)
        return found

    @cached_property
    def glossary(self) -> dict[str, GlossaryTerm]:
        return {term.id: term for term in self.terms}

    @property
    def text_source(self) -> Source:
        return self.sources[self.meta.text_source]

    @property
    def singular(self) -> str:
        return self.meta.items.singular

    @property
    def plural(self) -> str:
        return self.meta.items.plural

    def label(self, number: int) -> str:
        """How readers name a point: "Point 6"."""
        return f"{self.singular.capitalize()} {number}"

    def anchor(self, number: int, item: int | None = None) -> str:
        """The stable HTML id of a point (and of one of its sub-items) wherever it is shown."""
        base = f"{self._anchor_word}-{number}"
        return base if item is None else f"{base}-{item}"

    @cached_property
    def _anchor_word(self) -> str:
        return slugify(self.singular)


def slugify(text: str) -> str:
    """Lower-case, hyphen-separated, letters and digits of any script kept."""
    return re.sub(r"[^\w]+", "-", text.lower()).strip("-")
