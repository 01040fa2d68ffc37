"""Pages as text: pure functions from the model to Markdown (and, for late parts, HTML).

Generated Markdown links to other pages by their source path, as a hand-written page would, so
MkDocs resolves and checks every link. The parts that need every page converted first (who refers
to a point) are placeholders here, filled by ``links_list`` once the graph is complete.
"""

from __future__ import annotations

import html
import re
import unicodedata
from typing import Any

from .citation import ACCESSED, bibtex_citation, plain_citation
from .drafts_views import point_changes
from .glossary import TERM_ATTRIBUTE
from .layout import Layout, relative_path
from .model import Document, GlossaryTerm, Point, TimelineEvent
from .schema import Source
from .treewalk import REPEATED
from .writing import (
    PRECISION_WORDS,
    cell,
    cite_source,
    front_matter,
    heading,
    human_date,
    md,
)

REFERS_TO = '<div class="nd-links" data-nd-refers-to="{number}"></div>'
REFERENCED_BY = '<div class="nd-links" data-nd-referenced-by="{number}"></div>'
USED_IN = '<div class="nd-used-in" data-nd-used-in="{term}"></div>'


PLACEHOLDER = re.compile(r'<div class="nd-[a-z-]+" data-nd-[a-z-]+="[^"<>]*"></div>')
"""Any of the placeholders above, once filled in."""


def fill_all(html_text: str, parts: dict[str, str]) -> str:
    """Replace each placeholder (a key of ``parts``, such as ``USED_IN`` filled in) with its
    HTML, in one pass over the page however many there are."""
    if not parts:
        return html_text
    return PLACEHOLDER.sub(lambda match: parts.get(match.group(), match.group()), html_text)


def wording(document: Document, point: Point, *, repeated: bool = False) -> str:
    """The published wording, set apart as a quotation; every sub-item has a stable anchor."""
    attributes = f' {REPEATED}=""' if repeated else ""
    parts = [f'<blockquote class="nd-wording"{attributes} markdown>', "", point.lead, ""]
    if point.items:
        parts.append("<ul markdown>")
        parts.extend(
            f'<li id="{document.anchor(point.number, index)}" markdown="span">{item}</li>'
            for index, item in enumerate(point.items, start=1)
        )
        parts.append("</ul>")
    parts += ["</blockquote>", ""]
    return "\n".join(parts)


def point_page(document: Document, layout: Layout, point: Point, url: str = "") -> str:
    """The Markdown of one point's page; ``url`` is its address, for the ready citation."""
    source = document.text_source
    page = layout.point(point)
    parties = ", ".join(
        _facet(page, md(document.parties[p].name), layout.parties_dir and layout.party(p))
        for p in point.meta.parties
    )
    topics = ", ".join(
        _facet(page, md(document.topics[t].name), layout.topics_dir and layout.topic(t))
        for t in point.meta.topics
    )
    lines = [
        # A point's own page comes first when a reader searches for it ("point 21").
        front_matter(heading(document, point), point.meta.summary, search_boost=2),
        f"# {md(heading(document, point))}",
        "",
        f"**Summary:** {point.meta.summary}",
        "{ .nd-summary }",
        "",
        "## Published wording",
        "",
        wording(document, point),
        f"Wording as published in {cite_source(source)}.",
        "{ .nd-attribution }",
        "",
        f"**Parties:** {parties}  ",
        f"**Topics:** {topics}",
        "{ .nd-facets }",
        "",
    ]
    lines += asks_and_gives(document, layout, point)
    if point.context:
        lines += [point.context, ""]
    lines += point_changes(document, layout, point)
    lines += reactions(document, layout, point)
    lines += [
        f"## Related {document.plural}",
        "",
        "### Refers to",
        "",
        REFERS_TO.format(number=point.number),
        "",
        "### Referenced by",
        "",
        REFERENCED_BY.format(number=point.number),
        "",
        "## Sources",
        "",
    ]
    lines += [source_item(document.sources[s]) for s in point.meta.sources]
    lines += ["", *how_to_cite(document, layout, point, url), _pager(document, layout, point), ""]
    return "\n".join(lines)


def how_to_cite(document: Document, layout: Layout, point: Point, url: str) -> list[str]:
    """Ready citations in code blocks: copied as they are, never linked or reflowed."""
    if not url:
        return []

    def block(text: str) -> list[str]:
        return ["", *(f"    {line}" for line in text.split("\n")), ""]

    lines = [
        f"## How to cite this {document.singular} {{ #cite }}",
        "",
        f"Replace {ACCESSED} with the day you read the page.",
        "",
        "Plain text:",
        *block(plain_citation(document, point, layout.site_name, url)),
        "BibTeX:",
        *block(bibtex_citation(document, point, layout.site_name, url)),
    ]
    return lines


def _facet(page: str, name: str, target: str) -> str:
    """A party or topic on a point page: a link to its page where the site has one."""
    return f"[{name}]({relative_path(page, target)})" if target else name


def asks_and_gives(document: Document, layout: Layout, point: Point) -> list[str]:
    """What the point asks of each party and gives it (nothing when the file says neither)."""
    meta = point.meta
    if not meta.obligations and not meta.benefits:
        return []
    page = layout.point(point)
    lines = [
        "## What it asks and gives",
        "",
        "Our reading of the wording above, party by party.",
        "{ .nd-attribution }",
        "",
    ]
    for party_id in meta.parties:
        for word, given, anchor in (
            ("Asks of", meta.obligations, "asks"),
            ("Gives", meta.benefits, "gives"),
        ):
            if party_id in given:
                name = md(document.parties[party_id].name)
                if layout.parties_dir:
                    name = f"[{name}]({relative_path(page, layout.party(party_id))}#{anchor})"
                lines.append(f"- **{word} {name}:** {' '.join(given[party_id].split())}")
    return [*lines, ""]


def source_item(source: Source) -> str:
    note = f" {source.note}" if source.note else ""
    url = f" <{source.url}>" if source.url else ""
    return f"- {cite_source(source)}.{url}{note}"


def _pager(document: Document, layout: Layout, point: Point) -> str:
    """Previous and next point, within the document (not the site's navigation order)."""
    page = layout.point(point)
    before = document.by_number.get(point.number - 1)
    after = document.by_number.get(point.number + 1)
    lines = ['<nav class="nd-pager" aria-label="Previous and next" markdown>', ""]
    if before:
        target = relative_path(page, layout.point(before))
        lines.append(f"- [← {md(heading(document, before))}]({target}){{ rel=prev }}")
    if after:
        target = relative_path(page, layout.point(after))
        lines.append(f"- [{md(heading(document, after))} →]({target}){{ rel=next }}")
    return "\n".join([*lines, "", "</nav>"])


def points_index(document: Document, layout: Layout) -> str:
    """The table of all points: number, title, summary, parties, topics."""
    page = layout.index
    plural = document.plural.capitalize()
    lines = [
        front_matter(title=plural, description=f"All {document.plural} of {document.meta.title}."),
        f"# {md(plural)}",
        "",
        f"{document.meta.description}",
        "",
        f"Read them all on one page: [full text]({relative_path(page, layout.full_text)}).",
        "",
        f'<div class="nd-index" {REPEATED}="" markdown>',
        "",
        "| No. | Title | Summary | Parties | Topics |",
        "| ---: | --- | --- | --- | --- |",
    ]
    for point in document.points:
        parties = ", ".join(md(document.parties[p].name) for p in point.meta.parties)
        topics = ", ".join(md(document.topics[t].name) for t in point.meta.topics)
        target = relative_path(page, layout.point(point))
        lines.append(
            f"| {point.number} | [{cell(md(point.title))}]({target}) "
            f"| {cell(point.meta.summary)} | {cell(parties)} | {cell(topics)} |"
        )
    lines += ["", "</div>"]
    return "\n".join(lines) + "\n"


def full_text(document: Document, layout: Layout) -> str:
    """All points' wording on one page, each point and sub-item with a stable anchor."""
    page = layout.full_text
    title = document.meta.title
    lines = [
        front_matter(
            title="Full text", description=f"The full published wording of {title}, on one page."
        ),
        f"# {md(title)}: full text",
        "",
        f"Wording as published in {cite_source(document.text_source)}. "
        f"Titles are ours; each links to the {document.singular}'s own page.",
        "{ .nd-attribution }",
        "",
    ]
    for point in document.points:
        target = relative_path(page, layout.point(point))
        lines += [
            '<section class="nd-full-point" markdown>',
            "",
            f"## {md(heading(document, point))} {{ #{document.anchor(point.number)} }}",
            "",
            wording(document, point, repeated=True),
            f"[{document.label(point.number)} in detail]({target}){{ .nd-more }}",
            "",
            "</section>",
            "",
        ]
    return "\n".join(lines)


def point_item(document: Document, number: int, url: str, *, previews: bool = False) -> str:
    """One point in a list of links ("Refers to", "Referenced by", "Used in"): its label,
    linked to its URL with its heading on hover, and its title."""
    point = document.by_number[number]
    title = html.escape(heading(document, point), quote=True)
    return (
        f'<li><a href="{html.escape(url, quote=True)}"{" data-preview" if previews else ""} '
        f'title="{title}">'
        f"{html.escape(document.label(number))}</a>: {html.escape(point.title)}</li>"
    )


def page_item(title: str, url: str) -> str:
    """One other page in a list of links, by its title as MkDocs gives it (HTML-ready text
    already: unescaped once, escaped once)."""
    shown = html.escape(html.unescape(title))
    return f'<li><a href="{html.escape(url, quote=True)}">{shown}</a></li>'


def links_list(items: list[str]) -> str:
    """The HTML list of links, rendered once every page's URL is known; empty when there is
    nothing to list. Points come first, in number order, then other pages by title."""
    return '<ul class="nd-links">' + "".join(items) + "</ul>" if items else ""


def used_in_html(links: str) -> str:
    """What replaces a term's ``USED_IN`` placeholder: its label and the links (or "none")."""
    return "<p><strong>Used in:</strong></p>" + (links or none_html("No page yet."))


def none_html(text: str) -> str:
    return f'<p class="nd-none">{html.escape(text)}</p>'


def _date_parts(event: TimelineEvent) -> tuple[str, str]:
    """The date in words and in machine form, as precisely as it is known."""
    meta = event.meta
    if meta.precision == "month":
        return f"{meta.date:%B} {meta.date.year}", f"{meta.date:%Y-%m}"
    return human_date(meta.date), meta.date.isoformat()


def event_date(event: TimelineEvent) -> str:
    """The date inside a <time> element, with "on or before" where only a report dates it."""
    shown, machine = _date_parts(event)
    return f'{PRECISION_WORDS[event.meta.precision]}<time datetime="{machine}">{shown}</time>'


def _actor_line(document: Document, layout: Layout, page: str, event: TimelineEvent) -> str:
    actor = document.actors[event.meta.actor]
    role = f", {md(actor.role)}" if actor.role else ""
    return f"[{md(actor.name)}]({relative_path(page, layout.actors)}#{actor.id}){role}"


def _event_facts(document: Document, layout: Layout, page: str, event: TimelineEvent) -> list[str]:
    meta = event.meta
    facts = []
    if meta.points:
        links = ", ".join(
            f"[{document.label(n)}]({relative_path(page, layout.point(document.by_number[n]))})"
            for n in sorted(meta.points)
        )
        facts.append(f"**{document.plural.capitalize()}:** {links}")
    facts.append("**Source:** " + "; ".join(cite_source(document.sources[s]) for s in meta.sources))
    timeline = relative_path(page, layout.timeline)
    if meta.denies:
        facts.append(
            f"**Denies:** [{_event_title(document, meta.denies)}]({timeline}#{meta.denies})"
        )
    denials = document.denials.get(event.id, [])
    if denials:
        links = ", ".join(f"[{_event_title(document, d)}]({timeline}#{d})" for d in denials)
        facts.append(f"**Denied:** {links}")
    if meta.note:
        facts.append(f"**Note:** {' '.join(meta.note.split())}")
    return facts


def _event_title(document: Document, event_id: str) -> str:
    event = document.by_event[event_id]
    return f"{md(document.actors[event.meta.actor].name)}, {human_date(event.meta.date)}"


def timeline_page(document: Document, layout: Layout) -> str:
    """Events oldest first, grouped by day; each names its actor, points and sources."""
    page = layout.timeline
    lines = [
        front_matter(
            title="Timeline",
            description=f"Who said and did what about {document.meta.title}, and on whose report.",
        ),
        "# Timeline",
        "",
        "Events in date order, each with its source. Where a date is only the day a report "
        'appeared, it reads "on or before". Descriptions are ours; quotes are as reported.',
        "",
        _filter_form(document),
        "",
    ]
    day = None
    for event in document.events:
        label, key = _date_parts(event)
        if key != day:
            if day is not None:
                lines += ["</section>", ""]
            day = key
            lines += [
                '<section class="nd-day" markdown>',
                "",
                f"## {label} {{ #day-{day} }}",
                "",
            ]
        lines += _event_block(document, layout, page, event)
    if day is not None:
        lines += ["</section>", ""]
    return "\n".join(lines)


def _filter_form(document: Document) -> str:
    """Controls to narrow the list; hidden until the script shows them (useless without it)."""
    actors = sorted(
        {document.actors[e.meta.actor] for e in document.events}, key=lambda a: sort_key(a.name)
    )
    numbers = sorted({n for e in document.events for n in e.meta.points})
    actor_options = "".join(
        f'<option value="{a.id}">{html.escape(a.name)}</option>' for a in actors
    )
    point_options = "".join(
        f'<option value="{n}">{html.escape(document.label(n))}</option>' for n in numbers
    )
    return (
        '<form class="nd-filter" hidden data-search-exclude>'
        '<label>Actor <select name="actor"><option value="">All</option>'
        f"{actor_options}</select></label> "
        f"<label>{html.escape(document.singular.capitalize())} "
        '<select name="point"><option value="">All</option>'
        f"{point_options}</select></label> "
        '<output class="nd-filter-count" aria-live="polite"></output>'
        "</form>"
    )


def _event_block(document: Document, layout: Layout, page: str, event: TimelineEvent) -> list[str]:
    meta = event.meta
    points = " ".join(str(n) for n in sorted(meta.points))
    lines = [
        f'<article class="nd-event" id="{event.id}" data-actor="{meta.actor}" '
        f'data-points="{points}" markdown>',
        "",
        f"{event_date(event)} · {_actor_line(document, layout, page, event)}",
        "{ .nd-event-meta }",
        "",
        " ".join(meta.summary.split()),
        "",
    ]
    if meta.quote:
        lines += [f"> “{' '.join(meta.quote.split())}”", ""]
    lines += ["  \n".join(_event_facts(document, layout, page, event)), "{ .nd-facets }", ""]
    return [*lines, "</article>", ""]


def reactions(document: Document, layout: Layout, point: Point) -> list[str]:
    """The "Reactions" section of a point page: its events, newest first, linked to the timeline."""
    events = document.events_by_point.get(point.number, [])
    if not layout.timeline or not events:
        return []
    page = layout.point(point)
    timeline = relative_path(page, layout.timeline)
    lines = ["## Reactions", "", f'<div class="nd-reactions" {REPEATED}="" markdown>', ""]
    for event in reversed(events):
        actor = md(document.actors[event.meta.actor].name)
        summary = " ".join(event.meta.summary.split())
        lines.append(
            f"- {event_date(event)}, [{actor}]({timeline}#{event.id}): {summary} "
            f"*({'; '.join(cite_source(document.sources[s]) for s in event.meta.sources)})*"
        )
    return [*lines, "", "</div>", ""]


def actors_page(document: Document, layout: Layout) -> str:
    """A short profile of each actor of the timeline, with their events in date order."""
    page = layout.actors
    timeline = relative_path(page, layout.timeline)
    lines = [
        front_matter(
            title="Actors",
            description=f"People and institutions in the timeline of {document.meta.title}.",
        ),
        "# Actors",
        "",
        f"Everyone the [timeline]({timeline}) records, with their role as the sources give it.",
        "",
    ]
    for actor in sorted(document.meta.actors, key=lambda a: sort_key(a.name)):
        events = document.events_by_actor.get(actor.id, [])
        if not events:
            continue
        lines += [f"## {md(actor.name)} {{ #{actor.id} }}", ""]
        facts = []
        if actor.role:
            source = (
                f" ({cite_source(document.sources[actor.role_source])})"
                if actor.role_source
                else ""
            )
            facts.append(f"**Role:** {md(actor.role)}{source}")
        if actor.party:
            facts.append(f"**Party:** {md(document.parties[actor.party].name)}")
        if facts:
            lines += ["  \n".join(facts), "{ .nd-facets }", ""]
        lines += [f'<div {REPEATED}="" markdown>', ""]
        for event in events:
            summary = " ".join(event.meta.summary.split())
            lines.append(f"- [{_date_parts(event)[0]}]({timeline}#{event.id}): {summary}")
        lines += ["", "</div>", ""]
    return "\n".join(lines)


def sort_key(text: str) -> str:
    """Alphabetical order for readers: accents and case ignored ("Élan" files under E).

    A full locale collation (ICU) would be a heavy dependency for what this order needs.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _letter(term: GlossaryTerm) -> str:
    first = sort_key(term.meta.term)[:1].upper()
    return first if first.isalpha() else "#"


def glossary_page(document: Document, page: str) -> str:
    """The glossary: terms in alphabetical order under letter headings, with a jump bar."""
    terms = sorted(document.terms, key=lambda term: sort_key(term.meta.term))
    letters = list(dict.fromkeys(_letter(term) for term in terms))
    jump = " ".join(f"[{letter}](#letter-{_letter_id(letter)})" for letter in letters)
    lines = [
        front_matter(
            title="Glossary",
            description=f"Terms that readers of {document.meta.title} need, in plain words.",
        ),
        "# Glossary",
        "",
        "Definitions are written by the editors of this site; they are not part of the "
        "document. Each term lists every page that uses it; on those pages, hovering the term "
        "shows its definition.",
        "",
        '<nav class="nd-az" aria-label="Letters" markdown>',
        "",
        jump,
        "",
        "</nav>",
        "",
    ]
    current = ""
    for term in terms:
        if _letter(term) != current:
            current = _letter(term)
            lines += [f"## {current} {{ #letter-{_letter_id(current)} }}", ""]
        lines += _glossary_entry(document, term)
    return "\n".join(lines)


def _letter_id(letter: str) -> str:
    return "other" if letter == "#" else letter.lower()


def _glossary_entry(document: Document, term: GlossaryTerm) -> list[str]:
    meta = term.meta
    lines = [
        f"### {md(meta.term)} {{ #{term.id} }}",
        "",
        f'<div class="nd-term-entry" {TERM_ATTRIBUTE}="{term.id}" markdown>',
        "",
        meta.definition,
        "",
    ]
    if meta.explanation:
        lines += [meta.explanation, ""]
    facts = []
    if meta.forms:
        facts.append("**Also written:** " + ", ".join(f"*{md(form)}*" for form in meta.forms))
    if meta.related:
        related = sorted(
            (document.glossary[r] for r in meta.related), key=lambda t: sort_key(t.meta.term)
        )
        facts.append(
            "**Related terms:** " + ", ".join(f"[{md(t.meta.term)}](#{t.id})" for t in related)
        )
    facts.append(
        "**Sources:** " + "; ".join(cite_source(document.sources[s]) for s in meta.sources)
    )
    lines += [
        "  \n".join(facts),
        "{ .nd-facets }",
        "",
        USED_IN.format(term=term.id),
        "",
        "</div>",
        "",
    ]
    return lines


def field_reference(schemas: dict[str, dict[str, Any]]) -> str:
    """The contributors' field reference, written from the JSON Schemas alone."""
    lines = [
        front_matter(
            title="Content format", description="Every field of the content files, from the schema."
        ),
        "# Content format",
        "",
        "This page is generated from the content schema, the same one that checks every file "
        "(`make check`) and gives editors their hints (`schemas/`).",
        "",
    ]
    return "\n".join([*lines, field_tables(schemas)])


def field_tables(schemas: dict[str, dict[str, Any]], level: int = 2) -> str:
    """A table of fields per content file and per nested record, under headings of ``level``
    and the next; shared by the format page and CONTRIBUTING.md."""
    lines = []
    for name, schema in schemas.items():
        lines += _schema_tables(name, schema, level)
    return "\n".join(lines)


def _schema_tables(name: str, schema: dict[str, Any], level: int = 2) -> list[str]:
    definitions = schema.get("$defs", {})
    title = f"{'#' * level} {schema.get('title', name)} (`{name}`)"
    lines = [title, "", schema.get("description", ""), ""]
    lines += _fields_table(schema)
    for key, definition in definitions.items():
        if "properties" in definition:
            lines += [f"{'#' * (level + 1)} {key}", "", definition.get("description", ""), ""]
            lines += _fields_table(definition)
    return lines


def _fields_table(schema: dict[str, Any]) -> list[str]:
    required = set(schema.get("required", []))
    lines = ["| Field | Type | Required | Meaning |", "| --- | --- | --- | --- |"]
    for field, spec in schema.get("properties", {}).items():
        lines.append(
            f"| `{field}` | {cell(_type_of(spec))} | {'yes' if field in required else 'no'} "
            f"| {cell(spec.get('description', ''))} |"
        )
    return [*lines, ""]


def _type_of(spec: dict[str, Any]) -> str:
    if "$ref" in spec:
        return spec["$ref"].rsplit("/", 1)[-1]
    if "anyOf" in spec:
        return " or ".join(_type_of(option) for option in spec["anyOf"])
    if "enum" in spec:
        return "one of " + ", ".join(f"`{value}`" for value in spec["enum"])
    if spec.get("type") == "array":
        return f"list of {_type_of(spec.get('items', {}))}"
    kind = spec.get("type", "any")
    return {"string": "text", "integer": "whole number", "null": "empty"}.get(kind, kind) + (
        f" ({spec['format']})" if "format" in spec else ""
    )


DATA_FILES = {
    "document.json": "Everything below in one file: the document, its vocabularies, every "
    "{singular} with its wording, the glossary, the timeline and the references.",
    "document.schema.json": "The JSON Schema of `document.json` (draft 2020-12).",
    "points.csv": "One row per {singular}: title, summary, parties, topics, related {plural}, "
    "sources, wording (sub-items on lines of their own) and page.",
    "obligations.csv": "One row per {singular} and party: what the {singular} asks of the party "
    "(`asks`) or gives it (`gives`), in the editors' words.",
    "versions.csv": "One row per {singular} and draft: what another draft did with the "
    "{singular}, with sources.",
    "glossary.csv": "One row per term: forms, definition, explanation, related terms, sources.",
    "timeline.csv": "One row per event: date and its precision, actor, summary, quote, sources, "
    "{plural}, the event it denies, note.",
    "sources.csv": "One row per source: title, publisher, date, address, note.",
    "references.csv": "One row per reference: the page (or {singular}) that refers, the "
    "{singular} referred to, and whether through front matter or the text.",
    "references.json": "The reference graph alone: nodes (pages) and edges.",
}
"""The published data files, each with what it holds (the CSV files flatten document.json)."""


def data_page(document: Document, page: str, folder: str, schema: dict[str, Any]) -> str:
    """The page documenting the open data: each file, and the fields of the JSON export."""
    words = {"singular": document.singular, "plural": document.plural}
    lines = [
        front_matter(
            title="Open data",
            description=f"Everything this site shows about {document.meta.title}, as JSON and "
            "CSV files with a JSON Schema.",
        ),
        "# Open data",
        "",
        "Everything this site shows is also published as data; each record names its "
        f"sources. The {document.plural}' wording is quoted from "
        f"{cite_source(document.text_source)}; summaries, definitions and descriptions are the "
        "editors'. Files are UTF-8; CSV files follow RFC 4180 and join lists with "
        '"; ". URLs are relative to the site\'s root.',
        "",
        "| File | What it holds |",
        "| --- | --- |",
    ]
    for name, text in DATA_FILES.items():
        target = relative_path(page, f"{folder}/{name}")
        lines.append(f"| [`{name}`]({target}) | {cell(text.format(**words))} |")
    lines += ["", *_schema_tables("document.json", schema)]
    return "\n".join(lines)
