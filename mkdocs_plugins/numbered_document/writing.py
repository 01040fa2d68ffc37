"""Writing generated Markdown: plain text made safe, dates, citations, front matter.

Shared by every module that writes pages (``views``, ``drafts_views``, ``parties_views``).
"""

from __future__ import annotations

import datetime as dt
import html
import re

import yaml

from .glossary import plain_text
from .model import Document, Point
from .schema import Source

MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!>])")
"""What Python-Markdown lets a backslash escape (a table cell escapes "|" too: ``cell``)."""


def md(text: str) -> str:
    """Plain text (a title, a name) made safe to put inside generated Markdown: it shows as
    written, whatever Markdown or HTML characters it holds."""
    escaped = html.escape(" ".join(text.split()), quote=False)
    return MARKDOWN_SPECIALS.sub(r"\\\1", escaped)


def human_date(day: dt.date) -> str:
    return f"{day.day} {day:%B} {day.year}"


def front_matter(title: str, description: str, search_boost: float | None = None) -> str:
    """Front matter of a generated page. The theme prints both values into HTML as they are,
    so they go in as escaped plain text. ``search_boost`` ranks the page higher in search."""
    meta: dict[str, object] = {
        "title": html.escape(" ".join(title.split()), quote=False).replace('"', "&quot;"),
        "description": html.escape(plain_text(description), quote=True),
    }
    if search_boost is not None:
        meta["search"] = {"boost": search_boost}
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n"


def cell(text: str) -> str:
    """Text for a Markdown table cell: one line, pipes escaped."""
    return " ".join(text.split()).replace("|", "\\|")


def cite_source(source: Source) -> str:
    """A source as readers see it: title, publisher (or that none is named), date."""
    publisher = md(source.publisher) if source.publisher else "publisher not named"
    return f"*{md(source.title)}*, {publisher}" + (
        f", {human_date(source.date)}" if source.date else ""
    )


def heading(document: Document, point: Point) -> str:
    return f"{document.label(point.number)}: {point.title}"


PRECISION_WORDS = {"day": "", "month": "", "on-or-before": "on or before "}
