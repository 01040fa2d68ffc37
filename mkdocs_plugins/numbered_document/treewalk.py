"""Replacing spans of running text in a Python-Markdown element tree with new elements.

Shared by every auto-linker: it visits only prose (text and tails), never attributes, and never
the inside of elements where a link would be wrong or would nest.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Callable

from markdown.util import AtomicString

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
Finder = Callable[[str], list[Span]]
"""Given text, return non-overlapping (start, end, element) spans, in order."""


def replace_spans(root: etree.Element, find: Finder, skip: frozenset[str] = SKIP) -> None:
    """Replace each span that ``find`` returns with its element, throughout the tree."""
    for parent in _prose_parents(root, skip):
        # Tails first, from the end backwards, so that insert positions stay valid.
        for index in range(len(parent) - 1, -1, -1):
            child = parent[index]
            pieces = _split(child.tail, find)
            if pieces is not None:
                child.tail, elements = pieces
                for offset, element in enumerate(elements, start=1):
                    parent.insert(index + offset, element)
        pieces = _split(parent.text, find)
        if pieces is not None:
            parent.text, elements = pieces
            for offset, element in enumerate(elements):
                parent.insert(offset, element)


def _prose_parents(root: etree.Element, skip: frozenset[str]) -> list[etree.Element]:
    """Every element whose own text and children's tails are prose (collected before editing)."""
    found: list[etree.Element] = []
    stack = [root]
    while stack:
        element = stack.pop()
        if element.tag in skip:
            continue
        found.append(element)
        stack.extend(element)
    return found


def _split(text: str | None, find: Finder) -> tuple[str, list[etree.Element]] | None:
    """Cut text at the spans: return the text before the first, and the elements with tails."""
    if not text or isinstance(text, AtomicString):
        return None
    spans = find(text)
    if not spans:
        return None
    elements: list[etree.Element] = []
    for number, (_, end, element) in enumerate(spans):
        following = spans[number + 1][0] if number + 1 < len(spans) else len(text)
        element.tail = text[end:following]
        elements.append(element)
    return text[: spans[0][0]], elements


def atomic(text: str) -> AtomicString:
    """Text that no later inline processor or auto-linker touches again."""
    return AtomicString(text)
