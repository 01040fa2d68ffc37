"""Stable identifiers: one permanent address for the document, each point and each sub-item.

The Atom feed, the schema.org metadata and the Akoma Ntoso export all name things by the same
URIs, built here, so that a reader (or a program) can follow an identifier found in one format to
the page that shows it and to its counterpart in the others. The pattern is::

    document   {site}                              e.g. https://example.org/charter/
    point      {page of the point}                 e.g. …/articles/2-meetings/
    sub-item   {page of the point}#{anchor}        e.g. …/articles/2-meetings/#article-2-2
    term       {glossary page}#{term id}           (the caller's ``term`` address)
    event      {timeline page}#{event id}          (the caller's ``event`` address)

A point's page is named after its file (``Layout.point``), which never changes once published,
and the anchor is ``Document.anchor``: the document's word for its items, the number and the
sub-item's position (``article-2-2``), the same anchor the pages already carry. The addresses
themselves come from the caller, which knows where MkDocs puts each page: this module has no
MkDocs import, and holds no word of any one document.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TypeVar
from urllib.parse import urlsplit

from .model import Document, Point
from .schema import Precision

K = TypeVar("K")
Lookup = Callable[[K], str] | Mapping[K, str]
"""An address for each key: a function, or a mapping (a dict built by the caller)."""


def _call(lookup: Lookup[K]) -> Callable[[K], str]:
    if isinstance(lookup, Mapping):
        return lookup.__getitem__
    return lookup


def absolute(url: str) -> str:
    """Check that an address is absolute (scheme and host): Atom ids, JSON-LD ``@id``s and
    FRBR aliases are only identifiers when they mean the same thing wherever they are read.

    Raises:
        ValueError: the address is relative, e.g. because the site has no ``site_url``.
    """
    parts = urlsplit(url)
    if not (parts.scheme and parts.netloc):
        raise ValueError(f"not an absolute URL: {url!r} (set the site's absolute address)")
    return url


@dataclass(frozen=True)
class Addresses:
    """Where each thing of a document is published, as absolute URLs: the plain data that
    every export needs from the site generator.

    Attributes:
        site: The site's absolute base URL, ending with "/"; it identifies the document.
        point: A point's page, from its number.
        term: A glossary term's entry (page and anchor), from its id; None without a glossary.
        event: A timeline event's entry (page and anchor), from its id; None without a timeline.
        actor: An actor's profile (page and anchor), from its id; None when there is none.
    """

    site: str
    point: Lookup[int]
    term: Lookup[str] | None = None
    event: Lookup[str] | None = None
    actor: Lookup[str] | None = None

    def __post_init__(self) -> None:
        absolute(self.site)

    def point_url(self, number: int) -> str:
        return absolute(_call(self.point)(number))

    def term_url(self, term_id: str) -> str:
        if self.term is None:
            raise ValueError("no address for glossary terms was given")
        return absolute(_call(self.term)(term_id))

    def event_url(self, event_id: str) -> str:
        if self.event is None:
            raise ValueError("no address for timeline events was given")
        return absolute(_call(self.event)(event_id))

    def actor_url(self, actor_id: str) -> str | None:
        return None if self.actor is None else absolute(_call(self.actor)(actor_id))


def identifier(
    document: Document, addresses: Addresses, number: int, item: int | None = None
) -> str:
    """The permanent URI of a point, or of one of its sub-items (numbered from 1).

    A point is its own page; a sub-item is the anchor on that page that the wording's list
    item carries (``Document.anchor``), so every identifier is also a link that opens on it.
    """
    page = addresses.point_url(number)
    return page if item is None else f"{page}#{document.anchor(number, item)}"


def point_name(document: Document, point: Point) -> str:
    """A point's name in the document's own words, its label and title ("Article 2:
    Meetings"): what the exports call a point unless the caller gives its catalog's heading.
    The exports are in the document's language, whatever the interface's."""
    return f"{document.label(point.number)}: {point.title}"


def fragment_pattern(document: Document) -> str:
    """The anchor part of a sub-item's identifier as a pattern, for the data page's list of
    URI patterns: ``point-{number}-{item}`` for a document whose items are points."""
    return document.anchor(0, 0).removesuffix("-0-0") + "-{number}-{item}"


def edtf(day: dt.date, precision: Precision) -> str:
    """A timeline date as written in the Extended Date/Time Format (ISO 8601-2, level 1), which
    has a form for each precision the content records: the day (``2024-03-09``), the month only
    (``2024-03``), and "on or before" as an interval open at its start (``../2024-03-09``)."""
    if precision == "month":
        return f"{day:%Y-%m}"
    if precision == "on-or-before":
        return f"../{day.isoformat()}"
    return day.isoformat()
