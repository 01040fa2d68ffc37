"""Ready citations of a point: plain text and BibTeX, with the page's stable address.

The access date is left for the reader to fill in, as "[date]": only the reader knows it.
"""

from __future__ import annotations

import re

from .model import Document, Point, slugify
from .schema import Source
from .writing import heading

ACCESSED = "[date]"
BIBTEX_SPECIALS = re.compile(r"([\\{}%&$#_~^])")


def _source_words(source: Source) -> str:
    publisher = source.publisher or "publisher not named"
    date = f", {source.date.isoformat()}" if source.date else ""
    return f"{source.title}, {publisher}{date}"


def plain_citation(document: Document, point: Point, site_name: str, url: str) -> str:
    """One paragraph of plain text, in the usual order: what, where, address, when read."""
    return (
        f"“{heading(document, point)}.” {site_name}. {url}. Wording quoted from "
        f"{_source_words(document.text_source)}. Accessed {ACCESSED}."
    )


def _bibtex_text(text: str) -> str:
    return BIBTEX_SPECIALS.sub(lambda match: "\\" + match.group(1), " ".join(text.split()))


def bibtex_citation(document: Document, point: Point, site_name: str, url: str) -> str:
    """A BibTeX ``@misc`` entry; the key is the short title and the point's number."""
    key = f"{slugify(document.meta.short_title)}-{slugify(document.singular)}-{point.number}"
    fields = [
        ("title", _bibtex_text(heading(document, point))),
        ("howpublished", _bibtex_text(site_name)),
        ("url", url),  # BibTeX's url field takes the address as it is
        ("note", _bibtex_text(f"Wording quoted from {_source_words(document.text_source)}")),
        ("urldate", ACCESSED),
    ]
    body = [f"  {name} = {{{value}}}," for name, value in fields]
    return "\n".join([f"@misc{{{key},", *body, "}"])
