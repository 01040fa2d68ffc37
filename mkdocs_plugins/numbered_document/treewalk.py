"""Replacing spans of running text in a Python-Markdown element tree with new elements.

Shared by every auto-linker: it visits only prose (text and tails), never attributes, and never
the inside of elements where a link would be wrong or would nest. Text is visited in reading
order, so a linker that links only a first occurrence sees the first one first.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Callable

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

Span = tuple[int, int, etree.Element]
Path = tuple[etree.Element, ...]
Finder = Callable[[str, Path], list[Span]]
"""Given text and the elements it sits in (outermost first), return non-overlapping
(start, end, element) spans, in order."""


def replace_spans(
    root: etree.Element,
    find: Finder,
    skip: frozenset[str] = SKIP,
    skipped: Callable[[etree.Element], None] | None = None,
) -> None:
    """Replace each span that ``find`` returns with its element, throughout the tree.

    ``skipped`` is told of each skipped element (a heading, say) at its place in reading order.
    Spans are found in reading order, then applied from the end backwards so that the
    positions still to be edited stay valid.
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
    for parent, index, text, spans in reversed(edits):
        head, elements = _cut(text, spans)
        if index < 0:
            parent.text = head
        else:
            parent[index].tail = head
        for offset, element in enumerate(elements, start=index + 1):
            parent.insert(offset, element)


def _cut(text: str, spans: list[Span]) -> tuple[str, list[etree.Element]]:
    """Cut text at the spans: the text before the first, and the elements with their tails."""
    elements: list[etree.Element] = []
    for number, (_, end, element) in enumerate(spans):
        following = spans[number + 1][0] if number + 1 < len(spans) else len(text)
        element.tail = text[end:following]
        elements.append(element)
    return text[: spans[0][0]], elements


def atomic(text: str) -> AtomicString:
    """Text that no later inline processor or auto-linker touches again."""
    return AtomicString(text)


class LinkingTreeprocessor(Treeprocessor):
    """Runs one linker over a converted page's tree."""

    def __init__(self, md: Markdown, extension: LinkingExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        extension = self.extension
        with extension.stopwatch.measure(extension.name):
            replace_spans(root, extension.find, skipped=extension.skipped)


REPEATED = "data-nd-repeated"
"""Marks content shown again from another page (a point's reactions, the actors' events, the
index's summaries): linked as usual, but the original page is the one that refers."""

FINAL_HREF = "data-nd-href"
"""Where a linker puts a link that is already a final URL, until ``FinalLinks`` moves it to
``href`` after MkDocs' link resolver, which would otherwise report it as an unknown file. The
``href`` meanwhile is "#", which the resolver leaves alone."""


class FinalLinks(Treeprocessor):
    """Moves final URLs into place, and drops the plugin's markers from the output."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            final = element.attrib.pop(FINAL_HREF, None)
            if final is not None:
                element.set("href", final)
            element.attrib.pop(REPEATED, None)


class LinkingExtension(Extension):
    """Registers one linker as a treeprocessor of a Markdown instance.

    It must run after ``inline`` (priority 20), so that links and code exist and are skipped,
    and before MkDocs' link resolver (0), which turns our ``.md`` paths into URLs and checks them.
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
        md.treeprocessors.register(LinkingTreeprocessor(md, self), self.name, self.priority)
        md.treeprocessors.register(FinalLinks(md), "nd_final_links", -10)
