"""Words the site's search finds a page under besides those it shows: other spellings of a name
("Zaporozhye" for "Zaporizhzhia"), the other forms of a glossary term, and numbers written
without their separators ("600000" for "600,000").

The search index is built from a copy of each page (see ``searchshield``); this module adds
the extra words to that copy, right after the word they stand for, so a search for a spelling
the text does not use finds the place that means it. Readers never see the copy. The spellings
come from the content (``search_variants`` in the document file, and the glossary's forms),
none from here. No MkDocs import.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from .glossary import TermMatcher
from .model import Document

NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,]|\.\d)")
"""A number with thousands separators, "600,000" (not "1,5" nor "600,000.5")."""
SEPARATED = re.compile(r",\d{3}")
"""What every such number holds after a digit (``separated``): a pattern that starts with its
fixed text, which the regular expression engine finds as a string search does. Starting with
the digit, every position of the page was a start to try: 30 times slower on a page's HTML."""
TEXT = re.compile(r">([^<]+)<")
"""The text between two tags of a page's HTML."""


def separated(text: str) -> bool:
    """Whether the text holds a digit, a comma and three digits ("0,000"): ``\\d``, as
    ``NUMBER`` reads it, is a decimal digit of any script, as ``str.isdecimal`` says."""
    return any(
        found.start() > 0 and text[found.start() - 1].isdecimal()
        for found in SEPARATED.finditer(text)
    )


def variants(document: Document) -> dict[str, tuple[str, ...]]:
    """Each spelling the text may use → the other spellings a reader may search for."""
    found: dict[str, list[str]] = {}
    for spelling, others in document.meta.search_variants.items():
        found.setdefault(spelling, []).extend(others)
    for term in document.terms:
        forms = term.forms
        for form in forms:
            found.setdefault(form, []).extend(other for other in forms if other != form)
    return {
        spelling: tuple(dict.fromkeys(o for o in others if o.lower() != spelling.lower()))
        for spelling, others in found.items()
        if others
    }


class Enricher:
    """Adds the extra search words to a page's HTML, in its text only.

    Spellings are found by the glossary's matcher (one trie-shaped pattern, the same rules for
    case, apostrophes and word edges as the term links): a flat alternation of 3,000 forms
    costs its length on every character of every page."""

    def __init__(self, spellings: Mapping[str, tuple[str, ...]]) -> None:
        self.spellings = dict(spellings)
        self.matcher = TermMatcher({name: name for name in spellings}) if spellings else None

    def __call__(self, html: str) -> str:
        if not self._may_change(html):
            return html
        return TEXT.sub(lambda match: f">{self._text(match.group(1))}<", html)

    def _may_change(self, html: str) -> bool:
        """Whether the page may hold a spelling or a number to add to: one scan of the whole
        page (tags too, so it may say yes for nothing) instead of one call per text in it,
        as most pages have neither (two thirds of the search copy's cost at 2,800 points, in a
        profile)."""
        if separated(html) and NUMBER.search(html):
            return True
        if self.matcher is None:
            return False
        lowered = html.lower()
        pattern = self.matcher.lowered if len(lowered) == len(html) else None
        if pattern is None:
            return True  # lower case changed the length: let the careful pass decide
        return pattern.search(lowered) is not None

    def _text(self, text: str) -> str:
        if self.matcher is not None:
            found = self.matcher.find(text)
            if found:
                pieces, last = [], 0
                for _, end, name in found:
                    pieces += [text[last:end], *(f" {other}" for other in self.spellings[name])]
                    last = end
                text = "".join([*pieces, text[last:]])
        return NUMBER.sub(lambda match: f"{match.group()} {match.group().replace(',', '')}", text)
