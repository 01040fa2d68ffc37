"""schema.org JSON-LD: every term exists in schema.org, and a metadata reader gets it back."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import extruct
import pytest
from bs4 import BeautifulSoup

from mkdocs_plugins.numbered_document import jsonld
from mkdocs_plugins.numbered_document.akn import wording_paragraphs
from mkdocs_plugins.numbered_document.identifiers import identifier
from mkdocs_plugins.numbered_document.loader import load_document
from mkdocs_plugins.numbered_document.model import Document

from .standards import BASE, CASE_IDS, CASES, Case, addresses, load

VOCABULARY = Path(__file__).parent / "schemaorg" / "vocabulary.json"
GLOSSARY = f"{BASE}glossary/"
LITERALS = {
    str: {"Text", "URL", "Date", "DateTime", "Time"},
    int: {"Integer", "Number"},
    bool: {"Boolean"},
}
"""The schema.org data types a JSON value of each kind can be."""


@cache
def vocabulary() -> dict[str, Any]:
    return json.loads(VOCABULARY.read_text(encoding="utf-8"))


def ancestors(kind: str) -> set[str]:
    """A type and every type above it."""
    types = vocabulary()["types"]
    found, todo = set(), [kind]
    while todo:
        current = todo.pop()
        if current not in found:
            found.add(current)
            todo.extend(types.get(current, []))
    return found


def nodes(data: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object inside the data, outermost first."""
    if isinstance(data, dict):
        yield data
        for value in data.values():
            yield from nodes(value)
    elif isinstance(data, list):
        for value in data:
            yield from nodes(value)


def literal_fits(value: object, expected: set[str]) -> bool:
    """Whether a JSON value (not an object) is of a data type a property takes; an absolute
    URL names a thing of any type (a reference by ``@id``, as breadcrumbs' items are)."""
    if isinstance(value, str) and value.startswith("https://"):
        return True
    return bool(set().union(*(ancestors(kind) for kind in expected)) & LITERALS[type(value)])


def unknown_terms(data: dict[str, Any]) -> list[str]:
    """Each type or property that schema.org does not have, or a property used on a type it
    does not apply to, or given a value of a type it does not take."""
    types, properties = vocabulary()["types"], vocabulary()["properties"]
    problems = []
    for node in nodes(data):
        kind = node.get("@type")
        if kind is not None and kind not in types:
            problems.append(f"type {kind}")
            continue
        for name, value in node.items():
            if name.startswith("@"):
                continue
            if name not in properties:
                problems.append(f"property {name}")
                continue
            domain, expected = set(properties[name]["domain"]), set(properties[name]["range"])
            if kind is not None and not ancestors(kind) & domain:
                problems.append(f"{name} on {kind}")
            for one in value if isinstance(value, list) else [value]:
                if isinstance(one, dict):
                    given = one.get("@type")
                    if given is not None and not ancestors(given) & expected:
                        problems.append(f"{name} given a {given}")
                elif not literal_fits(one, expected):
                    problems.append(f"{name} given {type(one).__name__} {one!r}")
    return problems


def everything(document: Document, points_dir: str) -> list[dict[str, Any]]:
    """Every node the module makes for a document."""
    where = addresses(document, points_dir)
    return [
        jsonld.document_node(document, where),
        *(jsonld.point_node(document, point, where) for point in document.points),
        *jsonld.timeline_nodes(document, where),
        *(jsonld.actor_node(actor, where) for actor in document.meta.actors),
        jsonld.glossary_node(document, where, name="Glossary", glossary_url=GLOSSARY),
        jsonld.breadcrumbs([("Home", BASE), ("Points", f"{BASE}{points_dir}/")]),
    ]


def test_the_vocabulary_copy_is_schema_org_30() -> None:
    data = vocabulary()
    assert data["release"] == "30.0"
    assert len(data["types"]) > 900 and len(data["properties"]) > 1500
    assert {"CreativeWork", "DefinedTerm", "DefinedTermSet", "Event"} <= set(data["types"])


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_every_type_and_property_exists_in_schema_org(case: Case) -> None:
    made = jsonld.graph(everything(load(case), case.points_dir))
    assert len(made["@graph"]) > 5
    assert unknown_terms(made) == []


def test_the_check_finds_invented_terms() -> None:
    made = {
        "@type": "Event",
        "startDate": "2025-11-21",
        "headline": "on an Event",
        "performer": {"@type": "DefinedTerm"},
        "wording": "x",
        "about": {"@type": "Treaty"},
    }
    assert unknown_terms(made) == [
        "headline on Event",
        "performer given a DefinedTerm",
        "property wording",
        "about given a Treaty",
        "type Treaty",
    ]


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_points_are_parts_of_the_document_with_their_wording_and_source(case: Case) -> None:
    document = load(case)
    where = addresses(document, case.points_dir)
    whole = jsonld.document_node(document, where)
    assert whole["@id"] == BASE
    assert [part["@id"] for part in whole["hasPart"]] == [
        identifier(document, where, point.number) for point in document.points
    ]
    source = document.text_source
    for point in document.points:
        node = jsonld.point_node(document, point, where)
        assert node["@id"] == identifier(document, where, point.number)
        assert node["position"] == point.number
        assert node["isPartOf"]["@id"] == BASE
        assert node["text"] == "\n\n".join(wording_paragraphs(point))
        assert node["isBasedOn"]["name"] == source.title
        if source.publisher:
            assert node["isBasedOn"]["publisher"]["name"] == source.publisher
        assert [(part["@id"], part["position"]) for part in node.get("hasPart", [])] == [
            (identifier(document, where, point.number, i), i)
            for i in range(1, len(point.items) + 1)
        ]


def test_a_draft_says_so_and_a_charter_does_not() -> None:
    plan, charter = (load(case) for case in CASES)
    made = jsonld.document_node(plan, addresses(plan, "points"))
    assert made["creativeWorkStatus"] == "Draft"
    assert made["version"] == plan.text_draft.label
    assert "creativeWorkStatus" not in jsonld.document_node(charter, addresses(charter, "x"))


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_events_carry_their_date_as_precisely_as_known(case: Case) -> None:
    document = load(case)
    where = addresses(document, case.points_dir)
    for event in document.events:
        node = jsonld.event_node(document, event, where)
        meta = event.meta
        assert node["@id"] == where.event_url(event.id)
        expected = {"day": meta.date.isoformat(), "month": meta.date.isoformat()[:7]}
        assert node.get("startDate") == expected.get(meta.precision)
        assert node["performer"]["name"] == document.actors[meta.actor].name
        assert [ref["@id"] for ref in node.get("about", [])] == [
            identifier(document, where, number) for number in meta.points
        ]
        reports = [s["name"] for s in node["subjectOf"] if s["@type"] == "CreativeWork"]
        assert reports == [document.sources[s].title for s in meta.sources]


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_the_glossary_is_a_set_of_defined_terms(case: Case) -> None:
    document = load(case)
    where = addresses(document, case.points_dir)
    made = jsonld.glossary_node(document, where, name="Glossary", glossary_url=GLOSSARY)
    assert made is not None and made["@type"] == "DefinedTermSet"
    terms = made["hasDefinedTerm"]
    assert [term["@id"] for term in terms] == [where.term_url(t.id) for t in document.terms]
    assert all(term["inDefinedTermSet"] == {"@id": GLOSSARY} for term in terms)


def test_breadcrumbs_number_their_steps_from_one() -> None:
    with pytest.raises(ValueError, match="absolute"):
        jsonld.breadcrumbs([("Home", BASE), ("Point 2", "points/2/")])
    made = jsonld.breadcrumbs([("Home", BASE), ("Points", f"{BASE}points/")])
    assert [item["position"] for item in made["itemListElement"]] == [1, 2]
    assert jsonld.breadcrumbs([("Home", BASE)]) is None


HOSTILE = 'A title </script><script>alert("x")</script> & <!-- more'


def test_the_script_block_cannot_be_closed_by_the_content() -> None:
    data = jsonld.graph([{"@type": "CreativeWork", "name": HOSTILE}])
    block = jsonld.script(data)
    inner = block.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert "<" not in inner and ">" not in inner and "&" not in inner
    assert json.loads(inner) == data
    page = BeautifulSoup(f"<html><head>{block}</head><body></body></html>", "html.parser")
    scripts = page.find_all("script")
    assert len(scripts) == 1 and json.loads(scripts[0].string) == data
    assert jsonld.script(data) == block


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_a_metadata_reader_extracts_the_block_from_a_page(case: Case) -> None:
    document = load(case)
    where = addresses(document, case.points_dir)
    point = document.points[-1]
    data = jsonld.graph(
        [
            jsonld.point_node(document, point, where),
            jsonld.breadcrumbs([("Home", BASE), ("Point", where.point_url(point.number))]),
        ]
    )
    data["@graph"][0]["name"] = HOSTILE
    page = (
        f'<!doctype html><html lang="en"><head><title>t</title>{jsonld.script(data)}</head>'
        "<body><p>Text</p></body></html>"
    )
    found = extruct.extract(page, base_url=where.point_url(point.number), syntaxes=["json-ld"])
    assert found["json-ld"] == [data]


def test_a_document_without_glossary_or_timeline_has_no_such_nodes(tmp_path: Path) -> None:
    case = CASES[1]
    shutil.copytree(case.content, tmp_path / "content")
    for folder in ("glossary", "timeline"):
        shutil.rmtree(tmp_path / "content" / folder)
    document = load_document(tmp_path / "content", points_dir=case.points_dir)
    where = addresses(document, case.points_dir)
    assert jsonld.glossary_node(document, where, name="Glossary", glossary_url=GLOSSARY) is None
    assert jsonld.timeline_nodes(document, where) == []
    made = jsonld.graph([jsonld.document_node(document, where), None])
    assert len(made["@graph"]) == 1 and unknown_terms(made) == []


def test_a_point_may_be_named_in_the_site_language() -> None:
    case = CASES[1]
    document = load(case)
    where = addresses(document, case.points_dir)
    point = document.by_number[2]
    assert jsonld.point_node(document, point, where)["name"] == "Article 2: Meetings"
    assert jsonld.point_node(document, point, where, name="Стаття 2")["name"] == "Стаття 2"
