"""Pages as text: contributor text in generated Markdown shows as written."""

from __future__ import annotations

import markdown
import pytest
import yaml

from mkdocs_plugins.numbered_document.views import front_matter, md


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


def test_front_matter_is_escaped_plain_text_on_one_line() -> None:
    meta = yaml.safe_load(
        front_matter(
            'Size: 600,000 "troops" <i>\nsecond line', 'A *summary* with "quotes" & more'
        ).strip("-\n")
    )
    assert meta == {
        "title": "Size: 600,000 &quot;troops&quot; &lt;i&gt; second line",
        "description": "A summary with &quot;quotes&quot; &amp; more",
    }
