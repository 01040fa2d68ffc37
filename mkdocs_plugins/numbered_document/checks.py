"""Checks across files, run on the finished model: what no single file can show to be wrong.

The loader reads and validates each file on its own and builds ``model.Document``; this stage
then checks what needs the whole document: point numbers (unique, from 1 with no gap, matching
file names), references in our own texts to points and sub-items that do not exist, ``related``
points and an event's ``points``, and a glossary form claimed by two terms. Every text carries
the ``model.Place`` the parse recorded, so a problem found at an offset inside a text (a long
body, a folded YAML text) is reported at its true line without reading the file again.

Imports only the model and the shared patterns: nothing here knows how files are read, or how
pages are written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

from .model import Document, GlossaryTerm, Loc, Place, Point, Problem, field_name
from .patterns import Reference, ReferencePattern, missing, missing_reason, normalize_form

STEM = re.compile(r"^(\d+)(?:-[a-z0-9]+)*$")
READS = frozenset(
    {"related", "versions", "drafts", "term", "forms", "definition", "explanation", "summary"}
    | {"note", "points"}
)
"""The top-level fields of any content file whose values the checks report on: the loader keeps
where each of their values stands (``model.Place``), and only theirs."""

Text = tuple[Path, str | Loc, str, Place | None]
"""A text we write, as a check reads it: its file, where it stands (the wording or the context
of a point, or a field's location), the text itself, and its place in the file (None if
unknown)."""


Finder = Callable[[str], list[Reference]]
"""The references in a text (``ReferencePattern.find``, or a caller's copy that remembers)."""


def check(
    document: Document, *, every_point_read: bool = True, find: Finder | None = None
) -> list[Problem]:
    """Every problem that only the whole document shows, in file order within each kind.

    ``every_point_read`` is False when some point file could not be loaded: only what each
    loaded point shows by itself is checked then (its number against its file name, a number
    used twice), since a gap or a reference to the missing file's number would only repeat the
    problem already reported for that file. ``find`` finds the references in a text, by
    default with the document's pattern.
    """
    problems = form_claims(document.terms)
    problems += numbering(document.points, every_point_read=every_point_read)
    if every_point_read and document.points:
        numbers = {point.number for point in document.points}
        problems += event_points(document, numbers)
        problems += references(document, find)
    return problems


def form_claims(terms: tuple[GlossaryTerm, ...]) -> list[Problem]:
    """Two terms may not claim the same form: a mention could link to either."""
    problems = []
    owners: dict[str, GlossaryTerm] = {}
    for term in terms:
        for index, form in enumerate(term.forms):
            other = owners.setdefault(normalize_form(form), term)
            if other is not term:
                loc: Loc = ("term",) if index == 0 else ("forms", index - 1)
                problems.append(
                    Problem(
                        term.path,
                        _line(term.places, loc),
                        f"the form '{form}' of '{term.meta.term}' is already claimed by "
                        f"'{other.meta.term}' ({other.path.name}). Keep it in one term only.",
                    )
                )
    return problems


def _gaps(numbers: list[int], most: int = 11) -> list[int]:
    """The first missing numbers of a sorted list that should run from 1, without building
    the whole range (a typo like 2000000 would)."""
    missing: list[int] = []
    expected = 1
    for number in numbers:
        while expected < number and len(missing) < most:
            missing.append(expected)
            expected += 1
        expected = max(expected, number + 1)
    return missing


def numbering(points: tuple[Point, ...], *, every_point_read: bool = True) -> list[Problem]:
    """Numbers are unique, run from 1 with no gap, match file names; related points exist."""
    problems: list[Problem] = []
    owner: dict[int, Point] = {}
    for point in sorted(points, key=lambda point: point.path.name):
        stem = STEM.match(point.stem)
        if not stem:
            problems.append(
                Problem(
                    point.path,
                    None,
                    f"file name '{point.path.name}' should be the number, then words in lower "
                    f"case joined by hyphens, e.g. '{point.number:02d}-short-title.md'.",
                )
            )
        elif int(stem.group(1)) != point.number:
            problems.append(
                Problem(
                    point.path,
                    point.field_lines.get("number"),
                    f"number {point.number} does not match the file name '{point.path.name}'. "
                    "Rename the file or fix the number.",
                )
            )
        if point.number in owner:
            problems.append(
                Problem(
                    point.path,
                    point.field_lines.get("number"),
                    f"number {point.number} is already used by {owner[point.number].path.name}. "
                    "Give each point its own number.",
                )
            )
        owner.setdefault(point.number, point)
    if not every_point_read or not owner:
        return problems
    missing = _gaps(sorted(owner))
    if missing:
        listed = ", ".join(str(number) for number in missing[:10])
        listed += ", …" if len(missing) > 10 else ""
        # A file numbered past the end (a stray "99-extra.md") is what leaves the gap: name it.
        beyond = [p for n, p in sorted(owner.items()) if n > len(points)]
        named = "; ".join(f"{p.path.name} has number {p.number}" for p in beyond[:3])
        problems.append(
            Problem(
                points[0].path.parent,
                None,
                f"no file for number(s) {listed}: numbers must run from 1 with no gap"
                + (f" ({named})." if named else "."),
            )
        )
    for point in sorted(points, key=lambda point: point.path.name):
        for index, number in enumerate(point.meta.related):
            if number not in owner:
                problems.append(
                    Problem(
                        point.path,
                        _line(point.places, ("related", index)) or point.field_lines.get("related"),
                        f"field 'related': there is no point {number}. "
                        f"Numbers run from 1 to {max(owner)}.",
                    )
                )
    return problems


def event_points(document: Document, numbers: set[int]) -> list[Problem]:
    """An event's ``points`` name points that exist."""
    return [
        Problem(
            event.path,
            _line(event.places, ("points", index)),
            f"field 'points': there is no point {number}. Numbers run from 1 to {max(numbers)}.",
        )
        for event in sorted(document.events, key=lambda event: event.path.name)
        for index, number in enumerate(event.meta.points)
        if number not in numbers
    ]


def references(document: Document, find: Finder | None = None) -> list[Problem]:
    """References in our own texts to points (or sub-items) that do not exist, found here so
    that `make check` names the content file and line (the build would name the page).

    The pattern is the linkers' own, with the document's words and range words, so what is
    checked here is what becomes a link. A sub-item that does not exist gets the linker's
    reason, which says which sub-items the point has and what to write instead."""
    words = document.meta.items
    find = find or ReferencePattern.for_words(words).find
    items = {point.number: len(point.items) for point in document.points}
    problems = []
    for path, where, text, place in texts(document):
        for reference in find(text):
            for ref in reference.refs:
                if not missing(ref, items.get):
                    continue
                if ref.number in items:  # a sub-item the point does not have
                    valid = f"1–{max(items)}"
                    reason = missing_reason(ref, items.get, words.singular, valid) + "."
                else:
                    reason = (
                        f"refers to {ref.name}, which does not exist. "
                        f"Numbers run from 1 to {max(items)}."
                    )
                named = where if isinstance(where, str) else f"field '{field_name(where)}'"
                line = place.line_at(text, reference.start) if place else None
                problems.append(Problem(path, line, f"{named}: '{reference.text}' {reason}"))
    return problems


def texts(document: Document) -> Iterator[Text]:
    """Every text in our own words that may refer to points, file by file, in file order."""
    for point in sorted(document.points, key=lambda point: point.path.name):
        parts = (point.lead, *point.items, point.context)
        for index, text in enumerate(parts):
            where = "the context" if index == len(parts) - 1 else "the wording"
            place = point.body_places[index] if index < len(point.body_places) else None
            yield point.path, where, text, place
        for index, version in enumerate(point.meta.versions):
            for name in ("description", "note"):
                yield _field(point.path, point.places, ("versions", index, name), version)
    for index, draft in enumerate(document.meta.drafts):
        yield _field(document.path, document.places, ("drafts", index, "description"), draft)
    for term in document.terms:
        for name in ("definition", "explanation"):
            yield _field(term.path, term.places, (name,), term.meta)
    for event in sorted(document.events, key=lambda event: event.path.name):
        for name in ("summary", "note"):
            yield _field(event.path, event.places, (name,), event.meta)


def _field(path: Path, places: dict[Loc, Place], loc: Loc, record: object) -> Text:
    """A text field of a record as a check reads it; an absent optional field is empty."""
    return path, loc, getattr(record, str(loc[-1])) or "", places.get(loc)


def _line(places: dict[Loc, Place], loc: Loc) -> int | None:
    place = places.get(loc)
    return place.line if place else None
