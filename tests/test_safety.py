"""The safety check on its own: text in, what was found out (no files, no MkDocs)."""

from __future__ import annotations

import pytest

from mkdocs_plugins.numbered_document.safety import find_unsafe, find_unsafe_address, url_scheme

INSIDE = "written with '<', '>' or stray quotes inside"
REFUSED = [
    # (text, what is found, where it starts)
    ("<script>alert(1)</script>", "raw HTML <script>", 0),
    ("a <SCRIPT >x", "raw HTML <script>", 2),
    ("<script\n  src=x>", "raw HTML <script>", 0),
    ("text <script src=x", "an unfinished HTML tag '<script'", 5),
    ("<b/onclick=alert(1)>x</b>", "the event handler 'onclick' in <b>", 0),
    ("<abbr\ntitle=x ONMOUSEOVER=y>", "the event handler 'onmouseover' in <abbr>", 0),
    ("<span style='position:fixed'>x</span>", "the attribute 'style' in <span>", 0),
    ("<abbr title='a>b'>x</abbr>", f"the tag <abbr> {INSIDE}", 0),
    ('<a href="java&#x73;cript:x">x</a>', "a 'javascript:' address in <a href>", 0),
    ("</div>", "raw HTML </div>", 0),
    ("<!-- note -->", "an HTML comment '<!--'", 0),
    ("<![CDATA[x]]>", "the markup '<![CDATA[x'", 0),
    ("<?php x ?>", "the markup '<?'", 0),
    ("<![foo[bar]]>", "markup this check cannot read", 0),
    ("[x](javascript:alert(1))", "a link to a 'javascript:' address", 0),
    ("[x]( <JavaScript:alert(1)> )", "a link to a 'javascript:' address", 0),
    ("![x](jav\tascript:alert(1))", "an image to a 'javascript:' address", 0),
    ("[x](javascript&colon;alert(1))", "a link to a 'javascript:' address", 0),
    ("[x](vbscript:msgbox)", "a link to a 'vbscript:' address", 0),
    ("[x](data:text/html,hi)", "a link to a 'data:' address", 0),
    ("[x][r]\n\n[r]: javascript:alert(1)", "a link definition to a 'javascript:' address", 8),
    ("<javascript://%0aalert(1)>", "a link to a 'javascript:' address", 0),
    ("<javascript:alert(1)>", "a link to a 'javascript:' address", 0),
    ("Ours.\n{ onclick=alert(1) }", "the event handler 'onclick' in an attribute list '{ … }'", 6),
    ("*x*{: href=https://example.org }", "the attribute 'href' in an attribute list '{ … }'", 3),
    ("`<script>` in code", "raw HTML <script>", 1),
    ('--8<-- "README.md"', "the snippet marker '--8<--'", 0),
    ('Ours.\n;--8<-- ".ci/run"', "the snippet marker '--8<--'", 7),
    ("--8<--\nmkdocs.yml\n--8<--", "the snippet marker '--8<--'", 0),
    ("text -8<- [start:x]", "the snippet marker '-8<-'", 5),
    ("`--8<--` in code", "the snippet marker '--8<--'", 1),
]


@pytest.mark.parametrize(("text", "found", "start"), REFUSED)
def test_unsafe_text_is_found(text: str, found: str, start: int) -> None:
    findings = find_unsafe(text)
    assert [(f.found, f.start) for f in findings][:1] == [(found, start)]
    assert all(f.message.startswith(f"{f.found} is not allowed in content. ") for f in findings)


ALLOWED = [
    "Plain text, with Markdown: *emphasis*, **strong**, `code` and [a link](https://example.org).",
    '<abbr title="North Atlantic Treaty Organization">NATO</abbr>, 10<sup>3</sup>, H<sub>2</sub>O',
    "a line<br>and another<br/>",
    '<time datetime="2025-11-21">21 November</time>, <q lang="uk">Так</q>',
    "&lt;script&gt;alert(1)&lt;/script&gt; is text",
    "a < b, b > c, <3, a<-b",
    "<https://example.org/a?b=1> and <someone@example.org>",
    "[a page](../points/06.md#point-6) and [mail](mailto:someone@example.org)",
    "{sic} {once} { .note }",
    "data: 600 000; javascript: not a link",
    "Київ, «лапки» — п'ятсот",
    "the marker --8&lt;-- as text, 8 < 9, scissors 8<",
]


@pytest.mark.parametrize("text", ALLOWED)
def test_harmless_text_is_allowed(text: str) -> None:
    assert find_unsafe(text) == []


@pytest.mark.parametrize(
    ("url", "refused"),
    [
        ("https://example.org/a?b=1#c", False),
        ("http://example.org", False),
        ("javascript:alert(1)", True),
        ("x onmouseover=alert(1)", True),
        ("https://example.org/a b", True),
        ('https://example.org/"', True),
        ("mailto:someone@example.org", True),  # a source's address is a web page
    ],
)
def test_an_address_field_holds_one_web_address(url: str, refused: bool) -> None:
    assert bool(find_unsafe_address(url)) is refused


@pytest.mark.parametrize(
    ("url", "scheme"),
    [
        ("JavaScript:x", "javascript"),
        (" \tjava\nscript:x", "javascript"),
        ("&#106;avascript:x", "javascript"),
        ("&amp;#106;avascript:x", "javascript"),
        ("../a.md#b:c", None),
        ("#b", None),
        ("https://x", "https"),
    ],
)
def test_the_scheme_is_read_as_a_browser_reads_it(url: str, scheme: str | None) -> None:
    assert url_scheme(url) == scheme


def test_a_snippet_marker_says_what_it_would_do_and_what_to_write() -> None:
    (finding,) = find_unsafe('--8<-- "README.md"')
    assert finding.message == (
        "the snippet marker '--8<--' is not allowed in content. It pastes a file of the "
        "repository into the page where snippets are enabled: quote the text itself, or write "
        "the marker with '&lt;' ('--8&lt;--') to show it."
    )
