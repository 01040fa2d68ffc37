"""Ready citations of a point: plain text and BibTeX, with the page's stable address.

The access date is left for the reader to fill in (the catalog's ``citation.accessed``, "[date]"
in English): only the reader knows it. The words around the data come from the catalog.
"""

from __future__ import annotations

import re

from .model import Point, slugify
from .schema import Source
from .templating import Words

BIBTEX_SPECIALS = re.compile(r"([\\{}%&$#_~^])")


def _source_words(words: Words, source: Source) -> str:
    date = f", {source.date.isoformat()}" if source.date else ""
    return f"{source.title}, {words.publisher(source)}{date}"


def plain_citation(words: Words, point: Point, site_name: str, url: str) -> str:
    """One paragraph of plain text, in the usual order: what, where, address, when read."""
    return words.t(
        "citation.plain",
        heading=words.heading(point),
        site=site_name,
        url=url,
        source=_source_words(words, words.document.text_source),
        accessed=words.t("citation.accessed"),
    )


def _bibtex_text(text: str) -> str:
    return BIBTEX_SPECIALS.sub(lambda match: "\\" + match.group(1), " ".join(text.split()))


def bibtex_citation(words: Words, point: Point, site_name: str, url: str) -> str:
    """A BibTeX ``@misc`` entry; the key is the short title and the point's number."""
    document = words.document
    key = f"{slugify(document.meta.short_title)}-{slugify(document.singular)}-{point.number}"
    note = words.t("citation.note", source=_source_words(words, document.text_source))
    fields = [
        ("title", _bibtex_text(words.heading(point))),
        ("howpublished", _bibtex_text(site_name)),
        ("url", url),  # BibTeX's url field takes the address as it is
        ("note", _bibtex_text(note)),
        ("urldate", words.t("citation.accessed")),
    ]
    body = [f"  {name} = {{{value}}}," for name, value in fields]
    return "\n".join([f"@misc{{{key},", *body, "}"])
