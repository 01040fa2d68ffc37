"""Cross-references between points, found in plain prose and turned into links.

"see point 22", "Points 5 and 10", "points 5, 8 and 10", "point 10.2" (a sub-item) and ranges
become links with the target's title as hover text. A range links both its ends and records every
point between them as referred to: "points 5–10", "points 5 to 10", "points 5 through 10",
"points from 5 to 10", "from point 5 to point 10", and whatever range words the document declares
(``items.ranges`` in its document file: a word between the ends, as "to", or a pair around the
first end, as "from … to"). Counts ("12 points") and other numbers ("Article 5") never match: a
reference is the document's word for its items, followed by numbers. One compiled pattern serves
the whole build, so the cost is one pass over each text, whatever the number of points.

This is a Python-Markdown extension with no MkDocs import: the caller says which page is being
converted (``Linker.page``) and how to reach a point (``Target``), and reads back what was found.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .layout import relative_path
from .schema import ItemWords
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
    """Ranges ("5–10", "5 to 10", "from 5 to 10"): every number between the two ends is referred
    to as well."""


DEFAULT_RANGES = ("to", "through", "from … to", "from … through")
"""Range words when a document declares none: "points 5 to 10", "from point 5 to point 10"."""
ELLIPSIS = re.compile(r"\s*(?:…|\.\.\.)\s*")


def range_words(ranges: Iterable[str]) -> tuple[list[str], dict[str, list[str]]]:
    """Declared range words, split into the words that stand between two ends ("to") and the
    pairs whose first word stands before the first end ("from … to": {"from": ["to"]})."""
    between: list[str] = []
    pairs: dict[str, list[str]] = {}
    for entry in ranges:
        parts = [" ".join(part.split()) for part in ELLIPSIS.split(entry.strip())]
        if len(parts) == 1:
            between.append(parts[0])
        else:
            pairs.setdefault(parts[0], []).append(parts[-1])
    return between, pairs


def _words(words: Iterable[str]) -> str:
    """An alternation of words or phrases, longest first, any run of spaces between words."""
    ordered = sorted({w for w in words if w}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in ordered)


class ReferencePattern:
    """The one compiled pattern for references, built from the document's words."""

    def __init__(
        self,
        singular: str,
        plural: str,
        conjunctions: Iterable[str] = ("and", "or"),
        ranges: Iterable[str] = DEFAULT_RANGES,
    ):
        self.singular, self.plural = singular, plural
        joins = _words(conjunctions)
        joiner = rf"(?:\s*,\s*(?:(?:{joins})\s+)?|\s+(?:{joins})\s+)" if joins else r"\s*,\s*"
        between, pairs = range_words(ranges)
        to = _words(between)
        dash = r"\s*[-–]\s*"
        separator = rf"(?:{dash}|\s+(?:{to})\s+)" if to else dash
        word = f"(?:{_words([singular, plural])})"
        paired = [  # "from 5 to 10": the first word, then the words that may close it
            (_words([start]), _words(ends)) for start, ends in sorted(pairs.items())
        ]
        one = "|".join(
            [rf"(?:{s})\s+{NUMBER}\s+(?:{e})\s+{NUMBER}" for s, e in paired]
            + [rf"{NUMBER}(?:{separator}{NUMBER})?"]
        )
        # "from point 5 to point 10", "from points 5 to 10": the first word before the item word.
        led = "|".join(
            rf"(?:{s})\s+{word}\s+{NUMBER}\s+(?:{e})\s+(?:{word}\s+)?{NUMBER}" for s, e in paired
        )
        # Lists and ranges only after the plural: "point 4, 30 days later" names one point.
        self.regex = re.compile(
            (rf"(?<![\w-])(?:(?P<led>{led})|" if led else r"(?<![\w-])(?:")
            + rf"{re.escape(plural)}\s+(?P<many>(?:{one})(?:{joiner}(?:{one}))*)"
            rf"|{re.escape(singular)}\s+(?P<one>{NUMBER}))",
            re.IGNORECASE,
        )
        # One item of a reference: a range with a first word, a range, or one number.
        starts = _words(pairs)
        ends = _words(end for closing in pairs.values() for end in closing)
        item = (
            [
                rf"(?:{starts})\s+(?:(?P<wa>{word})\s+)?(?P<a>{NUMBER})\s+(?:{ends})\s+"
                rf"(?:(?P<wb>{word})\s+)?(?P<b>{NUMBER})"
            ]
            if pairs
            else []
        )
        item.append(rf"(?P<c>{NUMBER})(?:{separator}(?P<d>{NUMBER}))?")
        self._item = re.compile("|".join(item), re.IGNORECASE)

    @classmethod
    def for_words(cls, words: ItemWords) -> ReferencePattern:
        """The pattern for a document's ``items`` (its words, conjunctions and range words)."""
        return cls(words.singular, words.plural, words.conjunctions, words.ranges)

    def find(self, text: str) -> list[Reference]:
        """Every reference in a text, in order."""
        found = []
        for match in self.regex.finditer(text):
            named = match.groupdict()  # "led" only where the document has pairs
            group = next(g for g in ("led", "many", "one") if named.get(g) is not None)
            base = match.start(group)
            refs: list[Ref] = []
            ranges: list[tuple[int, int]] = []
            for item in self._item.finditer(match.group(group)):
                ends = []
                groups = item.groupdict()  # without pairs of range words, no "a" nor "b"
                for number, written in (("a", "wa"), ("b", "wb"), ("c", None), ("d", None)):
                    if groups.get(number) is None:
                        continue
                    # "from point 5 to point 10" links "point 5"; "from points 5 to 10", "5".
                    word = groups.get(written) if written else None
                    singular = word is not None and word.lower() == self.singular.lower()
                    shown = written if singular else number
                    ref = _ref(
                        item.group(number), base + item.start(shown), base + item.end(number)
                    )
                    refs.append(ref)
                    ends.append(ref.number)
                if len(ends) == 2:
                    ranges.append((ends[0], ends[1]))
            found.append(
                Reference(match.start(), match.end(), match.group(), tuple(refs), tuple(ranges))
            )
        return found


def missing(ref: Ref, items: Callable[[int], int | None]) -> bool:
    """Whether a reference names a point, or a sub-item of one, that does not exist;
    ``items`` gives a point's number of sub-items, or None when there is no such point."""
    count = items(ref.number)
    return count is None or (ref.item is not None and not 1 <= ref.item <= count)


def missing_reason(ref: Ref, items: Callable[[int], int | None], singular: str, valid: str) -> str:
    """Why a reference names nothing, and what to write instead: the middle of a message that
    starts with the reference as written. ``valid`` says which numbers exist ("1–12")."""
    count = items(ref.number)
    if count is None:
        return f"refers to {ref.name}, which does not exist (valid numbers: {valid})"
    point = f"{singular} {ref.number}"
    if not count:
        return f"refers to item {ref.item} of {point}, which has no sub-items: write '{point}'"
    if count == 1:
        return (
            f"refers to item {ref.item} of {point}, whose only sub-item is {ref.number}.1: "
            f"write '{point}.1', or '{point}'"
        )
    return (
        f"refers to item {ref.item} of {point}, whose sub-items are {ref.number}.1 to "
        f"{ref.number}.{count}: write one of '{point}.1' to '{point}.{count}', or '{point}'"
    )


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
