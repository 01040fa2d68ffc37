"""Pages for contributors and re-users: the content format and the open data, with the data
files themselves (``OUTPUTS``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from ..catalog import Catalog
from ..graph import ReferenceGraph
from ..identifiers import fragment_pattern
from ..opendata import TABLES, Export, KeptRecords, as_json, export, export_schema
from ..schema import json_schemas
from ..templating import cell
from . import Context, Output, PageKind, Site


def field_tables(schemas: dict[str, dict[str, Any]], t: Catalog, level: int = 2) -> str:
    """A table of fields per content file and per nested record, under headings of ``level``
    and the next; shared by the format page and CONTRIBUTING.md."""
    lines = []
    for name, schema in schemas.items():
        lines += _schema_tables(name, schema, t, level)
    return "\n".join(lines)


def _schema_tables(name: str, schema: dict[str, Any], t: Catalog, level: int = 2) -> list[str]:
    definitions = schema.get("$defs", {})
    title = f"{'#' * level} {schema.get('title', name)} (`{name}`)"
    lines = [title, "", schema.get("description", ""), ""]
    lines += _fields_table(schema, t)
    for key, definition in definitions.items():
        if "properties" in definition:
            lines += [f"{'#' * (level + 1)} {key}", "", definition.get("description", ""), ""]
            lines += _fields_table(definition, t)
    return lines


def _fields_table(schema: dict[str, Any], t: Catalog) -> list[str]:
    required = set(schema.get("required", []))
    header = [t("format.field"), t("format.type"), t("format.required"), t("format.meaning")]
    lines = ["| " + " | ".join(header) + " |", "| --- | --- | --- | --- |"]
    for field, spec in schema.get("properties", {}).items():
        needed = t("format.yes") if field in required else t("format.no")
        lines.append(
            f"| `{field}` | {cell(_type_of(spec, t))} | {needed} "
            f"| {cell(spec.get('description', ''))} |"
        )
    return [*lines, ""]


def _type_of(spec: dict[str, Any], t: Catalog) -> str:
    if "$ref" in spec:
        return spec["$ref"].rsplit("/", 1)[-1]
    if "anyOf" in spec:
        return t("format.either").join(_type_of(option, t) for option in spec["anyOf"])
    if "enum" in spec:
        return t("format.one_of", values=", ".join(f"`{value}`" for value in spec["enum"]))
    if spec.get("type") == "array":
        return t("format.list_of", type=_type_of(spec.get("items", {}), t))
    kind = spec.get("type", "any")
    key = f"format.types.{kind}"
    return (t(key) if t.has(key) else kind) + (f" ({spec['format']})" if "format" in spec else "")


DRAFT_FIELDS = {"drafts", "text_draft", "versions"}
DRAFT_RECORDS = {"Draft", "Version"}


def format_page(site: Site, item: None) -> Context:
    """The fields of every content file; a document with no drafts is not told of them."""
    schemas = json_schemas(site.document.meta)
    if not site.document.drafts:
        schemas = {name: _without_drafts(schema) for name, schema in schemas.items()}
    return {"tables": field_tables(schemas, site.catalog)}


def _without_drafts(schema: dict[str, Any]) -> dict[str, Any]:
    properties = {k: v for k, v in schema.get("properties", {}).items() if k not in DRAFT_FIELDS}
    definitions = {k: v for k, v in schema.get("$defs", {}).items() if k not in DRAFT_RECORDS}
    return {**schema, "properties": properties, "$defs": definitions}


def data_page(site: Site, item: None) -> Context:
    outputs = [
        {"name": o.name, "path": site.output_path(o), "description": o.description}
        for o in site.outputs
    ]
    tables = "\n".join(_schema_tables("document.json", export_schema(), site.catalog))
    return {"outputs": outputs, "tables": tables, "identifiers": _identifiers(site)}


def _identifiers(site: Site) -> str:
    """The permanent address of a point and of a sub-item, with the first point's as example."""
    document = site.document
    first = document.points[0]
    page = site.address(site.path("point", first))
    item = f"{page}#{document.anchor(first.number, 1)}" if first.items else ""
    return site.catalog(
        "data.identifiers",
        point=page,
        fragment=fragment_pattern(document),
        item=item or f"{page}#{fragment_pattern(document)}",
    )


@dataclass
class Published:
    """What the data files are made from, once every page's address is known."""

    site: Site
    graph: ReferenceGraph
    urls: dict[str, str]
    """Each page's URL from the site's root, by source path."""
    titles: dict[str, str]
    """Each page's title, as plain text, by source path."""
    records: KeptRecords | None = None
    """The last export's records, under `mkdocs serve` (``opendata.KeptRecords``)."""

    @cached_property
    def references(self) -> dict[str, Any]:
        pages = {uri: (self.titles[uri], self.urls[uri]) for uri in self.titles}
        return self.graph.as_data(self.site.document, pages)

    @cached_property
    def export(self) -> Export:
        site = self.site
        return export(
            site.document,
            url_of=lambda src_uri: self.urls.get(src_uri, ""),
            point_page=lambda number: site.path("point", site.document.by_number[number]),
            references=self.references,
            glossary_page=site.path("glossary"),
            timeline_page=site.path("timeline"),
            kept=self.records,
        )


KINDS = (
    PageKind(
        name="format", template="format.md", setting="format_page", order=110, select=format_page
    ),
    PageKind(name="data", template="data.md", setting="data_page", order=120, select=data_page),
)

OUTPUTS = (
    Output("document.json", 10, lambda published: as_json(published.export)),
    Output("document.schema.json", 20, lambda published: as_json(export_schema())),
    *(
        Output(name, 30 + position, lambda published, make=make: make(published.export))
        for position, (name, make) in enumerate(TABLES.items())
    ),
    Output("references.json", 90, lambda published: as_json(published.references)),
)
