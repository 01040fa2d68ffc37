"""Cross-references in prose: Markdown in, exact HTML out (no MkDocs involved)."""

from __future__ import annotations

import markdown
import pytest

from mkdocs_plugins.numbered_document.references import (
    Linker,
    ReferencePattern,
    Target,
    reference_extension,
)

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
]


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
        "'point 10.9' refers to 10.9, which does not exist (valid numbers: 1–28); "
        "the text is left unlinked.",
        "'points 2 and 99' refers to 99, which does not exist (valid numbers: 1–28); "
        "the text is left unlinked.",
    ]
    assert linker.mentions["notes.md"] == {2}


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
