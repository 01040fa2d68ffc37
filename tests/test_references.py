"""Cross-references in prose: Markdown in, exact HTML out (no MkDocs involved)."""

from __future__ import annotations

from collections.abc import Iterable

import markdown
import pytest
from pydantic import ValidationError

from mkdocs_plugins.numbered_document.patterns import (
    DEFAULT_RANGES,
    ReferencePattern,
    missing_reason,
    range_words,
)
from mkdocs_plugins.numbered_document.references import Linker, Target, reference_extension
from mkdocs_plugins.numbered_document.schema import ItemWords

ITEMS = {10: 4, 21: 4}
NBSP = "\u00a0"


def make_linker(singular: str = "point", plural: str = "points", count: int = 28) -> Linker:
    targets = {
        n: Target(
            src_uri=f"points/{n:02d}.md",
            title=f"{singular.capitalize()} {n}: Title {n}",
            items=ITEMS.get(n, 0),
            anchor=lambda item, n=n: f"{singular}-{n}" + (f"-{item}" if item else ""),
        )
        for n in range(1, count + 1)
    }
    return Linker(pattern=ReferencePattern(singular, plural), targets=targets)


def render(source: str, linker: Linker, page: str = "notes.md", own: int | None = None) -> str:
    linker.start_page(page, own)
    md = markdown.Markdown(extensions=[reference_extension(linker), "attr_list", "md_in_html"])
    return md.convert(source)


def a(n: int, text: str, item: int | None = None, base: str = "points/") -> str:
    href = f"{base}{n:02d}.md" + (f"#point-{n}-{item}" if item else "")
    title = f"Point {n}: Title {n}" + (f", item {item}" if item else "")
    return f'<a class="nd-ref" href="{href}" title="{title}">{text}</a>'


CASES = [
    # --- must link
    ("see point 22", f"<p>see {a(22, 'point 22')}</p>"),
    ("Point 5 says so.", f"<p>{a(5, 'Point 5')} says so.</p>"),
    ("POINT 7 shouts", f"<p>{a(7, 'POINT 7')} shouts</p>"),
    ("points 5 and 10", f"<p>points {a(5, '5')} and {a(10, '10')}</p>"),
    ("points 5 or 10", f"<p>points {a(5, '5')} or {a(10, '10')}</p>"),
    ("points 5, 8 and 10", f"<p>points {a(5, '5')}, {a(8, '8')} and {a(10, '10')}</p>"),
    ("points 5, 8, and 10", f"<p>points {a(5, '5')}, {a(8, '8')}, and {a(10, '10')}</p>"),
    ("points 5–10", f"<p>points {a(5, '5')}–{a(10, '10')}</p>"),
    ("points 5-10", f"<p>points {a(5, '5')}-{a(10, '10')}</p>"),
    ("points 5 – 10", f"<p>points {a(5, '5')} – {a(10, '10')}</p>"),
    ("point 10.2 says", f"<p>{a(10, 'point 10.2', 2)} says</p>"),
    ("points 10.1 and 21.4", f"<p>points {a(10, '10.1', 1)} and {a(21, '21.4', 4)}</p>"),
    ("see point 22.", f"<p>see {a(22, 'point 22')}.</p>"),
    ("(point 3)", f"<p>({a(3, 'point 3')})</p>"),
    ("as in point 3, and also", f"<p>as in {a(3, 'point 3')}, and also</p>"),
    (f"point{NBSP}22", f"<p>{a(22, f'point{NBSP}22')}</p>"),
    ("*point 9* matters", f"<p><em>{a(9, 'point 9')}</em> matters</p>"),
    ("point 1 then point 2", f"<p>{a(1, 'point 1')} then {a(2, 'point 2')}</p>"),
    ("- item on point 4", f"<ul>\n<li>item on {a(4, 'point 4')}</li>\n</ul>"),
    ("> quoting point 6", f"<blockquote>\n<p>quoting {a(6, 'point 6')}</p>\n</blockquote>"),
    ("text **bold** point 8 tail", f"<p>text <strong>bold</strong> {a(8, 'point 8')} tail</p>"),
    ("| a |\n|---|\n| point 2 |", None),  # tables are not enabled: plain paragraph, still linked
    # --- must not link
    ("the 28 points", "<p>the 28 points</p>"),
    ("for 10 years", "<p>for 10 years</p>"),
    ("Article 5 of NATO", "<p>Article 5 of NATO</p>"),
    ("`point 5` in code", "<p><code>point 5</code> in code</p>"),
    ("    point 5 in a block", "<pre><code>point 5 in a block\n</code></pre>"),
    ("[point 5](elsewhere.md)", '<p><a href="elsewhere.md">point 5</a></p>'),
    ("## About point 5", "<h2>About point 5</h2>"),
    ("# Point 5", "<h1>Point 5</h1>"),
    ('![point 5](x.png "point 6")', '<p><img alt="point 5" src="x.png" title="point 6" /></p>'),
    ('<span title="point 5">x</span>', '<p><span title="point 5">x</span></p>'),
    ("checkpoint 5", "<p>checkpoint 5</p>"),
    ("point 5,000 troops", "<p>point 5,000 troops</p>"),
    ("point 5.5 million", "<p>point 5.5 million</p>"),
    ("point 50", "<p>point 50</p>"),  # does not exist: left as text (and reported)
    ("pointing 5 ways", "<p>pointing 5 ways</p>"),
    ("point five", "<p>point five</p>"),
    ("under point 4, 30 days later", f"<p>under {a(4, 'point 4')}, 30 days later</p>"),
    ("in point 7, 2 sides agree", f"<p>in {a(7, 'point 7')}, 2 sides agree</p>"),
    ("point 3 - 4 weeks", f"<p>{a(3, 'point 3')} - 4 weeks</p>"),
    ("point 5 and 10", f"<p>{a(5, 'point 5')} and 10</p>"),  # a list needs the plural
    ("point 5 to 10", f"<p>{a(5, 'point 5')} to 10</p>"),  # so does a range, unless "from"
    ("compare point 5 to point 10", f"<p>compare {a(5, 'point 5')} to {a(10, 'point 10')}</p>"),
    ("from 5 to 10 points", "<p>from 5 to 10 points</p>"),
]

RANGES = [
    # (text, exact HTML, the numbers recorded as referred to)
    ("points 5–10", f"<p>points {a(5, '5')}–{a(10, '10')}</p>", range(5, 11)),
    ("points 5 to 10", f"<p>points {a(5, '5')} to {a(10, '10')}</p>", range(5, 11)),
    ("Points 5 TO 10", f"<p>Points {a(5, '5')} TO {a(10, '10')}</p>", range(5, 11)),
    ("points 5 through 10", f"<p>points {a(5, '5')} through {a(10, '10')}</p>", range(5, 11)),
    ("points 1 to\n12", f"<p>points {a(1, '1')} to\n{a(12, '12')}</p>", range(1, 13)),
    ("points from 5 to 10", f"<p>points from {a(5, '5')} to {a(10, '10')}</p>", range(5, 11)),
    (
        "points from 5 through 7",
        f"<p>points from {a(5, '5')} through {a(7, '7')}</p>",
        range(5, 8),
    ),
    (
        "from point 5 to point 10",
        f"<p>from {a(5, 'point 5')} to {a(10, 'point 10')}</p>",
        range(5, 11),
    ),
    ("From point 2 to 4", f"<p>From {a(2, 'point 2')} to {a(4, '4')}</p>", range(2, 5)),
    ("from points 5 to 7", f"<p>from points {a(5, '5')} to {a(7, '7')}</p>", range(5, 8)),
    (
        "points 1 to 3 and 20",
        f"<p>points {a(1, '1')} to {a(3, '3')} and {a(20, '20')}</p>",
        [1, 2, 3, 20],
    ),
    (
        "points 1–2, 5 and from 7 to 9",
        f"<p>points {a(1, '1')}–{a(2, '2')}, {a(5, '5')} and from {a(7, '7')} to {a(9, '9')}</p>",
        [1, 2, 5, 7, 8, 9],
    ),
    ("points 10 to 8", f"<p>points {a(10, '10')} to {a(8, '8')}</p>", range(8, 11)),
    (
        "points 10.1 to 10.3",
        f"<p>points {a(10, '10.1', 1)} to {a(10, '10.3', 3)}</p>",
        [10],
    ),
    # Not ranges: the ends are single references, nothing between them is recorded.
    ("point 3 to point 6", f"<p>{a(3, 'point 3')} to {a(6, 'point 6')}</p>", [3, 6]),
    ("points 5 and 10", f"<p>points {a(5, '5')} and {a(10, '10')}</p>", [5, 10]),
    ("from 2 to 4 points", "<p>from 2 to 4 points</p>", []),
]


@pytest.mark.parametrize(("source", "expected", "recorded"), RANGES, ids=[r[0] for r in RANGES])
def test_a_range_links_both_ends_and_records_every_point_between(
    source: str, expected: str, recorded: Iterable[int]
) -> None:
    linker = make_linker()
    assert render(source, linker) == expected
    assert linker.mentions["notes.md"] == set(recorded)
    assert linker.problems == []


@pytest.mark.parametrize(("source", "expected"), CASES, ids=[c[0][:30] for c in CASES])
def test_reference_rendering(source: str, expected: str | None) -> None:
    html = render(source, make_linker())
    if expected is None:
        assert a(2, "point 2") in html
    else:
        assert html == expected


def test_a_point_never_links_to_itself_but_its_items_do() -> None:
    linker = make_linker()
    html = render("point 10 and point 10.2", linker, page="points/10.md", own=10)
    same_page = a(10, "point 10.2", 2).replace('href="points/10.md#', 'href="#')
    assert html == f"<p>point 10 and {same_page}</p>"
    assert linker.mentions["points/10.md"] == set()


def test_links_are_relative_to_the_page() -> None:
    html = render("point 3", make_linker(), page="guide/deep/page.md")
    assert 'href="../../points/03.md"' in html


def test_missing_points_and_items_are_reported_with_the_text() -> None:
    linker = make_linker()
    render("see point 40 and point 10.9; points 2 and 99", linker)
    assert linker.problems == [
        "'point 40' refers to 40, which does not exist (valid numbers: 1–28); "
        "the text is left unlinked.",
        "'point 10.9' refers to item 9 of point 10, whose sub-items are 10.1 to 10.4: write one "
        "of 'point 10.1' to 'point 10.4', or 'point 10'; the text is left unlinked.",
        "'points 2 and 99' refers to 99, which does not exist (valid numbers: 1–28); "
        "the text is left unlinked.",
    ]
    assert linker.mentions["notes.md"] == {2}


SUB_ITEMS = [
    # (text, the reason given): point 2 has no sub-items, point 10 has four, point 3 has one
    ("point 2.1", "refers to item 1 of point 2, which has no sub-items: write 'point 2'"),
    (
        "point 10.5",
        "refers to item 5 of point 10, whose sub-items are 10.1 to 10.4: write one of "
        "'point 10.1' to 'point 10.4', or 'point 10'",
    ),
    (
        "point 3.2",
        "refers to item 2 of point 3, whose only sub-item is 3.1: write 'point 3.1', or 'point 3'",
    ),
    (
        "point 10.0",
        "refers to item 0 of point 10, whose sub-items are 10.1 to 10.4: write one "
        "of 'point 10.1' to 'point 10.4', or 'point 10'",
    ),
]


@pytest.mark.parametrize(("source", "reason"), SUB_ITEMS, ids=[c[0] for c in SUB_ITEMS])
def test_a_sub_item_that_does_not_exist_names_the_valid_ones(source: str, reason: str) -> None:
    linker = make_linker()
    linker.targets[3] = Target("points/03.md", "Point 3: Title 3", 1, lambda item: "point-3")
    html = render(f"see {source} here", linker)
    assert html == f"<p>see {source} here</p>"
    assert linker.problems == [f"'{source}' {reason}; the text is left unlinked."]
    assert linker.mentions["notes.md"] == set()


def test_the_missing_reason_uses_the_documents_own_word() -> None:
    ref = ReferencePattern("article", "articles").find("article 2.1")[0].refs[0]
    reason = missing_reason(ref, {2: 0}.get, "article", "1–3")
    assert reason == "refers to item 1 of article 2, which has no sub-items: write 'article 2'"


def test_ranges_record_every_point_between_their_ends() -> None:
    linker = make_linker()
    render("points 5–8", linker)
    assert linker.mentions["notes.md"] == {5, 6, 7, 8}


def test_a_huge_range_costs_no_more_than_the_points_there_are() -> None:
    linker = make_linker()
    render("points 1–30000000", linker)
    assert linker.mentions["notes.md"] == set(range(1, 29))


def test_repeated_content_is_linked_but_neither_recorded_nor_reported() -> None:
    linker = make_linker()
    html = render('<div data-nd-repeated="" markdown>\n\npoint 3 and point 99\n\n</div>', linker)
    assert html == f"<div>\n<p>{a(3, 'point 3')} and point 99</p>\n</div>"
    assert linker.mentions["notes.md"] == set()
    assert linker.problems == []


def test_other_words_make_other_documents_work() -> None:
    linker = make_linker("article", "articles", count=3)
    html = render("Article 2 and articles 1 and 3, not point 2", linker)
    assert html.count('class="nd-ref"') == 3
    assert "not point 2</p>" in html


def test_the_pattern_is_compiled_once_and_scans_once() -> None:
    pattern = ReferencePattern("point", "points")
    found = pattern.find("point 1, then points 2–4 and 6; 28 points")
    assert [[r.number for r in ref.refs] for ref in found] == [[1], [2, 4, 6]]
    assert found[1].ranges == ((2, 4),)


def test_a_document_declares_its_own_range_words() -> None:
    pattern = ReferencePattern(
        "point", "points", ("and", "or"), ["up to", "between … and", "von … bis"]
    )
    linker = Linker(pattern=pattern, targets=make_linker().targets)
    cases = [
        ("points 2 up to 4", f"<p>points {a(2, '2')} up to {a(4, '4')}</p>", {2, 3, 4}),
        (
            "between points 5 and 7",
            f"<p>between points {a(5, '5')} and {a(7, '7')}</p>",
            {5, 6, 7},
        ),
        (
            "von point 5 bis point 8",
            f"<p>von {a(5, 'point 5')} bis {a(8, 'point 8')}</p>",
            {5, 6, 7, 8},
        ),
        ("points 5 and 7", f"<p>points {a(5, '5')} and {a(7, '7')}</p>", {5, 7}),
        ("points 2 to 4", f"<p>{a(2, 'points 2')} to 4</p>", {2}),  # "to" is not declared
        ("from point 2 to point 4", f"<p>from {a(2, 'point 2')} to {a(4, 'point 4')}</p>", {2, 4}),
    ]
    for source, expected, recorded in cases:
        assert render(source, linker) == expected, source
        assert linker.mentions["notes.md"] == recorded, source


def test_the_pattern_reads_the_range_words_of_a_document_file() -> None:
    words = ItemWords(singular="article", plural="articles", ranges=["bis", "von … bis"])
    pattern = ReferencePattern.for_words(words)
    assert [r.ranges for r in pattern.find("articles 1 bis 3; von article 2 bis article 3")] == [
        ((1, 3),),
        ((2, 3),),
    ]
    assert ItemWords(singular="point", plural="points").ranges == list(DEFAULT_RANGES)


def test_range_words_split_into_words_between_and_pairs() -> None:
    assert range_words(["to", "from … to", "from...through", " up  to "]) == (
        ["to", "up to"],
        {"from": ["to", "through"]},
    )


@pytest.mark.parametrize(
    ("ranges", "message"),
    [
        (
            ["from … to … end"],
            "'from … to … end' is not a range word: write one word between the ends (\"to\") or "
            "two words around the first end, joined by '…' (\"from … to\"), with no digits.",
        ),
        (["… to"], None),
        (["to 5"], None),
        (
            ["and"],
            "'and' is also a conjunction (it joins a list, as in `points 5 and 10`), so it cannot "
            "make a range too: remove it from one of the two lists, or use it in a pair "
            '("between … and").',
        ),
    ],
)
def test_unreadable_range_words_are_refused(ranges: list[str], message: str | None) -> None:
    with pytest.raises(ValidationError) as caught:
        ItemWords(singular="point", plural="points", ranges=ranges)
    (error,) = caught.value.errors()
    assert error["type"] == "range_words"
    assert error["loc"] == ("ranges",)
    if message is not None:
        assert error["msg"] == message


def test_a_document_without_range_words_keeps_the_en_dash_alone() -> None:
    linker = Linker(pattern=ReferencePattern("point", "points", ("and",), []), targets={})
    linker.targets = make_linker().targets
    assert render("points 2 to 4 and points 5–7", linker) == (
        f"<p>{a(2, 'points 2')} to 4 and points {a(5, '5')}–{a(7, '7')}</p>"
    )
    assert linker.mentions["notes.md"] == {2, 5, 6, 7}


def test_between_is_no_range_unless_declared() -> None:
    linker = make_linker()
    assert render("the tie between points 5 and 10", linker) == (
        f"<p>the tie between points {a(5, '5')} and {a(10, '10')}</p>"
    )
    assert linker.mentions["notes.md"] == {5, 10}
