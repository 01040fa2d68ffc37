"""The document in Akoma Ntoso 3.0 (OASIS LegalDocML), the XML standard for legal texts.

Tools that parliaments, courts and legal publishers use read this format; the export lets them
read the document without learning the site's own JSON. It holds:

- the body: every point as an ``article`` (its number in ``num``, the site's title as an
  ``editorial`` heading) and the published wording, marked ``verbatim``, with its sub-items as a
  ``blockList`` whose items carry the same permanent identifiers as the pages (``GUID``);
- references in the wording ("see article 2") as ``ref`` elements to the article or item, and the
  glossary's terms where the wording uses them as ``term`` elements;
- in ``meta``: the FRBR identifiers of the work, this expression (the draft whose wording the
  site gives) and this file, each with the site's address as alias; the document's date and
  source as its lifecycle; the glossary as ``TLCTerm``; what each point refers to beyond its own
  wording (``related`` front matter and mentions in our context) as an editorial ``note`` of
  ``ref`` elements per point;
- a document whose wording is that of a draft is marked so: a ``docStatus`` naming the draft in
  the preface, the draft as the expression's version, and the work as not prescriptive.

It leaves out everything in our own words (summaries, context, obligations, the timeline and the
versions of other drafts): Akoma Ntoso is a format for the text itself, and those are in the
open data. No MkDocs import; the XML is written with the standard library.
"""

from __future__ import annotations

import functools
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from .glossary import TermMatcher, plain_text
from .identifiers import Addresses, absolute, identifier
from .model import Document, Point, slugify
from .references import ReferencePattern

NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
MEDIA_TYPE = "application/akn+xml"
INLINE_HOLDERS = frozenset({"p", "num", "heading", "docTitle", "docStatus"})
"""Elements whose content is text: no indentation is added inside them, so that the text a
reader extracts is the wording exactly."""


def _lead_paragraphs(point: Point) -> list[str]:
    return [plain_text(part) for part in point.lead.split("\n\n") if part.strip()]


def wording_paragraphs(point: Point) -> list[str]:
    """A point's published wording as plain-text paragraphs: those of the lead, then one per
    sub-item (the Markdown of the content reduced to the text a reader sees)."""
    return [*_lead_paragraphs(point), *(plain_text(item) for item in point.items)]


def article_eid(number: int) -> str:
    """The Akoma Ntoso id of a point's article, by the naming convention: ``art_3``."""
    return f"art_{number}"


def item_eid(number: int, item: int) -> str:
    """The Akoma Ntoso id of a sub-item: ``art_3__list_1__item_2``."""
    return f"{article_eid(number)}__list_1__item_{item}"


def mentions(document: Document) -> dict[int, list[int]]:
    """Which points each point refers to, from the content alone: its ``related`` front matter
    and the references written in its wording and context, as the reference graph finds them
    (``graph.ReferenceGraph`` adds the mentions on other pages of a build)."""
    pattern = _pattern(document)
    found: dict[int, list[int]] = {}
    for point in document.points:
        targets = set(point.meta.related)
        for text in (point.lead, *point.items, point.context):
            for reference in pattern.find(text):
                targets.update(ref.number for ref in reference.refs)
                for low, high in reference.ranges:
                    targets.update(range(min(low, high), max(low, high) + 1))
        targets &= set(document.by_number)
        targets.discard(point.number)
        found[point.number] = sorted(targets)
    return found


def _pattern(document: Document) -> ReferencePattern:
    return ReferencePattern.for_words(document.meta.items)


@dataclass(frozen=True)
class _Marks:
    """What to mark up inside the wording: references to points and uses of glossary terms."""

    pattern: ReferencePattern
    terms: TermMatcher | None
    href: Callable[[int, int | None], str | None]
    """The ``href`` of a reference to a point (and item), or None when there is no such one."""

    def spans(self, text: str, own: int) -> list[tuple[int, int, str, dict[str, str]]]:
        """(start, end, element, attributes) of each mark, in order, none overlapping."""
        found: list[tuple[int, int, str, dict[str, str]]] = []
        for reference in self.pattern.find(text):
            whole = len(reference.refs) == 1
            for ref in reference.refs:
                if ref.number == own and ref.item is None:
                    continue  # a point never refers to itself
                href = self.href(ref.number, ref.item)
                if href is not None:
                    start, end = (reference.start, reference.end) if whole else (ref.start, ref.end)
                    found.append((start, end, "ref", {"href": href}))
        if self.terms is not None:
            for start, end, term_id in self.terms.find(text):
                found.append((start, end, "term", {"refersTo": f"#{_term_eid(term_id)}"}))
        found.sort(key=lambda span: (span[0], -span[1]))
        kept: list[tuple[int, int, str, dict[str, str]]] = []
        for span in found:
            if not kept or span[0] >= kept[-1][1]:
                kept.append(span)
        return kept


def _term_eid(term_id: str) -> str:
    return f"trm_{term_id}"


def _marked(parent: ET.Element, tag: str, text: str, marks: _Marks, own: int) -> ET.Element:
    """An element holding text, with references and terms as child elements."""
    element = ET.SubElement(parent, tag)
    last: ET.Element | None = None
    position = 0
    for start, end, name, attributes in marks.spans(text, own):
        before = text[position:start]
        if last is None:
            element.text = before
        else:
            last.tail = before
        last = ET.SubElement(element, name, attributes)
        last.text = text[start:end]
        position = end
    if last is None:
        element.text = text[position:]
    else:
        last.tail = text[position:]
    return element


def _indent(element: ET.Element, level: int = 0) -> None:
    """Indent the structure for people reading the file, never the text inside a paragraph."""
    if element.tag in INLINE_HOLDERS or not len(element):
        return
    inner = "\n" + "  " * (level + 1)
    element.text = inner
    for child in element:
        _indent(child, level + 1)
        child.tail = inner
    element[-1].tail = "\n" + "  " * level


def _child(parent: ET.Element, tag: str, /, **attributes: str) -> None:
    ET.SubElement(parent, tag, attributes)


def _identification(
    meta_element: ET.Element,
    document: Document,
    addresses: Addresses,
    *,
    file_url: str,
    jurisdiction: str,
) -> None:
    """The FRBR identifiers: the work (the document), the expression (its wording in this
    language, as the draft the site quotes) and the manifestation (this file), each with its
    Akoma Ntoso IRI by the naming convention and the site's address as alias."""
    meta = document.meta
    draft = document.text_draft
    work = f"/akn/{jurisdiction}/doc/{meta.date.isoformat()}/{slugify(meta.short_title)}"
    expression = f"{work}/{meta.language}@{draft.id if draft else meta.date.isoformat()}"
    identification = ET.SubElement(meta_element, "identification", {"source": "#editor"})
    levels = (
        ("FRBRWork", work, f"{work}/!main", addresses.site),
        ("FRBRExpression", expression, f"{expression}/!main", addresses.site),
        ("FRBRManifestation", f"{expression}.xml", f"{expression}/!main.xml", file_url),
    )
    for tag, uri, this, alias in levels:
        level = ET.SubElement(identification, tag)
        add = functools.partial(_child, level)
        add("FRBRthis", value=this)
        add("FRBRuri", value=uri)
        add("FRBRalias", value=absolute(alias), name="url")
        add("FRBRdate", date=meta.date.isoformat(), name="document")
        add("FRBRauthor", href="#editor" if tag == "FRBRManifestation" else "#source")
        if tag == "FRBRWork":
            add("FRBRcountry", value=jurisdiction)
            add("FRBRname", value=meta.title)
            if draft:
                add("FRBRprescriptive", value="false")  # a draft binds no one
        elif tag == "FRBRExpression":
            if draft:
                add("FRBRversionNumber", value=draft.id)
            # A copy of the text as a source published it, not its authors' own.
            add("FRBRauthoritative", value="false")
            add("FRBRlanguage", language=meta.language)
        else:
            add("FRBRformat", value=MEDIA_TYPE)


def _references(
    meta_element: ET.Element,
    document: Document,
    addresses: Addresses,
    *,
    publisher: str,
    jurisdiction: str,
) -> None:
    """The document's date and source as its lifecycle, and the things the file names: its
    editor, the source of the wording, the draft, and every glossary term."""
    meta = document.meta
    source = document.text_source
    lifecycle = ET.SubElement(meta_element, "lifecycle", {"source": "#editor"})
    ET.SubElement(
        lifecycle,
        "eventRef",
        {"eId": "evt_1", "date": meta.date.isoformat(), "source": "#source", "type": "generation"},
    )
    references = ET.SubElement(meta_element, "references", {"source": "#editor"})
    things = [
        ("TLCOrganization", {"eId": "editor", "href": addresses.site, "showAs": publisher}),
        (
            "TLCReference",
            {
                "eId": "source",
                "href": source.url or f"/ontology/reference/{jurisdiction}/{source.id}",
                "showAs": source.title,
                "name": source.id,
            },
        ),
    ]
    if document.text_draft:
        draft = document.text_draft
        href = f"/ontology/concept/{jurisdiction}/{draft.id}"
        things.append(
            ("TLCConcept", {"eId": f"cpt_{draft.id}", "href": href, "showAs": draft.label})
        )
    for term in document.terms:
        href = addresses.term_url(term.id)
        things.append(
            ("TLCTerm", {"eId": _term_eid(term.id), "href": href, "showAs": term.meta.term})
        )
    for tag, attributes in things:
        ET.SubElement(references, tag, attributes)


def _notes(
    meta_element: ET.Element, document: Document, refers: Mapping[int, Iterable[int]]
) -> None:
    """One editorial note per point that refers to others, a ``ref`` to each, in the note's
    own paragraph; the note's ``placementBase`` is the point's article."""
    noted = [(point.number, list(refers.get(point.number, ()))) for point in document.points]
    noted = [(number, targets) for number, targets in noted if targets]
    if not noted:
        return
    notes = ET.SubElement(meta_element, "notes", {"source": "#editor"})
    for number, targets in noted:
        note = ET.SubElement(
            notes,
            "note",
            {"eId": f"{article_eid(number)}__refs", "placementBase": f"#{article_eid(number)}"},
        )
        for target in targets:
            ref = ET.SubElement(
                ET.SubElement(note, "p"), "ref", {"href": f"#{article_eid(target)}"}
            )
            ref.text = document.label(target)


def _body(doc: ET.Element, document: Document, addresses: Addresses, marks: _Marks) -> None:
    """Every point as an article: number, the site's title (editorial) and the wording
    (verbatim), sub-items as a block list, each with its permanent identifier as GUID."""
    body = ET.SubElement(doc, "mainBody")
    for point in document.points:
        number = point.number
        article = ET.SubElement(
            body,
            "article",
            {"eId": article_eid(number), "GUID": identifier(document, addresses, number)},
        )
        ET.SubElement(article, "num").text = str(number)
        ET.SubElement(article, "heading", {"status": "editorial"}).text = point.title
        content = ET.SubElement(article, "content")
        for paragraph in _lead_paragraphs(point):
            _marked(content, "p", paragraph, marks, number).set("status", "verbatim")
        if not point.items:
            continue
        listing = ET.SubElement(content, "blockList", {"eId": f"{article_eid(number)}__list_1"})
        for position, item in enumerate(point.items, start=1):
            element = ET.SubElement(
                listing,
                "item",
                {
                    "eId": item_eid(number, position),
                    "GUID": identifier(document, addresses, number, position),
                },
            )
            _marked(element, "p", plain_text(item), marks, number).set("status", "verbatim")


def akoma_ntoso(
    document: Document,
    addresses: Addresses,
    *,
    publisher: str,
    file_url: str,
    jurisdiction: str = "zz",
    refers_to: Mapping[int, Iterable[int]] | None = None,
) -> bytes:
    """The document as one Akoma Ntoso 3.0 file (UTF-8 XML, the same bytes for the same input).

    Args:
        document: The loaded document.
        addresses: Where the points and glossary terms are published (absolute addresses).
        publisher: Who publishes this edition, e.g. the site's name: the editor of the file.
        file_url: The absolute address the file is published at (its manifestation alias).
        jurisdiction: The country (or organisation) part of the FRBR identifiers, as the naming
            convention wants one; "zz", ISO 3166's code for no country, when the content names
            none.
        refers_to: Which points each point refers to, e.g. ``ReferenceGraph.refers_to`` for
            every point of a build; by default ``mentions`` (the content alone).

    Returns:
        The XML, valid against the OASIS Akoma Ntoso 3.0 schema.
    """
    numbers = document.by_number

    def href(number: int, item: int | None) -> str | None:
        point = numbers.get(number)
        if point is None or (item is not None and not 1 <= item <= len(point.items)):
            return None
        return f"#{article_eid(number) if item is None else item_eid(number, item)}"

    forms = {form: term.id for term in document.terms for form in term.forms}
    marks = _Marks(_pattern(document), TermMatcher(forms) if forms else None, href)

    root = ET.Element("akomaNtoso", {"xmlns": NAMESPACE})
    doc = ET.SubElement(root, "doc", {"name": slugify(document.meta.short_title)})
    meta_element = ET.SubElement(doc, "meta")
    _identification(meta_element, document, addresses, file_url=file_url, jurisdiction=jurisdiction)
    _references(meta_element, document, addresses, publisher=publisher, jurisdiction=jurisdiction)
    _notes(meta_element, document, mentions(document) if refers_to is None else refers_to)

    preface = ET.SubElement(doc, "preface")
    ET.SubElement(ET.SubElement(preface, "p"), "docTitle").text = document.meta.title
    draft = document.text_draft
    if draft:
        status = {"refersTo": f"#cpt_{draft.id}"}
        ET.SubElement(ET.SubElement(preface, "p"), "docStatus", status).text = draft.label

    _body(doc, document, addresses, marks)
    _indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
