"""Text patterns that every stage after loading shares: references to points, and term forms.

Pure functions and compiled patterns with no Markdown and no MkDocs: the checks (``checks.py``)
find bad references in the finished model with them, and the linkers (``references.py``,
``glossary.py``) turn the same matches into links, so a reference is recognised the same way
where it is checked and where it is linked. Nothing here imports a later stage.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .schema import ItemWords

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
        self._word = re.compile(_words([singular, plural]), re.IGNORECASE)
        """Every reference holds the item word: a text without it is passed over after one
        quick scan (the full pattern, which starts with a look-behind, tries every position)."""

    @classmethod
    def for_words(cls, words: ItemWords) -> ReferencePattern:
        """The pattern for a document's ``items`` (its words, conjunctions and range words)."""
        return cls(words.singular, words.plural, words.conjunctions, words.ranges)

    def find(self, text: str) -> list[Reference]:
        """Every reference in a text, in order."""
        if self._word.search(text) is None:
            return []
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


APOSTROPHES = "'\u2019\u02bc"
QUOTES = '"\u201c\u201d'


_FOLD = str.maketrans({**dict.fromkeys(APOSTROPHES, "'"), **dict.fromkeys(QUOTES, '"')})


def normalize_form(text: str) -> str:
    """The key two spellings share when they are the same form for a reader."""
    return " ".join(text.lower().translate(_FOLD).split())
