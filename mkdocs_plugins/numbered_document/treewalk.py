"""Replacing spans of running text in a Python-Markdown element tree with links.

Shared by every auto-linker: it visits only prose (text and tails), never attributes, and never
the inside of elements where a link would be wrong or would nest. Text is visited in reading
order, so a linker that links only a first occurrence sees the first one first.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Collection
from functools import cache

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from .timing import Stopwatch

SKIP = frozenset(
    {
        "a",
        "abbr",
        "code",
        "pre",
        "kbd",
        "samp",
        "script",
        "style",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
    }
)
"""Elements whose text is never linked: links, code, headings (as toc.py and magiclink skip)."""

Span = tuple[int, int, str]
"""Where a link goes in a text, and its HTML (see ``link``)."""
Path = tuple[etree.Element, ...]
Finder = Callable[[str, Path], list[Span]]
"""Given text and the elements it sits in (outermost first), return non-overlapping
(start, end, HTML) spans, in order."""


def replace_spans(
    root: etree.Element,
    find: Finder,
    stash: Callable[[str], str],
    skip: frozenset[str] = SKIP,
    skipped: Callable[[etree.Element], None] | None = None,
) -> None:
    """Replace each span that ``find`` returns with what ``stash`` gives for its HTML.

    ``stash`` keeps the HTML and returns a placeholder for it (Python-Markdown's ``htmlStash``,
    which puts the HTML back when the page is written). A link as HTML, not as an element,
    costs nothing to the tree processors that run after the linkers, nor to writing the tree
    out: at 500 pages and 11,000 links, a tenth of what the glossary added.
    ``skipped`` is told of each skipped element (a heading, say) at its place in reading order.
    """
    edits: list[tuple[etree.Element, int, str, list[Span]]] = []

    def collect(parent: etree.Element, index: int, text: str | None, path: Path) -> None:
        if text and not isinstance(text, AtomicString):
            spans = find(text, path)
            if spans:
                edits.append((parent, index, text, spans))

    def visit(element: etree.Element, path: Path) -> None:
        collect(element, -1, element.text, path)
        for index, child in enumerate(element):
            if child.tag in skip:
                if skipped is not None:
                    skipped(child)
            else:
                visit(child, (*path, child))
            collect(element, index, child.tail, path)

    visit(root, (root,))
    for parent, index, text, spans in edits:
        if index < 0:
            parent.text = _spliced(text, spans, stash)
        else:
            parent[index].tail = _spliced(text, spans, stash)


def _spliced(text: str, spans: list[Span], stash: Callable[[str], str]) -> str:
    """The text with each span replaced by the placeholder of its stashed HTML."""
    pieces = []
    last = 0
    for start, end, html in spans:
        pieces += [text[last:start], stash(html)]
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


class LinkingTreeprocessor(Treeprocessor):
    """Runs every linker registered on a Markdown instance over its tree, in one walk.

    Linkers take turns on each run of text by priority: the first finds its spans in the whole
    text, the next only in the gaps between them, and so on: no linker sees the text of a link
    made before it, as none sees the text of a link written in the Markdown. One walk for all:
    walking a page's tree costs as much as a linker finding nothing in it.
    """

    NAME = "nd_links"

    def __init__(self, md: Markdown, stopwatch: Stopwatch) -> None:
        super().__init__(md)
        self.stopwatch = stopwatch
        self.linkers: list[LinkingExtension] = []

    def add(self, linker: LinkingExtension) -> None:
        self.linkers.append(linker)
        self.linkers.sort(key=lambda each: -each.priority)

    def run(self, root: etree.Element) -> None:
        first, *rest = [linker.find for linker in self.linkers]
        find = first
        if rest:

            def find(text: str, path: Path) -> list[Span]:
                spans = first(text, path)
                for later in rest:
                    spans = _in_gaps(spans, later, text, path)
                return spans

        callbacks = [linker.skipped for linker in self.linkers if linker.skipped is not None]

        def skipped(element: etree.Element) -> None:
            for callback in callbacks:
                callback(element)

        with self.stopwatch.measure(self.NAME):
            replace_spans(
                root, find, self.md.htmlStash.store, skipped=skipped if callbacks else None
            )


def _in_gaps(spans: list[Span], find: Finder, text: str, path: Path) -> list[Span]:
    """``spans`` and what ``find`` finds in the text between them (never across one), in order."""
    if not spans:
        return find(text, path)
    merged: list[Span] = []
    start = 0
    for span in [*spans, (len(text), len(text), "")]:
        if span[0] > start:
            merged += [(s + start, e + start, h) for s, e, h in find(text[start : span[0]], path)]
        if span[2]:
            merged.append(span)
        start = span[1]
    return merged


def link(attributes: dict[str, str], text: str) -> str:
    """An ``a`` element's HTML as Python-Markdown writes one: attributes in name order, each
    value and the text escaped. (Its serializer leaves an ``&`` that looks like an entity as it
    is; text reaching the linkers has none, as Python-Markdown stashes entities first, and an
    attribute's plain text must show a literal "&copy;" as written.)"""
    written = "".join(
        f' {name}="{escape(value, True)}"' for name, value in sorted(attributes.items())
    )
    return f"<a{written}>{escape(text, False)}</a>"


def escape(text: str, quotes: bool) -> str:
    """Text (or, with ``quotes``, an attribute value) escaped as ``link`` writes it."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;") if quotes else text


def unlinked(html: str, classes: Collection[str]) -> str:
    """The HTML with each link that a linker made (an ``a`` of one of ``classes``, as ``link``
    writes it) replaced by its text: the same text, with none of the links' markup."""
    return _made_links(tuple(sorted(classes))).sub(r"\1", html)


@cache
def _made_links(classes: tuple[str, ...]) -> re.Pattern[str]:
    # ``class`` comes first in a link made by ``link`` (attributes in name order: class,
    # data-preview, href, title), so the pattern never backtracks over the attributes. The
    # text is plain (escaped), and no attribute value holds ">": it cannot run past the link.
    names = "|".join(re.escape(name) for name in classes)
    return re.compile(rf'<a class="(?:{names})"[^>]*>([^<]*)</a>')


REPEATED = "data-nd-repeated"
"""Marks content shown again from another page (a point's reactions, the actors' events, the
index's summaries): linked as usual, but the original page is the one that refers."""


class DropMarkers(Treeprocessor):
    """Drops the plugin's markers (``REPEATED``) from the output."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            element.attrib.pop(REPEATED, None)


class LinkingExtension(Extension):
    """Registers one linker on a Markdown instance, in the walk that all linkers share.

    The walk runs at the highest priority of its linkers, after ``inline`` (20), so that links
    and code exist and are skipped. Links are written as HTML (see ``replace_spans``), so MkDocs'
    link resolver never sees them: a linker gives final URLs, or ``.md`` paths that stay as
    they are.
    """

    def __init__(
        self,
        name: str,
        priority: int,
        find: Finder,
        skipped: Callable[[etree.Element], None] | None = None,
        stopwatch: Stopwatch | None = None,
    ) -> None:
        super().__init__()
        self.name, self.priority, self.find, self.skipped = name, priority, find, skipped
        self.stopwatch = stopwatch or Stopwatch()

    def extendMarkdown(self, md: Markdown) -> None:  # Python-Markdown's name
        name = LinkingTreeprocessor.NAME
        if name in md.treeprocessors:
            walk = md.treeprocessors[name]
            assert isinstance(walk, LinkingTreeprocessor)
            if self.priority > max(linker.priority for linker in walk.linkers):
                md.treeprocessors.deregister(name)
                md.treeprocessors.register(walk, name, self.priority)
        else:
            walk = LinkingTreeprocessor(md, self.stopwatch)
            md.treeprocessors.register(walk, name, self.priority)
            md.treeprocessors.register(DropMarkers(md), "nd_drop_markers", -10)
        walk.add(self)
