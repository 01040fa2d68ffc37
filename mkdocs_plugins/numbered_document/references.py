"""Cross-references between points, found in plain prose and turned into links.

"see point 22", "Points 5 and 10", "points 5, 8 and 10", "points 5–10" and "point 10.2" (a
sub-item) become links with the target's title as hover text. Counts ("12 points") and other
numbers ("Article 5") never match: a reference is the document's word for its items, followed by
numbers. One compiled pattern serves the whole build, so the cost is one pass over each text,
whatever the number of points.

This is a Python-Markdown extension with no MkDocs import: the caller says which page is being
converted (``Linker.page``) and how to reach a point (``Target``), and reads back what was found.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .layout import relative_path
from .timing import Stopwatch
from .treewalk import REPEATED, LinkingExtension, Path, Span, link

LINK_CLASS = "nd-ref"
"""The class of every link to a point."""
NUMBER = r"\d+(?:\.\d+)?(?![\d])(?![.,]\d)"


@dataclass(frozen=True)
class Ref:
    """One number inside a reference: a point, or a sub-item of it."""

    number: int
    item: int | None
    start: int
    end: int

    @property
    def name(self) -> str:
        """As written: "10", or "10.2" for a sub-item."""
        return str(self.number) if self.item is None else f"{self.number}.{self.item}"


@dataclass(frozen=True)
class Reference:
    """A reference as written: its span in the text and the numbers it names."""

    start: int
    end: int
    text: str
    refs: tuple[Ref, ...]
    ranges: tuple[tuple[int, int], ...] = ()
    """Ranges written "5–10": every number between the two ends is referred to as well."""


class ReferencePattern:
    """The one compiled pattern for references, built from the document's words."""

    def __init__(self, singular: str, plural: str, conjunctions: Iterable[str] = ("and", "or")):
        joins = "|".join(re.escape(w) for w in conjunctions)
        joiner = rf"(?:\s*,\s*(?:(?:{joins})\s+)?|\s+(?:{joins})\s+)" if joins else r"\s*,\s*"
        one = rf"{NUMBER}(?:\s*[-–]\s*{NUMBER})?"
        # Lists and ranges only after the plural: "point 4, 30 days later" names one point.
        self.regex = re.compile(
            rf"(?<![\w-])(?:{re.escape(plural)}\s+(?P<many>{one}(?:{joiner}{one})*)"
            rf"|{re.escape(singular)}\s+(?P<one>{NUMBER}))",
            re.IGNORECASE,
        )
        self._number = re.compile(NUMBER)
        self._range = re.compile(rf"({NUMBER})\s*[-–]\s*({NUMBER})")

    def find(self, text: str) -> list[Reference]:
        """Every reference in a text, in order."""
        found = []
        for match in self.regex.finditer(text):
            group = "many" if match.group("many") is not None else "one"
            base = match.start(group)
            numbers = match.group(group)
            refs = tuple(
                _ref(number.group(), base + number.start(), base + number.end())
                for number in self._number.finditer(numbers)
            )
            ranges = tuple(
                (int(float(span.group(1))), int(float(span.group(2))))
                for span in self._range.finditer(numbers)
            )
            found.append(Reference(match.start(), match.end(), match.group(), refs, ranges))
        return found


def missing(ref: Ref, items: Callable[[int], int | None]) -> bool:
    """Whether a reference names a point, or a sub-item of one, that does not exist;
    ``items`` gives a point's number of sub-items, or None when there is no such point."""
    count = items(ref.number)
    return count is None or (ref.item is not None and not 1 <= ref.item <= count)


def _ref(text: str, start: int, end: int) -> Ref:
    number, _, item = text.partition(".")
    return Ref(int(number), int(item) if item else None, start, end)


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
        original = not any(element.get(REPEATED) is not None for element in path)
        spans: list[Span] = []
        for reference in self.pattern.find(text):
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
                self.problems.append(
                    f"'{written}' refers to {ref.name}, which does not exist "
                    f"(valid numbers: {valid}); the text is left unlinked."
                )
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
