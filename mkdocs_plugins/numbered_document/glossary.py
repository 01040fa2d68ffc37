"""Glossary terms found in plain prose and linked to their entry, with the definition on hover.

Every form of every term goes into one trie-shaped pattern, built once per build: matching costs
one pass over the text whatever the number of terms (a flat ``a|b|c`` alternation slows down
with every term added). The trie tries the longer branch first, so "Rule 5-bis" wins over
"Rule 5"; word boundaries treat the modifier-letter apostrophe (U+02BC, "the Boardʼs") as
punctuation, as readers do. No MkDocs import.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Literal

import markdown

from .layout import relative_path
from .patterns import APOSTROPHES, QUOTES, normalize_form
from .timing import Stopwatch
from .treewalk import REPEATED, LinkingExtension, Path, Span, escape

WORD = r"[^\W\u02bc]"
"""A word character, except the modifier-letter apostrophe of "the Boardʼs"."""
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
LINK_CLASS = "nd-term"
"""The class of every link to a term."""
TERM_ATTRIBUTE = "data-nd-term"
"""Marks an element that belongs to one term's own entry, where that term is never linked."""

Mode = Literal["page", "section", "all"]


def _trie(forms: Iterable[str]) -> dict[str, dict]:
    root: dict[str, dict] = {}
    for form in forms:
        node = root
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}
    return root


def _char(char: str) -> str:
    if char == "'":
        return f"[{APOSTROPHES}]"
    if char == '"':
        return f"[{QUOTES}]"
    if char == " ":
        return r"\s+"
    return re.escape(char)


def _pattern(node: dict[str, dict]) -> str:
    """The regular expression of a trie node; an optional tail is greedy, so longest wins."""
    branches = [_char(char) + _pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        body = f"(?:{body})?"
    return body


class TermMatcher:
    """Finds every form of every term in a text, with one compiled pattern."""

    def __init__(self, forms: dict[str, str]) -> None:
        """``forms`` maps each form (any spelling) to its term's id."""
        self.forms = {normalize_form(form): term for form, term in forms.items()}
        # A form written in capitals ("US", "IAEA") matches only in capitals: "us" is a word.
        self.capitals = {
            normalize_form(form): " ".join(form.split())
            for form in forms
            if form.upper() == form and any(char.isalpha() for char in form)
        }
        trie = _pattern(_trie(self.forms)) if self.forms else "(?!)"
        pattern = rf"(?<!{WORD})(?:{trie})s?(?!{WORD})"
        self.lowered = re.compile(pattern)
        """For text in lower case: the forms are. Twice as fast as ignoring case (measured on
        1.7 million characters, the text of 500 pages)."""

    @cached_property
    def ignoring_case(self) -> re.Pattern[str]:
        """For text that lower case would lengthen ("İ"), where positions would shift; compiled
        when first needed (a tenth of a second for 300 terms, and most texts never need it)."""
        return re.compile(self.lowered.pattern, re.IGNORECASE)

    def find(self, text: str) -> tuple[tuple[int, int, str], ...]:
        """(start, end, term id) of each mention, in order.

        Not kept per text: the same paragraph is on its point's page and on the full text, and
        keeping every text for its repeat saved 0.9% of the instructions of a build at 280
        points but held 21 MiB at 2,800 (`make bench`), a seventh of what the plugin adds to
        a plain build's peak memory."""
        return tuple(self._find(text))

    def _find(self, text: str) -> Iterator[tuple[int, int, str]]:
        lowered = text.lower()
        same = len(lowered) == len(text)  # lower case never shortens: each character is one
        matches = self.lowered.finditer(lowered) if same else self.ignoring_case.finditer(text)
        forms, capitals = self.forms, self.capitals
        for match in matches:
            start, end = match.span()
            written = text[start:end]
            key = lowered[start:end] if same else written.lower()
            term = forms.get(key)
            if term is None:  # another apostrophe, quote or space, or the plural "s"
                key = normalize_form(key)
                if key not in forms and key.endswith("s"):  # the plural the pattern allows
                    key, written = key[:-1], written[:-1]
                term = forms.get(key)
                if term is None:
                    continue
            if key in capitals and " ".join(written.split()) != capitals[key]:
                continue
            yield start, end, term


_PLAIN = markdown.Markdown()


_MARKUP = re.compile(r"[\\`*_\[\]<>&!#|~]|^\s*(?:[-+=]|\d+[.)])", re.M)
"""A character that Markdown or HTML could give meaning to, or a list marker or an underline at
a line's start: text with none is its own plain text, and most definitions are such text, so
they skip the converter (a tenth of the glossary's own time at 300 terms)."""


def term_matcher(forms: dict[str, str]) -> TermMatcher:
    """The matcher of ``forms``: the last one made where the forms are the same, in the same
    order (between the rebuilds of `mkdocs serve`, where making the pattern of 3,000 terms'
    forms again took a tenth of a second of each rebuild). A matcher never changes once made."""
    return _matcher(tuple(forms.items()))


@lru_cache(maxsize=1)
def _matcher(forms: tuple[tuple[str, str], ...]) -> TermMatcher:
    return TermMatcher(dict(forms))


def plain_text(source: str) -> str:
    """Markdown reduced to the plain text a hover shows (one converter, reset between texts)."""
    if not _MARKUP.search(source):
        return " ".join(source.split())
    rendered = _PLAIN.reset().convert(source)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", rendered)).split())


@dataclass(frozen=True)
class Entry:
    """Where a term's glossary entry is, and the hover text of links to it."""

    src_uri: str
    anchor: str
    tooltip: str


@dataclass
class GlossaryLinker:
    """Links terms on the page being converted and records every page's terms.

    ``mode``: link the first mention of each term on a page, in each section, or every one.
    """

    matcher: TermMatcher
    entries: dict[str, Entry]
    mode: Mode = "page"
    page: str = ""
    uses: dict[str, set[str]] = field(default_factory=dict)
    """Source path of each converted page → the ids of the terms it mentions."""
    href: Callable[[str, str], str] = relative_path
    """The link from one page to another, by source path (see ``references.Linker.href``)."""
    _linked: set[str] = field(default_factory=set)
    _titles: dict[str, str] = field(default_factory=dict)

    def start_page(self, page: str) -> None:
        self.page = page
        self.uses[page] = set()
        self._linked = set()

    def skipped(self, element: etree.Element) -> None:
        """A heading starts a new section: in "section" mode, terms link again after it."""
        if self.mode == "section" and element.tag in HEADINGS:
            self._linked.clear()

    def spans(self, text: str, path: Path = ()) -> list[Span]:
        found = self.matcher.find(text)
        if not found:
            return []
        own = {element.get(TERM_ATTRIBUTE) for element in path}
        # Text repeated from elsewhere (the full text, summaries in lists) is linked, but its
        # terms are the original page's uses: "Used in" names the page that says it.
        original = not any(element.get(REPEATED) is not None for element in path)
        uses = self.uses.setdefault(self.page, set()) if original else set()
        linked, every = self._linked, self.mode == "all"
        spans: list[Span] = []
        for start, end, term in found:
            if term in own:
                continue  # never a term inside its own entry
            uses.add(term)
            if not every and term in linked:
                continue
            linked.add(term)
            spans.append((start, end, self._link(term, text[start:end])))
        return spans

    def _link(self, term: str, shown: str) -> str:
        """What ``treewalk.link`` writes for a link to the term (a test compares the two), with
        its hover text escaped once per build rather than once per link."""
        entry = self.entries[term]
        title = self._titles.get(term)
        if title is None:
            title = self._titles[term] = escape(entry.tooltip, True)
        href = escape(f"{self.href(self.page, entry.src_uri)}#{entry.anchor}", True)
        return f'<a class="{LINK_CLASS}" href="{href}" title="{title}">{escape(shown, False)}</a>'


def glossary_extension(
    linker: GlossaryLinker, stopwatch: Stopwatch | None = None
) -> LinkingExtension:
    """The glossary linker as a Markdown extension. Priority 14: after the reference linker
    (15), whose links it leaves alone; before ``abbr``, ``attr_list`` and ``toc``."""
    return LinkingExtension("nd_glossary", 14, linker.spans, linker.skipped, stopwatch)
