"""Cross-references between points, found in plain prose and turned into links.

"see point 22", "Points 5 and 10", "points 5, 8 and 10", "point 10.2" (a sub-item) and ranges
become links with the target's title as hover text. A range links both its ends and records every
point between them as referred to: "points 5–10", "points 5 to 10", "points 5 through 10",
"points from 5 to 10", "from point 5 to point 10", and whatever range words the document declares
(``items.ranges`` in its document file: a word between the ends, as "to", or a pair around the
first end, as "from … to"). Counts ("12 points") and other numbers ("Article 5") never match: a
reference is the document's word for its items, followed by numbers. One compiled pattern
(``patterns.ReferencePattern``, which the checks use too) serves the whole build, so the cost is
one pass over each text, whatever the number of points.

This is a Python-Markdown extension with no MkDocs import: the caller says which page is being
converted (``Linker.page``) and how to reach a point (``Target``), and reads back what was found.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .layout import relative_path
from .patterns import Ref, Reference, ReferencePattern, missing, missing_reason
from .timing import Stopwatch
from .treewalk import REPEATED, LinkingExtension, Path, Span, link

LINK_CLASS = "nd-ref"
"""The class of every link to a point."""


@dataclass(frozen=True)
class Target:
    """What a link to a point needs: where its page is, and what to show on hover."""

    src_uri: str
    title: str
    items: int
    anchor: Callable[[int | None], str]


@dataclass
class Linker:
    """Links references on the page being converted, and records what each page refers to.

    ``page`` is the source path of the page being converted (set by the caller before each page);
    ``own`` is the number of the point that page shows, if any, which is never linked to itself.
    """

    pattern: ReferencePattern
    targets: dict[int, Target]
    page: str = ""
    own: int | None = None
    mentions: dict[str, set[int]] = field(default_factory=dict)
    """Source path of each converted page → the points it refers to."""
    problems: list[str] = field(default_factory=list)
    """References to points that do not exist, since the caller last emptied the list."""
    previews: bool = False
    """Mark links with ``data-preview``, for a theme that shows the target on hover."""
    href: Callable[[str, str], str] = relative_path
    """The link from one page to another, both named by source path. By default a relative
    ``.md`` path, as Markdown would link. Links are written as HTML, which MkDocs' link
    resolver never sees (``treewalk.replace_spans``), so under MkDocs the caller gives final
    URLs."""

    def start_page(self, page: str, own: int | None = None) -> None:
        self.page, self.own = page, own
        self.mentions[page] = set()

    def spans(self, text: str, path: Path = ()) -> list[Span]:
        """The links to make in one run of text (the Finder for treewalk).

        A reference to one point is linked whole ("point 22"); in a list, each number is.
        Inside content repeated from elsewhere (``REPEATED``), links are made but neither
        recorded as this page's references nor reported: the original page does both.
        """
        references = self.pattern.find(text)
        if not references:
            return []
        original = not any(element.get(REPEATED) is not None for element in path)
        spans: list[Span] = []
        for reference in references:
            if original:
                self._record_ranges(reference)
            whole = len(reference.refs) == 1
            for ref in reference.refs:
                start, end = (reference.start, reference.end) if whole else (ref.start, ref.end)
                made = self._link(ref, text[start:end], reference.text, original)
                if made is not None:
                    spans.append((start, end, made))
        return spans

    def _record_ranges(self, reference: Reference) -> None:
        for low, high in reference.ranges:
            low, high = min(low, high), max(low, high)
            inside = {n for n in self.targets if low < n < high and n != self.own}
            if inside:
                self.mentions.setdefault(self.page, set()).update(inside)

    def _items(self, number: int) -> int | None:
        target = self.targets.get(number)
        return None if target is None else target.items

    def _link(self, ref: Ref, shown: str, written: str, original: bool) -> str | None:
        if missing(ref, self._items):
            if original:
                valid = f"1–{max(self.targets)}" if self.targets else "none"
                reason = missing_reason(ref, self._items, self.pattern.singular, valid)
                self.problems.append(f"'{written}' {reason}; the text is left unlinked.")
            return None
        target = self.targets[ref.number]
        if ref.number == self.own and ref.item is None:
            return None  # a point never links to itself
        if ref.number != self.own and original:
            self.mentions.setdefault(self.page, set()).add(ref.number)
        href = self.href(self.page, target.src_uri)
        if ref.item is not None:
            href += "#" + target.anchor(ref.item)
        title = target.title if ref.item is None else f"{target.title}, item {ref.item}"
        attributes = {"class": LINK_CLASS, "href": href, "title": title}
        if self.previews:
            attributes["data-preview"] = ""
        return link(attributes, shown)


def reference_extension(linker: Linker, stopwatch: Stopwatch | None = None) -> LinkingExtension:
    """The reference linker as a Markdown extension. Priority 15: after ``inline`` (20);
    before the glossary (14), ``attr_list`` (8), ``abbr`` and ``toc`` (5)."""
    return LinkingExtension("nd_references", 15, linker.spans, stopwatch=stopwatch)
