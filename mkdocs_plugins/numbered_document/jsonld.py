"""schema.org metadata as JSON-LD, for search engines, citation managers and linked-data tools.

Each function returns one plain dict (a node) named by the identifiers of ``identifiers.py``;
``graph`` puts the nodes a page needs under one ``@context``, and ``script`` renders them as a
``<script type="application/ld+json">`` block that nothing in the content can break out of.

Why ``CreativeWork`` and not ``Legislation`` for the document: ``Legislation`` is "a legal act,
decree, bill, etc.", and its own properties (jurisdiction, legal force, the body that passed it)
presume a legal order that enacted it; a draft agreement between states, or a club's charter, has
none. ``CreativeWork`` says what the site knows: a text with a date, a language, a source it is
based on, a status ("Draft" when its wording is that of a draft), and numbered parts
(``hasPart``/``isPartOf`` with ``position``), which is how schema.org's own examples structure a
work's chapters. Points and their sub-items are ``CreativeWork`` parts in the same way; glossary
terms are ``DefinedTerm`` in a ``DefinedTermSet``; timeline entries are ``Event``, the actor as
``performer`` (the one property of ``Event`` whose values are a person or an organisation and
which means who acts in it), the points as ``about``, the reports as ``subjectOf``.

Every type and property used here exists in schema.org (tests/test_jsonld.py checks them against
a copy of the vocabulary). No MkDocs import, and no interface words: names of pages (the
glossary's, the breadcrumbs') come from the caller.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from .akn import wording_paragraphs
from .glossary import plain_text
from .identifiers import Addresses, absolute, identifier, point_name
from .model import Document, GlossaryTerm, Point, TimelineEvent
from .schema import Actor, Source

CONTEXT = "https://schema.org"
Node = dict[str, Any]

_ACTOR_TYPES = {"person": "Person", "institution": "Organization", "media": "NewsMediaOrganization"}
"""The schema.org type of each kind of actor the content schema knows by default; a kind a
document declares itself (``actor_kinds``: "group", "the leaders") is a plain ``Thing``."""


def _compact(node: Node) -> Node:
    """Leave out properties with no value: schema.org reads a missing one as unknown."""
    return {key: value for key, value in node.items() if value not in (None, "", [], {})}


def _document_ref(document: Document, addresses: Addresses) -> Node:
    return {"@type": "CreativeWork", "@id": addresses.site, "name": document.meta.title}


def source_node(source: Source) -> Node:
    """A publication the content cites: title, publisher (when the copy names one), date."""
    publisher = {"@type": "Organization", "name": source.publisher} if source.publisher else None
    return _compact(
        {
            "@type": "CreativeWork",
            "name": source.title,
            "publisher": publisher,
            "datePublished": source.date.isoformat() if source.date else None,
            "url": source.url,
        }
    )


def document_node(document: Document, addresses: Addresses) -> Node:
    """The document as a whole, with its points as its parts (by reference).

    Its identifier is the site's address: the site is the edition of this one document.
    """
    meta = document.meta
    draft = document.text_draft
    return _compact(
        {
            "@type": "CreativeWork",
            "@id": addresses.site,
            "url": addresses.site,
            "name": meta.title,
            "alternateName": meta.short_title,
            "description": meta.description,
            "inLanguage": meta.language,
            "datePublished": meta.date.isoformat(),
            "creativeWorkStatus": "Draft" if draft else None,
            "version": draft.label if draft else None,
            "isBasedOn": source_node(document.text_source),
            "about": [
                {"@type": "DefinedTerm", "name": topic.name, "description": topic.description}
                for topic in meta.topics
            ],
            "hasPart": [
                {"@id": identifier(document, addresses, point.number)} for point in document.points
            ],
        }
    )


def point_node(
    document: Document, point: Point, addresses: Addresses, *, name: str | None = None
) -> Node:
    """One point: its place in the document, its published wording and where that comes from,
    our summary, and each sub-item as a part with its own identifier.

    Args:
        name: The point's heading in the site's language (the catalog's ``Words.heading``);
            by default its label and title in the document's words (``point_name``).
    """
    return _compact(
        {
            "@type": "CreativeWork",
            "@id": identifier(document, addresses, point.number),
            "url": addresses.point_url(point.number),
            "name": name or point_name(document, point),
            "position": point.number,
            "isPartOf": _document_ref(document, addresses),
            "inLanguage": document.meta.language,
            "text": "\n\n".join(wording_paragraphs(point)),
            "abstract": plain_text(point.meta.summary) if point.meta.summary else None,
            "isBasedOn": source_node(document.text_source),
            "citation": [
                source_node(document.sources[s])
                for s in point.meta.sources
                if s != document.meta.text_source
            ],
            "about": [
                {"@type": "DefinedTerm", "name": document.topics[t].name} for t in point.meta.topics
            ],
            "hasPart": [
                {
                    "@type": "CreativeWork",
                    "@id": identifier(document, addresses, point.number, position),
                    "position": position,
                    "text": plain_text(item),
                }
                for position, item in enumerate(point.items, start=1)
            ],
        }
    )


def term_node(term: GlossaryTerm, addresses: Addresses, glossary_url: str) -> Node:
    """One glossary term, in the set that is the glossary page."""
    return _compact(
        {
            "@type": "DefinedTerm",
            "@id": addresses.term_url(term.id),
            "url": addresses.term_url(term.id),
            "name": term.meta.term,
            "alternateName": list(term.meta.forms),
            "termCode": term.id,
            "description": plain_text(term.meta.definition),
            "inDefinedTermSet": {"@id": absolute(glossary_url)},
        }
    )


def glossary_node(
    document: Document, addresses: Addresses, *, name: str, glossary_url: str
) -> Node | None:
    """The glossary as a ``DefinedTermSet`` holding every term; None without a glossary.

    Args:
        name: The glossary's name in the site's language (from the catalog).
        glossary_url: The glossary page's absolute address; it identifies the set.
    """
    if not document.terms:
        return None
    return {
        "@type": "DefinedTermSet",
        "@id": absolute(glossary_url),
        "url": glossary_url,
        "name": name,
        "inLanguage": document.meta.language,
        "about": _document_ref(document, addresses),
        "hasDefinedTerm": [term_node(term, addresses, glossary_url) for term in document.terms],
    }


def actor_node(actor: Actor, addresses: Addresses) -> Node:
    """A person, institution or news outlet that the timeline records."""
    kind = _ACTOR_TYPES.get(actor.kind, "Thing")
    return _compact(
        {
            "@type": kind,
            "@id": addresses.actor_url(actor.id),
            "name": actor.name,
            "jobTitle": actor.role if kind == "Person" else None,
        }
    )


def event_node(document: Document, event: TimelineEvent, addresses: Addresses) -> Node:
    """One dated event: when (as precisely as known), who, about which points, and the reports
    it rests on; the quote, when there is one, as a ``Quotation`` of the actor.

    A date known to the day or to the month is the ``startDate`` ("2024-03" for a month, as
    ISO 8601 writes it). A date known only as "on or before" (that of the first report) has no
    ``startDate``: schema.org has no way to say "on or before", and a false exact date would be
    worse than none; the reports keep their own dates.
    """
    meta = event.meta
    actor = actor_node(document.actors[meta.actor], addresses)
    start = {"day": meta.date.isoformat(), "month": f"{meta.date:%Y-%m}"}.get(meta.precision)
    reports = [source_node(document.sources[s]) for s in meta.sources]
    quote = (
        [
            {
                "@type": "Quotation",
                "text": meta.quote,
                "spokenByCharacter": actor,
                "isBasedOn": reports[0],
            }
        ]
        if meta.quote
        else []
    )
    return _compact(
        {
            "@type": "Event",
            "@id": addresses.event_url(event.id),
            "url": addresses.event_url(event.id),
            "name": plain_text(meta.summary),
            "description": plain_text(meta.note) if meta.note else None,
            "startDate": start,
            "performer": actor,
            "about": [
                {"@id": identifier(document, addresses, number), "@type": "CreativeWork"}
                for number in meta.points
            ],
            "subjectOf": [*reports, *quote],
        }
    )


def timeline_nodes(document: Document, addresses: Addresses) -> list[Node]:
    """Every event of the timeline, oldest first."""
    return [event_node(document, event, addresses) for event in document.events]


def breadcrumbs(trail: Sequence[tuple[str, str]]) -> Node | None:
    """The path from the home page to a page, as (name, absolute address) pairs in order;
    None for a trail of fewer than two steps (the home page's own)."""
    if len(trail) < 2:
        return None
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": absolute(url)}
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }


def graph(nodes: Iterable[Node | None]) -> dict[str, Any]:
    """The nodes a page carries, under one ``@context`` (None entries are skipped)."""
    return {"@context": CONTEXT, "@graph": [node for node in nodes if node is not None]}


_SCRIPT_ESCAPES = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)
"""Characters that could end the script element or start a comment in it, written as JSON
escapes: the JSON reads the same, and no text in the content can close the ``<script>``."""


def script(data: dict[str, Any]) -> str:
    """A ``<script type="application/ld+json">`` block holding the data, safe to put in HTML.

    Inside ``<script>`` the HTML parser ends the element at the first ``</script`` whatever the
    JSON says, so ``<``, ``>`` and ``&`` never appear raw: a title such as
    ``</script><script>alert(1)</script>`` stays a string. Keys keep their order and the output
    has no spaces that vary, so builds are byte-identical.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f'<script type="application/ld+json">{text.translate(_SCRIPT_ESCAPES)}</script>'
