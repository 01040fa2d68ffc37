"""The glossary page: terms in alphabetical order under letter headings."""

from __future__ import annotations

from typing import Any

from ..late import USED_IN
from ..model import Document, GlossaryTerm
from ..sorting import sort_key
from ..templating import md
from . import Context, PageKind, Site


def _letter(term: GlossaryTerm) -> str:
    first = sort_key(term.meta.term)[:1].upper()
    return first if first.isalpha() else ""


def glossary(site: Site, item: None) -> Context:
    """The terms by letter, with what each entry links to and where its "Used in" goes."""
    document = site.document
    terms = sorted(document.terms, key=lambda term: sort_key(term.meta.term))
    letters: dict[str, list[GlossaryTerm]] = {}
    for term in terms:
        letters.setdefault(_letter(term), []).append(term)
    other = site.catalog("glossary.other_letter")
    return {
        "letters": [
            {"shown": letter or other, "id": letter.lower() or "other", "terms": entries}
            for letter, entries in letters.items()
        ],
        "related": lambda term: _related(document, term),
        "used_in": lambda term: USED_IN.format(term=term.id),
    }


def _related(document: Document, term: GlossaryTerm) -> str:
    related = sorted((document.glossary[r] for r in term.meta.related), key=_term_key)
    return ", ".join(f"[{md(t.meta.term)}](#{t.id})" for t in related)


def _term_key(term: GlossaryTerm) -> Any:
    return sort_key(term.meta.term)


KINDS = (
    PageKind(
        name="glossary",
        optional=False,
        template="glossary.md",
        setting="glossary_page",
        order=40,
        select=glossary,
        reads=lambda site, item: (site.document.terms,),  # "used in" is a list made late
        needs=lambda document: bool(document.terms),
    ),
)
