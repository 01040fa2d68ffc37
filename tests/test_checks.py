"""Checks across files, on the finished model: a bad reference is reported at its true line in
every kind of file, wherever it stands in a long text, whatever YAML style holds the text."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from mkdocs_plugins.numbered_document.loader import load_document, scalar_place
from mkdocs_plugins.numbered_document.model import ContentError, Place

from .conftest import edit

FILLER = "Plain words of line {n}, with no number a reader could follow."


def prose(count: int, at: dict[int, str], indent: str = "") -> str:
    """``count`` lines of prose, counted from 1, with the lines named in ``at`` replaced."""
    return "".join(f"{indent}{at.get(n, FILLER.format(n=n))}\n" for n in range(1, count + 1))


FRONT = (
    "---\nnumber: 29\ntitle: A long point\nsummary: One plain sentence.\nparties: [ukraine]\n"
    "topics: [armed-forces]\nsources: [plan-article]\n"
)
"""The front matter of a new point 29 without its closing line: 7 lines, the body from line 9."""


def long_point(
    lead: dict[int, str], second: dict[int, str], items: dict[int, str], rest: dict[int, str]
) -> str:
    """A point whose body is two paragraphs of 40 lines (file lines 9–48 and 50–89), three
    sub-items (91–93) and a context of 30 lines under its heading (97–126)."""
    listed = "".join(f"- {items.get(n, f'sub-item {n};')}\n" for n in (1, 2, 3))
    return (
        f"{FRONT}---\n{prose(40, lead)}\n{prose(40, second)}\n{listed}\n## Context\n\n"
        f"{prose(30, rest)}"
    )


def with_versions(description: str, note: str) -> str:
    """Point 29 with one version whose description and note are the given YAML (from line 10)."""
    return (
        f"{FRONT}versions:\n  - draft: e3-counter\n    status: unknown\n"
        f"    sources: [plan-article]\n{description}{note}---\nThe wording of the point.\n"
    )


def missing(where: str, written: str, name: str, last: int = 29) -> str:
    return (
        f"{where}: '{written}' refers to {name}, which does not exist. "
        f"Numbers run from 1 to {last}."
    )


TERM = "term: zz long term\nsources: [plan-article]\n"
EVENT = (
    "date: 2025-11-20\nprecision: day\nactor: karoline-leavitt\nsources: [plan-article]\n"
    "points: [5]\n"
)
POINT = "points/29-zz-long.md"
GLOSSARY = "glossary/zz-long.yml"
TIMELINE = "timeline/zz-long.yml"

CASES = [
    # (case, files to write, expected problems: file:line: message)
    (
        "body: the start, the middle and the end of long paragraphs",
        {
            POINT: long_point(
                {1: "See point 40 first.", 25: "and in the middle, point 41 again,"},
                {20: "half way down point 42 stands,", 40: "and at its very end point 43."},
                {},
                {},
            )
        },
        [
            f"{POINT}:9: " + missing("the wording", "point 40", "40"),
            f"{POINT}:33: " + missing("the wording", "point 41", "41"),
            f"{POINT}:69: " + missing("the wording", "point 42", "42"),
            f"{POINT}:89: " + missing("the wording", "point 43", "43"),
        ],
    ),
    (
        "body: the same reference twice is reported at each line",
        {POINT: long_point({2: "see point 40,"}, {39: "see point 40,"}, {}, {})},
        [
            f"{POINT}:10: " + missing("the wording", "point 40", "40"),
            f"{POINT}:88: " + missing("the wording", "point 40", "40"),
        ],
    ),
    (
        "body: a reference split over two lines is reported where it starts",
        {
            POINT: long_point(
                {30: "the end of line thirty names points", 31: "2 and 44."}, {}, {}, {}
            )
        },
        [f"{POINT}:38: " + missing("the wording", "points 2 and 44", "44")],
    ),
    (
        "body: sub-items",
        {POINT: long_point({}, {}, {1: "as point 10.9 says;", 3: "and points 3 and 50."}, {})},
        [
            f"{POINT}:91: the wording: 'point 10.9' refers to item 9 of point 10, whose "
            "sub-items are 10.1 to 10.4: write one of 'point 10.1' to 'point 10.4', or 'point 10'.",
            f"{POINT}:93: " + missing("the wording", "points 3 and 50", "50"),
        ],
    ),
    (
        "body: ranges, with the document's range words as the linkers read them",
        {
            POINT: long_point(
                {}, {}, {}, {3: "See points 5 to 40,", 4: "and from point 3 to point 41."}
            )
        },
        [
            f"{POINT}:99: " + missing("the context", "points 5 to 40", "40"),
            f"{POINT}:100: " + missing("the context", "from point 3 to point 41", "41"),
        ],
    ),
    (
        "body: the start, the middle and the end of ## Context",
        {
            POINT: long_point(
                {}, {}, {}, {1: "Point 45 here.", 14: "see point 46;", 30: "point 47."}
            )
        },
        [
            f"{POINT}:97: " + missing("the context", "Point 45", "45"),
            f"{POINT}:110: " + missing("the context", "point 46", "46"),
            f"{POINT}:126: " + missing("the context", "point 47", "47"),
        ],
    ),
    (
        "front matter: a folded (>) description and a literal (|) note",
        {
            POINT: with_versions(
                "    description: >-\n"
                + prose(
                    12,
                    {1: "Point 40 opens it,", 6: "point 41 is in it,", 12: "point 42."},
                    "      ",
                ),
                "    note: |\n"
                + prose(
                    10,
                    {1: "Point 43 opens it,", 5: "point 44 is in it,", 10: "point 45."},
                    "      ",
                ),
            )
        },
        [
            # description: the key on line 12, its text on lines 13–24
            f"{POINT}:13: " + missing("field 'versions[0].description'", "Point 40", "40"),
            f"{POINT}:18: " + missing("field 'versions[0].description'", "point 41", "41"),
            f"{POINT}:24: " + missing("field 'versions[0].description'", "point 42", "42"),
            # note: the key on line 25, its text on lines 26–35
            f"{POINT}:26: " + missing("field 'versions[0].note'", "Point 43", "43"),
            f"{POINT}:30: " + missing("field 'versions[0].note'", "point 44", "44"),
            f"{POINT}:35: " + missing("field 'versions[0].note'", "point 45", "45"),
        ],
    ),
    (
        "front matter: a plain text over several lines, and a folded one with blank lines",
        {
            POINT: with_versions(
                "    description: See point 40 first,\n"
                + prose(8, {4: "then point 41,", 8: "last point 42."}, "      "),
                "    note: >\n"
                + prose(3, {2: "point 43,"}, "      ")
                + "\n\n"
                + prose(3, {3: "point 44."}, "      "),
            )
        },
        [
            f"{POINT}:12: " + missing("field 'versions[0].description'", "point 40", "40"),
            f"{POINT}:16: " + missing("field 'versions[0].description'", "point 41", "41"),
            f"{POINT}:20: " + missing("field 'versions[0].description'", "point 42", "42"),
            # note: the key on line 21, three lines, two blank lines, three lines
            f"{POINT}:23: " + missing("field 'versions[0].note'", "point 43", "43"),
            f"{POINT}:29: " + missing("field 'versions[0].note'", "point 44", "44"),
        ],
    ),
    (
        "glossary: a folded definition (at most 400 characters) and a literal explanation",
        {
            GLOSSARY: TERM
            + "definition: >-\n"
            + prose(5, {1: "Point 40,", 3: "point 41,", 5: "point 42."}, "  ")
            + "explanation: |-\n"
            + prose(10, {1: "Point 43,", 5: "point 44,", 10: "point 45."}, "  ")
        },
        [
            f"{GLOSSARY}:4: " + missing("field 'definition'", "Point 40", "40", 28),
            f"{GLOSSARY}:6: " + missing("field 'definition'", "point 41", "41", 28),
            f"{GLOSSARY}:8: " + missing("field 'definition'", "point 42", "42", 28),
            f"{GLOSSARY}:10: " + missing("field 'explanation'", "Point 43", "43", 28),
            f"{GLOSSARY}:14: " + missing("field 'explanation'", "point 44", "44", 28),
            f"{GLOSSARY}:19: " + missing("field 'explanation'", "point 45", "45", 28),
        ],
    ),
    (
        "timeline: a folded summary and a quoted note over several lines",
        {
            TIMELINE: EVENT
            + "summary: >\n"
            + prose(9, {1: "Point 40,", 5: "point 41,", 9: "point 42."}, "  ")
            + 'note: "A quoted note,\n'
            + prose(4, {2: "with point 43 inside,"}, "  ")
            + '  and point 44 at its end."\n'
        },
        [
            f"{TIMELINE}:7: " + missing("field 'summary'", "Point 40", "40", 28),
            f"{TIMELINE}:11: " + missing("field 'summary'", "point 41", "41", 28),
            f"{TIMELINE}:15: " + missing("field 'summary'", "point 42", "42", 28),
            f"{TIMELINE}:18: " + missing("field 'note'", "point 43", "43", 28),
            f"{TIMELINE}:21: " + missing("field 'note'", "point 44", "44", 28),
        ],
    ),
]


def problems(content: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_document(content)
    return [
        f"{p.path.relative_to(content).as_posix()}:{p.line}: {p.message}"
        for p in caught.value.problems
    ]


@pytest.mark.parametrize(
    ("files", "expected"), [case[1:3] for case in CASES], ids=[c[0] for c in CASES]
)
def test_a_bad_reference_is_reported_at_its_true_line(
    content: Path, files: dict[str, str], expected: list[str]
) -> None:
    for name, text in files.items():
        (content / name).parent.mkdir(exist_ok=True)
        (content / name).write_text(text, encoding="utf-8")
    assert problems(content) == expected


def test_a_bad_reference_in_the_document_file_is_at_its_line(content: Path) -> None:
    old = "    description: >-\n      A version of the US draft before the list that was published."
    new = (
        "    description: >-\n"
        + prose(6, {3: "It named point 40, which the list does not have."}, "      ")
        + "      A version of the US draft before the list that was published."
    )
    edit(content, "document.yml", old, new)
    text = (content / "document.yml").read_text(encoding="utf-8")
    line = text.count("\n", 0, text.index(new)) + 1  # the line of "description: >-"
    assert problems(content) == [
        f"document.yml:{line + 3}: field 'drafts[0].description': 'point 40' refers to 40, which "
        "does not exist. Numbers run from 1 to 28."
    ]


OTHERS = [
    # (case, files to write, expected problems)
    (
        "related points, one a line",
        {POINT: f"{FRONT}related:\n  - 2\n  - 40\n  - 3\n---\nThe wording of the point.\n"},
        [f"{POINT}:10: field 'related': there is no point 40. Numbers run from 1 to 29."],
    ),
    (
        "an event's points, one a line",
        {TIMELINE: EVENT.replace("points: [5]\n", "points:\n  - 5\n  - 29\n") + "summary: x\n"},
        [f"{TIMELINE}:7: field 'points': there is no point 29. Numbers run from 1 to 28."],
    ),
    (
        "a form that another term claims, one a line",
        {
            "glossary/zz-a.yml": "term: zz sample term\ndefinition: x\nsources: [plan-article]\n",
            "glossary/zz-b.yml": (
                "term: zz other term\nforms:\n  - zz other\n  - ZZ  Sample Term\n"
                "definition: x\nsources: [plan-article]\n"
            ),
        },
        [
            "glossary/zz-b.yml:4: the form 'ZZ  Sample Term' of 'zz other term' is already "
            "claimed by 'zz sample term' (zz-a.yml). Keep it in one term only."
        ],
    ),
    (
        "a number that is not the file name's",
        {POINT: f"{FRONT}---\nThe wording of the point.\n".replace("number: 29", "number: 30")},
        [
            f"{POINT}:2: number 30 does not match the file name '29-zz-long.md'. Rename the "
            "file or fix the number.",
            "points:None: no file for number(s) 29: numbers must run from 1 with no gap "
            "(29-zz-long.md has number 30).",
        ],
    ),
]


@pytest.mark.parametrize(
    ("files", "expected"), [case[1:3] for case in OTHERS], ids=[case[0] for case in OTHERS]
)
def test_other_problems_across_files_are_at_their_lines(
    content: Path, files: dict[str, str], expected: list[str]
) -> None:
    for name, text in files.items():
        (content / name).parent.mkdir(exist_ok=True)
        (content / name).write_text(text, encoding="utf-8")
    assert problems(content) == expected


def node(text: str) -> yaml.ScalarNode:
    """The scalar under ``text:`` in a YAML document."""
    ((_, value),) = yaml.compose(text).value
    return value


@pytest.mark.parametrize(
    ("source", "word", "line"),
    [
        ("text: one line with the word\n", "word", 1),
        ("text: |\n  a\n\n  b\n  the word\n", "word", 5),
        ("text: |\n\n  the word\n", "word", 3),
        ("text: >\n  a\n  b\n\n\n  the word\n", "word", 6),
        ("text: >\n  a\n    more indented\n  the word\n", "word", 4),
        ("text: >2\n   indented by indicator\n  the word\n", "word", 3),
        ("text: plain\n  over\n  the word\n", "word", 3),
        ("text: 'single\n  quoted\n  the word'\n", "word", 3),
        ('text: "double\n  quoted\n  the word"\n', "word", 3),
        ('text: "an escape \\"here\\" then\n  the word"\n', "word", 2),
        ('text: "an escaped line \\\n  break\n  the word"\n', "word", 3),
    ],
)
def test_an_offset_in_a_yaml_text_maps_to_its_line(source: str, word: str, line: int) -> None:
    scalar = node(source)
    place = scalar_place(scalar, source.split("\n"))
    assert place.line_at(scalar.value, scalar.value.index(word)) == line


def test_a_place_counts_lines_or_looks_them_up() -> None:
    assert Place(7).line_at("a\nb\nc", 4) == 9
    table = Place(7, ((0, 7), (10, 9), (20, 12)))
    assert [table.line_at("", offset) for offset in (0, 9, 10, 19, 20, 99)] == [7, 7, 9, 9, 12, 12]
