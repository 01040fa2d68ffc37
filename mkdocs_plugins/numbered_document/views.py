"""Pages as text: pure functions from the model to Markdown (and, for late parts, HTML).

Generated Markdown links to other pages by their source path, as a hand-written page would, so
MkDocs resolves and checks every link. The parts that need every page converted first (who refers
to a point) are placeholders here, filled by ``links_html`` once the graph is complete.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from typing import Any

import yaml

from .layout import Layout, relative_path
from .model import Document, Point
from .schema import Source

REFERS_TO = '<div class="nd-links" data-nd-refers-to="{number}"></div>'
REFERENCED_BY = '<div class="nd-links" data-nd-referenced-by="{number}"></div>'


def human_date(day: dt.date) -> str:
    return f"{day.day} {day:%B} {day.year}"


def _front_matter(**meta: Any) -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n"


def _cell(text: str) -> str:
    """Text for a Markdown table cell: one line, pipes escaped."""
    return " ".join(text.split()).replace("|", "\\|")


def cite_source(source: Source) -> str:
    """A source as readers see it: title, publisher (or that none is named), date."""
    publisher = source.publisher or "publisher not named in our copy"
    return f"*{source.title}*, {publisher}, {human_date(source.date)}"


def heading(document: Document, point: Point) -> str:
    return f"{document.label(point.number)}: {point.title}"


def wording(document: Document, point: Point, *, anchor: bool = False) -> str:
    """The published wording, set apart as a quotation; every sub-item has a stable anchor."""
    attributes = f' id="{document.anchor(point.number)}"' if anchor else ""
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


def point_page(document: Document, layout: Layout, point: Point) -> str:
    """The Markdown of one point's page."""
    source = document.text_source
    parties = ", ".join(document.parties[party].name for party in point.meta.parties)
    topics = ", ".join(document.topics[topic].name for topic in point.meta.topics)
    lines = [
        _front_matter(title=heading(document, point), description=point.meta.summary),
        f"# {heading(document, point)}",
        "",
        f"**Summary:** {point.meta.summary}",
        "{ .nd-summary }",
        "",
        "## Wording of the draft",
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
    if point.context:
        lines += [point.context, ""]
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
    lines += [_source_item(document.sources[s]) for s in point.meta.sources]
    lines += ["", _pager(document, layout, point), ""]
    return "\n".join(lines)


def _source_item(source: Source) -> str:
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
        lines.append(f"- [← {heading(document, before)}]({target}){{ rel=prev }}")
    if after:
        target = relative_path(page, layout.point(after))
        lines.append(f"- [{heading(document, after)} →]({target}){{ rel=next }}")
    return "\n".join([*lines, "", "</nav>"])


def points_index(document: Document, layout: Layout) -> str:
    """The table of all points: number, title, summary, parties, topics."""
    page = layout.index
    plural = document.plural.capitalize()
    lines = [
        _front_matter(title=plural, description=f"All {document.plural} of {document.meta.title}."),
        f"# {plural}",
        "",
        f"{document.meta.description}",
        "",
        f"Read them all on one page: [full text]({relative_path(page, layout.full_text)}).",
        "",
        '<div class="nd-index" markdown>',
        "",
        "| No. | Title | Summary | Parties | Topics |",
        "| ---: | --- | --- | --- | --- |",
    ]
    for point in document.points:
        parties = ", ".join(document.parties[p].name for p in point.meta.parties)
        topics = ", ".join(document.topics[t].name for t in point.meta.topics)
        target = relative_path(page, layout.point(point))
        lines.append(
            f"| {point.number} | [{_cell(point.title)}]({target}) | {_cell(point.meta.summary)} "
            f"| {_cell(parties)} | {_cell(topics)} |"
        )
    lines += ["", "</div>"]
    return "\n".join(lines) + "\n"


def full_text(document: Document, layout: Layout) -> str:
    """All points' wording on one page, each point and sub-item with a stable anchor."""
    page = layout.full_text
    title = document.meta.title
    lines = [
        _front_matter(
            title="Full text", description=f"The full published wording of {title}, on one page."
        ),
        f"# {title}: full text",
        "",
        f"Wording as published in {cite_source(document.text_source)}. "
        f"Titles are ours; each links to the {document.singular}'s own page.",
        "{ .nd-attribution }",
        "",
    ]
    for point in document.points:
        target = relative_path(page, layout.point(point))
        lines += [
            f"## {heading(document, point)} {{ #{document.anchor(point.number)} }}",
            "",
            wording(document, point),
            f"[{document.label(point.number)} in detail]({target}){{ .nd-more }}",
            "",
        ]
    return "\n".join(lines)


def links_html(
    document: Document,
    numbers: list[int],
    pages: list[tuple[str, str]],
    href: Callable[[int], str],
    empty: str,
) -> str:
    """The HTML list of points (and other pages: title, URL) shown under "Refers to" and
    "Referenced by"; rendered after conversion, when every page's URL is known."""
    items = []
    for number in numbers:
        point = document.by_number[number]
        title = html.escape(heading(document, point), quote=True)
        items.append(
            f'<li><a href="{html.escape(href(number), quote=True)}" title="{title}">'
            f"{html.escape(document.label(number))}</a>: {html.escape(point.title)}</li>"
        )
    for title, url in pages:
        items.append(f'<li><a href="{html.escape(url, quote=True)}">{html.escape(title)}</a></li>')
    if not items:
        return f'<p class="nd-none">{html.escape(empty)}</p>'
    return '<ul class="nd-links">' + "".join(items) + "</ul>"


def field_reference(schemas: dict[str, dict[str, Any]]) -> str:
    """The contributors' field reference, written from the JSON Schemas alone."""
    lines = [
        _front_matter(
            title="Content format", description="Every field of the content files, from the schema."
        ),
        "# Content format",
        "",
        "This page is generated from the content schema, the same one that checks every file "
        "(`make check`) and gives editors their hints (`schemas/`).",
        "",
    ]
    for name, schema in schemas.items():
        lines += _schema_tables(name, schema)
    return "\n".join(lines)


def _schema_tables(name: str, schema: dict[str, Any]) -> list[str]:
    definitions = schema.get("$defs", {})
    lines = [f"## {schema.get('title', name)} (`{name}`)", "", schema.get("description", ""), ""]
    lines += _fields_table(schema)
    for key, definition in definitions.items():
        if "properties" in definition:
            lines += [f"### {key}", "", definition.get("description", ""), ""]
            lines += _fields_table(definition)
    return lines


def _fields_table(schema: dict[str, Any]) -> list[str]:
    required = set(schema.get("required", []))
    lines = ["| Field | Type | Required | Meaning |", "| --- | --- | --- | --- |"]
    for field, spec in schema.get("properties", {}).items():
        lines.append(
            f"| `{field}` | {_cell(_type_of(spec))} | {'yes' if field in required else 'no'} "
            f"| {_cell(spec.get('description', ''))} |"
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
