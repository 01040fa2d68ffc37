"""Pages as text: contributor text in generated Markdown shows as written."""

from __future__ import annotations

import markdown
import pytest
import yaml

from mkdocs_plugins.numbered_document import late
from mkdocs_plugins.numbered_document.templating import front_matter_text, md, page_meta


@pytest.mark.parametrize(
    "text",
    [
        "C#",
        "A *starred* [link](x.md)",
        "Q & A <b>bold</b>",
        "{: #id } and {y}",
        "1. not a list",
        "pipes | and \\ backslashes",
        "St. Petersburg",
        "`code`",
        "> quote",
        "- dash",
        "~~strike~~",
    ],
)
def test_plain_text_survives_markdown_as_written(text: str) -> None:
    rendered = markdown.markdown(f"# {md(text)} {{ #anchor }}", extensions=["attr_list"])
    expected = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert rendered == f'<h1 id="anchor">{expected}</h1>'


def test_page_metadata_is_escaped_plain_text_on_one_line_also_as_front_matter() -> None:
    meta = page_meta('Size: 600,000 "troops" <i>\nsecond line', 'A *summary* with "quotes" & more')
    assert meta == {
        "title": "Size: 600,000 &quot;troops&quot; &lt;i&gt; second line",
        "description": "A summary with &quot;quotes&quot; &amp; more",
    }
    assert yaml.safe_load(front_matter_text(meta).strip("-\n")) == meta


def test_placeholders_are_filled_in_one_pass_and_others_left_alone() -> None:
    refers, used = late.REFERS_TO.format(number=3), late.USED_IN.format(term="de-facto")
    other = late.USED_IN.format(term="amnesty")
    page = f"<p>a</p>{refers}<p>b</p>{used}{other}"
    filled = late.fill_all(page, {refers: "<ul>R</ul>", used: "<ul>U</ul>"})
    assert filled == f"<p>a</p><ul>R</ul><p>b</p><ul>U</ul>{other}"
    assert all(late.PLACEHOLDER.fullmatch(p) for p in (refers, used, late.REFERENCED_BY))


def test_lists_written_between_comments_are_replaced_in_place() -> None:
    refers, used = late.REFERS_TO.format(number=3), late.USED_IN.format(term="de-facto")
    page = f"<p>a</p>{refers}<p>b</p>{used}"
    filled = late.fill_all(page, {refers: "<ul>R</ul>", used: "<ul>U</ul>"}, wrap=True)
    assert filled == (
        '<p>a</p><!--nd-late data-nd-refers-to="3"--><ul>R</ul><!--/nd-late-->'
        '<p>b</p><!--nd-late data-nd-used-in="de-facto"--><ul>U</ul><!--/nd-late-->'
    )
    again, missing = late.refill(filled, {used: "<ul>V</ul>"})
    assert (again, missing) == (filled.replace("<ul>U</ul>", "<ul>V</ul>"), set())
    # a page written without the comments cannot have its lists replaced: it says which
    assert late.refill(page, {refers: "<ul>R</ul>"}) == (page, {refers})


def test_a_source_shows_its_title_and_publisher_as_written() -> None:
    from mkdocs_plugins.numbered_document.catalog import Catalog, read_catalog
    from mkdocs_plugins.numbered_document.schema import Source
    from mkdocs_plugins.numbered_document.templating import Words

    source = Source(id="s", title="The *real* <b>deal</b>", publisher="A_B & C")
    words = Words(None, Catalog("en", read_catalog("en", [])))  # type: ignore[arg-type]
    rendered = markdown.markdown(words.cite(source))
    shown = "<em>The *real* &lt;b&gt;deal&lt;/b&gt;</em>, A_B &amp; C"
    assert rendered == f"<p>{shown}, no public address</p>"
    # with an address, the title links to it, marked as leaving the site
    linked = Source(id="t", title="A (b) c", publisher="P", url="https://example.org/a_(b)")
    rendered = markdown.markdown(words.cite(linked), extensions=["attr_list"])
    assert rendered == (
        '<p><a class="nd-external" href="https://example.org/a_(b%29" rel="external" '
        'title="Opens example.org: leaves this site"><em>A (b) c</em></a>, P</p>'
    )
